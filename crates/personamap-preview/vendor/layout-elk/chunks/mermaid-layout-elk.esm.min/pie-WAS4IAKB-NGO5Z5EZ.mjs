import{a as e,b as r}from"./chunk-5SWD2QAU.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as PieModule,r as createPieServices};
