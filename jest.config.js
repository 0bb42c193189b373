/** Jest runs the TypeScript sources as ESM (the action's dependencies are ESM only). */
import { availableParallelism } from 'node:os'

export default {
  // Jest's default (one worker fewer than the cores) runs in band on two cores: under `npm test`,
  // the unit tier is the last to finish, and would leave the second core idle once the others end.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  testEnvironment: 'node',
  // Sources import siblings as './x.js' (ESM style); map them back to the .ts files.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  extensionsToTreatAsEsm: ['.ts'],
  // TypeScript is only stripped here (the type check is `npm run check`'s): swc does it without
  // loading the TypeScript compiler in every worker, a fifth of the unit tier's CPU on a fresh clone.
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }
    ]
  },
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  testTimeout: 60000,
  verbose: false
}
