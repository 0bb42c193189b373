/**
 * Export as pure logic: from configurations as LaunchDarkly gives them to file text. The runs
 * against the emulator are in __tests__/integration/export.test.ts.
 */
import { parse } from 'yaml'
import { exportConfigurations, reportOfExport } from '../../src/core/export.js'
import { proveRoundTrip } from '../../src/core/export-proof.js'
import { MAX_DOCUMENT_BYTES } from '../../src/core/documents.js'
import { secretVariableName } from '../../src/core/export-names.js'
import type { IntegrationConfiguration } from '../../src/core/types.js'

const live = (fields: Partial<IntegrationConfiguration> & { _id: string; name: string }) =>
  ({ _links: {}, _integrationKey: 'custom-approvals', ...fields }) as IntegrationConfiguration

const exportOf = (key: string, configurations: IntegrationConfiguration[]) =>
  exportConfigurations(new Map([[key, configurations]]), {
    directory: 'launchdarkly/',
    schema: '../schema/desired-state.schema.json'
  })

describe('exportConfigurations', () => {
  it('writes an ID that YAML would read as a number as a string', async () => {
    const id = '691234567890123456789012'
    const { files } = await exportOf('devin', [live({ _id: id, name: 'Devin' })])
    const text = files[0]?.text ?? ''
    expect(text).toContain(`id: "${id}"`)
    expect((parse(text) as { configurations: { id: unknown }[] }).configurations[0]?.id).toBe(id)
  })

  it('leaves out what LaunchDarkly sets itself, and writes the path without a trailing slash', async () => {
    const { files } = await exportOf('snowflake-experimentation', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f901',
        name: 'Warehouse',
        _createdAt: 1,
        _maintainerId: 'abc',
        snowflakeSetupScript: 'CREATE USER …',
        configValues: { snowflakeHostAddress: 'https://x.snowflakecomputing.com' }
      })
    ])
    expect(files[0]?.path).toBe('launchdarkly/snowflake-experimentation.yaml')
    const [document] = (parse(files[0]?.text ?? '') as { configurations: object[] }).configurations
    expect(Object.keys(document ?? {})).toEqual(['id', 'integrationKey', 'name', 'configValues'])
  })

  // The names no longer hold the configuration's name (issue 18): the four tests of how names that
  // read the same were told apart by ID suffixes became the tests below, of a name that is unique
  // by construction.
  it('names secret variables from the integration, the key and the configuration ID', async () => {
    const { variables, files } = await exportOf('custom-approvals', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f901',
        name: 'Approvals — prod (EU)',
        configValues: { apiKey: 'sup********123', baseURL: 'https://a.example.com' }
      }),
      live({ _id: '65f0c1d2e3a4b5c6d7e8f903', name: '✓✓✓', configValues: { apiKey: '****' } })
    ])
    expect(variables.map(v => v.name)).toEqual([
      'LAUNCHDARKLY_CUSTOM_APPROVALS_API_KEY_65F0C1D2E3A4B5C6D7E8F901',
      'LAUNCHDARKLY_CUSTOM_APPROVALS_API_KEY_65F0C1D2E3A4B5C6D7E8F903'
    ])
    for (const { name } of variables) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/)
    // No mask, nor any part of one, in the file.
    expect(files[0]?.text).not.toMatch(/\*{2,}|sup|123|xyz/)
  })

  it('spells every key apart, however alike they read', async () => {
    const keys = ['a.b', 'a_b', 'a-b', 'aB', 'AB', 'ab', 'a__b', 'a_0b', 'a b', 'a/b', 'é', '_1']
    const { variables, files } = await exportOf('custom-approvals', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f901',
        name: 'Approvals',
        // Secret by LaunchDarkly's mask, whatever the key.
        configValues: Object.fromEntries(keys.map((key, i) => [key, `****${i}`]))
      })
    ])
    expect(new Set(variables.map(v => v.name)).size).toBe(keys.length)
    expect(
      Object.fromEntries(
        variables.map(v => [v.path, v.name.slice('LAUNCHDARKLY_CUSTOM_APPROVALS_'.length, -25)])
      )
    ).toEqual({
      '/configValues/a.b': 'A_2B',
      '/configValues/a_b': 'A__B',
      '/configValues/a-b': 'A_1B',
      '/configValues/aB': 'A_B',
      '/configValues/AB': '_A_B',
      '/configValues/ab': 'AB',
      '/configValues/a__b': 'A____B',
      '/configValues/a_0b': 'A__0B',
      '/configValues/a b': 'A_3000020B',
      '/configValues/a~1b': 'A_300002FB',
      '/configValues/é': '_30000E9',
      '/configValues/_1': '__1'
    })
    const { configurations } = parse(files[0]?.text ?? '') as {
      configurations: { configValues: Record<string, string> }[]
    }
    expect(Object.values(configurations[0]?.configValues ?? {}).sort()).toEqual(
      variables.map(v => `\${${v.name}}`).sort()
    )
  })

  it("gives each secret the same name whatever else is exported, and never another's", async () => {
    const prod = live({
      _id: '65f0c1d2e3a4b5c6d7e8f901',
      name: 'prod',
      configValues: { apiKey: '****' }
    })
    const Prod = live({
      _id: '65f0c1d2e3a4b5c6d7e8f902',
      name: 'Prod',
      configValues: { apiKey: '****' }
    })
    const alone = await exportOf('custom-approvals', [prod])
    const both = await exportOf('custom-approvals', [Prod, prod])
    const byConfiguration = Object.fromEntries(both.variables.map(v => [v.configuration, v.name]))
    expect(byConfiguration.prod).toBe(alone.variables[0]?.name)
    expect(byConfiguration.Prod).not.toBe(byConfiguration.prod)
    // Two integrations, exported in two runs: the names that once read the same
    // (LAUNCHDARKLY_CUSTOM_APPROVALS_X_API_KEY) now carry the configuration they belong to.
    const one = await exportOf('custom', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f9aa',
        name: 'approvals x',
        configValues: { apiKey: '****' }
      })
    ])
    const other = await exportOf('custom-approvals', [
      live({ _id: '65f0c1d2e3a4b5c6d7e8f9bb', name: 'x', configValues: { apiKey: '****' } })
    ])
    expect(one.variables[0]?.name).not.toBe(other.variables[0]?.name)
  })

  it('writes only strings as placeholders: numbers, booleans and null at a secret path stay', async () => {
    const { variables, files } = await exportOf('custom-approvals', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f901',
        name: 'A',
        configValues: { tokenTtl: 3600, secretRequired: true, password: null, apiKey: 'abc' }
      })
    ])
    expect(variables.map(v => v.path)).toEqual(['/configValues/apiKey'])
    const { configurations } = parse(files[0]?.text ?? '') as {
      configurations: { configValues: Record<string, unknown> }[]
    }
    expect(configurations[0]?.configValues).toEqual({
      tokenTtl: 3600,
      secretRequired: true,
      password: null,
      apiKey: `\${${variables[0]?.name}}`
    })
  })

  it('splits an integration across files where one would pass the size limit', async () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      live({
        _id: `65f0c1d2e3a4b5c6d7e8${String(i).padStart(4, '0')}`,
        name: `C${String(i).padStart(2, '0')}`,
        configValues: { baseURL: `https://${'x'.repeat(200)}.example.com` }
      })
    )
    const { files, unexportable } = await exportConfigurations(
      new Map([['custom-approvals', many]]),
      { directory: 'ld', schema: 's.json' },
      2000
    )
    expect(unexportable).toEqual([])
    expect(files.length).toBeGreaterThan(3)
    expect(files.map(f => f.path).slice(0, 3)).toEqual([
      'ld/custom-approvals.yaml',
      'ld/custom-approvals--part-2.yaml',
      'ld/custom-approvals--part-3.yaml'
    ])
    for (const file of files) expect(Buffer.byteLength(file.text)).toBeLessThanOrEqual(2000)
    expect(files.flatMap(f => f.configurations.map(c => c.name))).toEqual(many.map(c => c.name))
    // Each part is a desired-state file of its own.
    expect(files[1]?.text).toMatch(
      /^# yaml-language-server: \$schema=s\.json\n# custom-approvals, part 2:/
    )
    expect(parse(files[1]?.text ?? '')).toHaveProperty('configurations')
  })

  it('sorts by name, then ID, and gives the same text whatever order the list came in', async () => {
    const a = live({ _id: '65f0c1d2e3a4b5c6d7e8f902', name: 'Same' })
    const b = live({ _id: '65f0c1d2e3a4b5c6d7e8f901', name: 'Same' })
    const c = live({ _id: '65f0c1d2e3a4b5c6d7e8f903', name: 'Alpha' })
    const one = await exportOf('devin', [a, b, c])
    const other = await exportOf('devin', [c, a, b])
    expect(one.files[0]?.text).toBe(other.files[0]?.text)
    expect(one.files[0]?.configurations.map(x => x._id)).toEqual([c._id, b._id, a._id])
  })

  it('writes no file for an integration without configurations, and reports counts only', async () => {
    const exported = await exportConfigurations(
      new Map([
        ['devin', []],
        ['gitar', [live({ _id: '65f0c1d2e3a4b5c6d7e8f901', name: 'G' })]]
      ]),
      { directory: 'ld', schema: 's.json' }
    )
    expect(reportOfExport(exported)).toEqual({
      files: [{ path: 'ld/gitar.yaml', integrationKey: 'gitar', count: 1 }],
      variables: []
    })
  })
})

describe('secretVariableName', () => {
  it('reads back one way only: no two paths of one configuration share a name', () => {
    const alphabet = ['a', 'B', '_', '-', '.', '0', '1', '3', ' ', 'é']
    const tokens = new Set<string>()
    const grow = (prefix: string, depth: number) => {
      if (prefix) tokens.add(prefix)
      if (depth === 0) return
      for (const c of alphabet) grow(prefix + c, depth - 1)
    }
    grow('', 3)
    const names = new Map<string, string>()
    const paths = [...tokens].flatMap(t => [[t], [t, 'x'], ['x', t], [t, t]])
    for (const path of paths) {
      const name = secretVariableName('custom-approvals', '65f0c1d2e3a4b5c6d7e8f901', [
        'configValues',
        ...path
      ])
      expect(name).toMatch(/^LAUNCHDARKLY_[A-Z0-9_]+$/)
      const other = names.get(name)
      if (other !== undefined) throw new Error(`${JSON.stringify(path)} and ${other} share ${name}`)
      names.set(name, JSON.stringify(path))
    }
    expect(names.size).toBe(paths.length)
  })
})

describe('a thousand configurations (moved from integration/export-round-trip.test.ts)', () => {
  // The run over HTTP of a round trip is there (every integration, one file each); this is the
  // split at the loader's real limit, and the proof the export stage gives before it writes.
  it('are split across files the loader takes, and re-plan to zero writes', async () => {
    const padding = 'x'.repeat(900)
    const thousand = Array.from({ length: 1000 }, (_, i) =>
      live({
        _id: `65f0c1d2e3a4b5c6d7e8${String(i).padStart(4, '0')}`,
        name: `Approvals ${String(i).padStart(4, '0')}`,
        enabled: i % 3 !== 0,
        tags: [`t${i % 7}`],
        configValues: {
          baseURL: `https://approvals-${i}.example.com/${padding}`,
          apiKey: `approvals-secret-${i}-0123456789`,
          retries: i
        }
      })
    )
    const exported = await exportConfigurations(new Map([['custom-approvals', thousand]]), {
      directory: 'ld',
      schema: 's.json'
    })
    expect(exported.unexportable).toEqual([])
    expect(exported.files.map(f => f.path).sort()).toEqual([
      'ld/custom-approvals--part-2.yaml',
      'ld/custom-approvals.yaml'
    ])
    // The loader's limit, which the export splits at.
    expect(MAX_DOCUMENT_BYTES).toBeLessThanOrEqual(1024 * 1024)
    for (const file of exported.files) {
      expect(Buffer.byteLength(file.text)).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES)
    }
    expect(exported.files.flatMap(f => f.configurations)).toHaveLength(1000)
    // Every file loaded by the action's loader, each secret variable set to what LaunchDarkly
    // holds, and every configuration planned against its source: nothing would be written.
    expect(await proveRoundTrip(exported)).toEqual([])
    expect(exported.variables).toHaveLength(1000)
  })
})
