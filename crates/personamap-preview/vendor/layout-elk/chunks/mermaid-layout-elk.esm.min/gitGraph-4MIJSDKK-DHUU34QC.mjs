import{a as r,b as e}from"./chunk-MM7XHQCH.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{r as GitGraphModule,e as createGitGraphServices};
