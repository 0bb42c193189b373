/**
 * The report: rendered once from the redacted outcomes into every place a person reads: the step's
 * outputs, the log, the job summary and (later) the pull request comment.
 */
import type { FieldChange, UndecidedSecret } from './diff.js'
import { code, details, fenced, literal, safeJson, table, text } from './markdown.js'
import { CHANGING_STATUSES, type Failure, type RunFacts, type Status } from './outcome.js'
import { oneLine } from './log-text.js'
import type { RedactedOutcome } from './redact.js'

const STATUS_WORDS: Record<Status, string> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  'would-create': 'would be created',
  'would-update': 'would change',
  failed: 'failed'
}

function countBy(outcomes: readonly RedactedOutcome[]): Record<Status, number> {
  const counts = {
    created: 0,
    updated: 0,
    unchanged: 0,
    'would-create': 0,
    'would-update': 0,
    failed: 0
  }
  for (const outcome of outcomes) counts[outcome.status] += 1
  return counts
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** One line that says what the run did, e.g. "2 configurations would change, 1 failed". */
export function headline(outcomes: readonly RedactedOutcome[], facts: RunFacts): string {
  const counts = countBy(outcomes)
  const changing = CHANGING_STATUSES.reduce((sum, status) => sum + counts[status], 0)
  const parts: string[] = []
  if (facts.dryRun) {
    if (changing > 0) parts.push(`${plural(changing, 'configuration')} would change`)
  } else {
    if (counts.updated > 0) parts.push(`${plural(counts.updated, 'configuration')} updated`)
    if (counts.created > 0) parts.push(`${plural(counts.created, 'configuration')} created`)
  }
  if (counts.failed > 0) parts.push(`${counts.failed} failed`)
  if (parts.length === 0) return counts.unchanged > 0 ? 'No changes' : 'Nothing was done'
  return parts.join(', ')
}

function renderValue(change: FieldChange, side: 'before' | 'after'): string {
  if (!(side in change)) return side === 'before' ? '<i>(absent)</i>' : '<i>(removed)</i>'
  const value = change[side]
  return typeof value === 'string' && value.startsWith('(secret')
    ? `<i>${text(value)}</i>`
    : code(value)
}

export function changeTable(changes: readonly FieldChange[]): string {
  return table(
    ['Path', 'Before', 'After'],
    changes.map(change => [
      literal(change.path),
      renderValue(change, 'before'),
      renderValue(change, 'after')
    ])
  )
}

function describeOutcome(outcome: RedactedOutcome): string {
  const facts = [
    outcome.id ? literal(outcome.id) : undefined,
    outcome.integrationKey ? text(outcome.integrationKey) : undefined,
    outcome.file ? `from ${literal(outcome.file)}` : undefined
  ].filter(Boolean)
  return `**${text(outcome.name ?? outcome.label)}** (${facts.join(' · ')}): ${STATUS_WORDS[outcome.status]}`
}

/** Secrets the action did not write because their masks cannot show whether they differ. */
export function undecidedList(undecided: readonly UndecidedSecret[]): string {
  return undecided
    .map(
      secret =>
        `- ${literal(secret.path)} (secret): ${
          secret.reason === 'no-ends'
            ? 'LaunchDarkly shows no part of it: cannot tell whether it differs from the file'
            : "LaunchDarkly's mask shows the same ends as the file's value; the middle may differ"
        }. Not written; \`rotate-secrets: true\` writes it.`
    )
    .join('\n')
}

/** One section per configuration: what it is, what happens to it, and the change in full. */
function outcomeSection(outcome: RedactedOutcome, withPatch = true): string {
  const lines = [`#### ${describeOutcome(outcome)}`]
  if (outcome.error) lines.push(`> [!CAUTION]\n> ${text(outcome.error.message, 2000)}`)
  for (const warning of outcome.warnings) lines.push(`> [!WARNING]\n> ${text(warning, 2000)}`)
  if (outcome.changes.length > 0) lines.push(changeTable(outcome.changes))
  if (outcome.undecided.length > 0) lines.push(undecidedList(outcome.undecided))
  if (withPatch && outcome.operations && outcome.operations.length > 0) {
    lines.push(details('JSON Patch', fenced(safeJson(outcome.operations), 'json')))
  }
  return lines.join('\n\n')
}

/** The `diff` output and the body of the summary: every configuration that changes or failed. */
export function renderDiff(outcomes: readonly RedactedOutcome[]): string {
  const notable = outcomes.filter(o => o.status !== 'unchanged')
  if (notable.length === 0) return 'No changes.'
  return notable.map(o => outcomeSection(o)).join('\n\n')
}

export function renderSummary(outcomes: readonly RedactedOutcome[], facts: RunFacts): string {
  const title = `### LaunchDarkly integration configurations: ${headline(outcomes, facts)}`
  const mode = facts.dryRun
    ? '_Dry run: LaunchDarkly was read, nothing was written._'
    : '_Applied to LaunchDarkly._'
  // Every configuration has its section here, unchanged ones too: the summary is the full account.
  const sections = outcomes.map(o => outcomeSection(o))
  return [title, mode, overviewTable(outcomes), ...sections].join('\n\n') + '\n'
}

/** One line per configuration: what it is, and what happened to it. */
export function overviewTable(
  outcomes: readonly RedactedOutcome[],
  status: Readonly<Record<Status, string>> = STATUS_WORDS
): string {
  return table(
    ['Configuration', 'ID', 'Integration', 'Status'],
    outcomes.map(o => [
      text(o.name ?? o.label),
      o.id ? literal(o.id) : '',
      o.integrationKey ? text(o.integrationKey) : '',
      status[o.status]
    ])
  )
}

/**
 * A plain-text account for the log, where an on-call engineer looks first: a title that says what
 * happened to the configuration (a collapsible group's), and its changes, one line each.
 */
export function renderLog(outcome: RedactedOutcome): { title: string; body: string } {
  const where = [outcome.id, outcome.integrationKey, outcome.file].filter(Boolean).join(', ')
  const title = oneLine(
    `${outcome.name ?? outcome.label} (${where}): ${STATUS_WORDS[outcome.status]}`
  )
  const show = (value: unknown) =>
    typeof value === 'string' && value.startsWith('(secret') ? value : JSON.stringify(value)
  const lines = outcome.changes.map(change => {
    const before = 'before' in change ? show(change.before) : '(absent)'
    const after = 'after' in change ? show(change.after) : '(removed)'
    return `${change.path}: ${before} → ${after}`
  })
  if (outcome.error) lines.push(`Error: ${outcome.error.message}`)
  return { title, body: lines.length > 0 ? lines.join('\n') : 'No change.' }
}

/** The step's outputs. The single-configuration ones are set when the run is about one. */
export function renderOutputs(
  outcomes: readonly RedactedOutcome[],
  failure: Failure | undefined
): Record<string, string> {
  const results = outcomes.map(o => ({
    id: o.id ?? null,
    name: o.name ?? null,
    integrationKey: o.integrationKey ?? null,
    file: o.file ?? null,
    status: o.status,
    patch: o.operations ?? null,
    error: o.error?.message ?? null
  }))
  const outputs: Record<string, string> = {
    changed: String(outcomes.some(o => CHANGING_STATUSES.includes(o.status))),
    results: JSON.stringify(results),
    diff: renderDiff(outcomes),
    'failure-reason': failure?.reason ?? ''
  }
  const only = outcomes.length === 1 ? outcomes[0] : undefined
  if (only) {
    outputs['configuration-id'] = only.id ?? ''
    outputs.patch = JSON.stringify(only.operations ?? [])
    outputs.configuration = only.configuration ? JSON.stringify(only.configuration) : ''
  }
  return outputs
}
