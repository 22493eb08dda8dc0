import{a as e,b as r}from"./chunk-IFZPXJGJ.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as ArchitectureModule,r as createArchitectureServices};
