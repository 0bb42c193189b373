/**
 * Desired-state files, in-process against the LaunchDarkly emulator. Every test runs twice: with
 * list items as complete as a read by ID, and with list items that leave configValues and
 * capabilityConfig out (as LaunchDarkly documents for sibling resources), where the action must
 * read those configurations by ID and stay just as idempotent.
 */
import { LaunchDarklyEmulator, ROUTES } from '../../emulators/launchdarkly.js'
import { expectNoSecrets } from '../helpers/canaries.js'
import { visibleText } from '../helpers/github-markdown.js'
import {
  APPROVALS_SECRET,
  GET,
  ldInputs,
  LIST,
  POST,
  PATCH,
  results,
  routesOf,
  run,
  seedApprovals,
  writes
} from '../helpers/fixtures.js'

const MODES = [
  { mode: 'complete list items', listSummaries: false },
  { mode: 'list items as summaries', listSummaries: true }
]

describe.each(MODES)('desired state, with $mode', ({ listSummaries }) => {
  let ld: LaunchDarklyEmulator
  beforeEach(async () => {
    ld = await LaunchDarklyEmulator.start({ listSummaries })
  })
  afterEach(() => ld.close())
  /** The read by ID a summary list item needs, when the file manages configValues. */
  const summaryRead = listSummaries ? [GET] : []

  function apply(
    files: Record<string, string>,
    inputs: Record<string, string> = {},
    env: Record<string, string> = {}
  ) {
    return run({
      inputs: ldInputs(ld, { 'desired-state-file': Object.keys(files).join('\n'), ...inputs }),
      files,
      env
    })
  }

  describe('desired state', () => {
    it('creates a missing configuration with create-missing, then leaves it alone on the next run', async () => {
      const files = {
        'ld/approvals.yaml': [
          'integrationKey: custom-approvals',
          'name: Approvals (staging)',
          'enabled: false',
          'tags: [staging]',
          'configValues:',
          '  baseURL: https://staging-approvals.example.com',
          '  apiKey: ${APPROVALS_API_KEY}',
          ''
        ].join('\n')
      }
      const env = { APPROVALS_API_KEY: 'staging-secret-987' }
      const first = await apply(files, { 'create-missing': 'true' }, env)
      expect(first.exitCode).toBe(0)
      expect(routesOf(ld)).toEqual([LIST, POST])
      const [created] = ld.all()
      expect(created).toMatchObject({
        name: 'Approvals (staging)',
        enabled: false,
        tags: ['staging'],
        configValues: {
          baseURL: 'https://staging-approvals.example.com',
          apiKey: 'staging-secret-987'
        }
      })
      expect(results(first)).toEqual([
        expect.objectContaining({ id: created?._id, status: 'created', file: 'ld/approvals.yaml' })
      ])
      expectNoSecrets(first, ['staging-secret-987'])

      ld.server.requests.length = 0
      const second = await apply(files, { 'create-missing': 'true' }, env)
      expect(second.exitCode).toBe(0)
      expect(routesOf(ld)).toEqual([LIST, ...summaryRead])
      expect(second.outputs.changed).toBe('false')
      expect(results(second)[0]?.status).toBe('unchanged')
    })

    it('refuses to create without create-missing, saying how', async () => {
      const result = await apply({
        'a.yaml':
          'integrationKey: custom-approvals\nname: Nope\nconfigValues: {baseURL: https://x.example.com}\n'
      })
      expect(result.exitCode).toBe(1)
      expect(result.errors[0]?.message).toContain('create-missing: true')
      expect(result.outputs['failure-reason']).toBe('not-found')
      expect(writes(ld)).toHaveLength(0)
    })

    it('updates by id, managing only the fields the file gives', async () => {
      const { _id } = seedApprovals(ld)
      const result = await apply({
        'a.yaml': `id: ${_id}\nenabled: false\ntags: [prod, approvals]\n`
      })
      expect(result.exitCode).toBe(0)
      expect(routesOf(ld)).toEqual([GET, PATCH])
      expect(ld.get(_id)).toMatchObject({
        name: 'Approvals (prod)',
        enabled: false,
        tags: ['prod', 'approvals'],
        configValues: { baseURL: 'https://approvals.example.com', apiKey: APPROVALS_SECRET }
      })
      expect(results(result)[0]).toMatchObject({ id: _id, status: 'updated' })
      expect(result.outputs['configuration-id']).toBe(_id)

      ld.server.requests.length = 0
      const again = await apply({
        'a.yaml': `id: ${_id}\nenabled: false\ntags: [approvals, prod]\n`
      })
      expect(again.exitCode).toBe(0)
      expect(routesOf(ld)).toEqual([GET])
      expect(results(again)[0]?.status).toBe('unchanged')
      expect(visibleText(again.summary)).toMatch(/Up to date: 1 unchanged/)
      expect(visibleText(again.summary)).toMatch(
        /➖ Approvals \(prod\) · [0-9a-f]{24} · a\.yaml: unchanged/
      )
    })

    it('compares a masked secret by its mask: the same is unchanged, another is written', async () => {
      const { _id } = seedApprovals(ld)
      const file = (apiKey: string) => ({
        'a.yaml': `id: ${_id}\nconfigValues:\n  baseURL: https://approvals.example.com\n  apiKey: \${KEY}\n`,
        key: apiKey
      })
      const same = file(APPROVALS_SECRET)
      const unchanged = await apply({ 'a.yaml': same['a.yaml'] }, {}, { KEY: same.key })
      expect(unchanged.exitCode).toBe(0)
      expect(writes(ld)).toHaveLength(0)

      const rotated = await apply(
        { 'a.yaml': same['a.yaml'] },
        { 'rotate-secrets': 'true' },
        { KEY: same.key }
      )
      expect(rotated.exitCode).toBe(0)
      expect(writes(ld)).toHaveLength(1)
      expect(writes(ld)[0]?.body).toEqual([
        { op: 'replace', path: '/configValues/apiKey', value: APPROVALS_SECRET }
      ])

      const other = await apply({ 'a.yaml': same['a.yaml'] }, {}, { KEY: 'a-different-secret' })
      expect(other.exitCode).toBe(0)
      expect(writes(ld)).toHaveLength(2)
      expect(ld.get(_id)?.configValues.apiKey).toBe('a-different-secret')
      for (const result of [unchanged, rotated, other])
        expectNoSecrets(result, [APPROVALS_SECRET, 'a-different-secret'])
    })

    it('names a missing environment variable, and writes $${ as a literal', async () => {
      const { _id } = seedApprovals(ld)
      const missing = await apply({
        'a.yaml': `id: ${_id}\nconfigValues:\n  apiKey: \${NOT_SET}\n`
      })
      expect(missing.exitCode).toBe(1)
      expect(missing.errors).toHaveLength(1)
      expect(missing.errors[0]?.message).toMatch(
        /Input `desired-state-file` \(a\.yaml, line 3.*NOT_SET, which is not set/
      )
      // The workflow's to fix (issue 19): the message says the line, the annotation does not
      // mark the author's line as wrong (it was { file: 'a.yaml', line: '3' }).
      expect(missing.errors[0]?.properties).toEqual({ title: 'LaunchDarkly: invalid input' })
      expect(missing.errors[0]?.message).toMatch(
        /workflow's to fix.*NOT_SET: \$\{\{ secrets\.NOT_SET \}\}/
      )
      expect(ld.server.requests).toHaveLength(0)

      const literal = await apply({ 'a.yaml': `id: ${_id}\nname: "costs $\${5}"\n` })
      expect(literal.exitCode).toBe(0)
      expect(ld.get(_id)?.name).toBe('costs ${5}')
    })

    it.each([
      [
        'an unknown field',
        'id: x\ntgas: [a]\n',
        /`tgas` is not a field here \(did you mean `tags`\?\)/
      ],
      ['a read-only field', 'id: x\n_id: y\n', /`_id` is read-only/],
      [
        'a wrong type',
        'id: 65f0c1d2e3a4b5c6d7e8f901\nenabled: "yes"\n',
        /field enabled.*must be boolean/
      ],
      ['no way to find it', 'name: Lonely\n', /with `id`, or with `integrationKey` and `name`/]
    ])('refuses %s before any request', async (_title, content, message) => {
      const result = await apply({ 'bad.yaml': content })
      expect(result.exitCode).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]?.message).toMatch(message)
      expect(result.errors[0]?.message).toContain('bad.yaml')
      expect(result.outputs['failure-reason']).toBe('invalid-input')
      expect(ld.server.requests).toHaveLength(0)
    })

    it('reads files saved with a byte-order mark, YAML and JSON alike', async () => {
      const { _id } = seedApprovals(ld)
      const other = seedApprovals(ld, { name: 'Approvals (staging)' })
      const result = await apply({
        'a.yaml': `\ufeff# saved on Windows\nid: ${_id}\nenabled: false\n`,
        'b.json': `\ufeff{"id": "${other._id}", "tags": ["staging", "bom"]}`
      })
      expect(result.exitCode).toBe(0)
      expect(ld.get(_id)).toMatchObject({ enabled: false })
      expect(ld.get(other._id)).toMatchObject({ tags: ['staging', 'bom'] })
    })

    it('finds a configuration by integrationKey and name, and refuses an ambiguous name', async () => {
      const { _id } = seedApprovals(ld)
      const byName = await apply({
        'a.yaml': 'integrationKey: custom-approvals\nname: Approvals (prod)\nenabled: false\n'
      })
      expect(byName.exitCode).toBe(0)
      expect(routesOf(ld)).toEqual([LIST, PATCH])
      expect(ld.get(_id)?.enabled).toBe(false)

      const twin = seedApprovals(ld)
      const ambiguous = await apply({
        'a.yaml': 'integrationKey: custom-approvals\nname: Approvals (prod)\nenabled: true\n'
      })
      expect(ambiguous.exitCode).toBe(1)
      expect(ambiguous.errors[0]?.message).toContain(_id)
      expect(ambiguous.errors[0]?.message).toContain(twin._id)
      expect(ambiguous.errors[0]?.message).toContain('Say which one with `id`')
      expect(writes(ld)).toHaveLength(1)
    })

    it('refuses to overwrite an edit made between read and write', async () => {
      const { _id } = seedApprovals(ld)
      ld.server.injectFaults(
        { method: 'PATCH' },
        { kind: 'before', run: () => ld.edit(_id, c => void (c.tags = ['edited-by-someone'])) }
      )
      const result = await apply({ 'a.yaml': `id: ${_id}\ntags: [prod, approvals]\n` })
      expect(result.exitCode).toBe(1)
      expect(result.errors[0]?.message).toContain('changed since it was read (at /tags)')
      expect(result.errors[0]?.message).toContain('run again')
      expect(result.outputs['failure-reason']).toBe('conflict')
      expect(ld.get(_id)?.tags).toEqual(['edited-by-someone'])
      expect(ld.appliedPatches).toBe(0)
    })

    it('plans in a dry run and fails on drift when asked', async () => {
      const { _id } = seedApprovals(ld)
      const files = { 'a.yaml': `id: ${_id}\nenabled: false\n` }
      const plan = await apply(files, { 'dry-run': 'true' })
      expect(plan.exitCode).toBe(0)
      expect(results(plan)[0]?.status).toBe('would-update')
      expect(plan.outputs.changed).toBe('true')
      const drift = await apply(files, { 'dry-run': 'true', 'fail-on-drift': 'true' })
      expect(drift.exitCode).toBe(1)
      expect(drift.outputs['failure-reason']).toBe('drift')
      expect(drift.errors).toHaveLength(1)
      expect(drift.errors[0]?.message).toContain('differ from the repository (drift)')
      expect(drift.summary).toContain('/enabled')
      expect(writes(ld)).toHaveLength(0)
      expect(ld.get(_id)?.enabled).toBe(true)
    })

    it('applies 20 configurations of 3 integrations from 3 files, one list per integration, one failure isolated', async () => {
      const keys = ['custom-approvals', 'pagerduty-guardian-edition', 'servicenow-app']
      const seeded = keys.flatMap((integrationKey, k) =>
        ld.seed(
          ...Array.from({ length: k === 0 ? 8 : 6 }, (_, i) => ({
            integrationKey,
            name: `${integrationKey} ${i}`,
            tags: ['old'],
            configValues: {}
          }))
        )
      )
      const files: Record<string, string> = {}
      for (const integrationKey of keys) {
        const mine = seeded.filter(c => c._integrationKey === integrationKey)
        files[`ld/${integrationKey}.yaml`] =
          'configurations:\n' +
          mine
            .map(c => `  - integrationKey: ${integrationKey}\n    id: ${c._id}\n    tags: [new]\n`)
            .join('')
      }
      // One of them meets a server that keeps failing.
      const victim = seeded[3] as (typeof seeded)[number]
      ld.server.injectFaults(
        { method: 'PATCH' },
        { kind: 'before', run: () => ld.edit(victim._id, c => void (c.tags = ['x'])) }
      )
      const result = await run({
        inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', concurrency: '4' }),
        files
      })
      expect(result.exitCode).toBe(1)
      expect(ld.server.requestsTo('GET', ROUTES.list)).toHaveLength(3)
      expect(ld.server.requestsTo('GET', ROUTES.item).length).toBeLessThanOrEqual(1)
      const statuses = results(result).map(r => r.status)
      expect(statuses).toHaveLength(20)
      expect(statuses.filter(s => s === 'updated')).toHaveLength(19)
      expect(statuses.filter(s => s === 'failed')).toHaveLength(1)
      expect(result.errors).toHaveLength(1)
      expect(result.outputs['failure-reason']).toBe('conflict')
      expect(results(result).map(r => r.file)).toEqual(
        keys.flatMap((k, i) => Array<string>(i === 0 ? 8 : 6).fill(`ld/${k}.yaml`))
      )
      expect(ld.all().filter(c => c.tags[0] === 'new')).toHaveLength(19)
      // Every configuration that changed or failed has its section in the summary.
      expect(result.summary.match(/<summary>(✅|❌) <b>/g)).toHaveLength(20)
    })
  })
})
