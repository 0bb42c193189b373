/**
 * The job summary, the full account of a run: the same headline, callouts and diffs as the pull
 * request comment, every configuration (the unchanged ones one line each), and then the JSON Patch
 * each change sends. Also the `diff` output, which is the summary's diffs alone.
 */
import type { RedactedOutcome } from '../redact.js'
import {
  alert,
  details,
  fenced,
  literal,
  locationText,
  message,
  safeJson,
  text,
  type ErrorLocation
} from './markdown.js'
import {
  callouts,
  failureCallouts,
  headline,
  nameOf,
  section,
  statusLine,
  unchangedLines,
  type ReportFacts
} from './parts.js'

export interface SummaryFacts extends ReportFacts {
  refusal?: { message: string; approved?: string }
}

export function renderSummary(outcomes: readonly RedactedOutcome[], facts: SummaryFacts): string {
  const unchanged = outcomes.filter(o => o.status === 'unchanged')
  const unmanaged = outcomes.filter(o => o.status === 'unmanaged')
  const patches = outcomes.filter(o => o.operations && o.operations.length > 0)
  const parts = [
    `### LaunchDarkly integration configurations · ${text(headline(outcomes, facts), 400)}`,
    statusLine(outcomes, facts),
    facts.refusal ? alert('CAUTION', message(facts.refusal.message)) : undefined,
    ...callouts(outcomes),
    ...failureCallouts(outcomes, facts),
    facts.refusal ? '#### What the apply would do now' : undefined,
    ...outcomes
      .filter(o => o.status !== 'unchanged' && o.status !== 'unmanaged')
      .map(o => section(o, facts)),
    unmanaged.length > 0
      ? `#### In LaunchDarkly, in no file\n\n${unchangedLines(unmanaged, facts)}`
      : undefined,
    facts.refusal?.approved ? `#### What was approved\n\n${facts.refusal.approved}` : undefined,
    unchanged.length > 0 ? `#### Unchanged\n\n${unchangedLines(unchanged, facts)}` : undefined,
    patches.length > 0
      ? `#### JSON Patch\n\n${patches
          .map(o =>
            details(
              `${literal(nameOf(o))}: ${o.operations?.length} operations`,
              fenced(safeJson(o.operations), 'json')
            )
          )
          .join('\n\n')}`
      : undefined
  ]
  return `${parts.filter((part): part is string => part !== undefined && part !== '').join('\n\n')}\n`
}

/** The `diff` output: one section per configuration that changes or failed, with its error. */
export function renderDiff(outcomes: readonly RedactedOutcome[], facts: ReportFacts): string {
  // An export changes nothing: its files are in `exported-files`, not in a diff.
  const notable = outcomes.filter(
    o => o.status !== 'unchanged' && o.status !== 'unmanaged' && o.status !== 'exported'
  )
  if (notable.length === 0) return 'No changes.'
  return notable.map(o => section(o, facts, { withError: true })).join('\n\n')
}

/** The summary of a run that could not start: the error, and where it lies. */
export function renderFailureSummary(failure: string, where?: ErrorLocation): string {
  return `### LaunchDarkly integration configurations · The configurations could not be checked\n\n${alert('CAUTION', `${where ? `In ${locationText(where)}: ` : ''}${message(failure)}`)}\n`
}
