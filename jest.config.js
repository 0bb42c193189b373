/** Jest runs the TypeScript sources as ESM (the action's dependencies are ESM only). */
import { availableParallelism } from 'node:os'

export default {
  // Jest's default (one worker fewer than the cores) runs in band on two cores: under `npm test`,
  // the unit tier is the last to finish, and would leave the second core idle once the others end.
  maxWorkers: Math.max(2, availableParallelism() - 1),
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
