/**
 * The pull request comment: one per key, through the pull request's life (the plan, then the
 * apply, edit it). It carries a hidden marker (which comment is this step's) and, for a plan, the
 * plan's fingerprint (what the apply checks with `require-approved-plan`). It always fits GitHub's
 * 65,536 characters: the headline, the counts and the callouts always stay (callouts shortened,
 * never dropped); the body is fitted by risk (comment-body.ts), what it leaves out named at the top.
 */
import type { RedactedOutcome } from '../redact.js'
import { fitBody, type FittedBody } from './comment-body.js'
import { errorExcerpt, type ErrorLocation } from './input-error.js'
import { alert, link, message, text } from './markdown.js'
import { callouts, failureCallouts, headline, statusLine, type ReportFacts } from './parts.js'

/** GitHub refuses longer bodies (it counts characters; a JavaScript length is never fewer). */
export const COMMENT_LIMIT = 65_536
const BUDGET = COMMENT_LIMIT - 1_000

const MARKER = 'launchdarkly-integration-configuration-action'
const PLAN_START = `<!-- ${MARKER} plan:start -->`
const PLAN_END = `<!-- ${MARKER} plan:end -->`
// A refused apply shows the approved plan beside its own: marked apart, so that the next refused
// apply shows again what was approved, not what the last one would have done.
const APPROVED_START = `<!-- ${MARKER} approved:start -->`
const APPROVED_END = `<!-- ${MARKER} approved:end -->`
/** Past this, the approved plan is not repeated: the plan that would be applied now matters more. */
const APPROVED_ROOM = 20_000

export function commentMarker(key: string): string {
  return `<!-- ${MARKER} key="${key}" -->`
}

function fingerprintMarker(fingerprint: string): string {
  return `<!-- ${MARKER} plan="${fingerprint}" -->`
}

/** The plan fingerprint a comment carries, if it is a plan's. */
export function fingerprintOf(body: string): string | undefined {
  return new RegExp(`<!-- ${MARKER} plan="(sha256:[0-9a-f]{64})" -->`).exec(body)?.[1]
}

/**
 * The diffs of the plan a comment approved, to show again beside a newer plan: between its
 * approved markers when an apply was refused already, else between its plan markers.
 */
export function planDetailsOf(body: string): string | undefined {
  const between = (startMarker: string, endMarker: string) => {
    const start = body.indexOf(startMarker)
    const end = body.indexOf(endMarker)
    return start >= 0 && end > start
      ? body.slice(start + startMarker.length, end).trim()
      : undefined
  }
  return between(APPROVED_START, APPROVED_END) ?? between(PLAN_START, PLAN_END)
}

function approvedBlock(approved: string): string {
  const shown =
    approved.length <= APPROVED_ROOM
      ? approved
      : "_The approved plan is too long to repeat here: the job summary of the plan run has it, and so does this comment's edit history._"
  return `#### What was approved\n\n${APPROVED_START}\n\n${shown}\n\n${APPROVED_END}`
}

export interface CommentFacts extends ReportFacts {
  key: string
  /** For a plan: its fingerprint, which the apply compares with `require-approved-plan`. */
  fingerprint?: string
  /** Why the apply refused, with what was approved, when it did. */
  refusal?: { message: string; approved?: string }
  summaryUrl: string
}

export function renderComment(outcomes: readonly RedactedOutcome[], facts: CommentFacts): string {
  const top = [
    commentMarker(facts.key),
    facts.fingerprint ? fingerprintMarker(facts.fingerprint) : undefined,
    `### LaunchDarkly · ${text(headline(outcomes, facts), 400)}`,
    statusLine(outcomes, facts)
  ]
  const alerts = [
    facts.refusal ? alert('CAUTION', message(facts.refusal.message)) : undefined,
    ...callouts(outcomes),
    ...failureCallouts(outcomes, facts)
  ].filter((part): part is string => part !== undefined)
  const tail = [
    facts.refusal?.approved ? approvedBlock(facts.refusal.approved) : undefined,
    footer(facts)
  ]
  const assemble = (shownAlerts: readonly string[], body: FittedBody) =>
    [
      ...top,
      body.note,
      ...shownAlerts,
      facts.refusal ? '#### What the apply would do now' : undefined,
      PLAN_START,
      ...body.parts,
      PLAN_END,
      ...tail
    ]
      .filter((part): part is string => part !== undefined && part !== '')
      .join('\n\n')
  const fitted = (shownAlerts: readonly string[]) =>
    assemble(
      shownAlerts,
      fitBody(
        outcomes,
        facts,
        BUDGET - assemble(shownAlerts, { note: undefined, parts: [] }).length
      )
    )
  const whole = fitted(alerts)
  if (whole.length <= BUDGET) return whole
  // The callouts alone are too long (thousands of failures with long, escaping-heavy names):
  // each is shortened to its share, never dropped.
  const share = Math.max(500, Math.floor((BUDGET - 10_000) / Math.max(1, alerts.length)))
  return fitted(alerts.map(callout => shortenCallout(callout, share)))
}

/**
 * A callout cut to `max` characters at a boundary that leaves its Markdown whole: never inside a
 * <code> span or an entity; what was cut is said.
 */
export function shortenCallout(callout: string, max: number): string {
  if (callout.length <= max) return callout
  let cut = callout.slice(0, max)
  const opens = (value: string) => (value.match(/<code>/g) ?? []).length
  const closes = (value: string) => (value.match(/<\/code>/g) ?? []).length
  while (opens(cut) > closes(cut)) cut = cut.slice(0, cut.lastIndexOf('<code>'))
  cut = cut.replace(/&#?\w*$/, '').replace(/<[^>]*$/, '')
  return `${cut} … _(cut here: the job summary has the rest)_`
}

/** A comment saying the run could not even start, e.g. a desired-state file that does not parse. */
export function renderFailureComment(
  failure: string,
  facts: Pick<CommentFacts, 'key' | 'run'> & { where?: ErrorLocation }
): string {
  // The message names the input and the place once; the excerpt shows the lines.
  return [
    commentMarker(facts.key),
    '### LaunchDarkly · The configurations could not be checked',
    alert('CAUTION', message(failure.slice(0, 20_000))),
    errorExcerpt(facts.where),
    footer(facts)
  ]
    .filter((part): part is string => part !== undefined)
    .join('\n\n')
}

/** The last line. The comment key is the marker's alone: it means nothing to a reviewer. */
function footer(facts: Pick<CommentFacts, 'run'>): string {
  const run = facts.run
  return `<sub>LaunchDarkly integration configuration action${
    run
      ? ` · ${link(text(run.label), run.url)} · ${link('job summary', run.summaryUrl ?? run.url)}`
      : ''
  }</sub>`
}
