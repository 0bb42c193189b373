/**
 * The values an input can hold, each parsed the one way and refused with a message that names the
 * input and says how to fix it.
 */
import { InputError } from './errors.js'

export type Read<Name extends string> = (name: Name) => string

export function parseToken(raw: string): string {
  const token = raw.trim()
  if (token === '') {
    throw new InputError(
      'access-token',
      'is empty. Pass a LaunchDarkly access token from a secret, e.g. `access-token: ${{ secrets.LD_ACCESS_TOKEN }}`; if you do, check that the secret exists in this repository or environment (secrets are not given to workflows run from forks).'
    )
  }
  if (/^(sdk|mob)-/.test(token)) {
    throw new InputError(
      'access-token',
      'is an SDK or mobile key; the REST API needs an access token (personal or service, api-…). Create one in LaunchDarkly under Organization settings → Authorization.'
    )
  }
  if (/\s/.test(token)) {
    throw new InputError(
      'access-token',
      'contains whitespace: check that the secret holds the token alone (no "Bearer", no newline).'
    )
  }
  return token
}

export function parseBaseUri(raw: string): URL {
  const value = raw.trim() || 'https://app.launchdarkly.com'
  const fix = `use https://app.launchdarkly.com, https://app.eu.launchdarkly.com (EU) or https://app.launchdarkly.us (federal)`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new InputError('base-uri', `is not a URL; ${fix}.`)
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new InputError('base-uri', `must use https (the token would travel in clear); ${fix}.`)
  }
  if (url.username !== '' || url.password !== '') {
    throw new InputError(
      'base-uri',
      `must not hold credentials; the token goes in \`access-token\`. ${fix}.`
    )
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new InputError(
      'base-uri',
      `must be the instance's address alone, without a path (${url.pathname}${url.search}); ${fix}.`
    )
  }
  // A typo here would hand the token to a stranger's server.
  if (!loopback && !/(^|\.)launchdarkly\.(com|us)$/.test(url.hostname)) {
    throw new InputError('base-uri', `is not a LaunchDarkly instance (${url.hostname}); ${fix}.`)
  }
  return url
}

export function parseBoolean<Name extends string>(read: Read<Name>, name: Name): boolean {
  const value = read(name).trim()
  if (value === '') return false
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  throw new InputError(name, `must be true or false, not ${JSON.stringify(value)}.`)
}

export function parseInteger<Name extends string>(
  read: Read<Name>,
  name: Name,
  fallback: number,
  min: number,
  max: number
): number {
  const value = read(name).trim()
  if (value === '') return fallback
  if (!/^[0-9]+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(
      name,
      `must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}.`
    )
  }
  return Number(value)
}

/** Lines of a multi-line input, blank lines and # comments left out. */
export function splitLines(value: string): string[] {
  return value
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(line => line !== '' && !line.startsWith('#'))
}
