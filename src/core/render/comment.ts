/**
 * The pull request comment: one per key, through the pull request's life (the plan, then the
 * apply, edit it). It carries a hidden marker (which comment is this step's) and, for a plan, the
 * plan's fingerprint (what the apply checks with `require-approved-plan`). It always fits GitHub's
 * 65,536 characters: the headline, the counts and the callouts always stay; the unchanged list goes
 * first, then the largest diffs, each named at the top as left out.
 */
import type { RedactedOutcome } from '../redact.js'
import {
  alert,
  link,
  literal,
  locationText,
  message,
  text,
  type ErrorLocation
} from './markdown.js'
import {
  callouts,
  failureCallouts,
  headline,
  nameOf,
  plural,
  section,
  STATUS_WORDS,
  statusLine,
  unchangedLines,
  type ReportFacts
} from './parts.js'

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
  const changing = outcomes.filter(o => o.status !== 'unchanged' && o.status !== 'unmanaged')
  const unchanged = outcomes.filter(o => o.status === 'unchanged')
  const unmanaged = outcomes.filter(o => o.status === 'unmanaged')
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
  ]
  const tail = [
    facts.refusal?.approved ? approvedBlock(facts.refusal.approved) : undefined,
    footer(facts)
  ].filter((part): part is string => part !== undefined)

  const sections = changing.map(o => ({ outcome: o, markdown: section(o, facts) }))
  const unmanagedBlock =
    unmanaged.length > 0
      ? `**${plural(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes**${
          // Each one prune left says why; without prune, the hint is what to do.
          unmanaged.some(o => o.notices.length === 0) ? ' (`prune: true` deletes them)' : ''
        }:\n\n${unchangedLines(unmanaged, facts)}`
      : undefined
  // Shortened, the list goes to the job summary like the unchanged one.
  const unmanagedLine =
    unmanaged.length > 0
      ? `_${plural(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes (listed in the job summary)._`
      : undefined
  const unchangedBlock =
    unchanged.length > 0
      ? `<details><summary>${plural(unchanged.length, 'configuration')} unchanged</summary>\n\n${unchangedLines(unchanged, facts)}\n\n</details>`
      : undefined
  const assemble = (
    note: string | undefined,
    body: (string | undefined)[],
    shownAlerts: readonly (string | undefined)[] = alerts
  ) =>
    [
      ...top,
      note,
      ...shownAlerts,
      facts.refusal ? '#### What the apply would do now' : undefined,
      PLAN_START,
      ...body,
      PLAN_END,
      ...tail
    ]
      .filter((part): part is string => part !== undefined && part !== '')
      .join('\n\n')

  const whole = assemble(undefined, [
    ...sections.map(s => s.markdown),
    unmanagedBlock,
    unchangedBlock
  ])
  if (whole.length <= BUDGET) return whole

  // Too long: the unchanged list goes first, then the largest diffs, each replaced by a line.
  // Sizes are added up rather than rendered again for every choice: a thousand configurations
  // cost one pass.
  const lineOf = (o: RedactedOutcome) =>
    `- ${text(nameOf(o))}: ${STATUS_WORDS[o.status]} (diff in the job summary)`
  const unchangedLine =
    unchanged.length > 0 ? `_${plural(unchanged.length, 'configuration')} unchanged._` : undefined
  const noteFor = (dropped: readonly RedactedOutcome[], hidden: number) => {
    const leftOut = [
      unchanged.length > 0
        ? `the list of ${plural(unchanged.length, 'unchanged configuration')}`
        : undefined,
      dropped.length > 0 ? `the diffs of ${names(dropped)}` : undefined,
      hidden > 0 ? `the lines of ${plural(hidden, 'more configuration')}` : undefined
    ].filter(Boolean)
    return alert(
      'NOTE',
      `This comment is shortened to stay under GitHub's limit of ${COMMENT_LIMIT.toLocaleString('en-US')} characters. Left out: ${leftOut.join('; ')}. The ${link('job summary', facts.summaryUrl)} has every configuration and change.`
    )
  }
  const NOTE_ROOM = 4_000
  const unmanagedShown =
    unmanagedBlock && unmanagedBlock.length > 10_000 ? unmanagedLine : unmanagedBlock
  const fixed = assemble(undefined, [unmanagedShown, unchangedLine]).length + NOTE_ROOM
  const dropped = new Set<RedactedOutcome>()
  let total = fixed + sections.reduce((sum, s) => sum + s.markdown.length + 2, 0)
  for (const largest of [...sections].sort((a, b) => b.markdown.length - a.markdown.length)) {
    if (total <= BUDGET) break
    total -= largest.markdown.length - lineOf(largest.outcome).length
    dropped.add(largest.outcome)
  }
  // Even one line each is too long (thousands of configurations): the first lines that fit,
  // then how many more there are.
  let shown = sections.length
  while (total > BUDGET && shown > 0) {
    shown -= 1
    const last = sections[shown]
    if (last) total -= lineOf(last.outcome).length + 2
  }
  const body = sections
    .slice(0, shown)
    .map(s => (dropped.has(s.outcome) ? lineOf(s.outcome) : s.markdown))
  const hidden = sections.length - shown
  if (hidden > 0) body.push(`- … and ${plural(hidden, 'more configuration')} (in the job summary)`)
  const shortened = assemble(
    noteFor(
      sections
        .filter(s => dropped.has(s.outcome) && sections.indexOf(s) < shown)
        .map(s => s.outcome),
      hidden
    ),
    [...body, unmanagedShown, unchangedLine]
  )
  if (shortened.length <= BUDGET) return shortened
  // Nothing else is left to drop: the headline and the counts stay, and the callouts while they
  // fit (they are capped, but an approved plan and a refusal come on top).
  const bare = assemble(noteFor([], sections.length), [unmanagedLine, unchangedLine])
  if (bare.length <= BUDGET) return bare
  return assemble(
    noteFor([], sections.length),
    [unmanagedLine, unchangedLine],
    [
      alert(
        'NOTE',
        `The callouts are left out too: the ${link('job summary', facts.summaryUrl)} has them.`
      )
    ]
  )
}

/** Where an input error lies, linked to the file at the head commit when the link is known. */
/** A comment saying the run could not even start, e.g. a desired-state file that does not parse. */
export function renderFailureComment(
  failure: string,
  facts: Pick<CommentFacts, 'key' | 'run'> & { where?: ErrorLocation }
): string {
  return [
    commentMarker(facts.key),
    '### LaunchDarkly · The configurations could not be checked',
    alert(
      'CAUTION',
      `${facts.where ? `In ${locationText(facts.where)}: ` : ''}${message(failure.slice(0, 20_000))}`
    ),
    footer(facts)
  ].join('\n\n')
}

function names(outcomes: readonly RedactedOutcome[]): string {
  const shown = outcomes.slice(0, 20).map(o => literal(nameOf(o)))
  return outcomes.length > 20
    ? `${shown.join(', ')} and ${outcomes.length - 20} more`
    : shown.join(', ')
}

function footer(facts: Pick<CommentFacts, 'key' | 'run'>): string {
  const run = facts.run ? `${link(text(facts.run.label), facts.run.url)} · ` : ''
  return `<sub>${run}comment key ${literal(facts.key)}</sub>`
}
