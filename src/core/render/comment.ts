/**
 * The pull request comment's Markdown: one comment per key, through the pull request's life (the
 * plan, then the apply, edit it). What the next run reads from it (the key, the approved plan, the
 * record of the apply attempts) is plan-comment.ts's, around this. It always fits GitHub's
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

/** Past this, the approved plan is not repeated: the plan that would be applied now matters more. */
const APPROVED_ROOM = 20_000

function approvedBlock(approved: string): string {
  const shown =
    approved.length <= APPROVED_ROOM
      ? approved
      : "_The approved plan is too long to repeat here: the job summary of the plan run has it, and so does this comment's edit history._"
  return `#### What was approved\n\n${shown}`
}

export interface CommentFacts extends ReportFacts {
  key: string
  /**
   * Why the apply refused, what changed since the approval and what was approved, when it did
   * (rendered from the state the comment keeps: see plan-comment.ts).
   */
  refusal?: { message: string; changed?: string; approved?: string }
  /** The record of the apply attempts. */
  history?: string
  summaryUrl: string
  /** The characters the Markdown may take: the protocol's lines take the rest. */
  room?: number
}

export function renderComment(outcomes: readonly RedactedOutcome[], facts: CommentFacts): string {
  const budget = Math.min(BUDGET, facts.room ?? BUDGET)
  const top = [
    `### LaunchDarkly · ${text(headline(outcomes, facts), 400)}`,
    statusLine(outcomes, facts)
  ]
  // The failure comes first: a reviewer must not read "Disables X" before "it failed"; a refusal
  // shows the difference first, what changed since the approval.
  const alerts = [
    facts.refusal ? alert('CAUTION', message(facts.refusal.message)) : undefined,
    facts.refusal?.changed,
    ...failureCallouts(outcomes, facts),
    ...callouts(outcomes)
  ].filter((part): part is string => part !== undefined)
  const tail = [
    facts.refusal?.approved ? approvedBlock(facts.refusal.approved) : undefined,
    facts.history,
    footer(facts)
  ]
  const assemble = (shownAlerts: readonly string[], body: FittedBody) =>
    [
      ...top,
      body.note,
      ...shownAlerts,
      facts.refusal ? '#### What the apply would do now' : undefined,
      ...body.parts,
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
        budget - assemble(shownAlerts, { note: undefined, parts: [] }).length
      )
    )
  const whole = fitted(alerts)
  if (whole.length <= budget) return whole
  // The callouts alone are too long (thousands of failures with long, escaping-heavy names):
  // each is shortened to its share, never dropped.
  const share = Math.max(500, Math.floor((budget - 10_000) / Math.max(1, alerts.length)))
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
  facts: Pick<CommentFacts, 'key' | 'run' | 'history'> & { where?: ErrorLocation }
): string {
  // The message names the input and the place once; the excerpt shows the lines.
  return [
    '### LaunchDarkly · The configurations could not be checked',
    alert('CAUTION', message(failure.slice(0, 20_000))),
    errorExcerpt(facts.where),
    facts.history,
    footer(facts)
  ]
    .filter((part): part is string => part !== undefined)
    .join('\n\n')
}

/** The last line of Markdown. The comment key is the protocol's alone: it means nothing to a reviewer. */
function footer(facts: Pick<CommentFacts, 'run'>): string {
  const run = facts.run
  return `<sub>LaunchDarkly integration configuration action${
    run
      ? ` · ${link(text(run.label), run.url)} · ${link('job summary', run.summaryUrl ?? run.url)}`
      : ''
  }</sub>`
}
