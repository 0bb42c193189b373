/**
 * The bad-input corpus (__tests__/fixtures/bad-input): every kind of input a user can get wrong,
 * one YAML file a case. Each case must end with exit 1, exactly one error annotation that names
 * the input and says how to fix it, failure-reason=invalid-input, and not a single request to
 * LaunchDarkly. Run whole in-process, and in part as the runner runs the bundle.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import type { RunOptions, RunResult } from '../../emulators/runner.js'
import { ldInputs } from './fixtures.js'

export interface BadInputCase {
  description: string
  inputs: Record<string, string>
  files?: Record<string, string>
  symlinks?: Record<string, string>
  'large-file'?: { path: string; bytes: number }
  /** Files whose bytes are not text (invalid UTF-8), as base64. */
  'files-base64'?: Record<string, string>
  /** A document nested `depth` levels deep, written out here rather than in the fixture. */
  'deep-file'?: { path: string; depth: number; style: 'json' | 'yaml' | 'yaml-block' }
  /** Extra environment for the run (a workflow name, say). */
  env?: Record<string, string>
  input: string
  message: string
}

const DIRECTORY = new URL('../fixtures/bad-input/', import.meta.url)

export const BAD_INPUT_CASES: readonly (readonly [string, BadInputCase])[] = readdirSync(DIRECTORY)
  .filter(name => name.endsWith('.yaml'))
  .sort()
  .map(name => [name, parse(readFileSync(new URL(name, DIRECTORY), 'utf8')) as BadInputCase])

/** The run a case describes, against the emulator. */
export function badInputRun(ld: LaunchDarklyEmulator, testCase: BadInputCase): RunOptions {
  const files: Record<string, string | Buffer> = { ...testCase.files }
  const large = testCase['large-file']
  if (large) {
    files[large.path] = JSON.stringify([
      { op: 'add', path: '/name', value: 'x'.repeat(large.bytes) }
    ])
  }
  for (const [path, base64] of Object.entries(testCase['files-base64'] ?? {})) {
    files[path] = Buffer.from(base64, 'base64')
  }
  const deep = testCase['deep-file']
  if (deep) files[deep.path] = deepDocument(deep.depth, deep.style)
  return {
    inputs: ldInputs(ld, { 'configuration-id': '65f0c1d2e3a4b5c6d7e8f901', ...testCase.inputs }),
    files,
    symlinks: testCase.symlinks,
    env: testCase.env
  }
}

export function expectRefused(
  result: RunResult,
  testCase: BadInputCase,
  ld: LaunchDarklyEmulator
): void {
  expect({ description: testCase.description, exitCode: result.exitCode }).toEqual({
    description: testCase.description,
    exitCode: 1
  })
  expect(result.errors).toHaveLength(1)
  const message = result.errors[0]?.message ?? ''
  expect(message).toContain(`Input \`${testCase.input}\``)
  expect(message).toMatch(new RegExp(testCase.message, 's'))
  expect(result.outputs['failure-reason']).toBe('invalid-input')
  expect(result.outputs.changed).toBe('false')
  expect(result.stderr).toBe('')
  expect(ld.server.requests).toHaveLength(0)
}

function deepDocument(depth: number, style: 'json' | 'yaml' | 'yaml-block'): string {
  if (style === 'json') {
    const value = `${'['.repeat(depth)}${']'.repeat(depth)}`
    return `[{"op": "add", "path": "/configValues/deep", "value": ${value}}]`
  }
  if (style === 'yaml') {
    return `id: 65f0c1d2e3a4b5c6d7e8f901\nconfigValues:\n  deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`
  }
  const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`)
  return `id: 65f0c1d2e3a4b5c6d7e8f901\nconfigValues:\n${lines.join('\n')} 1\n`
}
