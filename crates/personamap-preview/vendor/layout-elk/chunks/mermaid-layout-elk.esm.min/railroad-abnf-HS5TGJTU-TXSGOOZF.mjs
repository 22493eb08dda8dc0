import{a as r,b as o}from"./chunk-6XODBXN5.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{r as RailroadAbnfModule,o as createRailroadAbnfServices};
