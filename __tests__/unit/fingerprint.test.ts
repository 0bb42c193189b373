import { planFingerprint, writesAnything } from '../../src/core/fingerprint.js'
import type { RedactedOutcome } from '../../src/core/redact.js'

const outcome = (overrides: Partial<RedactedOutcome> = {}): RedactedOutcome => ({
  file: 'ld/a.yaml',
  line: 3,
  label: 'Approvals in ld/a.yaml',
  id: '65f0c1d2e3a4b5c6d7e8f901',
  name: 'Approvals',
  integrationKey: 'custom-approvals',
  status: 'would-update',
  warnings: [],
  notices: [],
  undecided: [],
  operations: undefined,
  configuration: undefined,
  changes: [
    { path: '/tags', before: ['prod'], after: ['prod', 'approvals'], secret: false },
    { path: '/configValues/apiKey', before: '(secret)', after: '(secret: changed)', secret: true },
    { path: '/capabilityConfig', after: { b: 1, a: { d: 2, c: 3 } }, secret: false }
  ],
  ...overrides
})
const URL7 = 'https://github.com/acme/platform-config/pull/7'

describe('planFingerprint', () => {
  it('ignores form: key order, tag order, change order, files, lines and messages', () => {
    const a = planFingerprint([outcome()], URL7)
    const reordered = outcome({
      file: 'ld/b.json',
      line: 40,
      warnings: ['another warning'],
      changes: [
        { path: '/capabilityConfig', after: { a: { c: 3, d: 2 }, b: 1 }, secret: false },
        {
          path: '/configValues/apiKey',
          before: '(secret)',
          after: '(secret: changed)',
          secret: true
        },
        { path: '/tags', before: ['prod'], after: ['approvals', 'prod'], secret: false }
      ]
    })
    expect(planFingerprint([reordered], URL7)).toBe(a)
    // Dry run or apply: the same plan.
    expect(planFingerprint([outcome({ status: 'updated' })], URL7)).toBe(a)
  })

  it('changes with anything a reviewer approves: a value before or after, an action, a configuration', () => {
    const a = planFingerprint([outcome()], URL7)
    const changed = (changes: RedactedOutcome['changes']) =>
      planFingerprint([outcome({ changes })], URL7)
    expect(
      changed([
        { path: '/tags', before: ['prod', 'x'], after: ['prod', 'approvals'], secret: false }
      ])
    ).not.toBe(a)
    expect(planFingerprint([outcome({ status: 'would-create' })], URL7)).not.toBe(a)
    expect(planFingerprint([outcome({ id: '65f0c1d2e3a4b5c6d7e8f902' })], URL7)).not.toBe(a)
    expect(
      planFingerprint([outcome(), outcome({ status: 'failed', id: 'x', changes: [] })], URL7)
    ).not.toBe(a)
  })

  it('is salted with the pull request, so that it cannot be carried to another', () => {
    expect(planFingerprint([outcome()], URL7)).not.toBe(
      planFingerprint([outcome()], 'https://github.com/acme/platform-config/pull/8')
    )
  })

  it('leaves unchanged configurations out: only what is written is approved', () => {
    const unchanged = outcome({ status: 'unchanged', id: '65f0c1d2e3a4b5c6d7e8f9ff', changes: [] })
    expect(planFingerprint([outcome(), unchanged], URL7)).toBe(planFingerprint([outcome()], URL7))
    expect(writesAnything([unchanged])).toBe(false)
    expect(writesAnything([outcome()])).toBe(true)
  })
})

describe('planFingerprint: absent is not null', () => {
  it('tells a field added as null from a field whose value becomes null', () => {
    const path = '/configValues/note'
    const added = outcome({ changes: [{ path, after: null, secret: false }] })
    const nulled = outcome({ changes: [{ path, before: null, after: null, secret: false }] })
    const removed = outcome({ changes: [{ path, before: null, secret: false }] })
    const fingerprints = [added, nulled, removed].map(o => planFingerprint([o], URL7))
    expect(new Set(fingerprints).size).toBe(3)
  })
})
