/**
 * The whole estate, in-process against both emulators: configurations in LaunchDarkly that no file
 * describes are reported (`unmanaged`), and with `prune` deleted, but never under an integration
 * no file names, never with the keep tag, never in a run where anything failed.
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import { LaunchDarklyEmulator, ROUTES } from '../../emulators/launchdarkly.js'
import { diffBlocks, visibleText } from '../helpers/github-markdown.js'
import {
  APPROVALS_SECRET,
  LIST,
  ldInputs,
  routesOf,
  run,
  statuses,
  writes
} from '../helpers/fixtures.js'
import { applyJob } from '../helpers/jobs.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators({ merged: true }))
})
afterEach(() => stopEmulators({ ld, gh }))

/** Three approvals configurations, one paging: the file describes only "Approvals (prod)". */
function seedEstate() {
  const [prod, staging, legacy, paging] = ld.seed(
    ...['Approvals (prod)', 'Approvals (staging)', 'Approvals (legacy)'].map(name => ({
      integrationKey: 'custom-approvals',
      name,
      tags: name.includes('legacy') ? ['keep'] : ['prod'],
      configValues: { baseURL: 'https://approvals.example.com', apiKey: APPROVALS_SECRET }
    })),
    {
      integrationKey: 'pagerduty-guardian-edition',
      name: 'Paging',
      configValues: { integrationKey: 'R0123', severity: 'error' }
    }
  )
  const file = {
    'ld/approvals.yaml': [
      'integrationKey: custom-approvals',
      'name: Approvals (prod)',
      'tags: [prod]',
      'configValues:',
      '  baseURL: https://approvals.example.com',
      '  apiKey: ${KEY}',
      ''
    ].join('\n')
  }
  return { prod, staging, legacy, paging, file }
}

const DELETE = `DELETE ${ROUTES.item}`

function desired(files: Record<string, string>, inputs: Record<string, string> = {}) {
  return run(
    {
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', ...inputs }),
      files,
      env: { KEY: APPROVALS_SECRET },
      githubApiUrl: gh.url,
      githubToken: INSTALLATION_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent()
    },
    { github: gh }
  )
}

describe('configurations no file describes', () => {
  it('are reported, one line each after the changes, with no extra request', async () => {
    const { file } = seedEstate()
    const result = await desired(file, { 'comment-on-pr': 'true', 'dry-run': 'true' })
    expect(result.exitCode).toBe(0)
    expect(statuses(result)).toEqual({
      'Approvals (prod)': 'unchanged',
      'Approvals (staging)': 'unmanaged',
      'Approvals (legacy)': 'unmanaged'
    })
    // The integration's list was read anyway: it is all that was asked.
    expect(routesOf(ld)).toEqual([LIST])
    const comment = visibleText(gh.comments('acme', 'platform-config', 7)[0]?.body ?? '')
    expect(comment).toContain('Plan: 1 unchanged, 2 in no file')
    expect(comment).toMatch(
      /2 configurations in LaunchDarkly that no file describes \(prune: true deletes them\)/
    )
    expect(comment).toMatch(/❔ Approvals \(staging\) · [0-9a-f]{24}: in no file/)
    // Unmanaged configurations are not drift without prune.
    const drift = await desired(file, { 'dry-run': 'true', 'fail-on-drift': 'true' })
    expect(drift.exitCode).toBe(0)
  })

  it('with prune, a dry run says which it would delete, keeps the tagged one, and is drift', async () => {
    const { file } = seedEstate()
    const result = await desired(file, {
      prune: 'true',
      'dry-run': 'true',
      'comment-on-pr': 'true'
    })
    expect(result.exitCode).toBe(0)
    expect(statuses(result)).toEqual({
      'Approvals (prod)': 'unchanged',
      'Approvals (staging)': 'would-delete',
      'Approvals (legacy)': 'unmanaged'
    })
    expect(writes(ld)).toHaveLength(0)
    const body = gh.comments('acme', 'platform-config', 7)[0]?.body ?? ''
    const seen = visibleText(body)
    expect(seen).toContain('Plan: 1 to delete, 1 unchanged, 1 in no file')
    expect(seen).toMatch(/Deletes Approvals \(staging\) \(custom-approvals\)/)
    expect(seen).toMatch(/Approvals \(legacy\) .*Kept: it has the tag keep/)
    // What prune left says why; the hint to turn prune on is for runs without it.
    expect(seen).not.toContain('prune: true deletes them')
    // The deletion's diff shows what goes, secrets by placeholder.
    expect(diffBlocks(body)[0]).toEqual(
      expect.arrayContaining(['-name: "Approvals (staging)"', '-  apiKey: (secret)'])
    )
    const drift = await desired(file, { prune: 'true', 'dry-run': 'true', 'fail-on-drift': 'true' })
    expect(drift.exitCode).toBe(1)
    expect(drift.outputs['failure-reason']).toBe('drift')
  })

  it('with prune, deletes them, but never one under an integration no file names', async () => {
    const { file, prod, staging, legacy, paging } = seedEstate()
    const result = await desired(file, { prune: 'true' })
    expect(result.exitCode).toBe(0)
    expect(statuses(result)['Approvals (staging)']).toBe('deleted')
    expect(ld.server.requestsTo('DELETE').map(r => r.path)).toEqual([
      `/api/v2/integration-configurations/${staging?._id}`
    ])
    expect(
      ld
        .all()
        .map(c => c._id)
        .sort()
    ).toEqual([prod?._id, legacy?._id, paging?._id].sort())
    expect(visibleText(result.summary)).toContain('Applied: 1 deleted')
    // Pruned: the next run finds nothing to do.
    ld.server.requests.length = 0
    const again = await desired(file, { prune: 'true' })
    expect(again.outputs.changed).toBe('false')
    expect(routesOf(ld)).not.toContain(DELETE)
  })

  it('deletes nothing in a run where a configuration failed', async () => {
    const { file } = seedEstate()
    const files = {
      ...file,
      'ld/missing.yaml': 'integrationKey: custom-approvals\nname: Not there\nenabled: true\n'
    }
    const result = await desired(files, { prune: 'true' })
    expect(result.exitCode).toBe(1)
    expect(statuses(result)['Approvals (staging)']).toBe('unmanaged')
    expect(ld.server.requestsTo('DELETE')).toHaveLength(0)
    expect(result.annotations.map(a => a.message)).toContainEqual(
      expect.stringMatching(/Not deleted: 1 configuration of this run failed/)
    )
  })

  it('deletes nothing when a file does not parse', async () => {
    const { file } = seedEstate()
    const result = await desired(
      { ...file, 'ld/broken.yaml': 'configurations: [\n' },
      { prune: 'true' }
    )
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(ld.server.requests).toHaveLength(0)
  })

  it('with require-approved-plan, a deletion is part of what is approved', async () => {
    const { file } = seedEstate()
    const plan = await desired(file, { prune: 'true', 'dry-run': 'true', 'comment-on-pr': 'true' })
    expect(plan.exitCode).toBe(0)
    // Someone adds a configuration in the UI after the review: the apply would delete it too.
    ld.seed({
      integrationKey: 'custom-approvals',
      name: 'Added after the review',
      configValues: { baseURL: 'https://x.example.com', apiKey: APPROVALS_SECRET }
    })
    const apply = await applyJob({ ld, gh }, file, {
      inputs: { 'desired-state-file': 'ld/*.yaml', prune: 'true' },
      env: { KEY: APPROVALS_SECRET }
    })
    expect(apply.exitCode).toBe(1)
    expect(apply.outputs['failure-reason']).toBe('plan-changed')
    expect(ld.server.requestsTo('DELETE')).toHaveLength(0)
  })

  it('reads every page of a paged list before it decides, and stops at a next link elsewhere', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({ listPages: { size: 1 } })
    const { staging, legacy, file } = seedEstate()
    const result = await desired(file, { prune: 'true' })
    expect(result.exitCode).toBe(0)
    // Three pages of one: the configuration on the first page is not taken for missing, and the
    // ones on later pages are seen.
    expect(routesOf(ld).filter(route => route === LIST)).toHaveLength(3)
    expect(statuses(result)).toEqual({
      'Approvals (prod)': 'unchanged',
      'Approvals (staging)': 'deleted',
      'Approvals (legacy)': 'unmanaged'
    })
    expect(ld.get(staging?._id ?? '')).toBeUndefined()
    expect(ld.get(legacy?._id ?? '')).toBeDefined()

    await ld.close()
    ld = await LaunchDarklyEmulator.start({
      listPages: { size: 1, nextHref: 'https://elsewhere.example.com/steal' }
    })
    const second = seedEstate()
    const hostile = await desired(second.file, { prune: 'true' })
    expect(hostile.exitCode).toBe(1)
    expect(hostile.outputs['failure-reason']).toBe('api-error')
    expect(hostile.errors[0]?.message).toMatch(/not a further page of the same list/)
    expect(writes(ld)).toHaveLength(0)
    // The token went nowhere else: every request was to the emulator, one list page only.
    expect(routesOf(ld)).toEqual([LIST])
  })
})
