/**
 * The report's plain parts: the log's account of each configuration and the step's outputs. The
 * Markdown ones (the job summary, the comment, the `diff` output) are rendered by their siblings.
 */
import { oneLine } from '../log-text.js'
import { CHANGING_STATUSES, type Failure } from '../outcome.js'
import type { RedactedOutcome } from '../redact.js'
import { STATUS_WORDS, type ReportFacts } from './parts.js'
import { renderDiff } from './summary.js'

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
  failure: Failure | undefined,
  facts: ReportFacts
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
    // A refused apply shows what it would do, but changed nothing.
    changed: String(!facts.refused && outcomes.some(o => CHANGING_STATUSES.includes(o.status))),
    results: JSON.stringify(results),
    diff: renderDiff(outcomes, facts),
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
