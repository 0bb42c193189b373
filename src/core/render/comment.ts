/**
 * The pull request comment's Markdown: one comment per key, through the pull request's life (the
 * plan, then the apply, edit it). What the next run reads from it (the key, the approved plan, the
 * record of the apply attempts) is plan-comment.ts's, around this. It always fits GitHub's
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
  const changing = outcomes.filter(o => o.status !== 'unchanged' && o.status !== 'unmanaged')
  const unchanged = outcomes.filter(o => o.status === 'unchanged')
  const unmanaged = outcomes.filter(o => o.status === 'unmanaged')
  const budget = Math.min(BUDGET, facts.room ?? BUDGET)
  const top = [
    `### LaunchDarkly · ${text(headline(outcomes, facts), 400)}`,
    statusLine(outcomes, facts)
  ]
  // The failure comes first: a reviewer must not read "Disables X" before "it failed".
  const alerts = [
    facts.refusal ? alert('CAUTION', message(facts.refusal.message)) : undefined,
    // A refusal shows the difference first: what changed since the approval.
    facts.refusal?.changed,
    ...failureCallouts(outcomes, facts),
    ...callouts(outcomes)
  ]
  const tail = [
    facts.refusal?.approved ? approvedBlock(facts.refusal.approved) : undefined,
    facts.history,
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
      ...body,
      ...tail
    ]
      .filter((part): part is string => part !== undefined && part !== '')
      .join('\n\n')

  const whole = assemble(undefined, [
    ...sections.map(s => s.markdown),
    unmanagedBlock,
    unchangedBlock
  ])
  if (whole.length <= budget) return whole

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
    if (total <= budget) break
    total -= largest.markdown.length - lineOf(largest.outcome).length
    dropped.add(largest.outcome)
  }
  // Even one line each is too long (thousands of configurations): the first lines that fit,
  // then how many more there are.
  let shown = sections.length
  while (total > budget && shown > 0) {
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
  if (shortened.length <= budget) return shortened
  // Nothing else is left to drop: the headline and the counts stay, and the callouts while they
  // fit (they are capped, but an approved plan and a refusal come on top).
  const bare = assemble(noteFor([], sections.length), [unmanagedLine, unchangedLine])
  if (bare.length <= budget) return bare
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
  facts: Pick<CommentFacts, 'key' | 'run' | 'history'> & { where?: ErrorLocation }
): string {
  return [
    '### LaunchDarkly · The configurations could not be checked',
    alert(
      'CAUTION',
      `${facts.where ? `In ${locationText(facts.where)}: ` : ''}${message(failure.slice(0, 20_000))}`
    ),
    facts.history,
    footer(facts)
  ]
    .filter((part): part is string => part !== undefined)
    .join('\n\n')
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
