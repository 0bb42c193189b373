/**
 * Issue 18, "done when", in-process against the emulator under every list shape the spec allows
 * (items with every field, summaries, only the required `_links`, `_id` and `name`; one page, pages
 * of one, pages that repeat an item): prune never deletes a kept configuration and never deletes
 * twice, every deletion shows what goes and its fingerprint covers it, an export re-plans to zero
 * writes, and the outputs of a run about one configuration are set.
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import {
  LaunchDarklyEmulator,
  ROUTES,
  type LaunchDarklyEmulatorOptions
} from '../../emulators/launchdarkly.js'
import { diffBlocks, visibleText } from '../helpers/github-markdown.js'
import {
  APPROVALS_SECRET,
  GET,
  LIST,
  ldInputs,
  results,
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

async function restart(options: LaunchDarklyEmulatorOptions) {
  await ld.close()
  ld = await LaunchDarklyEmulator.start(options)
}

const SHAPES: { shape: string; options: LaunchDarklyEmulatorOptions }[] = [
  { shape: 'every field', options: {} },
  { shape: 'summaries', options: { listItems: 'summaries' } },
  { shape: 'only the required fields', options: { listItems: 'required-only' } },
  { shape: 'pages of one', options: { listPages: { size: 1 } } },
  {
    shape: 'required fields, pages of one that repeat an item',
    options: { listItems: 'required-only', listPages: { size: 1, repeat: 'same' } }
  },
  { shape: 'pages of two that repeat an item', options: { listPages: { size: 2, repeat: 'same' } } }
]

/** Prod is described; staging and legacy are not, legacy carries the keep tag; one is disabled. */
function seedEstate() {
  const [prod, staging, legacy, old] = ld.seed(
    {
      integrationKey: 'custom-approvals',
      name: 'Approvals (prod)',
      tags: ['prod'],
      configValues: { baseURL: 'https://approvals.example.com', apiKey: APPROVALS_SECRET }
    },
    {
      integrationKey: 'custom-approvals',
      name: 'Approvals (staging)',
      enabled: false,
      tags: ['staging'],
      configValues: { baseURL: 'https://staging.example.com', apiKey: APPROVALS_SECRET }
    },
    {
      integrationKey: 'custom-approvals',
      name: 'Approvals (legacy)',
      tags: ['keep', 'legacy'],
      configValues: { baseURL: 'https://legacy.example.com', apiKey: APPROVALS_SECRET }
    },
    {
      integrationKey: 'custom-approvals',
      name: 'Approvals (old)',
      tags: [],
      configValues: { baseURL: 'https://old.example.com', apiKey: APPROVALS_SECRET }
    }
  )
  const files = {
    'ld/approvals.yaml': [
      'integrationKey: custom-approvals',
      'name: Approvals (prod)',
      'tags: [prod]',
      ''
    ].join('\n')
  }
  return { prod, staging, legacy, old, files }
}

const pullRequest = {
  githubApiUrl: '',
  githubToken: INSTALLATION_TOKEN,
  eventName: 'pull_request',
  event: pullRequestEvent()
}

function planRun(files: Record<string, string>, inputs: Record<string, string> = {}) {
  return run(
    {
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', prune: 'true', ...inputs }),
      files,
      ...pullRequest,
      githubApiUrl: gh.url
    },
    { github: gh }
  )
}

describe.each(SHAPES)('prune, with list items of $shape', ({ options }) => {
  beforeEach(() => restart(options))

  it('keeps the tagged one, deletes each other once, and shows every setting that goes', async () => {
    const { staging, legacy, old, files } = seedEstate()
    const plan = await planRun(files, { 'dry-run': 'true', 'comment-on-pr': 'true' })
    expect(plan.exitCode).toBe(0)
    expect(statuses(plan)).toEqual({
      'Approvals (prod)': 'unchanged',
      'Approvals (staging)': 'would-delete',
      'Approvals (legacy)': 'unmanaged',
      'Approvals (old)': 'would-delete'
    })
    expect(results(plan)).toHaveLength(4)
    // Every setting of each deletion, secrets as (secret), whatever the list left out.
    const body = gh.comments('acme', 'platform-config', 7)[0]?.body ?? ''
    const blocks = diffBlocks(body).flat()
    for (const line of [
      '-name: "Approvals (staging)"',
      '-enabled: false',
      '-  - "staging"',
      '-  baseURL: "https://staging.example.com"',
      '-  apiKey: (secret)',
      '-  baseURL: "https://old.example.com"'
    ]) {
      expect(blocks).toContain(line)
    }
    expect(visibleText(body)).toContain('Plan: 2 to delete, 1 unchanged, 1 in no file')

    ld.server.requests.length = 0
    const applied = await planRun(files)
    expect(applied.exitCode).toBe(0)
    expect(ld.server.requestsTo('DELETE').map(r => r.path)).toEqual(
      expect.arrayContaining(
        [staging, old].map(c => `${'/api/v2/integration-configurations/'}${c?._id}`)
      )
    )
    expect(ld.server.requestsTo('DELETE')).toHaveLength(2)
    expect(ld.get(legacy?._id ?? '')).toBeDefined()
    expect(visibleText(applied.summary)).toContain('Applied: 2 deleted')
  })
})

describe('what the run reads to decide', () => {
  it('reads nothing by ID when list items carry every setting', async () => {
    const { files } = seedEstate()
    await planRun(files, { 'dry-run': 'true' })
    expect(routesOf(ld)).toEqual([LIST])
  })

  it('reads by ID only the ones it decides about, when items carry only the required fields', async () => {
    await restart({ listItems: 'required-only' })
    const { files } = seedEstate()
    // Without prune, one no file describes is only reported: its ID and name are all it needs.
    await planRun(files, { prune: 'false', 'dry-run': 'true' })
    // The described one (its tags are managed) only.
    expect(routesOf(ld)).toEqual([LIST, GET])
    ld.server.requests.length = 0
    await planRun(files, { 'dry-run': 'true' })
    expect(routesOf(ld).filter(route => route === GET)).toHaveLength(4)
  })

  it('stops, writing nothing, when a page repeats a configuration that changed in between', async () => {
    await restart({ listPages: { size: 1, repeat: 'changed' } })
    const { files } = seedEstate()
    const result = await planRun(files)
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('api-error')
    expect(result.errors[0]?.message).toMatch(
      /holds configuration [0-9a-f]{24} twice, and the two differ \(tags\)/
    )
    expect(writes(ld)).toHaveLength(0)
  })

  it('deletes nothing when reading one it would decide about fails', async () => {
    await restart({ listItems: 'required-only' })
    seedEstate()
    // The file manages only the name, which the list gives: the reads by ID are the unmanaged
    // ones', and the first of them is refused.
    ld.server.injectFaults(
      { method: 'GET', route: ROUTES.item },
      { kind: 'status', status: 403, body: { code: 'forbidden', message: 'Forbidden' } }
    )
    const result = await planRun({
      'ld/approvals.yaml': 'integrationKey: custom-approvals\nname: Approvals (prod)\n'
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('forbidden')
    expect(routesOf(ld).filter(route => route === GET)).toHaveLength(3)
    expect(ld.server.requestsTo('DELETE')).toHaveLength(0)
    expect(results(result).filter(r => r.status === 'failed')).toHaveLength(1)
    expect(result.annotations.map(a => a.message)).toContainEqual(
      expect.stringMatching(/Not deleted: 1 configuration of this run failed/)
    )
  })
})

describe('the fingerprint of a deletion', () => {
  it('covers the settings the list left out: one changed after the review is not deleted', async () => {
    await restart({ listItems: 'required-only' })
    const { staging, files } = seedEstate()
    const plan = await planRun(files, { 'dry-run': 'true', 'comment-on-pr': 'true' })
    expect(plan.exitCode).toBe(0)
    // After the review, someone points staging elsewhere: not what the reviewer saw go.
    ld.edit(staging?._id ?? '', c => {
      c.configValues.baseURL = 'https://elsewhere.example.com'
    })
    const apply = await applyJob({ ld, gh }, files, {
      inputs: { 'desired-state-file': 'ld/*.yaml', prune: 'true' }
    })
    expect(apply.exitCode).toBe(1)
    expect(apply.outputs['failure-reason']).toBe('plan-changed')
    expect(ld.server.requestsTo('DELETE')).toHaveLength(0)
  })
})

describe('the outputs of a run about one configuration', () => {
  it('are set when the one it creates has siblings in LaunchDarkly that no file describes', async () => {
    seedEstate()
    const result = await run({
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/new.yaml', 'create-missing': 'true' }),
      files: {
        'ld/new.yaml': [
          'integrationKey: custom-approvals',
          'name: Approvals (new)',
          'configValues:',
          '  baseURL: https://new.example.com',
          '  apiKey: ${KEY}',
          ''
        ].join('\n')
      },
      env: { KEY: APPROVALS_SECRET }
    })
    expect(result.exitCode).toBe(0)
    expect(statuses(result)['Approvals (new)']).toBe('created')
    const created = ld.all().find(c => c.name === 'Approvals (new)')
    expect(result.outputs['configuration-id']).toBe(created?._id)
    const configuration = JSON.parse(result.outputs.configuration ?? '{}') as Record<
      string,
      unknown
    >
    expect(configuration).toMatchObject({ _id: created?._id, name: 'Approvals (new)' })
    expect(JSON.stringify(configuration)).not.toContain(APPROVALS_SECRET)
  })

  it('are set in a dry run with prune, beside the deletions', async () => {
    const { prod, files } = seedEstate()
    const result = await planRun(
      { 'ld/approvals.yaml': `${files['ld/approvals.yaml']}enabled: false\n` },
      { 'dry-run': 'true' }
    )
    expect(statuses(result)['Approvals (prod)']).toBe('would-update')
    expect(result.outputs['configuration-id']).toBe(prod?._id)
    expect(JSON.parse(result.outputs.patch ?? '[]')).toContainEqual({
      op: 'replace',
      path: '/enabled',
      value: false
    })
  })
})

describe.each(SHAPES)('export, with list items of $shape', ({ options }) => {
  beforeEach(() => restart(options))

  it('keeps enabled: false and tags, and re-plans to zero writes', async () => {
    seedEstate()
    const exported = await run({
      inputs: ldInputs(ld, { 'export-to': 'launchdarkly', 'integration-keys': 'custom-approvals' }),
      collect: 'launchdarkly'
    })
    expect(exported.exitCode).toBe(0)
    const text = exported.collected['launchdarkly/custom-approvals.yaml'] ?? ''
    expect(text).toContain('enabled: false')
    expect(text).toMatch(/tags:\n\s+- keep\n\s+- legacy/)
    expect(results(exported)).toHaveLength(4)
    const names = JSON.parse(exported.outputs['secret-variables'] ?? '[]') as string[]
    ld.server.requests.length = 0
    const plan = await run({
      inputs: ldInputs(ld, { 'desired-state-file': 'launchdarkly/*.yaml', 'dry-run': 'true' }),
      files: exported.collected,
      env: Object.fromEntries(names.map(name => [name, APPROVALS_SECRET]))
    })
    expect(plan.errors).toEqual([])
    expect(results(plan).map(r => r.status)).toEqual(Array(4).fill('unchanged'))
    expect(writes(ld)).toHaveLength(0)
  })
})
