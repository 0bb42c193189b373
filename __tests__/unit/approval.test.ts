/**
 * The gate's decision, given a pull request session: 1.x approvals still count for one release;
 * the kept entries count only when they make the approved fingerprint; what remains after a
 * partial apply is approved only when the written part reads as unchanged.
 */
import { legacyPlanFingerprint, planEntries, planFingerprint } from '../../src/core/fingerprint.js'
import type { ApplyAttempt, PlanComment } from '../../src/core/plan-comment.js'
import type { RedactedOutcome } from '../../src/core/redact.js'
import type { PullRequestSession } from '../../src/io/github.js'
import { checkApproval } from '../../src/stages/approval.js'

const URL7 = 'https://github.com/acme/platform-config/pull/7'

const outcome = (id: string, overrides: Partial<RedactedOutcome> = {}): RedactedOutcome => ({
  file: undefined,
  label: id,
  id,
  name: `Approvals ${id}`,
  integrationKey: 'custom-approvals',
  status: 'would-update',
  warnings: [],
  notices: [],
  undecided: [],
  operations: undefined,
  configuration: undefined,
  changes: [{ path: '/enabled', before: true, after: false, secret: false }],
  ...overrides
})

const session = (comment: PlanComment | undefined): PullRequestSession => ({
  pull: { owner: 'acme', repo: 'platform-config', number: 7, url: URL7, headSha: 'a'.repeat(40) },
  comment,
  write: async () => undefined,
  notify: async () => undefined
})

const written = (approved: string, ...ids: string[]): ApplyAttempt => ({
  runId: '1',
  attempt: 1,
  approved,
  outcome: 'partly-applied',
  written: ids.length,
  failed: 1,
  results: ids.map(configuration => ({ configuration, status: 'updated' }))
})

describe('checkApproval', () => {
  const plan = [outcome('a'), outcome('b'), outcome('c')]

  it('accepts a plan a 1.x comment approved, by the 1.x fingerprint', () => {
    const comment: PlanComment = {
      version: 1,
      key: 'k',
      fingerprint: legacyPlanFingerprint(plan, URL7),
      state: { attempts: [] }
    }
    expect(checkApproval(plan, session(comment), 'k')).toEqual({ approved: true })
    // The 2.x fingerprint is another format: it never matches a 1.x comment's.
    expect(planFingerprint(plan, URL7)).not.toBe(comment.fingerprint)
    const changed = [outcome('a'), outcome('b')]
    expect(checkApproval(changed, session(comment), 'k')).toMatchObject({
      approved: false,
      failure: { reason: 'plan-changed' }
    })
  })

  it('approves what remains after a partial apply, and only that', () => {
    const fingerprint = planFingerprint(plan, URL7)
    const comment: PlanComment = {
      version: 2,
      key: 'k',
      fingerprint,
      state: { approved: planEntries(plan), attempts: [written(fingerprint, 'a', 'b')] }
    }
    expect(checkApproval([outcome('c')], session(comment), 'k')).toEqual({
      approved: true,
      remainder: { left: 1, total: 3 }
    })
    // What was written under an earlier approval does not count for this one.
    const earlier: PlanComment = {
      ...comment,
      state: { ...comment.state, attempts: [written(`sha256:${'0'.repeat(64)}`, 'a', 'b')] }
    }
    expect(checkApproval([outcome('c')], session(earlier), 'k')).toMatchObject({
      approved: false,
      failure: { reason: 'plan-changed' }
    })
    // A written configuration that would change again is not part of what remains.
    expect(checkApproval([outcome('a'), outcome('c')], session(comment), 'k')).toMatchObject({
      approved: false,
      failure: { reason: 'plan-changed' },
      approvedEntries: planEntries(plan)
    })
  })

  it('ignores kept entries that do not make the approved fingerprint', () => {
    const forged = planEntries([outcome('c')])
    const comment: PlanComment = {
      version: 2,
      key: 'k',
      fingerprint: planFingerprint(plan, URL7),
      state: { approved: forged, attempts: [written(planFingerprint(plan, URL7), 'x')] }
    }
    const decision = checkApproval([outcome('c')], session(comment), 'k')
    expect(decision).toMatchObject({ approved: false, failure: { reason: 'plan-changed' } })
    expect(decision).not.toHaveProperty('approvedEntries')
  })

  it('refuses a comment that approves no plan, and says no pull request was found when none was', () => {
    const unapproved: PlanComment = { version: 2, key: 'k', state: { attempts: [] } }
    expect(checkApproval(plan, session(unapproved), 'k')).toMatchObject({
      approved: false,
      failure: { reason: 'no-approved-plan', message: expect.stringMatching(/has no plan comment/) }
    })
    expect(checkApproval(plan, { notApprovable: 'commit aaaaaaa: #7 is open' }, 'k')).toMatchObject(
      { approved: false, failure: { reason: 'no-approved-plan' } }
    )
  })
})
