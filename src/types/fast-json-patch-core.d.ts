// fast-json-patch's ES module core (src/core/json-patch.ts says why that file): its types are the
// package's module/core.d.ts, which TypeScript does not pair with a .mjs file by itself.
declare module 'fast-json-patch/module/core.mjs' {
  export * from 'fast-json-patch/module/core'
}
