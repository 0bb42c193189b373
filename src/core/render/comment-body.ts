/**
 * The body of the pull request comment, fitted to a size: the rows (riskiest first, identical
 * changes grouped, short diffs open), what LaunchDarkly holds that no file describes, and the
 * unchanged list. When it must shrink, it drops in this order: the unchanged list, then the diffs
 * of plain updates (largest first), then the lines of plain updates; the diffs of disables,
 * enables, deletes, creates, secret writes and failures stay (only cut in length, and only past
 * everything else). Every size is measured on the final, escaped Markdown.
 */
import type { RedactedOutcome } from '../redact.js'
import { alert, link, literal, text } from './markdown.js'
import { nameOf, plural, section, STATUS_WORDS, unchangedLines, type ReportFacts } from './parts.js'
import { changedFields, isUnverified, openRows, rowsOf, type Row } from './rows.js'

export interface FittedBody {
  /** The note that says what was left out, for the top of the comment; none when nothing was. */
  note: string | undefined
  parts: string[]
}

/** A list of configurations in LaunchDarkly that no file describes, past this, is one line. */
const UNMANAGED_ROOM = 10_000
/** Room kept for the note that says what was left out. */
const NOTE_ROOM = 4_000
/** How many names a group lists in the comment (the job summary lists every one). */
const GROUP_NAMES = 50

export function fitBody(
  outcomes: readonly RedactedOutcome[],
  facts: ReportFacts & { summaryUrl: string },
  room: number
): FittedBody {
  const rows = rowsOf(outcomes)
  const open = openRows(rows)
  const unchanged = outcomes.filter(o => o.status === 'unchanged' && !isUnverified(o))
  const unmanaged = outcomes.filter(o => o.status === 'unmanaged')
  const render = (row: Row, options: { namesCap?: number; maxLines?: number } = {}) =>
    section(row.outcomes[0], facts, {
      open: open.has(row),
      same: row.outcomes.slice(1),
      namesCap: options.namesCap ?? GROUP_NAMES,
      maxLines: options.maxLines
    })
  const unmanagedBlock =
    unmanaged.length > 0
      ? `**${plural(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes**${
          // Each one prune left says why; without prune, the hint is what to do.
          unmanaged.some(o => o.notices.length === 0) ? ' (`prune: true` deletes them)' : ''
        }:\n\n${unchangedLines(unmanaged, facts)}`
      : undefined
  const unmanagedLine =
    unmanaged.length > 0
      ? `_${plural(unmanaged.length, 'configuration')} in LaunchDarkly that no file describes (listed in the job summary)._`
      : undefined
  const unchangedBlock =
    unchanged.length > 0
      ? `<details><summary>${plural(unchanged.length, 'configuration')} unchanged</summary>\n\n${unchangedLines(unchanged, facts)}\n\n</details>`
      : undefined
  const unchangedLine =
    unchanged.length > 0 ? `_${plural(unchanged.length, 'configuration')} unchanged._` : undefined
  const size = (parts: readonly (string | undefined)[]) =>
    parts.reduce((sum, part) => sum + (part ? part.length + 2 : 0), 0)

  const full = rows.map(row => render(row))
  const whole = [...full, unmanagedBlock, unchangedBlock]
  if (size(whole) <= room) return { note: undefined, parts: compact(whole) }

  // Shortening: the unchanged list first.
  const unmanagedShown =
    unmanagedBlock && unmanagedBlock.length > UNMANAGED_ROOM ? unmanagedLine : unmanagedBlock
  const tail = [unmanagedShown, unchangedLine]
  const budget = room - NOTE_ROOM - size(tail)
  const shown: (string | undefined)[] = [...full]
  const droppedDiffs = new Set<Row>()
  let total = size(shown)
  // Then the diffs of plain updates, largest first, each replaced by a line.
  const plain = rows
    .map((row, i) => ({ row, i, size: full[i]?.length ?? 0 }))
    .filter(({ row }) => row.risk === 'update' || row.risk === 'unverified')
    .sort((a, b) => b.size - a.size)
  for (const { row, i, size } of plain) {
    if (total <= budget) break
    const line = lineOf(row)
    total -= size - line.length
    shown[i] = line
    droppedDiffs.add(row)
  }
  // Then the lines of plain updates, from the last.
  let hiddenPlain = 0
  for (const { i } of [...plain].sort((a, b) => b.i - a.i)) {
    if (total <= budget) break
    total -= (shown[i]?.length ?? 0) + 2
    shown[i] = undefined
    hiddenPlain += 1
  }
  // Past that, the risky diffs are cut in length (never dropped), then named by line.
  for (const maxLines of [40, 12, 4]) {
    if (total <= budget) break
    rows.forEach((row, i) => {
      if (shown[i] === undefined || droppedDiffs.has(row)) return
      const cut = render(row, { namesCap: 5, maxLines })
      total -= (shown[i]?.length ?? 0) - cut.length
      shown[i] = cut
    })
  }
  let hiddenRisky = 0
  for (let i = rows.length - 1; i >= 0 && total > budget; i--) {
    if (shown[i] === undefined) continue
    total -= (shown[i]?.length ?? 0) + 2
    shown[i] = undefined
    hiddenRisky += 1
  }
  const hidden = hiddenPlain + hiddenRisky
  const more =
    hidden > 0
      ? `- … and ${plural(hidden, 'more row')} (${rows
          .filter((_row, i) => shown[i] === undefined)
          .reduce((sum, row) => sum + row.outcomes.length, 0)
          .toLocaleString('en-US')} configurations; in the job summary)`
      : undefined
  const dropped = rows.filter(row => droppedDiffs.has(row) && shown[rows.indexOf(row)])
  const leftOut = [
    unchanged.length > 0
      ? `the list of ${plural(unchanged.length, 'unchanged configuration')}`
      : undefined,
    dropped.length > 0 ? `the diffs of ${names(dropped)}` : undefined,
    hidden > 0 ? `the lines of ${plural(hidden, 'more row')}` : undefined
  ].filter(Boolean)
  const note = alert(
    'NOTE',
    `This comment is shortened to stay under GitHub's limit of 65,536 characters: the riskiest changes are kept. Left out: ${leftOut.join('; ')}. The ${link('job summary', facts.summaryUrl)} has every configuration and change.`
  )
  return { note, parts: compact([...shown, more, ...tail]) }
}

/** A row whose diff was left out: its name (or count), what happens, where the diff is. */
function lineOf(row: Row): string {
  const first = row.outcomes[0]
  const who =
    row.outcomes.length === 1
      ? literal(nameOf(first))
      : `${row.outcomes.length.toLocaleString('en-US')} configurations (${literal(nameOf(first))} and ${plural(row.outcomes.length - 1, 'more')}, the same change)`
  const fields = changedFields(first)
  const what = isUnverified(first)
    ? 'a secret it cannot check'
    : `${STATUS_WORDS[first.status]}${fields ? ` ${text(fields)}` : ''}`
  return `- ${who}: ${what} (diff in the job summary)`
}

function names(rows: readonly Row[]): string {
  const all = rows.map(row =>
    row.outcomes.length === 1
      ? literal(nameOf(row.outcomes[0]))
      : `${literal(nameOf(row.outcomes[0]))} and ${row.outcomes.length - 1} like it`
  )
  return all.length > 20
    ? `${all.slice(0, 20).join(', ')} and ${all.length - 20} more`
    : all.join(', ')
}

function compact(parts: readonly (string | undefined)[]): string[] {
  return parts.filter((part): part is string => part !== undefined && part !== '')
}
