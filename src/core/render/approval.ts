/**
 * What the comment says about an approval: on a refusal, what changed since the plan was approved
 * (field by field, before the two plans), the approved plan itself (rendered again from the
 * entries the comment keeps, never from the comment's Markdown), and the record of every apply
 * attempt. Every value is escaped like any other data.
 */
import { planEntries, type EntryChange, type PlanEntry } from '../fingerprint.js'
import type { ApplyAttempt } from '../plan-comment.js'
import type { RedactedOutcome, ShownValue } from '../redact.js'
import { SecretPlaceholder } from '../secrets.js'
import { code, details, link, literal, table, text } from './markdown.js'
import { plural, section, type ReportFacts } from './parts.js'

const MAX_CONFIGURATIONS = 20
const MAX_FIELDS = 20

/** Whether a value holds a secret's placeholder anywhere: known by its type, never its text. */
function holdsSecret(value: ShownValue | undefined): boolean {
  if (value instanceof SecretPlaceholder) return true
  if (Array.isArray(value)) return value.some(holdsSecret)
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsSecret)
  return false
}

function valueText(value: ShownValue | undefined): string {
  if (value === undefined) return '_absent_'
  return value instanceof SecretPlaceholder ? literal(value.text) : code(value, 80)
}

// Placeholders compare by their status, as the fingerprint does.
const same = (a: ShownValue | undefined, b: ShownValue | undefined) =>
  JSON.stringify(a) === JSON.stringify(b)

function changeText(change: EntryChange | undefined): string {
  if (!change) return '_no change_'
  return `${valueText(change.before)} → ${valueText(change.after)}`
}

/**
 * "Changed since approval": for each configuration and field where the approved plan and the plan
 * of now differ, what was approved against what the apply would do now, and what applying now
 * would overwrite (a value set in LaunchDarkly since the approval).
 */
export function changedSinceApproval(
  approved: readonly PlanEntry[],
  now: readonly RedactedOutcome[]
): string {
  const current = planEntries(now)
  const byKey = (entries: readonly PlanEntry[]) => new Map(entries.map(e => [e.configuration, e]))
  const [before, after] = [byKey(approved), byKey(current)]
  const keys = [...new Set([...before.keys(), ...after.keys()])]
  const blocks: string[] = []
  for (const key of keys) {
    const a = before.get(key)
    const n = after.get(key)
    const name = literal((n ?? a)?.name ?? key)
    if (!n) {
      blocks.push(
        `**${name}**: approved to ${a?.action ?? 'change'}, but it no longer needs it (LaunchDarkly already reads as approved, or the files changed).`
      )
      continue
    }
    if (!a) {
      blocks.push(`**${name}**: not in the approved plan; the apply would ${n.action} it now.`)
      continue
    }
    const paths = [...new Set([...a.changes, ...n.changes].map(c => c.path))].sort()
    const rows: string[][] = []
    const overwrites: string[] = []
    for (const path of paths) {
      const was = a.changes.find(c => c.path === path)
      const is = n.changes.find(c => c.path === path)
      if (was && is && same(was.before, is.before) && same(was.after, is.after)) continue
      rows.push([literal(path), changeText(was), changeText(is)])
      // What LaunchDarkly holds now differs from what the reviewers saw: applying overwrites it.
      if (is && is.before !== undefined && !same(was?.before, is.before)) {
        overwrites.push(`${literal(path)} = ${valueText(is.before)}`)
      }
    }
    if (rows.length === 0 && a.action === n.action) continue
    const action =
      a.action === n.action ? '' : ` (approved to ${a.action}; now it would ${n.action})`
    const shown = rows.slice(0, MAX_FIELDS)
    blocks.push(
      [
        `**${name}**${action}:`,
        shown.length > 0
          ? table(['Field', 'Approved (before → after)', 'Would apply now (before → after)'], shown)
          : undefined,
        rows.length > MAX_FIELDS ? `_and ${plural(rows.length - MAX_FIELDS, 'more field')}_` : '',
        overwrites.length > 0
          ? `Applying now would overwrite what was set since the approval: ${overwrites.join(', ')}.`
          : undefined
      ]
        .filter(part => part !== undefined && part !== '')
        .join('\n\n')
    )
  }
  const shown = blocks.slice(0, MAX_CONFIGURATIONS)
  const more =
    blocks.length > MAX_CONFIGURATIONS
      ? [
          `_and ${plural(blocks.length - MAX_CONFIGURATIONS, 'more configuration')} (in the job summary)_`
        ]
      : []
  return ['#### Changed since approval', ...shown, ...more].join('\n\n')
}

/** The approved plan, from the entries the comment keeps, as the sections a plan shows. */
export function approvedPlan(entries: readonly PlanEntry[], facts: ReportFacts): string {
  const status = {
    create: 'would-create',
    update: 'would-update',
    delete: 'would-delete',
    failed: 'failed'
  } as const
  return entries
    .map(entry => {
      const id = entry.configuration.includes('/') ? undefined : entry.configuration
      const outcome: RedactedOutcome = {
        file: undefined,
        label: entry.name,
        id,
        name: entry.name,
        integrationKey: id ? undefined : entry.configuration.split('/')[0],
        status: status[entry.action],
        warnings: [],
        notices: [],
        changes: entry.changes.map(change => ({
          ...change,
          secret: holdsSecret(change.before) || holdsSecret(change.after)
        })),
        undecided: [],
        operations: undefined,
        configuration: undefined
      }
      return section(outcome, facts)
    })
    .join('\n\n')
}

const OUTCOME_WORDS: Record<ApplyAttempt['outcome'], string> = {
  applied: 'applied',
  'partly-applied': 'partly applied',
  failed: 'failed',
  refused: 'refused',
  'up-to-date': 'nothing to write'
}

/** The record of every apply attempt, newest last. */
export function attemptHistory(
  attempts: readonly ApplyAttempt[],
  runUrl: (runId: string) => string | undefined
): string | undefined {
  if (attempts.length === 0) return undefined
  const lines = attempts.map(attempt => {
    const run = link(
      text(`run ${attempt.runNumber ?? attempt.runId}, attempt ${attempt.attempt}`),
      runUrl(attempt.runId)
    )
    const counts = [
      attempt.written > 0 ? `${plural(attempt.written, 'configuration')} written` : undefined,
      attempt.failed > 0 ? `${attempt.failed} failed` : undefined
    ].filter(Boolean)
    const reason = attempt.reason ? ` (${literal(attempt.reason)})` : ''
    return `- ${run}: ${OUTCOME_WORDS[attempt.outcome]}${counts.length > 0 ? `, ${counts.join(', ')}` : ''}${reason}`
  })
  return details(`Apply history: ${plural(attempts.length, 'attempt')}`, lines.join('\n'))
}
