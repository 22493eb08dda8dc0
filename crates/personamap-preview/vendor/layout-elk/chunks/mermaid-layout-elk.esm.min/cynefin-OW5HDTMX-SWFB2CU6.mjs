import{a as e,b as r}from"./chunk-SS4FF4DJ.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as CynefinModule,r as createCynefinServices};
