/**
 * The fingerprint of a plan: what a reviewer approves, and nothing else. Each configuration that
 * would be written (or failed to plan) is reduced to who it is, what happens to it and each changed
 * path's old and new value, with keys sorted, tags as a set and secrets by their status only; no
 * file, line, order or formatting counts. Salted with the pull request's URL, so that a plan
 * approved on one pull request cannot be carried to another.
 */
import { createHash } from 'node:crypto'
import { isRecord } from './narrow.js'
import type { RedactedOutcome, ShownValue } from './redact.js'
import { SecretPlaceholder } from './secrets.js'

const ACTIONS: Partial<Record<RedactedOutcome['status'], string>> = {
  'would-create': 'create',
  created: 'create',
  'would-update': 'update',
  updated: 'update',
  'would-delete': 'delete',
  deleted: 'delete',
  failed: 'failed'
}

export function planFingerprint(
  outcomes: readonly RedactedOutcome[],
  salt: string,
  /** The guardrails the plan was checked against (core/guardrails.ts), '' when none. */
  guardrails = ''
): string {
  const entries = outcomes
    .filter(outcome => ACTIONS[outcome.status] !== undefined)
    .map(outcome => ({
      configuration:
        outcome.id ?? `${outcome.integrationKey ?? ''}/${outcome.name ?? outcome.label}`,
      action: ACTIONS[outcome.status],
      changes: outcome.changes
        .map(change => ({
          path: change.path,
          before: normalize(change.path, change.before),
          after: normalize(change.path, change.after)
        }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    }))
    .sort((a, b) => (a.configuration < b.configuration ? -1 : 1))
  const digest = createHash('sha256')
    .update(`${salt}\n${canonical(entries)}${guardrails === '' ? '' : `\n${guardrails}`}`)
    .digest('hex')
  return `sha256:${digest}`
}

/** Whether a plan writes anything at all: a plan that writes nothing needs no approval. */
export function writesAnything(outcomes: readonly RedactedOutcome[]): boolean {
  return outcomes.some(o => o.status !== 'failed' && ACTIONS[o.status] !== undefined)
}

function normalize(path: string, value: ShownValue | undefined): unknown {
  // Tags are a set: their order is formatting.
  if (path === '/tags' && Array.isArray(value)) {
    return [...value].map(item => canonical(item)).sort()
  }
  return value
}

/** JSON with every object's keys sorted, so that key order never counts. */
function canonical(value: unknown): string {
  // A secret counts by its status only, spelled as the placeholder's text.
  if (value instanceof SecretPlaceholder) return JSON.stringify(value.text)
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (isRecord(value)) {
    const keys = Object.keys(value).sort()
    return `{${keys.map(key => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`
  }
  return JSON.stringify(value ?? null)
}
