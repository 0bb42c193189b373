/**
 * Export, in-process against the emulator: every kind of integration seeded, written as
 * desired-state files a team can commit (stable, schema-ordered, secrets as ${VAR} and never as
 * values), then planned again to find nothing to change.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { LaunchDarklyEmulator, type SeedConfiguration } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { visibleText } from '../helpers/github-markdown.js'
import { ldInputs, results, routesOf, run, writes } from '../helpers/fixtures.js'

const SECRETS = {
  approvals: 'approvals-secret-1234',
  staging: 'staging-secret-5678',
  gitar: 'gitar-token-abcdef',
  devin: 'devin-key-998877',
  openai: 'sk-openai-key-445566',
  pem: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----'
}

/** One configuration or more of every integration that supports configurations. */
const ESTATE: SeedConfiguration[] = [
  {
    integrationKey: 'custom-approvals',
    name: 'Approvals (prod)',
    tags: ['prod'],
    configValues: { baseURL: 'https://approvals.example.com', apiKey: SECRETS.approvals },
    capabilityConfig: { approvals: { additionalFormVariables: [] } }
  },
  {
    integrationKey: 'custom-approvals',
    name: 'Approvals (staging)',
    enabled: false,
    tags: ['staging', 'approvals'],
    // A literal ${...} in a value must come back as itself, not as a variable.
    configValues: { baseURL: 'https://approvals.example.com/${tenant}', apiKey: SECRETS.staging }
  },
  { integrationKey: 'custom-approvals-oauth', name: 'Approvals (OAuth)', configValues: {} },
  {
    integrationKey: 'gitar',
    name: 'Cleanup',
    configValues: { gitarToken: SECRETS.gitar, githubOrgName: 'acme' }
  },
  { integrationKey: 'devin', name: 'Devin', configValues: { apiKey: SECRETS.devin } },
  {
    integrationKey: 'aiconfig-test-run',
    name: 'AI tests',
    configValues: { provider: 'OpenAI', apiKey: SECRETS.openai }
  },
  {
    integrationKey: 'pagerduty-guardian-edition',
    name: 'Paging',
    configValues: { integrationKey: 'R0123', severity: 'critical', eventFilter: ['a', 'b'] }
  },
  { integrationKey: 'servicenow-app', name: 'Change approvals', configValues: {} },
  {
    integrationKey: 'snowflake-experimentation',
    name: 'Warehouse',
    configValues: {
      snowflakeHostAddress: 'https://x.snowflakecomputing.com',
      privateKey: SECRETS.pem
    }
  }
]

/** The desired-state schema's order of a configuration's keys. */
const SCHEMA_ORDER = Object.keys(
  (
    JSON.parse(
      readFileSync(new URL('../../schema/desired-state.schema.json', import.meta.url), 'utf8')
    ) as { definitions: { configuration: { properties: Record<string, unknown> } } }
  ).definitions.configuration.properties
)

let ld: LaunchDarklyEmulator
afterEach(() => ld.close())

const exportTo = (inputs: Record<string, string> = {}, files: Record<string, string> = {}) =>
  run(
    {
      inputs: ldInputs(ld, { 'export-to': 'launchdarkly', ...inputs }),
      files,
      collect: 'launchdarkly'
    },
    { secrets: Object.values(SECRETS) }
  )

const variables = (result: RunResult) =>
  JSON.parse(result.outputs['secret-variables'] ?? '[]') as string[]

describe.each([
  { mode: 'complete list items', listSummaries: false },
  { mode: 'list items as summaries', listSummaries: true }
])('export, with $mode', ({ listSummaries }) => {
  beforeEach(async () => {
    ld = await LaunchDarklyEmulator.start({ listSummaries })
    ld.seed(...ESTATE)
  })

  it('writes one file per integration that has configurations, secrets as ${VAR}', async () => {
    const result = await exportTo()
    expect(result.exitCode).toBe(0)
    expect(result.errors).toEqual([])
    const files = Object.keys(result.collected).sort()
    expect(files).toEqual([
      'launchdarkly/aiconfig-test-run.yaml',
      'launchdarkly/custom-approvals-oauth.yaml',
      'launchdarkly/custom-approvals.yaml',
      'launchdarkly/devin.yaml',
      'launchdarkly/gitar.yaml',
      'launchdarkly/pagerduty-guardian-edition.yaml',
      'launchdarkly/servicenow-app.yaml',
      'launchdarkly/snowflake-experimentation.yaml'
    ])
    expect((JSON.parse(result.outputs['exported-files'] ?? '[]') as string[]).sort()).toEqual(files)
    // One list per integration, and a read by ID only for the items a list summarised.
    const lists = routesOf(ld).filter(route => route.includes('/keys/'))
    expect(lists).toHaveLength(8)
    expect(routesOf(ld).length - lists.length).toBe(listSummaries ? ESTATE.length : 0)
    expect(writes(ld)).toHaveLength(0)

    const approvals = result.collected['launchdarkly/custom-approvals.yaml'] ?? ''
    expect(approvals.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/desired-state.schema.json'
    )
    const document = parse(approvals) as { configurations: Record<string, unknown>[] }
    // Sorted by name; keys in the schema's order; only id, integrationKey and writable fields.
    expect(document.configurations.map(c => c.name)).toEqual([
      'Approvals (prod)',
      'Approvals (staging)'
    ])
    expect(Object.keys(document.configurations[0] ?? {})).toEqual(SCHEMA_ORDER)
    // Named by integration, key and the configuration's ID (see the CHANGELOG: the name no longer
    // holds the configuration's name, which two configurations may share).
    const id = (name: string) => idOf(name).toUpperCase()
    expect(document.configurations[1]?.configValues).toEqual({
      baseURL: 'https://approvals.example.com/$${tenant}',
      apiKey: `\${LAUNCHDARKLY_CUSTOM_APPROVALS_API_KEY_${id('Approvals (staging)')}}`
    })
    expect(variables(result)).toEqual([
      `LAUNCHDARKLY_AICONFIG_TEST_RUN_API_KEY_${id('AI tests')}`,
      `LAUNCHDARKLY_CUSTOM_APPROVALS_API_KEY_${id('Approvals (prod)')}`,
      `LAUNCHDARKLY_CUSTOM_APPROVALS_API_KEY_${id('Approvals (staging)')}`,
      `LAUNCHDARKLY_DEVIN_API_KEY_${id('Devin')}`,
      `LAUNCHDARKLY_GITAR_GITAR_TOKEN_${id('Cleanup')}`,
      `LAUNCHDARKLY_SNOWFLAKE_EXPERIMENTATION_PRIVATE_KEY_${id('Warehouse')}`
    ])
    // No secret, and no mask of one, in any file.
    const all = Object.values(result.collected).join('\n')
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret)
    expect(all).not.toMatch(/\*{3,}/)
    // The summary says which secrets to create and gives the env: block to paste.
    const summary = visibleText(result.summary)
    expect(summary).toContain('Exported 9 configurations of 8 integrations to launchdarkly')
    expect(summary).toContain(
      `LAUNCHDARKLY_GITAR_GITAR_TOKEN_${id('Cleanup')}: \${{ secrets.LAUNCHDARKLY_GITAR_GITAR_TOKEN_${id('Cleanup')} }}`
    )
    expect(results(result)).toHaveLength(9)
    expect(result.outputs.changed).toBe('false')
  })

  it('exports every page of a paged list', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({ listSummaries, listPages: { size: 1 } })
    ld.seed(...ESTATE)
    const result = await exportTo({ 'integration-keys': 'custom-approvals' })
    expect(result.exitCode).toBe(0)
    const text = result.collected['launchdarkly/custom-approvals.yaml'] ?? ''
    expect(text).toContain('Approvals (prod)')
    expect(text).toContain('Approvals (staging)')
    // Two pages of one, and each summary read whole.
    expect(routesOf(ld)).toHaveLength(listSummaries ? 4 : 2)
  })

  it('writes the same bytes when it runs again', async () => {
    const first = await exportTo()
    const second = await exportTo({ 'export-overwrite': 'true' }, first.collected)
    expect(second.exitCode).toBe(0)
    expect(second.collected).toEqual(first.collected)
  })

  it('round trip: the exported files, planned with their secrets set, change nothing', async () => {
    const exported = await exportTo()
    ld.server.requests.length = 0
    const env = Object.fromEntries(
      variables(exported).map(name => [name, secretFor(name)] as [string, string])
    )
    const plan = await run(
      {
        inputs: ldInputs(ld, { 'desired-state-file': 'launchdarkly/*.yaml', 'dry-run': 'true' }),
        files: exported.collected,
        env
      },
      { secrets: Object.values(SECRETS) }
    )
    expect(plan.errors).toEqual([])
    expect(plan.exitCode).toBe(0)
    const statuses = results(plan).map(r => r.status)
    expect(statuses).toEqual(Array<string>(ESTATE.length).fill('unchanged'))
    expect(plan.outputs.changed).toBe('false')
    expect(writes(ld)).toHaveLength(0)
  })
})

/** The ID LaunchDarkly gave the configuration of this name. */
function idOf(name: string): string {
  const stored = ld.all().find(c => c.name === name)
  if (!stored) throw new Error(`no configuration ${name}`)
  return stored._id
}

/**
 * The value of each secret variable: what was seeded under that configuration (the ID the name
 * ends with) and key.
 */
function secretFor(name: string): string {
  const stored = ld.all().find(c => c._id.toUpperCase() === name.slice(-24))
  const secret = Object.values(SECRETS).find(value =>
    Object.values(stored?.configValues ?? {}).includes(value)
  )
  if (!secret) throw new Error(`no secret for ${name}`)
  return secret
}

describe('export: what it refuses', () => {
  beforeEach(async () => {
    ld = await LaunchDarklyEmulator.start()
    ld.seed(...ESTATE)
  })

  it('does not replace a file without export-overwrite, and says so before any request', async () => {
    const result = await exportTo({}, { 'launchdarkly/devin.yaml': '# mine\n' })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(result.errors[0]?.message).toMatch(
      /export-overwrite.*launchdarkly\/devin\.yaml exists already/
    )
    expect(ld.server.requests).toHaveLength(0)
    expect(result.collected['launchdarkly/devin.yaml']).toBe('# mine\n')
  })

  it('says which file it could not write, and why', async () => {
    const result = await run({
      inputs: ldInputs(ld, {
        'export-to': 'launchdarkly',
        'integration-keys': 'devin',
        'export-overwrite': 'true'
      }),
      files: { 'launchdarkly/devin.yaml/keep': 'a directory where the file goes' }
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toMatch(
      /`export-to`.*could not write launchdarkly\/devin\.yaml: a directory of that name is in the way/
    )
    expect(writes(ld)).toHaveLength(0)
  })

  it('never writes outside the workspace, not even through a link in it', async () => {
    const outside = await exportTo({ 'export-to': '../elsewhere' })
    expect(outside.exitCode).toBe(1)
    expect(outside.errors[0]?.message).toMatch(/`export-to`.*inside the repository/)
    const linked = await run({
      inputs: ldInputs(ld, { 'export-to': 'launchdarkly', 'integration-keys': 'devin' }),
      symlinks: { launchdarkly: '/tmp' }
    })
    expect(linked.exitCode).toBe(1)
    expect(linked.errors[0]?.message).toMatch(/outside the workspace, through a link/)
    // Not even a directory is made through the link, and LaunchDarkly is not asked.
    const elsewhere = mkdtempSync(join(tmpdir(), 'export-elsewhere-'))
    const deeper = await run({
      inputs: ldInputs(ld, { 'export-to': 'link/launchdarkly', 'integration-keys': 'devin' }),
      symlinks: { link: elsewhere }
    })
    expect(deeper.exitCode).toBe(1)
    expect(deeper.errors[0]?.message).toMatch(/`export-to`.*outside the workspace, through a link/)
    expect(readdirSync(elsewhere)).toEqual([])
    rmSync(elsewhere, { recursive: true })
    expect(ld.server.requests).toHaveLength(0)
  })

  it('exports only the integrations asked for, and reports one it cannot list', async () => {
    const result = await exportTo({ 'integration-keys': 'devin, gitar\nno-such-integration' })
    expect(result.exitCode).toBe(1)
    expect(Object.keys(result.collected).sort()).toEqual([
      'launchdarkly/devin.yaml',
      'launchdarkly/gitar.yaml'
    ])
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toMatch(/no-such-integration/)
    expect(result.outputs['failure-reason']).toBe('not-found')
  })
})
