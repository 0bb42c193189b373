/**
 * The names of the environment variables (and repository secrets) an export's placeholders refer
 * to. A name must be the same on every export whatever else is exported, and no two secrets may
 * ever share one: a repository secret set once keeps feeding the value it was set for, and a name
 * that two configurations could share would write one integration's key into another.
 *
 * So a name is built only from what identifies the secret, and spelled so that it can be read
 * back: LAUNCHDARKLY_<INTEGRATION>_<KEY>_<ID>, where ID is the configuration's `_id` (24 hex
 * digits, upper case) and KEY the secret's path inside configValues in an encoding no two paths
 * share (below). The ID, of fixed length at the end, names the configuration and with it the
 * integration; given those, KEY reads back to one path. INTEGRATION is there for people.
 *
 * Valid as an environment variable and a GitHub secret name (A–Z, 0–9 and `_`, not starting with a
 * digit or GITHUB_; GitHub compares secret names without case, so only upper case is used). Not
 * LD_…: the dynamic linker reads variables of that prefix.
 */

/**
 * KEY: a lower-case letter or a digit as itself in upper case; an upper-case letter as `_` and the
 * letter (so `apiKey` reads API_KEY); `_` as `__`; `-` as `_1`, `.` as `_2`, anything else as `_3`
 * and its code point in 6 hex digits; and between the keys of a nested path, `_0`. Every `_` starts
 * a two-character code (or `_3` and six digits), so the spelling reads back one way only.
 */
export function encodePath(tokens: readonly string[]): string {
  return tokens.map(encodeToken).join('_0')
}

function encodeToken(token: string): string {
  let out = ''
  for (const character of token) {
    if (/[a-z0-9]/.test(character)) out += character.toUpperCase()
    else if (/[A-Z]/.test(character)) out += `_${character}`
    else if (character === '_') out += '__'
    else if (character === '-') out += '_1'
    else if (character === '.') out += '_2'
    else {
      const code = (character.codePointAt(0) ?? 0).toString(16).toUpperCase()
      out += `_3${code.padStart(6, '0')}`
    }
  }
  return out
}

/** The readable part for the integration: upper case, other characters as `_`. */
function integrationPart(integrationKey: string): string {
  return integrationKey
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

/**
 * The variable of the secret at `tokens` (a path within the configuration, from `configValues`)
 * of configuration `id` of integration `integrationKey`.
 */
export function secretVariableName(
  integrationKey: string,
  id: string,
  tokens: readonly string[]
): string {
  const inside = tokens[0] === 'configValues' ? tokens.slice(1) : tokens
  return ['LAUNCHDARKLY', integrationPart(integrationKey), encodePath(inside), encodeId(id)]
    .filter(part => part !== '')
    .join('_')
}

/** An ID as LaunchDarkly gives them (24 hex digits) in upper case; any other, encoded as a key. */
function encodeId(id: string): string {
  return /^[0-9a-fA-F]{24}$/.test(id) ? id.toUpperCase() : `X${encodeToken(id)}`
}
