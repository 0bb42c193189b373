/** Jest runs the TypeScript sources as ESM (the action's dependencies are ESM only). */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  // Sources import siblings as './x.js' (ESM style); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  verbose: false
}
