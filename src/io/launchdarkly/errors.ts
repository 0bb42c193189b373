/**
 * What LaunchDarkly's answers and the network's failures mean for the person reading the log: one
 * message each, saying what went wrong and what to do, with LaunchDarkly's error id for support.
 */
import { ActionError, describeError } from '../../core/errors.js'
import type { LaunchDarklyErrorBody } from '../../core/types.js'
import { isRecord } from '../../core/narrow.js'

/** What the request was doing, for messages, and what a 404 means for it. */
export interface RequestContext {
  what: string
  notFound: string
}

/**
 * Whatever answers at `base-uri` writes these fields, so only strings are taken, and only so much
 * of them as a message can carry: a proxy's page or a hostile server must not fill the log.
 */
const MAX_MESSAGE = 500
const MAX_CODE = 100

/**
 * `body` is the answer as parseJson gives it: anything, or undefined when it is not JSON. `scrub`
 * removes known secrets from each text of it, whole, before it is cut to fit a message.
 */
export function errorForStatus(
  status: number,
  body: unknown,
  call: RequestContext,
  scrub: (text: string) => string = text => text
): ActionError {
  const message = bodyField(body, 'message', MAX_MESSAGE, scrub)
  const code = bodyField(body, 'code', MAX_CODE, scrub)
  const said = message ? ` LaunchDarkly said: "${message}".` : ''
  const id = errorId(body, scrub)
  switch (status) {
    case 401:
      return new ActionError(
        `LaunchDarkly refused the access token (401) while ${call.what}: it is invalid, expired, revoked, or lacks permission (LaunchDarkly's error table gives 401 for both). Check the secret given as \`access-token\`: it must be a personal or service access token (api-…), not an SDK or mobile key, and its role must allow this (see the README's SECURITY section).${id}`,
        'unauthorized'
      )
    case 403:
      return new ActionError(
        `LaunchDarkly answered 403 (forbidden) while ${call.what}.${said} The token's role lacks permission for this on integration configurations, or the account is not on the Enterprise plan that this feature needs. Give the token a role that allows it (see the README's SECURITY section).${id}`,
        'forbidden'
      )
    case 404:
      return new ActionError(`${call.notFound}${id}`, 'not-found')
    case 409:
      return new ActionError(
        `LaunchDarkly answered 409 (conflict) while ${call.what}: the configuration was being changed at the same time.${said} Nothing was applied by this request: run again.${id}`,
        'conflict'
      )
    default:
      return new ActionError(
        `LaunchDarkly refused ${call.what} (${status}${code ? ` ${code}` : ''}).${said}${id}`,
        status === 400 ? 'invalid-input' : 'api-error'
      )
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function errorId(body: unknown, scrub: (text: string) => string = text => text): string {
  const id = bodyField(body, 'id', MAX_CODE, scrub)
  return id ? ` (LaunchDarkly error id ${id}: quote it to LaunchDarkly support.)` : ''
}

/** A text field of an error body: scrubbed whole first (a secret is recognised only whole), then cut. */
function bodyField(
  body: unknown,
  field: keyof LaunchDarklyErrorBody,
  max: number,
  scrub: (text: string) => string
): string {
  if (!isRecord(body)) return ''
  const value = body[field]
  return typeof value === 'string' ? clip(scrub(value), max) : ''
}

/**
 * Cut at a space, never inside a word, so that the cut never leaves half of a word looking like a
 * whole one. A long text with no space to cut at is left out.
 */
function clip(text: string, max: number): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max + 1).search(/\s\S*$/)
  return cut > 0 ? `${text.slice(0, cut).trimEnd()} …` : ''
}

export function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000} s (\`request-timeout\`)`
  }
  // fetch's network errors carry the system's error (ECONNREFUSED...) as their cause.
  const cause = isRecord(error) && isRecord(error.cause) ? error.cause : undefined
  return cause?.code
    ? `${String(cause.code)}${cause.message ? ` (${String(cause.message)})` : ''}`
    : describeError(error)
}

export function safeOrigin(location: string): string {
  try {
    return new URL(location).origin
  } catch {
    return 'a relative location'
  }
}
