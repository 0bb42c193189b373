/**
 * Secrets under hostile input, run as the runner runs the action: values whose characters Markdown
 * escapes, values substituted under keys that do not look secret, secrets LaunchDarkly echoes in
 * error bodies, patches that would move or copy a secret, and secrets that are common words or
 * very short. Every run goes through the canary check, which also reads Markdown as GitHub renders
 * it (entities decoded).
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import { LaunchDarklyEmulator, ROUTES, WRITER_TOKEN } from '../../emulators/launchdarkly.js'
import { runAction, type RunOptions } from '../../emulators/runner.js'
import { asRendered, expectNoSecrets } from '../helpers/canaries.js'
import { diffBlocks } from '../helpers/github-markdown.js'
import {
  APPROVALS_SECRET,
  ldInputs,
  results,
  run,
  seedApprovals,
  writes
} from '../helpers/fixtures.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

/** A run that comments on pull request 7, so that the comment is checked for canaries too. */
function runWithComment(options: RunOptions, secrets: string[]) {
  return run(
    {
      githubApiUrl: gh.url,
      githubToken: INSTALLATION_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent(),
      ...options,
      inputs: { 'comment-on-pr': 'true', ...options.inputs }
    },
    { github: gh, secrets }
  )
}

const comment = () => gh.comments('acme', 'platform-config', 7)[0]?.body ?? ''

describe('a substituted value is masked before any error about its file can quote it', () => {
  const value = 'hunter2-supersecret-provider'

  it.each([
    [
      'a manifest check',
      `integrationKey: aiconfig-test-run\nname: AI tests\nconfigValues:\n  provider: \${VALUE}\n`
    ],
    [
      'two configurations of the same name',
      `configurations:\n  - {integrationKey: custom-approvals, name: '\${VALUE}'}\n  - {integrationKey: custom-approvals, name: '\${VALUE}'}\n`
    ]
  ])('%s', async (_what, text) => {
    const result = await runWithComment(
      {
        inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', 'dry-run': 'true' }),
        files: { 'a.yaml': text },
        env: { VALUE: value }
      },
      [value]
    )
    // The input error is reported in the log, the summary and the comment: none holds the value
    // (the canary check of `run` reads them all, and the comment).
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(result.errors).toHaveLength(1)
    expect(comment()).toContain('could not be checked')
    expect(ld.server.requests).toHaveLength(0)
  })
})

describe('secrets are redacted before anything escapes them', () => {
  // Every character here is one that Markdown rendering turns into an entity.
  const hook = 'https://hooks.example.com/T0_a:b&c#d"e|f*g~h[i]j!k\\l`m'

  it('a ${VAR} under a key that does not look secret (a webhook URL)', async () => {
    const { _id } = seedApprovals(ld)
    const result = await runWithComment(
      {
        inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', 'dry-run': 'true' }),
        files: { 'a.yaml': `id: ${_id}\nconfigValues:\n  baseURL: \${HOOK}\n  apiKey: \${KEY}\n` },
        env: { HOOK: hook, KEY: APPROVALS_SECRET }
      },
      [hook]
    )
    expect(result.exitCode).toBe(0)
    expect(results(result.outputs)[0]?.status).toBe('would-update')
    for (const text of [result.summary, result.outputs.diff ?? '', comment()]) {
      expect(diffBlocks(text)).toContainEqual([
        ' configValues:',
        '-  baseURL: (secret)',
        '+  baseURL: (secret: changed)'
      ])
    }
    expect(JSON.parse(result.outputs.patch ?? '[]')).toContainEqual({
      op: 'replace',
      path: '/configValues/baseURL',
      value: '(secret: changed)'
    })
  })

  it('a ${VAR} inside capabilityConfig, created from a pull request file', async () => {
    const secret = 'form-secret_with:odd&chars#1'
    const result = await runWithComment(
      {
        inputs: ldInputs(ld, {
          'desired-state-file': 'a.yaml',
          'dry-run': 'true',
          'create-missing': 'true'
        }),
        files: {
          'a.yaml': [
            'integrationKey: custom-approvals',
            'name: New approvals',
            'configValues: {baseURL: "https://approvals.example.com", apiKey: "${KEY}"}',
            'capabilityConfig:',
            '  approvals:',
            '    additionalFormVariables:',
            '      - {key: ticket, name: Ticket, type: string, description: "${FORM}"}',
            ''
          ].join('\n')
        },
        env: { FORM: secret, KEY: APPROVALS_SECRET }
      },
      [secret]
    )
    expect(result.exitCode).toBe(0)
    expect(results(result.outputs)[0]?.status).toBe('would-create')
    expect(asRendered(comment())).toContain('(secret: changed)')
  })

  it('a secret with _ : & # that LaunchDarkly echoes in an error body', async () => {
    const secret = 'echo_me:now&then#42'
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults(
      { method: 'PATCH', route: ROUTES.item },
      {
        kind: 'status',
        status: 400,
        body: { code: 'invalid_request', message: `apiKey ${secret} is not accepted`, id: 'e-2' }
      }
    )
    const result = await runWithComment(
      {
        inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
        files: {
          'a.yaml': `id: ${_id}\nconfigValues:\n  baseURL: https://approvals.example.com\n  apiKey: \${KEY}\n`
        },
        env: { KEY: secret }
      },
      [secret]
    )
    expect(result.exitCode).toBe(1)
    for (const text of [result.summary, result.outputs.diff ?? '', comment()]) {
      expect(asRendered(text)).toContain('apiKey *** is not accepted')
    }
  })

  it('a PEM private key echoed line by line in a 400', async () => {
    const pem = [
      '-----BEGIN PRIVATE KEY-----',
      'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
      'MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu',
      '-----END PRIVATE KEY-----'
    ].join('\n')
    const [stored] = ld.seed({
      integrationKey: 'snowflake-experimentation',
      name: 'Warehouse',
      configValues: { snowflakeHostAddress: 'https://x.snowflakecomputing.com' }
    })
    const id = stored?._id ?? ''
    ld.server.injectFaults(
      { method: 'PATCH', route: ROUTES.item },
      {
        kind: 'status',
        status: 400,
        body: { code: 'invalid_request', message: `bad key:\n${pem}\n(rejected)` }
      }
    )
    const result = await runWithComment(
      {
        inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
        files: {
          'a.yaml': `id: ${id}\nconfigValues:\n  snowflakeHostAddress: https://x.snowflakecomputing.com\n  privateKey: \${PEM}\n`
        },
        env: { PEM: pem }
      },
      [pem]
    )
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]?.message).toContain('bad key:')
    expect(asRendered(result.summary)).not.toContain('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')
  })
})

describe('a patch cannot destroy or expose a secret', () => {
  it.each([
    ['move a secret to another key', 'move', '/configValues/apiKey', '/configValues/apiKeyOld'],
    ['copy a secret into the name', 'copy', '/configValues/apiKey', '/name'],
    ['copy a secret into the tags', 'copy', '/configValues/apiKey', '/tags/-'],
    ['copy a secret over another value', 'copy', '/configValues/apiKey', '/configValues/baseURL'],
    ['copy an object that holds a secret', 'copy', '/configValues', '/capabilityConfig/copy']
  ])('refuses to %s, before any write', async (_title, op, from, path) => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: JSON.stringify([{ op, from, path }])
      })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toMatch(/takes its value from a secret.*masked/)
    expect(writes(ld)).toHaveLength(0)
    expect(ld.get(_id)?.configValues.apiKey).toBe(APPROVALS_SECRET)
  })

  it('refuses a test of an object that holds a secret, sending nothing', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: JSON.stringify([
          { op: 'test', path: '/configValues', value: { baseURL: 'x', apiKey: 'y' } },
          { op: 'replace', path: '/enabled', value: false }
        ])
      })
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(result.errors[0]?.message).toMatch(/tests a value that is or holds a secret/)
    expect(ld.server.requests).toHaveLength(1)
  })

  it('still moves a value that is not secret', async () => {
    const { _id } = seedApprovals(ld, {
      configValues: {
        baseURL: 'https://approvals.example.com',
        apiKey: APPROVALS_SECRET,
        legacyURL: 'https://old.example.com'
      }
    })
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: '[{"op":"move","from":"/configValues/legacyURL","path":"/configValues/fallbackURL"}]'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.configValues).toEqual({
      baseURL: 'https://approvals.example.com',
      apiKey: APPROVALS_SECRET,
      fallbackURL: 'https://old.example.com'
    })
  })
})

describe('secrets that are common words or very short', () => {
  it('a substituted value "true" leaves booleans and JSON outputs intact', async () => {
    const { _id } = seedApprovals(ld)
    // Not through the canary helper: "true" is bound to appear as the boolean output `changed`.
    const result = await runAction({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
      files: {
        'a.yaml': `id: ${_id}\nenabled: false\nconfigValues:\n  baseURL: https://approvals.example.com\n  apiKey: \${KEY}\n  mode: \${MODE}\n`
      },
      env: { MODE: 'true', KEY: APPROVALS_SECRET }
    })
    expectNoSecrets(result, [APPROVALS_SECRET, WRITER_TOKEN])
    expect(result.exitCode).toBe(0)
    expect(result.outputs.changed).toBe('true')
    const configuration = JSON.parse(result.outputs.configuration ?? '') as Record<string, unknown>
    expect(configuration).toMatchObject({
      enabled: false,
      configValues: { mode: '(secret: changed)' }
    })
    expect(JSON.parse(result.outputs.patch ?? '')).toContainEqual({
      op: 'add',
      path: '/configValues/mode',
      value: '(secret: changed)'
    })
    expect(() => JSON.parse(result.outputs.results ?? '')).not.toThrow()
    expect(result.summary).not.toContain('"true"')
    expect(ld.get(_id)?.configValues.mode).toBe('true')
    // The undo restores the boolean (a value "true" is secret only as a string), never the secret.
    expect(JSON.parse(result.outputs['undo-patch'] ?? '')).toEqual([
      { op: 'test', path: '/enabled', value: false },
      { op: 'replace', path: '/enabled', value: true }
    ])
  })

  it('a three-character secret is redacted where it is a value and scrubbed where it stands alone', async () => {
    const { _id } = seedApprovals(ld)
    const file = {
      'a.yaml': `id: ${_id}\nconfigValues:\n  baseURL: https://approvals.example.com\n  apiKey: \${KEY}\n  region: \${REGION}\n`
    }
    const env = { REGION: 'x7Q', KEY: APPROVALS_SECRET }
    const standsAlone = /(?<![A-Za-z0-9])x7Q(?![A-Za-z0-9])/
    const plan = await run({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml', 'dry-run': 'true' }),
      files: file,
      env
    })
    expect(JSON.parse(plan.outputs.patch ?? '')).toEqual([
      { op: 'add', path: '/configValues/region', value: '(secret: changed)' }
    ])
    for (const text of [plan.summary, plan.outputs.diff ?? '', plan.stdout]) {
      expect(text).not.toMatch(standsAlone)
    }

    ld.server.injectFaults(
      { method: 'PATCH', route: ROUTES.item },
      {
        kind: 'status',
        status: 400,
        body: { code: 'invalid_request', message: 'region x7Q is unknown (x7Qa is not it either)' }
      }
    )
    const result = await run({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
      files: file,
      env
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]?.message).toContain('region *** is unknown (x7Qa is not it either)')
    for (const text of [result.summary, result.outputs.diff ?? '', result.stdout]) {
      expect(text).not.toMatch(standsAlone)
    }
  })
})
