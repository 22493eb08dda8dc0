import{a as e,b as r}from"./chunk-ODVQFJVX.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{e as TreeViewModule,r as createTreeViewServices};
