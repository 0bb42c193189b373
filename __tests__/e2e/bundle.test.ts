/**
 * The bundle, as the runner runs it: `node dist/index.js` with INPUT_* variables, GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and GITHUB_EVENT_PATH files, against the emulators. Every behaviour is tested
 * in-process (__tests__/integration); these runs prove that the bundle does the same through
 * @actions/core, on the node that runs it (ACTION_NODE: Node 24, the runtime, in CI).
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import {
  APPROVALS_SECRET,
  GET,
  LIST,
  ldInputs,
  PATCH,
  POST,
  results,
  routesOf,
  runBuilt,
  seedApprovals,
  statuses,
  writes
} from '../helpers/fixtures.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

describe('the bundle', () => {
  it('runs on the node it is given (its User-Agent says which)', async () => {
    const { _id } = seedApprovals(ld)
    const result = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false', 'dry-run': 'true' })
    })
    expect(result.exitCode).toBe(0)
    const agent = String(ld.server.requests[0]?.headers['user-agent'])
    expect(agent).toMatch(process.env.ACTION_NODE ? / node\/v24\./ : / node\/v\d+\./)
  })

  it('applies a patch: headers, outputs, summary and log, through @actions/core', async () => {
    const { _id } = seedApprovals(ld)
    const result = await runBuilt({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: '- op: replace\n  path: /enabled\n  value: false\n'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.enabled).toBe(false)
    expect(routesOf(ld)).toEqual([GET, PATCH])
    expect(ld.server.requests[0]?.headers['ld-api-version']).toBe('beta')
    expect(result.outputs).toMatchObject({ changed: 'true', 'configuration-id': _id })
    expect(JSON.parse(result.outputs.configuration ?? '{}')).toMatchObject({ enabled: false })
    expect(result.summary).toContain('Approvals (prod)')
    expect(result.stdout).toContain('/enabled: true → false')
    expect(result.stdout).toMatch(/^::add-mask::/m)
  })

  it('creates from a desired-state file, then finds nothing to do', async () => {
    const files = {
      'ld/a.yaml': [
        'integrationKey: custom-approvals',
        'name: Approvals (staging)',
        'configValues:',
        '  baseURL: https://staging.example.com',
        '  apiKey: ${KEY}',
        ''
      ].join('\n')
    }
    const inputs = ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', 'create-missing': 'true' })
    const env = { KEY: 'staging-secret-987' }
    const first = await runBuilt({ inputs, files, env })
    expect(first.exitCode).toBe(0)
    expect(routesOf(ld)).toEqual([LIST, POST])
    ld.server.requests.length = 0
    const second = await runBuilt({ inputs, files, env })
    expect(results(second.outputs)[0]?.status).toBe('unchanged')
    expect(writes(ld)).toHaveLength(0)
  })

  it('comments on the pull request, waiting out a secondary rate limit', async () => {
    const { _id } = seedApprovals(ld)
    gh.secondaryRateLimit(1, 1)
    const result = await runBuilt(
      {
        inputs: ldInputs(ld, {
          'configuration-id': _id,
          enabled: 'false',
          'dry-run': 'true',
          'comment-on-pr': 'true'
        }),
        githubApiUrl: gh.url,
        githubToken: INSTALLATION_TOKEN,
        eventName: 'pull_request',
        event: pullRequestEvent()
      },
      { github: gh }
    )
    expect(result.exitCode).toBe(0)
    expect(gh.comments('acme', 'platform-config', 7)).toHaveLength(1)
    expect(result.outputs['comment-url']).toMatch(/#issuecomment-\d+$/)
    expect(result.annotations.filter(a => a.level === 'warning')).toHaveLength(0)
  })

  it('plans on the pull request, then applies on merge only the approved plan', async () => {
    const { _id } = seedApprovals(ld)
    const merge = 'b'.repeat(40)
    gh.addPullRequest('acme', 'platform-config', {
      number: 9,
      headSha: 'c'.repeat(40),
      mergeCommitSha: merge,
      merged: true
    })
    const files = { 'ld/a.yaml': `id: ${_id}\nenabled: false\n` }
    const common = {
      files,
      githubApiUrl: gh.url,
      githubToken: INSTALLATION_TOKEN
    }
    const inputs = { 'desired-state-file': 'ld/*.yaml', 'comment-on-pr': 'true' }
    const planned = await runBuilt(
      {
        ...common,
        inputs: ldInputs(ld, { ...inputs, 'dry-run': 'true' }),
        eventName: 'pull_request',
        event: { pull_request: { number: 9, head: { sha: 'c'.repeat(40) } } }
      },
      { github: gh }
    )
    expect(planned.exitCode).toBe(0)
    const applied = await runBuilt(
      {
        ...common,
        inputs: ldInputs(ld, { ...inputs, 'require-approved-plan': 'true' }),
        eventName: 'push',
        event: { after: merge },
        env: { GITHUB_SHA: merge }
      },
      { github: gh }
    )
    expect(applied.exitCode).toBe(0)
    expect(ld.get(_id)?.enabled).toBe(false)
    const comments = gh.comments('acme', 'platform-config', 9)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('Applied')
  })

  it('exports the estate to files, which then plan as unchanged, with the stray one pruned', async () => {
    seedApprovals(ld)
    const [stray] = ld.seed({ integrationKey: 'custom-approvals', name: 'Stray', configValues: {} })
    const exported = await runBuilt({
      inputs: ldInputs(ld, { 'export-to': 'ld', 'integration-keys': 'custom-approvals' }),
      collect: 'ld'
    })
    expect(exported.exitCode).toBe(0)
    expect(JSON.parse(exported.outputs['exported-files'] ?? '[]')).toEqual([
      'ld/custom-approvals.yaml'
    ])
    const [variable] = JSON.parse(exported.outputs['secret-variables'] ?? '[]') as string[]
    const text = exported.collected['ld/custom-approvals.yaml'] ?? ''
    expect(text).toContain(`apiKey: \${${variable}}`)
    expect(exported.summary).toContain(`${variable}: \${{ secrets.${variable} }}`)
    expect(writes(ld)).toHaveLength(0)

    // The stray one is taken out of the file: a plan with prune would delete it, the apply does.
    const kept = text.replace(
      /\n {2}- id: [0-9a-f]{24}\n {4}integrationKey: custom-approvals\n {4}name: Stray[^]*$/,
      '\n'
    )
    expect(kept).not.toContain('Stray')
    const inputs = ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', prune: 'true' })
    const applied = await runBuilt({
      inputs,
      files: { 'ld/custom-approvals.yaml': kept },
      env: { [variable ?? '']: APPROVALS_SECRET }
    })
    expect(applied.exitCode).toBe(0)
    expect(statuses(applied)).toEqual({
      'Approvals (prod)': 'unchanged',
      Stray: 'deleted'
    })
    expect(ld.get(stray?._id ?? '')).toBeUndefined()
  })

  it('prints a hostile name from LaunchDarkly as data, not as a command', async () => {
    const { _id } = seedApprovals(ld, {
      name: 'Approvals\n::error::pwned\n::add-mask::Approvals\n##[warning]pwned'
    })
    const result = await runBuilt({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false', 'dry-run': 'true' })
    })
    expect(result.exitCode).toBe(0)
    // The dry run's own notice is the one annotation; nothing from the name became one.
    expect(result.annotations.map(a => a.level)).toEqual(['notice'])
    for (const line of result.stdout.split('\n')) {
      expect(line).not.toMatch(/^\s*::(error|add-mask::Approvals)/)
      if (!line.startsWith('::')) expect(line).not.toContain('##[')
    }
  })
})
