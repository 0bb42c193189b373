import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

/** What src/core may not import: it is the pure part (inputs → plan → patch → rendered diff). */
const NOT_IN_CORE = [
  {
    group: ['**/io/**', '**/io', '**/stages/**', '**/stages', '**/main.js', '**/index.js'],
    message: 'src/core is pure: the edges (io/, stages/, main) call it, never the reverse.'
  },
  {
    group: ['@actions/*', '@octokit/*'],
    message: 'src/core does no I/O: the runner and GitHub are reached through io/.'
  },
  {
    group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'node:child_process', 'child_process'],
    message: 'src/core does no I/O: files are read by io/files.ts and handed in.'
  }
]

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'src/generated/',
      'emulators/generated/',
      '.cache/'
    ]
  },
  js.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }
      ],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off'
    }
  },
  // Rules that need the types (as github/codeql-action runs them): a promise nobody awaits, an
  // assertion that asserts nothing, a switch that misses a case of a union.
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true }
      ],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/no-for-in-array': 'error'
    }
  },
  // The architecture: src/core imports no edge. (Import cycles are found by scripts/check.mjs,
  // from the TypeScript program it builds: `npm run check`.)
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: NOT_IN_CORE }] }
  }
)
