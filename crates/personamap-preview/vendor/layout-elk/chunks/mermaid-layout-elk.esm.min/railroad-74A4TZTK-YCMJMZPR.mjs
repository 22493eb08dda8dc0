import{a as r,b as o}from"./chunk-OWJUZ7TE.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{r as RailroadModule,o as createRailroadServices};
