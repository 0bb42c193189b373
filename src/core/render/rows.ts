/**
 * The rows of a report: one per configuration that changes (or fails, or holds a secret the action
 * cannot judge), configurations whose change is identical sharing one row and one diff. Rows come
 * riskiest first, and carry what shortening needs: how risky they are, how long their diff is.
 */
import type { RedactedOutcome } from '../redact.js'
import { diffLines, type DiffLine } from './value-diff.js'

/**
 * How much a row deserves a reviewer's eye, riskiest first. Shortening drops the diffs of `update`
 * (plain updates) and nothing else; `unverified` rows have no diff to drop.
 */
export const RISKS = [
  'failure',
  'delete',
  'disable',
  'create',
  'enable',
  'secret',
  'update',
  'unverified'
] as const
export type Risk = (typeof RISKS)[number]

export interface Row {
  /** One, or several whose change is identical. */
  outcomes: [RedactedOutcome, ...RedactedOutcome[]]
  risk: Risk
  /** The diff of the (shared) change. */
  lines: DiffLine[]
}

const isCreate = (o: RedactedOutcome) => o.status === 'created' || o.status === 'would-create'
const isDelete = (o: RedactedOutcome) => o.status === 'deleted' || o.status === 'would-delete'

/**
 * An unchanged configuration with a secret the action cannot judge: LaunchDarkly's mask shows no
 * part of it. (A mask whose ends match the file's is what nobody touched: unchanged, said quietly.)
 */
export const isUnverified = (o: RedactedOutcome) =>
  o.status === 'unchanged' && o.undecided.some(secret => secret.reason === 'no-ends')

export function riskOf(outcome: RedactedOutcome): Risk {
  if (outcome.status === 'failed') return 'failure'
  if (isDelete(outcome)) return 'delete'
  if (isCreate(outcome)) return 'create'
  const enabled = outcome.changes.find(c => c.path === '/enabled')
  if (enabled && typeof enabled.after === 'boolean' && outcome.status !== 'unchanged') {
    return enabled.after ? 'enable' : 'disable'
  }
  if (outcome.changes.some(c => c.secret)) return 'secret'
  if (isUnverified(outcome)) return 'unverified'
  return 'update'
}

/** Whether the configuration gets a row: it changes, failed, or holds a secret not judged. */
export function hasRow(outcome: RedactedOutcome): boolean {
  return (outcome.status !== 'unchanged' && outcome.status !== 'unmanaged') || isUnverified(outcome)
}

/**
 * The rows, riskiest first (in the order given within a risk). Configurations share a row when
 * everything the row shows of them but their names is the same: status, integration, change,
 * warnings. Failures and creations stay one a row (each has its own error or its own name).
 */
export function rowsOf(outcomes: readonly RedactedOutcome[]): Row[] {
  const rows: Row[] = []
  const byChange = new Map<string, Row>()
  for (const outcome of outcomes.filter(hasRow)) {
    const risk = riskOf(outcome)
    const groupable = outcome.changes.length > 0 && risk !== 'failure' && risk !== 'create'
    const key = groupable
      ? JSON.stringify([
          outcome.status,
          outcome.integrationKey,
          outcome.changes,
          outcome.warnings,
          outcome.undecided
        ])
      : undefined
    const same = key === undefined ? undefined : byChange.get(key)
    if (same) {
      same.outcomes.push(outcome)
      continue
    }
    const row: Row = { outcomes: [outcome], risk, lines: diffLines(outcome.changes) }
    rows.push(row)
    if (key !== undefined) byChange.set(key, row)
  }
  return rows.sort((a, b) => RISKS.indexOf(a.risk) - RISKS.indexOf(b.risk))
}

/** A diff this short is shown open, while the open diffs of a report stay short together. */
export const OPEN_DIFF_LINES = 12
export const OPEN_TOTAL_LINES = 40

/** Which rows are open at first glance: the riskiest short diffs, up to a total. */
export function openRows(rows: readonly Row[]): Set<Row> {
  const open = new Set<Row>()
  let total = 0
  for (const row of rows) {
    const lines = row.lines.length
    if (lines === 0 || lines > OPEN_DIFF_LINES || total + lines > OPEN_TOTAL_LINES) continue
    open.add(row)
    total += lines
  }
  return open
}

/**
 * The changed fields, as a row's title names them: `enabled`, `configValues.baseURL`, the first
 * three and a count.
 */
export function changedFields(outcome: RedactedOutcome): string {
  const fields = [
    ...new Set(
      outcome.changes.map(c =>
        c.path
          .split('/')
          .slice(1, 3)
          .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'))
          .join('.')
      )
    )
  ]
  return fields.length > 3
    ? `${fields.slice(0, 3).join(', ')} and ${fields.length - 3} more`
    : fields.join(', ')
}
