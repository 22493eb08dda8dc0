import{a as e,b as r}from"./chunk-XJT3CF22.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as WardleyModule,r as createWardleyServices};
