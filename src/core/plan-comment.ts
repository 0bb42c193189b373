/**
 * The pull request comment as a protocol: what the next run reads from it. Format and parse side
 * by side, so that each reads exactly what the other writes.
 *
 * A comment of this action is
 *
 *     <!-- launchdarkly-integration-configuration-action:v2 key="…" plan="sha256:…" -->   (line 1)
 *     …the Markdown a reviewer reads…
 *     <!-- launchdarkly-integration-configuration-action:v2 state="…base64url JSON…" -->  (last line)
 *
 * The first line says whose comment it is (the step's key) and which plan was approved (its
 * fingerprint); the last line keeps the state the next run needs: the approved plan's entries and
 * the record of every apply attempt. Only these two lines are read: nothing in between, where
 * data is rendered, is ever parsed, and the state is base64url, so no rendered value can spell it.
 * The renderers write `<!--` in data only as an escape, so no data can even look like a marker.
 *
 * Comments written by 1.x (a key marker on line 1, a plan marker on line 3) are still read for
 * one release: their key and fingerprint, nothing else.
 */
import {
  decodeState,
  encodeState,
  type ApplyAttempt,
  type AttemptResult,
  type CommentState
} from './plan-comment-state.js'

export type { ApplyAttempt, AttemptResult, CommentState }

const NAME = 'launchdarkly-integration-configuration-action'
/** Every marker this module writes starts with this: rendered data never holds it unescaped. */
export const MARKER_OPENER = '<!--'
const KEY = /^[A-Za-z0-9._:/@ -]{1,200}$/
const FINGERPRINT = /^sha256:[0-9a-f]{64}$/
const HEADER = new RegExp(
  `^<!-- ${NAME}:v2 key="([A-Za-z0-9._:/@ -]{1,200})"(?: plan="(sha256:[0-9a-f]{64})")? -->$`
)
const STATE = new RegExp(`^<!-- ${NAME}:v2 state="([A-Za-z0-9_-]*)" -->$`)
const LEGACY_KEY = new RegExp(`^<!-- ${NAME} key="([^"\\n]{1,200})" -->$`)
const LEGACY_PLAN = new RegExp(`^<!-- ${NAME} plan="(sha256:[0-9a-f]{64})" -->$`)

export interface PlanComment {
  key: string
  /** The fingerprint of the plan this comment approves, if any. */
  fingerprint?: string
  state: CommentState
  /** 1 for a comment written by 1.x, which carries no state. */
  version: 1 | 2
}

/** Past this, the state gives up detail: old attempts' results, then the approved entries. */
export const STATE_ROOM = 24_000

/** The header line: whose comment this is, and which plan it approves. */
export function headerLine(key: string, fingerprint?: string): string {
  if (!KEY.test(key)) throw new Error(`not a comment key: ${JSON.stringify(key)}`)
  if (fingerprint !== undefined && !FINGERPRINT.test(fingerprint)) {
    throw new Error(`not a fingerprint: ${JSON.stringify(fingerprint)}`)
  }
  return `<!-- ${NAME}:v2 key="${key}"${fingerprint ? ` plan="${fingerprint}"` : ''} -->`
}

/**
 * The state line, shrunk to STATE_ROOM when it must be: older attempts lose their lists of
 * configurations first, then the oldest attempts go, then the approved entries, and last the
 * newest attempt's list. Only a plan of thousands of configurations comes to that; its record then
 * keeps the counts, and an apply that stopped half way is finished by a new pull request.
 */
export function stateLine(state: CommentState): string {
  const encode = (value: CommentState) => `<!-- ${NAME}:v2 state="${encodeState(value)}" -->`
  const shrink = (withResults: number, kept: number, approved: boolean): CommentState => {
    const attempts = state.attempts.slice(state.attempts.length - kept)
    return {
      ...(approved && state.approved ? { approved: state.approved } : {}),
      attempts: attempts.map((a, i) => (i < attempts.length - withResults ? withoutResults(a) : a))
    }
  }
  const count = state.attempts.length
  let line = encode(state)
  // How many of the newest attempts keep their lists: half as many each time, down to one.
  for (let withResults = count; line.length > STATE_ROOM && withResults > 1; ) {
    withResults = Math.ceil(withResults / 2)
    line = encode(shrink(withResults, count, true))
  }
  for (let kept = count; line.length > STATE_ROOM && kept > 1; ) {
    kept = Math.ceil(kept / 2)
    line = encode(shrink(1, kept, true))
  }
  if (line.length > STATE_ROOM) line = encode(shrink(1, 1, false))
  if (line.length > STATE_ROOM) line = encode(shrink(0, 1, false))
  return line
}

function withoutResults(attempt: ApplyAttempt): ApplyAttempt {
  const { results: _results, ...rest } = attempt
  return rest
}

/** The whole comment: the header, what a reviewer reads, the state. */
export function formatComment(comment: Omit<PlanComment, 'version'>, markdown: string): string {
  return [headerLine(comment.key, comment.fingerprint), markdown.trim(), stateLine(comment.state)]
    .filter(part => part !== '')
    .join('\n\n')
}

/** How much room the two protocol lines leave the Markdown under GitHub's limit. */
export function protocolLength(comment: Omit<PlanComment, 'version'>): number {
  return headerLine(comment.key, comment.fingerprint).length + stateLine(comment.state).length + 4
}

/**
 * A comment of this action, read at the positions the formatter owns (its first and last lines);
 * undefined for any other comment. A 2.x comment whose state does not decode is still this
 * step's comment, without state: it is rewritten, and approves nothing beyond its fingerprint.
 */
export function parseComment(body: string): PlanComment | undefined {
  const lines = body.replace(/\r\n?/g, '\n').trimEnd().split('\n')
  const first = lines[0] ?? ''
  const header = HEADER.exec(first)
  if (header) {
    const last = lines.length > 1 ? (lines.at(-1) ?? '') : ''
    const state = decodeState(STATE.exec(last)?.[1])
    return {
      version: 2,
      key: header[1] ?? '',
      ...(header[2] ? { fingerprint: header[2] } : {}),
      state: state ?? { attempts: [] }
    }
  }
  const legacy = LEGACY_KEY.exec(first)
  if (!legacy) return undefined
  // 1.x wrote its parts a blank line apart: the plan marker, if any, was the third line.
  const plan = lines[1] === '' ? LEGACY_PLAN.exec(lines[2] ?? '') : null
  return {
    version: 1,
    key: legacy[1] ?? '',
    ...(plan?.[1] ? { fingerprint: plan[1] } : {}),
    state: { attempts: [] }
  }
}

/** Whether a comment is this key's (its header, not a marker anywhere in it). */
export function isCommentOf(body: string, key: string): boolean {
  return parseComment(body)?.key === key
}
