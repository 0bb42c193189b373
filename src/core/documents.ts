/**
 * Parses the JSON or YAML that users write (inline patches, patch files, desired-state files) into
 * plain values, refusing what would make a file mean something other than what a reviewer reads:
 * YAML anchors and aliases, custom tags, duplicate keys (in JSON too), several documents in one
 * file, numbers that cannot be sent exactly, nesting deeper than any configuration, and keys that
 * reach an object's prototype.
 */
import { DocumentError } from './document-error.js'
import { InputError } from './errors.js'
import { assertStrictJson, StrictJsonError } from './strict-json.js'
import { bidiControlIn, describeCharacter } from './visible.js'

export { DocumentError }

export const MAX_DOCUMENT_BYTES = 1024 * 1024

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * JSON is tried first: it is what most generated patches are, and it needs no YAML parser at all
 * (the parser is loaded only when a document is not JSON, which keeps start-up cheap).
 */
export async function parseDocument(raw: string): Promise<unknown> {
  // Editors on Windows save a byte-order mark; it is not part of the document.
  const text = raw.startsWith('\ufeff') ? raw.slice(1) : raw
  if (Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES) {
    throw new DocumentError(`is larger than ${MAX_DOCUMENT_BYTES} bytes`)
  }
  if (text.trim() === '') throw new DocumentError('is empty')
  const bidi = bidiControlIn(text)
  if (bidi) {
    throw new DocumentError(
      `holds the bidi control character ${describeCharacter(bidi.character)} (line ${bidi.line}, column ${bidi.column}); bidi controls are not accepted, as they can reorder what a reviewer reads (Trojan Source): remove it, or, where a value needs one, write it as a \\u escape in a double-quoted string`,
      bidi.line
    )
  }
  let value: unknown
  let json = true
  try {
    value = JSON.parse(text)
  } catch {
    json = false
  }
  if (json) {
    try {
      assertStrictJson(text)
    } catch (error) {
      if (error instanceof StrictJsonError) {
        throw new DocumentError(`${error.message} (line ${error.line})`, error.line)
      }
      throw error
    }
  } else {
    // Loaded only now, with the YAML library: most generated patches are JSON.
    const yaml = await import('./yaml-document.js')
    value = await yaml.parseYaml(text)
  }
  assertNoForbiddenKeys(value)
  return value
}

/** Iterative, so that nothing here can exhaust the stack however the value is shaped. */
function assertNoForbiddenKeys(root: unknown): void {
  const pending: { value: unknown; path: string }[] = [{ value: root, path: '' }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path } = next
    if (Array.isArray(value)) {
      value.forEach((item, i) => pending.push({ value: item, path: `${path}/${i}` }))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) {
          throw new DocumentError(
            `has the key "${key}" at ${path || '/'}; keys that reach an object's prototype are refused`
          )
        }
        pending.push({ value: inner, path: `${path}/${key}` })
      }
    }
  }
}

/**
 * The 1-based line where the value at `tokens` starts, for annotations that point at it. Used on the
 * error path only, so the YAML parser (which reads JSON too) is loaded only when something is wrong.
 */
export async function lineAt(
  text: string,
  tokens: readonly (string | number)[]
): Promise<number | undefined> {
  const [line] = await linesAt(text, [tokens])
  return line
}

/** The lines of several values of one document, with one parse. */
export async function linesAt(
  text: string,
  paths: readonly (readonly (string | number)[])[]
): Promise<(number | undefined)[]> {
  const yaml = await import('./yaml-document.js')
  return yaml.linesAt(text, paths)
}

/** Parses JSON or YAML, turning a parse failure into an InputError for that input. */
export async function parseInput(text: string, input: string, file?: string): Promise<unknown> {
  try {
    return await parseDocument(text)
  } catch (error) {
    if (error instanceof DocumentError) {
      const refused = new InputError(input, `${error.message}.`, { file, line: error.line })
      if (file && error.line) {
        // The excerpt's code is loaded on this error path only.
        const { excerptOf } = await import('./excerpt.js')
        refused.excerpt = excerptOf(text, error.line)
      }
      throw refused
    }
    throw error
  }
}
