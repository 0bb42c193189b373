/**
 * Issue 18: an export proves its own round trip. In-process against the emulator: every
 * integration's manifest, with numbers, booleans, null and nested values beside the manifest's keys,
 * exported and planned again to zero writes; what cannot read back (a capability key the schema
 * does not know, a value the manifest refuses) fails the export by name with no file written. (A
 * thousand configurations, split across files, are in unit/export.test.ts.)
 */
import { LaunchDarklyEmulator, type SeedConfiguration } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { secretVariableName } from '../../src/core/export-names.js'
import type { ManifestVariable } from '../../src/core/manifest-types.js'
import { MANIFESTS } from '../../src/generated/manifests.js'
import { ldInputs, results, run, writes } from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
beforeEach(async () => {
  ld = await LaunchDarklyEmulator.start()
})
afterEach(() => ld.close())

/** A value that fits what the manifest says of a key. */
function fitting(variable: ManifestVariable, i: number): unknown {
  switch (variable.type) {
    case 'enum':
      return variable.allowedValues?.[0] ?? 'a'
    case 'boolean':
      return i % 2 === 0
    case 'uri':
      return `https://${variable.key.toLowerCase()}.example.com/?a=1&b=2`
    case 'multiselect':
      return variable.allowedValues?.slice(0, 2) ?? ['a', 'b']
    case 'environmentSelector':
      return { projectKey: 'default', environmentKeys: ['production'] }
    default:
      return variable.isSecret ? `secret-${variable.key}-${i}-value` : `${variable.key} ${i}`
  }
}

/** Beside the manifest's keys: numbers, booleans, null, nested values, a literal ${. */
const EXTRAS = {
  retries: 3,
  ratio: 0.25,
  verbose: true,
  quiet: false,
  nothing: null,
  tokenTtl: 3600,
  nested: { deep: [1, 'two', false, { three: 3.5 }] },
  template: 'literal ${not-a-variable}'
}

const exportAll = (inputs: Record<string, string> = {}) =>
  run({ inputs: ldInputs(ld, { 'export-to': 'ld', ...inputs }), collect: 'ld' })

/** Each secret variable of an export, set to the value LaunchDarkly holds there. */
function secretsOf(exported: RunResult): Record<string, string> {
  const env: Record<string, string> = {}
  for (const stored of ld.all()) {
    for (const [key, value] of Object.entries(stored.configValues)) {
      if (typeof value !== 'string') continue
      env[secretVariableName(stored._integrationKey, stored._id, ['configValues', key])] = value
    }
  }
  const names = JSON.parse(exported.outputs['secret-variables'] ?? '[]') as string[]
  return Object.fromEntries(names.map(name => [name, env[name] ?? '']))
}

async function replan(exported: RunResult): Promise<RunResult> {
  ld.server.requests.length = 0
  return run({
    inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', 'dry-run': 'true' }),
    files: exported.collected,
    env: secretsOf(exported)
  })
}

describe('export → plan, over every integration’s manifest', () => {
  it('re-plans to zero writes, numbers and booleans included', async () => {
    const seeds: SeedConfiguration[] = Object.entries(MANIFESTS).flatMap(
      ([integrationKey, manifest]) =>
        [0, 1].map(i => ({
          integrationKey,
          name: `${manifest.name} ${i}`,
          enabled: i === 0,
          tags: i === 0 ? [] : ['b', 'a'],
          configValues: {
            ...Object.fromEntries(manifest.formVariables.map(v => [v.key, fitting(v, i)])),
            ...EXTRAS
          }
        }))
    )
    ld.seed(...seeds)
    const exported = await exportAll()
    expect(exported.errors).toEqual([])
    expect(exported.exitCode).toBe(0)
    expect(Object.keys(exported.collected)).toHaveLength(Object.keys(MANIFESTS).length)
    const text = Object.values(exported.collected).join('\n')
    expect(text).toContain('retries: 3')
    expect(text).toContain('ratio: 0.25')
    expect(text).toContain('tokenTtl: 3600')
    expect(text).toContain('nothing: null')
    const plan = await replan(exported)
    expect(plan.errors).toEqual([])
    expect(results(plan).map(r => r.status)).toEqual(Array(seeds.length).fill('unchanged'))
    expect(writes(ld)).toHaveLength(0)
  })
})

describe('what would not read back fails the export by name, before any file is written', () => {
  it.each([
    [
      'a capability key the schema does not list',
      {
        integrationKey: 'custom-approvals',
        name: 'Approvals (next)',
        configValues: { baseURL: 'https://a.example.com', apiKey: 'abcdefghijkl' },
        capabilityConfig: { approvals: { additionalFormVariables: [] }, futureThing: { on: true } }
      },
      /`futureThing` is not a field here/
    ],
    [
      'a value the manifest refuses',
      {
        integrationKey: 'pagerduty-guardian-edition',
        name: 'Paging (odd)',
        configValues: { integrationKey: 12345, severity: 'critical' }
      },
      /configValues\.integrationKey \(.*\) must be a string, not 12345/
    ]
  ])('%s', async (_what, odd, message) => {
    ld.seed(
      { integrationKey: 'devin', name: 'Devin', configValues: { apiKey: 'devin-key-998877' } },
      odd
    )
    const exported = await exportAll()
    expect(exported.exitCode).toBe(1)
    expect(exported.outputs['failure-reason']).toBe('api-error')
    expect(exported.collected).toEqual({})
    expect(JSON.parse(exported.outputs['exported-files'] ?? '[]')).toEqual([])
    const failed = results(exported).filter(r => r.status === 'failed')
    expect(failed.map(r => r.name)).toEqual([odd.name])
    expect(failed[0]?.error).toMatch(
      new RegExp(
        `^${odd.name.replace(/[()]/g, '\\$&')} \\([0-9a-f]{24}, ${odd.integrationKey}\\) cannot be exported so that it reads back: `
      )
    )
    expect(failed[0]?.error).toMatch(message)
    expect(failed[0]?.error).toContain('No file was written.')
  })
})

// "a thousand configurations are split across files the loader takes, and re-plan to zero writes"
// is pure, with the same data at the loader's real limit, in unit/export.test.ts: the export and
// the proof its stage gives before writing (every file loaded, every configuration re-planned).
// The round trip over HTTP, files on disk included, is the first test above.
