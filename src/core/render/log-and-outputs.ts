/**
 * The report's plain parts: the log's account of each configuration and the step's outputs. The
 * Markdown ones (the job summary, the comment, the `diff` output) are rendered by their siblings.
 */
import type { Settings, Work } from '../inputs.js'
import { oneLine } from '../log-text.js'
import { CHANGING_STATUSES, type Failure } from '../outcome.js'
import type { RedactedOutcome } from '../redact.js'
import { SecretPlaceholder } from '../secrets.js'
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
  // A secret is known by its tag, never by its text.
  const show = (value: unknown) =>
    value instanceof SecretPlaceholder ? value.text : JSON.stringify(value)
  const lines = outcome.changes.map(change => {
    const before = 'before' in change ? show(change.before) : '(absent)'
    const after = 'after' in change ? show(change.after) : '(removed)'
    return `${change.path}: ${before} → ${after}`
  })
  if (outcome.error) lines.push(`Error: ${outcome.error.message}`)
  return { title, body: lines.length > 0 ? lines.join('\n') : 'No change.' }
}

/**
 * The log's account of a run: a group for each configuration that changes, failed or needs a
 * look, and one line for all the unchanged ones (a thousand of them would be a thousand groups).
 */
export function renderLogAccount(outcomes: readonly RedactedOutcome[]): {
  groups: RedactedOutcome[]
  unchanged: string | undefined
} {
  const quiet = (o: RedactedOutcome) =>
    o.status === 'unchanged' && !o.undecided.some(secret => secret.reason === 'no-ends')
  const unchanged = outcomes.filter(quiet)
  const names = unchanged.map(o => o.name ?? o.label)
  const shown = names.length > 50 ? [...names.slice(0, 50), `and ${names.length - 50} more`] : names
  return {
    groups: outcomes.filter(o => !quiet(o)),
    unchanged:
      unchanged.length > 0
        ? oneLine(
            `Unchanged: ${unchanged.length} configuration${unchanged.length === 1 ? '' : 's'} (${shown.join(', ')}).`
          )
        : undefined
  }
}

/** The log's first line: what the run is about to do, and to how many configurations. */
export function renderStartLine(
  work: Work,
  settings: Pick<Settings, 'dryRun' | 'baseUri'>
): string {
  const host = settings.baseUri.host
  const mode = settings.dryRun ? ' (dry run: nothing is written)' : ''
  if (work.kind === 'export') {
    return oneLine(
      `Exporting ${work.integrationKeys.length > 0 ? `the configurations of ${work.integrationKeys.join(', ')}` : 'every integration configuration'} from ${host} to ${work.directory}/.`
    )
  }
  if (work.kind === 'patch') {
    return oneLine(
      `Patching 1 configuration (${work.configurationId}) on ${host} with ${work.operations.length} operation${work.operations.length === 1 ? '' : 's'} from \`${work.input}\`${mode}.`
    )
  }
  const count = work.configurations.length
  return `Checking ${count.toLocaleString('en-US')} configuration${count === 1 ? '' : 's'} from desired-state files against ${host}${mode}.`
}

/**
 * The step's outputs. The single-configuration ones are set when the inputs describe exactly one,
 * even where the run also reports (or deletes) configurations no file describes.
 */
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
  // One configuration is what the inputs describe, whatever else their integrations hold.
  const described = outcomes.filter(o => o.inNoFile !== true)
  const only = described.length === 1 ? described[0] : undefined
  if (only) {
    outputs['configuration-id'] = only.id ?? ''
    outputs.patch = JSON.stringify(only.operations ?? [])
    outputs.configuration = only.configuration ? JSON.stringify(only.configuration) : ''
  }
  return outputs
}
