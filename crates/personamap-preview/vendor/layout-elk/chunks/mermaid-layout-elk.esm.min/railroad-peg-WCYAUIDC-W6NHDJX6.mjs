import{a as e,b as r}from"./chunk-ABXA2HOG.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as RailroadPegModule,r as createRailroadPegServices};
