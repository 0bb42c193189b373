/**
 * Export as pure logic: from configurations as LaunchDarkly gives them to file text. The runs
 * against the emulator are in __tests__/integration/export.test.ts.
 */
import { parse } from 'yaml'
import { exportConfigurations, reportOfExport } from '../../src/core/export.js'
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

  it('names secret variables from the integration, the configuration and the key', async () => {
    const { variables, files } = await exportOf('custom-approvals', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f901',
        name: 'Approvals — prod (EU)',
        configValues: { apiKey: 'sup********123', baseURL: 'https://a.example.com' }
      }),
      // Reads the same once upper-cased and stripped: both get their IDs' ends, the first too.
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f902',
        name: 'approvals prod eu',
        configValues: { apiKey: 'abc********xyz' }
      }),
      live({ _id: '65f0c1d2e3a4b5c6d7e8f903', name: '✓✓✓', configValues: { apiKey: '****' } })
    ])
    expect(variables.map(v => v.name)).toEqual([
      'LAUNCHDARKLY_CUSTOM_APPROVALS_APPROVALS_PROD_EU_APIKEY_E8F901',
      'LAUNCHDARKLY_CUSTOM_APPROVALS_APPROVALS_PROD_EU_APIKEY_E8F902',
      'LAUNCHDARKLY_CUSTOM_APPROVALS_CONFIGURATION_APIKEY'
    ])
    for (const { name } of variables) expect(name).toMatch(/^[A-Z][A-Z0-9_]*$/)
    // No mask, nor any part of one, in the file.
    expect(files[0]?.text).not.toMatch(/\*{2,}|sup|123|xyz/)
  })

  it('names keys of one configuration that read the same apart, in the order of their paths', async () => {
    const { variables, files } = await exportOf('custom-approvals', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f901',
        name: 'Approvals',
        // Secret by LaunchDarkly's mask, whatever the key.
        configValues: { 'a.b': '****1', a_b: '****2', 'a-b': '****3' }
      })
    ])
    expect(variables.map(v => [v.path, v.name])).toEqual([
      ['/configValues/a.b', 'LAUNCHDARKLY_CUSTOM_APPROVALS_APPROVALS_A_B_E8F901_2'],
      ['/configValues/a_b', 'LAUNCHDARKLY_CUSTOM_APPROVALS_APPROVALS_A_B_E8F901_3'],
      ['/configValues/a-b', 'LAUNCHDARKLY_CUSTOM_APPROVALS_APPROVALS_A_B_E8F901']
    ])
    expect(new Set(variables.map(v => v.name)).size).toBe(3)
    const { configurations } = parse(files[0]?.text ?? '') as {
      configurations: { configValues: Record<string, string> }[]
    }
    expect(configurations[0]?.configValues).toEqual(
      Object.fromEntries(variables.map(v => [v.path.split('/')[2], `\${${v.name}}`]))
    )
  })

  it("never hands one configuration's variable to another that appears beside it", async () => {
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
    expect(alone.variables.map(v => v.name)).toEqual(['LAUNCHDARKLY_CUSTOM_APPROVALS_PROD_APIKEY'])
    // 'Prod' sorts first: had the first kept the bare name, Prod would take it, and with it the
    // repository secret set for prod.
    const both = await exportOf('custom-approvals', [prod, Prod])
    const byConfiguration = Object.fromEntries(both.variables.map(v => [v.configuration, v.name]))
    expect(byConfiguration).toEqual({
      Prod: 'LAUNCHDARKLY_CUSTOM_APPROVALS_PROD_APIKEY_E8F902',
      prod: 'LAUNCHDARKLY_CUSTOM_APPROVALS_PROD_APIKEY_E8F901'
    })
    expect(Object.values(byConfiguration)).not.toContain(alone.variables[0]?.name)
    // Whichever order LaunchDarkly lists them in.
    const reversed = await exportOf('custom-approvals', [Prod, prod])
    expect(reversed.variables).toEqual(both.variables)
  })

  it('lets a suffixed name give way to a bare one that reads the same', async () => {
    const { variables } = await exportOf('custom-approvals', [
      live({
        _id: '65f0c1d2e3a4b5c6d7e8f901',
        name: 'prod',
        configValues: { apiKey: '****', 'apiKey-e8f901': '****' }
      }),
      live({ _id: '65f0c1d2e3a4b5c6d7e8f902', name: 'Prod', configValues: { apiKey: '****' } })
    ])
    expect(variables.map(v => [v.configuration, v.path, v.name])).toEqual([
      ['Prod', '/configValues/apiKey', 'LAUNCHDARKLY_CUSTOM_APPROVALS_PROD_APIKEY_E8F902'],
      ['prod', '/configValues/apiKey', 'LAUNCHDARKLY_CUSTOM_APPROVALS_PROD_APIKEY_E8F901_2'],
      ['prod', '/configValues/apiKey-e8f901', 'LAUNCHDARKLY_CUSTOM_APPROVALS_PROD_APIKEY_E8F901']
    ])
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
