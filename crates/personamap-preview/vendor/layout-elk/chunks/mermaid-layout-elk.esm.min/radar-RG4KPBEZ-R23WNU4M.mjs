import{a as r,b as e}from"./chunk-SPJMNTTA.mjs";import"./chunk-43ZOLS2F.mjs";import"./chunk-SP2CHFBE.mjs";export{r as RadarModule,e as createRadarServices};
