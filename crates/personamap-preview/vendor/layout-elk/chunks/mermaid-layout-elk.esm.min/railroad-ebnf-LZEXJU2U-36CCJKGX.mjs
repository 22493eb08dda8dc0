import{a as r,b as o}from"./chunk-SUDHTYQN.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{r as RailroadEbnfModule,o as createRailroadEbnfServices};
