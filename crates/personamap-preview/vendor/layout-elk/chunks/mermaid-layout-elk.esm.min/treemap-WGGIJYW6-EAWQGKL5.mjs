import{a as e,b as r}from"./chunk-OXL26JQW.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as TreemapModule,r as createTreemapServices};
