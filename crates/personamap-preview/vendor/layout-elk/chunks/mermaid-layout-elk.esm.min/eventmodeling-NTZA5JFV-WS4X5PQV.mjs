import{a as e,b as o}from"./chunk-OADDNPEB.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as EventModelingModule,o as createEventModelingServices};
