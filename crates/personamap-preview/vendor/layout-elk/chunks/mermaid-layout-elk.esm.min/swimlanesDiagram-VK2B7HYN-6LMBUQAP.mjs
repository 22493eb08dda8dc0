import{a as o,b as e}from"./chunk-IXYO3R2K.mjs";import"./chunk-LVP3I43N.mjs";import"./chunk-4TXJ7IOA.mjs";import"./chunk-7J6TXSD2.mjs";import"./chunk-FAKCP3LS.mjs";import"./chunk-ZPWYIJC4.mjs";import"./chunk-5DGRNLSB.mjs";import"./chunk-GOLVZYJH.mjs";import"./chunk-MZSBHOEM.mjs";import"./chunk-UR2PQUNT.mjs";import"./chunk-F6PNSXUW.mjs";import"./chunk-R4TKGPEV.mjs";import"./chunk-MO472DYL.mjs";import"./chunk-KWJPGVRL.mjs";import"./chunk-UHXREBDU.mjs";import"./chunk-U6PWSEAI.mjs";import"./chunk-MA7QUKCW.mjs";import"./chunk-PI4FTPSL.mjs";import"./chunk-OOVTRAKB.mjs";import{a as r}from"./chunk-L27A2YCO.mjs";import"./chunk-SP2CHFBE.mjs";var m=r(t=>`${o(t)}
  .swimlane.cluster rect {
    stroke: ${t.clusterBorder} !important;
  }
  [data-look="neo"].cluster rect {
    filter: none;
  }
`,"getStyles"),i=m,B=e({defaultLayout:"swimlane",styles:i});export{B as diagram};
