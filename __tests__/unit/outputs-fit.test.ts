/**
 * Every output fits where it goes, whatever the input's size: the hostile sizes and names of
 * integration/hostile-runner.test.ts ("every output fits where it goes"), rendered purely. The
 * outcomes are what those runs end in (the same configurations, names, changes, and LaunchDarkly's
 * errors as the client words them); the comment is written as `publish` writes it (writeComment,
 * its protocol lines included) to a recording pull request session, and the summary is rendered as
 * `publish` renders it, without a thousand requests over HTTP. A small run over HTTP stays there,
 * for the wiring. Also the comment of a huge change, from integration/pr-comment.test.ts.
 */
import { runFailure, type Failure } from '../../src/core/outcome.js'
import type { RedactedOutcome } from '../../src/core/redact.js'
import { renderSummary } from '../../src/core/render/summary.js'
import { errorForStatus } from '../../src/io/launchdarkly/errors.js'
import { writeComment } from '../../src/stages/comment.js'
import { reportFacts } from '../../src/stages/report.js'
import { expectCleanRendering, renderGfm, visibleText } from '../helpers/github-markdown.js'
import { recordingSession, setUp } from '../helpers/publishing.js'

const idOf = (i: number) => (0x65f0c1d2e3 * 4096 + i).toString(16).padStart(24, '0')

/**
 * The settings of a run given all.yaml. (What is rendered comes from the outcomes; the file is read
 * only for the settings, so one configuration of it does.)
 */
const withAllYaml = (inputs: Record<string, string>) =>
  setUp(
    { 'desired-state-file': 'all.yaml', ...inputs },
    { files: { 'all.yaml': `configurations:\n  - {id: ${idOf(0)}, enabled: false}\n` } }
  )

type Run = Awaited<ReturnType<typeof setUp>>

/** The comment `publish` writes for these outcomes (its last step), alone. */
async function commentOf(
  { runner, settings, context }: Run,
  outcomes: RedactedOutcome[],
  failure: Failure | undefined
): Promise<string[]> {
  const { session, written } = recordingSession()
  await writeComment(session, runner, {
    outcomes,
    failure,
    settings,
    key: settings.github?.key ?? '',
    context,
    facts: reportFacts(settings, context, false, session),
    refusal: undefined
  })
  return written
}

/** Configuration `i` of all.yaml (one line each), disabled, as the plan reports it. */
function disabling(i: number, overrides: Partial<RedactedOutcome> = {}): RedactedOutcome {
  const id = idOf(i)
  return {
    file: 'all.yaml',
    line: i + 2,
    label: `#${i + 1} "${id}" in all.yaml`,
    id,
    name: `Approvals for team number ${i} with a fairly long name`,
    integrationKey: 'custom-approvals',
    status: 'would-update',
    warnings: [],
    notices: [],
    undecided: [],
    changes: [{ path: '/enabled', before: true, after: false, secret: false }],
    operations: [
      { op: 'test', path: '/enabled', value: true },
      { op: 'replace', path: '/enabled', value: false }
    ],
    configuration: undefined,
    ...overrides
  }
}

/** The plan's warning for a key that PagerDuty's manifest does not know (these tests' keys). */
const unknownKey = (k: number) =>
  `configValues.key${k} is not a key of PagerDuty - Guardian Edition's manifest; its keys are integrationKey, projectAndEnv, eventFilter, severity. It is sent as it is.`

/** Configuration `i`, of PagerDuty, whose twelve values key0…key11 change from `before` to `after`. */
function paging(
  i: number,
  name: string,
  before: (k: number) => string,
  after: (k: number) => string
): RedactedOutcome {
  const keys = Array.from({ length: 12 }, (_, k) => k)
  return disabling(i, {
    line: 2 + 14 * i,
    name,
    integrationKey: 'pagerduty-guardian-edition',
    warnings: keys.map(unknownKey),
    changes: keys.map(k => ({
      path: `/configValues/key${k}`,
      before: before(k),
      after: after(k),
      secret: false
    })),
    operations: [
      ...keys.map(k => ({ op: 'test' as const, path: `/configValues/key${k}`, value: before(k) })),
      ...keys.map(k => ({ op: 'replace' as const, path: `/configValues/key${k}`, value: after(k) }))
    ]
  })
}

describe('every output fits where it goes (moved from integration/hostile-runner.test.ts)', () => {
  it('a comment about 1,000 configurations is posted, under 65,536 characters', async () => {
    const run = await withAllYaml({ 'dry-run': 'true', 'comment-on-pr': 'true' })
    const outcomes = Array.from({ length: 1000 }, (_, i) => disabling(i))
    const failure = runFailure(outcomes, { dryRun: true, failOnDrift: false })
    expect(failure).toBeUndefined()
    const written = await commentOf(run, outcomes, failure)
    expect(run.annotations('warning')).toEqual([])
    expect(written).toHaveLength(1)
    const body = written[0] ?? ''
    expect([...body].length).toBeLessThanOrEqual(65_536)
    expect(visibleText(body)).toContain('Plan: 1000 to update (1000 disabled)')
    // As many configurations as fit are listed, then how many more there are.
    expect(visibleText(body)).toMatch(/… and \d+ more configurations \(in the job summary\)/)
    expect(visibleText(body)).toMatch(/The job summary has every configuration and change/)
  })

  it('a comment about 1,200 failures, one error shared and many different, is posted whole', async () => {
    const run = await withAllYaml({ 'comment-on-pr': 'true', concurrency: '20' })
    // Each PATCH failed: most with one error, 40 each with its own, worded as the client words
    // LaunchDarkly's 403.
    const outcomes = Array.from({ length: 1200 }, (_, i) => {
      const error = errorForStatus(
        403,
        { code: 'forbidden', message: i < 40 ? `Denied by policy number ${i}` : 'Denied' },
        { what: `updating integration configuration ${idOf(i)}`, notFound: '' }
      )
      return disabling(i, {
        status: 'failed',
        error: { message: error.message, reason: error.reason }
      })
    })
    const failure = runFailure(outcomes, { dryRun: false, failOnDrift: false })
    // The `failure-reason` output is the failure's reason (renderOutputs).
    expect(failure?.reason).toBe('forbidden')
    const written = await commentOf(run, outcomes, failure)
    expect(run.outputs['comment-url']).toMatch(/#issuecomment-\d+$/)
    expect(written).toHaveLength(1)
    const body = written[0] ?? ''
    expect([...body].length).toBeLessThanOrEqual(65_536)
    // Whole: it ends with its footer, not cut in the middle of a tag. (The footer no longer shows
    // the comment key, which is in the header only since issue 19: the key is asserted there;
    // then the protocol's state line, which plan-comment.ts writes last.)
    expect(body).toMatch(
      /<\/sub>\n\n<!-- launchdarkly-integration-configuration-action:v2 state="[\w-]*" -->$/
    )
    expect(body).toMatch(/^<!-- launchdarkly-integration-configuration-action:v2 key="[^"]+"/)
    const seen = visibleText(body)
    expect(seen).toContain('1200 failed')
    // The commonest error first, naming its first 20 configurations; past 10 callouts, a count.
    expect(seen).toMatch(/^\[!CAUTION\]\n1160 configurations \(.*and 1140 more\) failed/m)
    expect(seen).toContain('31 more configurations failed, with other errors')
  })

  it('names that grow fivefold when escaped still give a posted comment', async () => {
    const run = await withAllYaml({ 'dry-run': 'true', 'comment-on-pr': 'true' })
    const hostile = '&<>|'.repeat(50)
    const outcomes = Array.from({ length: 150 }, (_, i) =>
      disabling(i, {
        name: `${i}${hostile}`,
        changes: [{ path: '/tags', before: [], after: ['x'], secret: false }],
        operations: [
          { op: 'test', path: '/tags', value: [] },
          { op: 'replace', path: '/tags', value: ['x'] }
        ]
      })
    )
    const written = await commentOf(run, outcomes, undefined)
    expect(run.annotations('warning')).toHaveLength(0)
    expect(written).toHaveLength(1)
    expect([...(written[0] ?? '')].length).toBeLessThanOrEqual(65_536)
  })

  it('a job summary of multi-byte text is cut under 1 MiB, measured in bytes', async () => {
    const { settings, context } = await withAllYaml({ 'dry-run': 'true' })
    // 60 configurations, each with 12 values of 190 three-byte characters (the run had 100): uncut,
    // about 0.7 million characters and 1.4 MiB of UTF-8, so that only a cut measured in bytes
    // cuts it at all.
    const wide = '€'.repeat(190)
    const outcomes = Array.from({ length: 60 }, (_, i) =>
      paging(
        i,
        `Paging ${i} ${wide}`,
        k => `${wide}${k}`,
        k => `${k}${wide}`
      )
    )
    // The summary `publish` writes (its step 3), alone, at the limit it writes it with.
    const summary = renderSummary(outcomes, reportFacts(settings, context, false))
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(1024 * 1024)
    expect(summary).toContain('The summary was cut here')
    expect(summary).not.toContain('\ufffd')
  })
})

describe('the comment of a huge change (moved from integration/pr-comment.test.ts)', () => {
  it("shortens a huge change under GitHub's limit, keeping every configuration's line", async () => {
    const run = await withAllYaml({ 'dry-run': 'true', 'comment-on-pr': 'true' })
    const big = 'x'.repeat(150)
    // Each configuration its own new values: identical changes share one row since issue 19, and
    // this test is about shortening sixty different ones.
    const outcomes = Array.from({ length: 60 }, (_, i) =>
      paging(
        i,
        `Paging ${i}`,
        k => `${big}-${k}`,
        k => `new-Paging ${i}-${big}-${k}`
      )
    )
    const [body = ''] = await commentOf(run, outcomes, undefined)
    expect(body.length).toBeLessThanOrEqual(65_536)
    const seen = visibleText(body)
    expect(seen).toContain('Plan: 60 to update')
    // Every configuration keeps a line: its diff, or its name where the diff was left out.
    for (const o of outcomes) expect(seen).toContain(o.name)
    // The note is at the top, before any configuration, and names what it left out.
    const note = seen.indexOf('This comment is shortened')
    expect(note).toBeGreaterThan(-1)
    expect(note).toBeLessThan(seen.indexOf('Paging 0'))
    expect(seen).toMatch(/Left out: the diffs of Paging \d+, /)
    expect(renderGfm(body)).toMatch(/<a href="[^"]+">job summary<\/a>/)
    expectCleanRendering(body)
  })
})
