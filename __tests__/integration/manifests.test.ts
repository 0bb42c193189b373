/**
 * What the manifests say of configValues, enforced before any write, in-process against the
 * emulator (which, like LaunchDarkly as far as its docs say, does not check them itself).
 */
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { ldInputs, run, writes } from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
beforeEach(async () => {
  ld = await LaunchDarklyEmulator.start()
})
afterEach(() => ld.close())

const annotations = (result: RunResult, level: 'warning' | 'notice' | 'error') =>
  result.annotations.filter(a => a.level === level).map(a => a.message)
const desired = (file: string, inputs: Record<string, string> = {}) =>
  run({
    inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', ...inputs }),
    files: { 'a.yaml': file }
  })

describe('manifest rules, before any write', () => {
  it('refuses to create a configuration without a key its manifest requires', async () => {
    const result = await desired(
      'integrationKey: gitar\nname: Cleanup\nconfigValues:\n  gitarToken: t0ken-value-1\n',
      { 'create-missing': 'true' }
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(result.errors[0]?.message).toMatch(/Gitar needs githubOrgName .* Nothing was written/)
    expect(writes(ld)).toHaveLength(0)
  })

  it('refuses to change a key LaunchDarkly locks once the configuration is saved', async () => {
    const [stored] = ld.seed({
      integrationKey: 'snowflake-experimentation',
      name: 'Warehouse',
      configValues: { snowflakeHostAddress: 'https://a.snowflakecomputing.com' }
    })
    const result = await desired(
      `id: ${stored?._id}\nconfigValues:\n  snowflakeHostAddress: https://b.snowflakecomputing.com\n`
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]?.message).toMatch(
      /does not allow editing snowflakeHostAddress .* after the configuration is saved/
    )
    expect(writes(ld)).toHaveLength(0)
  })

  it('creates an OAuth integration with a warning that the connection is still to be made', async () => {
    const result = await desired(
      'integrationKey: servicenow-app\nname: Change approvals\nconfigValues: {}\n',
      {
        'create-missing': 'true'
      }
    )
    expect(result.exitCode).toBe(0)
    expect(ld.all()).toHaveLength(1)
    expect(annotations(result, 'warning')).toEqual([
      expect.stringMatching(
        /ServiceNow.* needs an OAuth connection, which only LaunchDarkly's UI can make/
      )
    ])
  })

  it('writes a key its manifest does not know, warning with the key it probably meant', async () => {
    const [stored] = ld.seed({
      integrationKey: 'custom-approvals',
      name: 'Approvals',
      configValues: { baseURL: 'https://a.example.com', apiKey: 'supersecret123' }
    })
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': stored?._id ?? '',
        patch: '[{"op":"add","path":"/configValues/baseUrl","value":"https://b.example.com"}]'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(annotations(result, 'warning')).toEqual([
      expect.stringMatching(/configValues\.baseUrl is not a key of .*\(did you mean baseURL\?\)/)
    ])
    expect(writes(ld)).toHaveLength(1)
  })

  it('refuses a patch that sets an enum to a value the manifest does not allow, after one read', async () => {
    const [stored] = ld.seed({
      integrationKey: 'pagerduty-guardian-edition',
      name: 'Paging',
      configValues: { integrationKey: 'R0123', severity: 'error' }
    })
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': stored?._id ?? '',
        'patch-file': 'ops.yaml'
      }),
      files: { 'ops.yaml': '- {op: replace, path: /configValues/severity, value: urgent}\n' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]?.message).toMatch(
      /^Input `patch-file`: configValues\.severity \(Severity\) must be one of critical, warning, error, info/
    )
    expect(ld.server.requests).toHaveLength(1)
  })

  it('passes the keys of an integration it has no manifest of through, with a notice', async () => {
    const [stored] = ld.seed({
      integrationKey: 'datadog',
      name: 'Metrics',
      configValues: { site: 'datadoghq.com' }
    })
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': stored?._id ?? '',
        patch: '[{"op":"replace","path":"/configValues/site","value":"datadoghq.eu"}]'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(annotations(result, 'notice')).toEqual([
      expect.stringMatching(/no manifest of integration "datadog".*unchecked/)
    ])
    expect(ld.get(stored?._id ?? '')?.configValues.site).toBe('datadoghq.eu')
  })
})
