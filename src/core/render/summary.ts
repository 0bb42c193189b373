/**
 * The job summary, the full account of a run: the same headline, callouts and diffs as the pull
 * request comment, every configuration (the unchanged ones one line each), and then the JSON Patch
 * each change sends. Also the `diff` output, which is the summary's diffs alone.
 */
import type { RedactedOutcome } from '../redact.js'
import { errorExcerpt, type ErrorLocation } from './input-error.js'
import {
  alert,
  details,
  fenced,
  link,
  literal,
  message,
  safeJson,
  table,
  text
} from './markdown.js'
import {
  callouts,
  failureCallouts,
  headline,
  nameOf,
  section,
  STATUS_ICONS,
  STATUS_WORDS,
  statusLine,
  unchangedLines,
  type ReportFacts
} from './parts.js'
import { changedFields, hasRow, isUnverified, rowsOf } from './rows.js'

export interface SummaryFacts extends ReportFacts {
  refusal?: { message: string; approved?: string }
  /** The undo section (render/undo.ts), when the run wrote anything. */
  undo?: string
}

/** GitHub refuses a job summary over 1 MiB; a little room is kept for the runner's own. */
export const SUMMARY_BYTES = 1024 * 1024 - 1024

export function renderSummary(
  outcomes: readonly RedactedOutcome[],
  facts: SummaryFacts,
  limitBytes = SUMMARY_BYTES
): string {
  const unchanged = outcomes.filter(o => o.status === 'unchanged' && !isUnverified(o))
  const unmanaged = outcomes.filter(o => o.status === 'unmanaged')
  const patches = outcomes.filter(o => o.operations && o.operations.length > 0)
  const rows = rowsOf(outcomes).flatMap(row => row.outcomes)
  const parts = [
    `### LaunchDarkly integration configurations · ${text(headline(outcomes, facts), 400)}`,
    statusLine(outcomes, facts),
    facts.refusal ? alert('CAUTION', message(facts.refusal.message)) : undefined,
    ...callouts(outcomes),
    ...failureCallouts(outcomes, facts),
    configurationTable(outcomes, facts),
    facts.refusal ? '#### What the apply would do now' : undefined,
    // Every configuration its own section here (the comment groups identical changes), riskiest
    // first.
    ...rows.map(o => section(o, facts)),
    unmanaged.length > 0
      ? `#### In LaunchDarkly, in no file\n\n${unchangedLines(unmanaged, facts)}`
      : undefined,
    facts.refusal?.approved ? `#### What was approved\n\n${facts.refusal.approved}` : undefined,
    unchanged.length > 0 ? `#### Unchanged\n\n${unchangedLines(unchanged, facts)}` : undefined,
    facts.undo,
    patches.length > 0 ? '#### JSON Patch' : undefined,
    ...patches.map(o =>
      details(
        `${literal(nameOf(o))}: ${o.operations?.length} operations`,
        fenced(safeJson(o.operations), 'json')
      )
    )
  ].filter((part): part is string => part !== undefined && part !== '')
  return `${cutAtSection(parts, limitBytes).join('\n\n')}\n`
}

/**
 * The parts that fit in `limitBytes` of UTF-8, cut only between parts (never inside a section,
 * where a note would render as code), with a note saying where the rest is.
 */
function cutAtSection(parts: readonly string[], limitBytes: number): string[] {
  const note =
    "_The summary was cut here: it exceeds GitHub's 1 MiB limit. The step's `results` output has every configuration, and the `diff` output every change._"
  const room = limitBytes - Buffer.byteLength(note, 'utf8') - 2
  let total = 0
  const kept: string[] = []
  for (const part of parts) {
    const bytes = Buffer.byteLength(part, 'utf8') + 2
    if (total + bytes > room) {
      // A table is cut between its rows: what fits of it still renders as a table.
      if (part.startsWith('| ')) {
        const rows = part.split('\n')
        let size = total
        const fits = rows.filter(row => (size += Buffer.byteLength(row, 'utf8') + 1) <= room)
        if (fits.length > 2) kept.push(fits.join('\n'))
      }
      return [...kept, note]
    }
    kept.push(part)
    total += bytes
  }
  return kept
}

/** The table first: every configuration that gets a section, one row each, riskiest first. */
function configurationTable(
  outcomes: readonly RedactedOutcome[],
  facts: ReportFacts
): string | undefined {
  const rows = rowsOf(outcomes).flatMap(row => row.outcomes)
  if (rows.length === 0) return undefined
  return table(
    ['', 'Configuration', 'Integration', 'File', 'What happens'],
    rows.map(o => [
      isUnverified(o) ? '🔒' : (STATUS_ICONS[o.status] ?? ''),
      literal(nameOf(o)),
      text(o.integrationKey ?? ''),
      o.file ? link(literal(o.file), facts.fileUrl?.(o.file, o.line)) : '',
      isUnverified(o)
        ? 'a secret it cannot check'
        : `${STATUS_WORDS[o.status]}${changedFields(o) ? `: ${text(changedFields(o))}` : ''}`
    ])
  )
}

/** The `diff` output: one section per configuration that changes or failed, with its error. */
export function renderDiff(outcomes: readonly RedactedOutcome[], facts: ReportFacts): string {
  // An export changes nothing: its files are in `exported-files`, not in a diff.
  const notable = outcomes.filter(o => hasRow(o) && o.status !== 'exported')
  if (notable.length === 0) return 'No changes.'
  return notable.map(o => section(o, facts, { withError: true })).join('\n\n')
}

/** The summary of a run that could not start: the error (which says where), and the lines. */
export function renderFailureSummary(failure: string, where?: ErrorLocation): string {
  const excerpt = errorExcerpt(where)
  return `### LaunchDarkly integration configurations · The configurations could not be checked\n\n${alert('CAUTION', message(failure))}\n${excerpt ? `\n${excerpt}\n` : ''}`
}
