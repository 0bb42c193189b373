/**
 * The scenarios the golden files show (__tests__/golden): redacted outcomes as the report stage
 * gets them, built by hand so that each renderer can be read and diffed without a run.
 */
import type { CommentFacts } from '../../src/core/render/comment.js'
import type { RedactedOutcome, ShownChange } from '../../src/core/redact.js'
import { SECRET_BEFORE, SECRET_CHANGED } from '../../src/core/secrets.js'

const hex = (n: number) => n.toString(16).padStart(24, '0')
const REPO = 'https://github.com/acme/platform-config'
const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)

export function outcome(
  i: number,
  status: RedactedOutcome['status'],
  changes: ShownChange[],
  overrides: Partial<RedactedOutcome> = {}
): RedactedOutcome {
  const name = overrides.name ?? `Approvals ${i}`
  return {
    file: `launchdarkly/team-${i % 7}.yaml`,
    line: 2 + (i % 40),
    label: `${name} in launchdarkly/team-${i % 7}.yaml`,
    id: hex(0x65f0c1 * 1000 + i),
    name,
    integrationKey: 'custom-approvals',
    status,
    warnings: [],
    notices: [],
    undecided: [],
    operations: undefined,
    configuration: undefined,
    changes,
    ...overrides
  }
}

export const disable: ShownChange[] = [
  { path: '/enabled', before: true, after: false, secret: false }
]
export const enable: ShownChange[] = [
  { path: '/enabled', before: false, after: true, secret: false }
]
export const retag: ShownChange[] = [
  { path: '/tags', before: ['prod'], after: ['prod', 'approvals'], secret: false },
  { path: '/configValues/severity', before: 'low', after: 'high', secret: false }
]
const url = (i: number) => ({
  path: '/configValues/baseURL',
  before: `https://approvals.example.com/v1/team-${i}`,
  after: `https://approvals.example.com/v2/team-${i}`,
  secret: false
})

export function facts(overrides: Partial<CommentFacts> = {}): CommentFacts {
  return {
    key: 'launchdarkly:plan',
    dryRun: true,
    failOnDrift: false,
    instance: 'app.launchdarkly.com',
    run: {
      label: 'run 18, attempt 2',
      url: `${REPO}/actions/runs/4242`,
      summaryUrl: `${REPO}/actions/runs/4242/attempts/2`
    },
    pull: { number: 7, url: `${REPO}/pull/7` },
    head: { sha: HEAD, url: `${REPO}/commit/${HEAD}` },
    fileUrl: (file, line) => `${REPO}/blob/${HEAD}/${file}${line ? `#L${line}` : ''}`,
    summaryUrl: `${REPO}/actions/runs/4242/attempts/2`,
    fingerprint: `sha256:${'0'.repeat(64)}`,
    ...overrides
  }
}

export const applyFacts = (overrides: Partial<CommentFacts> = {}) =>
  facts({
    dryRun: false,
    fingerprint: undefined,
    merge: { sha: MERGE, url: `${REPO}/commit/${MERGE}` },
    ...overrides
  })

/** A typical plan: four configurations, one disabled, one retagged, one new, one unchanged. */
export function smallPlan(): RedactedOutcome[] {
  return [
    outcome(0, 'would-update', disable, { name: 'Approvals (prod)' }),
    outcome(1, 'would-update', [...retag, url(1)], { name: 'Approvals (staging)' }),
    outcome(2, 'would-create', [], {
      name: 'Paging (eu)',
      id: undefined,
      integrationKey: 'pagerduty-guardian-edition',
      changes: [
        { path: '/name', after: 'Paging (eu)', secret: false },
        { path: '/enabled', after: true, secret: false },
        { path: '/configValues', after: { apiKey: SECRET_CHANGED, region: 'eu' }, secret: true }
      ]
    }),
    outcome(3, 'unchanged', [], { name: 'Approvals (dev)' })
  ]
}

export function secretsPlan(): RedactedOutcome[] {
  return [
    outcome(0, 'would-update', [
      { path: '/configValues/apiKey', before: SECRET_BEFORE, after: SECRET_CHANGED, secret: true }
    ]),
    outcome(1, 'unchanged', [], {
      undecided: [{ path: '/configValues/apiKey', reason: 'no-ends' }]
    }),
    outcome(2, 'unchanged', [], {
      undecided: [{ path: '/configValues/apiKey', reason: 'ends-match' }]
    }),
    // A plain value that is literally a placeholder's text: a string, not a secret.
    outcome(3, 'would-update', [
      { path: '/configValues/note', before: 'x', after: '(secret: changed)', secret: false }
    ])
  ]
}

/** A 1,000-character URL whose two differences are far apart, and a string holding JSON. */
export function longValues(): RedactedOutcome[] {
  const path = Array.from({ length: 60 }, (_, i) => `segment-${i}`).join('/')
  const before = `https://hooks.example.com/services/${path}?region=us-east-1&team=platform`
  const after = `https://hooks.example.com/services/${path.replace('segment-2/', 'segment-X/')}?region=eu-west-1&team=platform`
  return [
    outcome(0, 'would-update', [
      { path: '/configValues/webhookUrl', before, after, secret: false },
      {
        path: '/configValues/payload',
        before: JSON.stringify({ channel: '#releases', mention: false, retries: 3 }),
        after: JSON.stringify({ channel: '#releases', mention: true, retries: 3 }),
        secret: false
      }
    ])
  ]
}

/**
 * Many changes: three disables among plain updates, most of them the same tag and severity change
 * (they group), the rest each its own URL change.
 */
export function manyChanges(count: number): RedactedOutcome[] {
  return Array.from({ length: count }, (_, i) => {
    if (i === 17 || i === 150 || i === count - 5) {
      return outcome(i, 'would-update', [...disable, url(i)])
    }
    if (i % 100 === 3) return outcome(i, 'would-update', [url(i), ...retag])
    if (i % 10 === 9) return outcome(i, 'unchanged', [])
    return outcome(i, 'would-update', retag)
  })
}

export function prunePlan(): RedactedOutcome[] {
  return [
    outcome(0, 'unchanged', []),
    outcome(
      1,
      'would-delete',
      [
        { path: '/name', before: 'Approvals (old)', secret: false },
        { path: '/configValues', before: { apiKey: SECRET_BEFORE, region: 'us' }, secret: true }
      ],
      { name: 'Approvals (old)', file: undefined }
    ),
    outcome(2, 'unmanaged', [], {
      name: 'Approvals (kept)',
      file: undefined,
      notices: ['kept: it has the tag `keep`']
    })
  ]
}

export function applied(): RedactedOutcome[] {
  return smallPlan().map(o =>
    o.status === 'would-update'
      ? { ...o, status: 'updated' }
      : o.status === 'would-create'
        ? { ...o, status: 'created', id: hex(99) }
        : o
  )
}

export function failedApply(): RedactedOutcome[] {
  const [first, second, ...rest] = applied()
  return [
    first as RedactedOutcome,
    {
      ...(second as RedactedOutcome),
      status: 'failed',
      error: {
        message:
          "LaunchDarkly answered 403 (forbidden) while updating integration configuration `000000000000000000000001`. The token's role lacks permission for this on integration configurations: give the token a role that allows it.",
        reason: 'forbidden'
      }
    },
    ...rest
  ]
}
