/**
 * Guardrails (#20), in-process against both emulators: `protect` refuses a plan that disables,
 * deletes or (with `protect-secrets`) rotates a secret of a protected configuration, and
 * `max-changes` one that changes too many, before any write; the plan on the pull request is
 * refused as loudly as an apply; the approved-plan fingerprint covers the guardrails.
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import type { LaunchDarklyEmulator, StoredConfiguration } from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { expectCleanRendering, visibleText } from '../helpers/github-markdown.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'
import {
  APPROVALS_SECRET,
  ldInputs,
  run,
  seedApprovals,
  statuses,
  writes
} from '../helpers/fixtures.js'
import { applyJob } from '../helpers/jobs.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators({ merged: true }))
})
afterEach(() => stopEmulators({ ld, gh }))

const ROTATED = 'rotated-secret-456'
const comments = () => gh.comments('acme', 'platform-config', 7)

/** Expects a refusal by a guardrail: exit 1, its reason, one error saying why, zero writes. */
function expectRefused(result: RunResult, reason: string, ...said: RegExp[]) {
  expect(result.exitCode).toBe(1)
  expect(result.outputs['failure-reason']).toBe(reason)
  expect(result.outputs.changed).toBe('false')
  expect(writes(ld)).toHaveLength(0)
  const errors = result.errors.map(e => e.message)
  expect(errors).toHaveLength(1)
  for (const pattern of said) expect(errors[0]).toMatch(pattern)
  expect(errors[0]).toContain('Nothing was written.')
}

function patch(id: string, inputs: Record<string, string>) {
  return run({ inputs: ldInputs(ld, { 'configuration-id': id, ...inputs }) })
}

function desired(
  files: Record<string, string>,
  inputs: Record<string, string> = {},
  env: Record<string, string> = { KEY: APPROVALS_SECRET }
) {
  return run(
    {
      inputs: ldInputs(ld, { 'desired-state-file': 'ld/*.yaml', ...inputs }),
      files,
      env,
      githubApiUrl: gh.url,
      githubToken: INSTALLATION_TOKEN,
      eventName: 'pull_request',
      event: pullRequestEvent()
    },
    { github: gh, secrets: [ROTATED] }
  )
}

const approvalsFile = (c: StoredConfiguration, extra = '') =>
  `id: ${c._id}\nconfigValues:\n  baseURL: https://approvals.example.com\n  apiKey: \${KEY}\n${extra}`

describe('protect', () => {
  it('refuses to disable a protected configuration, by _id, naming the line and the way on', async () => {
    const { _id } = seedApprovals(ld)
    const result = await patch(_id, {
      enabled: 'false',
      protect: `# the approvals of every flag\n\n${_id}\n`
    })
    expectRefused(
      result,
      'protected',
      new RegExp(
        `Refused by \`protect\`: it would disable Approvals \\(prod\\) \\(${_id}, custom-approvals\\), named by line 3 \\(\`${_id}\`\\) of \`protect\`\\. Nothing was written\\.`
      ),
      /change `protect` in a pull request of its own/
    )
    expect(ld.get(_id)?.enabled).toBe(true)
    expect(visibleText(result.summary)).toContain('Refused by protect')
    expect(visibleText(result.summary)).toContain('Not applied')
  })

  it('refuses by integrationKey/name and by tag, but lets other changes through', async () => {
    const stored = seedApprovals(ld)
    for (const line of ['custom-approvals/Approvals (prod)', 'tag:prod']) {
      ld.server.requests.length = 0
      expectRefused(
        await patch(stored._id, { enabled: 'false', protect: line }),
        'protected',
        new RegExp(`named by line 1 \\(\`${line.replace(/[()]/g, '\\$&')}\`\\) of \`protect\``)
      )
    }
    // Changing something else of a protected configuration is allowed.
    const retag = await patch(stored._id, {
      patch: '[{"op": "add", "path": "/tags/-", "value": "approvals"}]',
      protect: 'tag:prod'
    })
    expect(retag.exitCode).toBe(0)
    expect(ld.get(stored._id)?.tags).toEqual(['prod', 'approvals'])
    // Another configuration is not protected by the line.
    const other = seedApprovals(ld, { name: 'Approvals (dev)', tags: [] })
    const disabled = await patch(other._id, { enabled: 'false', protect: 'tag:prod' })
    expect(disabled.exitCode).toBe(0)
  })

  it('refuses to rename or untag a configuration out of protect', async () => {
    const { _id } = seedApprovals(ld)
    expectRefused(
      await patch(_id, {
        patch: '[{"op": "replace", "path": "/tags", "value": []}]',
        protect: 'tag:prod'
      }),
      'protected',
      /it would rename or untag Approvals \(prod\) .* so that no line of `protect` names it any more/
    )
    // Still protected by another line: the rename goes through.
    const renamed = await patch(_id, {
      patch: '[{"op": "replace", "path": "/name", "value": "Approvals"}]',
      protect: `custom-approvals/Approvals (prod)\ntag:prod`
    })
    expect(renamed.exitCode).toBe(0)
  })

  it('refuses a prune that would delete a protected configuration', async () => {
    const [kept, legacy] = ld.seed(
      ...['Approvals (prod)', 'Approvals (legacy)'].map(name => ({
        integrationKey: 'custom-approvals',
        name,
        tags: ['prod'],
        configValues: { baseURL: 'https://approvals.example.com', apiKey: APPROVALS_SECRET }
      }))
    )
    const files = {
      'ld/approvals.yaml': `integrationKey: custom-approvals\n${approvalsFile(kept as StoredConfiguration)}`
    }
    const result = await desired(files, { prune: 'true', protect: 'tag:prod' })
    expectRefused(result, 'protected', /it would delete Approvals \(legacy\)/)
    expect(ld.get(legacy?._id ?? '')).toBeDefined()
    // What it would have done is shown, as for a refused apply.
    expect(statuses(result)['Approvals (legacy)']).toBe('would-delete')
  })

  it('with protect-secrets, refuses a rotation of a protected secret; without, allows it', async () => {
    const stored = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': approvalsFile(stored) }
    const refused = await desired(
      files,
      { protect: stored._id, 'protect-secrets': 'true' },
      { KEY: ROTATED }
    )
    expectRefused(
      refused,
      'protected',
      /it would change the secret at \/configValues\/apiKey of Approvals \(prod\)/
    )
    expect(ld.get(stored._id)?.configValues.apiKey).toBe(APPROVALS_SECRET)
    const rotated = await desired(files, { protect: stored._id }, { KEY: ROTATED })
    expect(rotated.exitCode).toBe(0)
    expect(ld.get(stored._id)?.configValues.apiKey).toBe(ROTATED)
  })

  it('refuses the plan on the pull request as loudly as an apply, with no fingerprint to approve', async () => {
    const stored = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': approvalsFile(stored, 'enabled: false\n') }
    const result = await desired(files, {
      'dry-run': 'true',
      'comment-on-pr': 'true',
      protect: 'tag:prod'
    })
    expectRefused(result, 'protected', /it would disable Approvals \(prod\)/)
    const body = comments()[0]?.body ?? ''
    expect(body).toContain('[!CAUTION]')
    expect(body).not.toMatch(/plan="sha256:/)
    const seen = visibleText(body)
    expect(seen).toContain('Refused by protect: it would disable Approvals (prod)')
    expect(seen).toContain('Not applied')
    expect(seen).toContain('Plan in run 4242 of head aaaaaaa refused: nothing was written')
    expectCleanRendering(body)
  })
})

describe('max-changes', () => {
  function seedThree() {
    const seeded = ld.seed(
      ...['A', 'B', 'C'].map(name => ({
        integrationKey: 'custom-approvals',
        name,
        configValues: { baseURL: 'https://approvals.example.com', apiKey: APPROVALS_SECRET }
      }))
    )
    return Object.fromEntries(
      seeded.map(c => [`ld/${c.name}.yaml`, approvalsFile(c, 'enabled: false\n')])
    )
  }

  it.each([
    ['under', '4'],
    ['at', '3']
  ])('applies a plan %s the limit', async (_where, limit) => {
    const files = seedThree()
    const result = await desired(files, { 'max-changes': limit })
    expect(result.exitCode).toBe(0)
    expect(ld.all().map(c => c.enabled)).toEqual([false, false, false])
  })

  it('refuses a plan over the limit with the count, writing nothing', async () => {
    const files = seedThree()
    const result = await desired(files, { 'max-changes': '2', 'comment-on-pr': 'true' })
    expectRefused(
      result,
      'too-many-changes',
      /Refused by `max-changes`: this plan changes 3 configurations \(3 to update\), and `max-changes` allows 2\./,
      /set `allow-many-changes: true`/
    )
    expect(ld.all().map(c => c.enabled)).toEqual([true, true, true])
    expect(visibleText(comments()[0]?.body ?? '')).toContain('Refused by max-changes')
  })

  it('counts nothing that does not change, and 0 allows no change at all', async () => {
    const files = seedThree()
    expectRefused(await desired(files, { 'max-changes': '0' }), 'too-many-changes', /changes 3/)
    await desired(files)
    ld.server.requests.length = 0
    const again = await desired(files, { 'max-changes': '0' })
    expect(again.exitCode).toBe(0)
  })

  it('goes over the limit with allow-many-changes, saying so', async () => {
    const files = seedThree()
    const result = await desired(files, { 'max-changes': '2', 'allow-many-changes': 'true' })
    expect(result.exitCode).toBe(0)
    expect(ld.all().map(c => c.enabled)).toEqual([false, false, false])
    expect(result.annotations.filter(a => a.level === 'warning').map(a => a.message)).toContain(
      'This run changes 3 configurations, more than `max-changes` (2): `allow-many-changes: true` lets it.'
    )
  })
})

describe('the approved plan', () => {
  /** The apply job (helpers/jobs.ts), with the guardrails given. */
  const apply = (files: Record<string, string>, inputs: Record<string, string>) =>
    applyJob({ ld, gh }, files, {
      inputs: { 'desired-state-file': 'ld/*.yaml', ...inputs },
      env: { KEY: APPROVALS_SECRET }
    })

  it('covers the guardrails: an apply with other guardrails than the plan is refused', async () => {
    const stored = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': approvalsFile(stored, 'enabled: false\n') }
    const planned = await desired(files, {
      'dry-run': 'true',
      'comment-on-pr': 'true',
      'max-changes': '5'
    })
    expect(planned.exitCode).toBe(0)
    const changed = await apply(files, { 'max-changes': '50' })
    expect(changed.exitCode).toBe(1)
    expect(changed.outputs['failure-reason']).toBe('plan-changed')
    expect(writes(ld)).toHaveLength(0)
    const same = await apply(files, { 'max-changes': '5' })
    expect(same.exitCode).toBe(0)
    expect(ld.get(stored._id)?.enabled).toBe(false)
  })

  it('is refused by a guardrail before the approval is looked at', async () => {
    const stored = seedApprovals(ld)
    const files = { 'ld/approvals.yaml': approvalsFile(stored, 'enabled: false\n') }
    const result = await apply(files, { protect: 'tag:prod' })
    expectRefused(result, 'protected', /it would disable Approvals \(prod\)/)
  })
})
