import{a as o,b as e}from"./chunk-MW7CVTBC.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{o as InfoModule,e as createInfoServices};
