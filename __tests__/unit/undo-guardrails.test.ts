/** The pure parts of #20: protect lines, the guardrails' verdict on a plan, and the undo. */
import { planFingerprint } from '../../src/core/fingerprint.js'
import {
  checkGuardrails,
  guardrailsFingerprint,
  NO_GUARDRAILS,
  parseProtectLine,
  type Guardrails
} from '../../src/core/guardrails.js'
import type { Outcome } from '../../src/core/outcome.js'
import { planDeletion, planDesired, planPatch, PATCH_DELETION_NOTICE } from '../../src/core/plan.js'
import { Scrubber } from '../../src/core/secrets.js'
import type { IntegrationConfiguration } from '../../src/core/types.js'
import { undoOf, undoOutputs } from '../../src/core/undo.js'

const ID = '65f0c1d2e3a4b5c6d7e8f901'
const live: IntegrationConfiguration = {
  _id: ID,
  _links: {},
  _integrationKey: 'custom-approvals',
  name: 'Approvals',
  enabled: true,
  tags: ['prod'],
  configValues: { baseURL: 'https://a.example.com', apiKey: 'sup********123' }
}

const outcome = (plan: Outcome['plan'], status: Outcome['status'], configuration?: object) =>
  ({
    file: undefined,
    label: 'Approvals',
    id: ID,
    name: 'Approvals',
    integrationKey: 'custom-approvals',
    status,
    plan,
    configuration,
    warnings: [],
    notices: []
  }) as Outcome

const guard = (lines: string[], extra: Partial<Guardrails> = {}): Guardrails => ({
  ...NO_GUARDRAILS,
  protect: lines.map((line, i) => {
    const rule = parseProtectLine(line, i + 1)
    if (typeof rule === 'string') throw new Error(rule)
    return rule
  }),
  ...extra
})

describe('parseProtectLine', () => {
  it.each([
    [ID, { kind: 'id', id: ID }],
    [ID.toUpperCase(), { kind: 'id', id: ID }],
    ['custom-approvals/Approvals (prod)', { kind: 'name', name: 'Approvals (prod)' }],
    ['custom-approvals/a/b', { kind: 'name', integrationKey: 'custom-approvals', name: 'a/b' }],
    ['tag:protected', { kind: 'tag', tag: 'protected' }]
  ])('reads %j', (line, rule) => {
    expect(parseProtectLine(line, 1)).toMatchObject(rule)
  })

  it.each(['Approvals', 'tag:', 'tag:two words', '/name', 'custom-approvals/', '65f0c1d2'])(
    'refuses %j',
    line => {
      expect(typeof parseProtectLine(line, 1)).toBe('string')
    }
  )
})

const disable = planPatch(live, [{ op: 'replace', path: '/enabled', value: false }])
const rotate = planDesired(
  live,
  { configValues: { baseURL: 'https://a.example.com', apiKey: 'new-secret-value' } },
  'custom-approvals',
  { rotateSecrets: false }
)

describe('checkGuardrails', () => {
  it('refuses a disable and a deletion of a protected configuration, not other ones', () => {
    expect(checkGuardrails([outcome(disable, 'would-update')], guard(['tag:prod']))).toMatchObject({
      reason: 'protected',
      guardrail: 'protect'
    })
    expect(
      checkGuardrails(
        [outcome(planDeletion(live, 'custom-approvals'), 'would-delete')],
        guard([ID])
      )?.message
    ).toContain('it would delete Approvals')
    expect(checkGuardrails([outcome(disable, 'would-update')], guard(['tag:other']))).toBe(
      undefined
    )
    // A failed plan writes nothing: nothing to refuse.
    expect(checkGuardrails([outcome(disable, 'failed')], guard(['tag:prod']))).toBe(undefined)
  })

  it('refuses a secret change only with protect-secrets', () => {
    expect(checkGuardrails([outcome(rotate, 'would-update')], guard([ID]))).toBe(undefined)
    expect(
      checkGuardrails([outcome(rotate, 'would-update')], guard([ID], { protectSecrets: true }))
        ?.message
    ).toContain('change the secret at /configValues/apiKey of Approvals')
  })

  it('counts creations, updates and deletions against max-changes', () => {
    const plans = [
      outcome(disable, 'would-update'),
      outcome(planDeletion(live, 'custom-approvals'), 'would-delete'),
      outcome(planPatch(live, [{ op: 'replace', path: '/enabled', value: true }]), 'unchanged')
    ]
    expect(checkGuardrails(plans, guard([], { maxChanges: 2 }))).toBe(undefined)
    expect(checkGuardrails(plans, guard([], { maxChanges: 1 }))?.message).toContain(
      'this plan changes 2 configurations (1 to update, 1 to delete), and `max-changes` allows 1.'
    )
    expect(
      checkGuardrails(plans, guard([], { maxChanges: 1, allowManyChanges: true }))
    ).toBeUndefined()
  })
})

describe('the fingerprint', () => {
  it('is as before without guardrails, and changes with each of them', () => {
    expect(guardrailsFingerprint(NO_GUARDRAILS)).toBe('')
    const base = planFingerprint([], 'https://x/pull/1')
    expect(planFingerprint([], 'https://x/pull/1', guardrailsFingerprint(NO_GUARDRAILS))).toBe(base)
    const prints = [
      guard(['tag:prod']),
      guard(['tag:prod'], { protectSecrets: true }),
      guard([], { maxChanges: 3 }),
      guard([], { maxChanges: 3, allowManyChanges: true })
    ].map(g => planFingerprint([], 'https://x/pull/1', guardrailsFingerprint(g)))
    expect(new Set([base, ...prints]).size).toBe(5)
    // Line order and comments are formatting.
    expect(guardrailsFingerprint(guard(['tag:a', ID]))).toBe(
      guardrailsFingerprint(guard([ID, 'tag:a']))
    )
  })
})

describe('undoOf', () => {
  it('restores only what is not secret, and says which secrets it leaves', () => {
    const [entry] = undoOf(
      [outcome(rotate, 'updated', { ...live, configValues: { ...live.configValues } })],
      new Scrubber()
    )
    expect(entry).toMatchObject({ patch: null, secretsLeft: ['/configValues/apiKey'] })
    expect(entry?.why).toContain('changed only secrets')
  })

  it('guards a removal by its parent when the parent holds no secret', () => {
    const open = { ...live, configValues: { baseURL: 'https://a.example.com', team: 'a' } }
    const plan = planPatch(open, [{ op: 'remove', path: '/configValues/team' }])
    const after = { ...open, configValues: { baseURL: 'https://a.example.com' } }
    const [entry] = undoOf([outcome(plan, 'updated', after)], new Scrubber())
    expect(entry?.patch).toEqual([
      { op: 'test', path: '/configValues', value: { baseURL: 'https://a.example.com' } },
      { op: 'add', path: '/configValues/team', value: 'a' }
    ])
    expect(entry?.unguarded).toEqual([])
  })

  it('gives no undo that would carry a value the scrubber knows', () => {
    const plan = planPatch(live, [{ op: 'replace', path: '/name', value: 'x' }])
    const scrubber = new Scrubber()
    scrubber.add('Approvals')
    const [entry] = undoOf([outcome(plan, 'updated', { ...live, name: 'x' })], scrubber)
    expect(entry?.patch).toBeNull()
  })

  it('deletes what was created, and lists a deletion as not reversible', () => {
    const deletion = planDeletion(live, 'custom-approvals')
    const viaPatch = planPatch(live, [
      { op: 'test', path: '/name', value: 'Approvals' },
      { op: 'remove', path: '' }
    ])
    expect(viaPatch).toMatchObject({ action: 'delete', notices: [PATCH_DELETION_NOTICE] })
    const entries = undoOf([outcome(deletion, 'deleted')], new Scrubber())
    expect(undoOutputs(entries, 1)).toEqual({ undo: `{"${ID}":null}`, 'undo-patch': '' })
  })
})
