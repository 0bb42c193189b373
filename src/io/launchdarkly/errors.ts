/**
 * What LaunchDarkly's answers and the network's failures mean for the person reading the log: one
 * message each, saying what went wrong and what to do, with LaunchDarkly's error id for support.
 */
import { ActionError, describeError } from '../../core/errors.js'
import type { LaunchDarklyErrorBody } from '../../core/types.js'

/** What the request was doing, for messages, and what a 404 means for it. */
export interface RequestContext {
  what: string
  notFound: string
}

export function errorForStatus(status: number, text: string, call: RequestContext): ActionError {
  const body = parseJson(text) as Partial<LaunchDarklyErrorBody> | undefined
  const said = body?.message ? ` LaunchDarkly said: "${body.message}".` : ''
  const id = errorId(text)
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
        `LaunchDarkly refused ${call.what} (${status}${body?.code ? ` ${body.code}` : ''}).${said}${id}`,
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

export function errorId(text: string): string {
  const body = parseJson(text) as Partial<LaunchDarklyErrorBody> | undefined
  return typeof body?.id === 'string'
    ? ` (LaunchDarkly error id ${body.id}: quote it to LaunchDarkly support.)`
    : ''
}

export function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return `no answer within ${timeoutMs / 1000} s (\`request-timeout\`)`
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  return cause?.code
    ? `${cause.code}${cause.message ? ` (${cause.message})` : ''}`
    : describeError(error)
}

export function safeOrigin(location: string): string {
  try {
    return new URL(location).origin
  } catch {
    return 'a relative location'
  }
}
