/**
 * What JSON.parse lets through silently and a configuration must not: a key given twice (the last
 * one wins, unseen by a reviewer), numbers that cannot be sent as written (1e400, precision beyond a
 * double), and nesting deep enough to exhaust the stack of whatever walks the value next. The text
 * is scanned once, without recursion, before JSON.parse reads it.
 */
import { abbreviate } from './text.js'

/** Deeper than any real configuration; a deeper document is a mistake or an attack. */
export const MAX_DEPTH = 64

/** A JSON number, matched where lastIndex points (the text is already known to be valid JSON). */
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y

export class StrictJsonError extends Error {
  constructor(
    message: string,
    /** 1-based. */
    readonly line: number
  ) {
    super(message)
    this.name = 'StrictJsonError'
  }
}

/**
 * Checks a text that is already known to be valid JSON. Throws a StrictJsonError naming the line
 * of the first duplicate key, inexact number or excessive nesting.
 */
export function assertStrictJson(text: string): void {
  // Each open object keeps the keys seen so far; arrays keep null.
  const open: (Set<string> | null)[] = []
  let line = 1
  let expectKey = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i)
    if (c === '\n') line += 1
    else if (c === '{' || c === '[') {
      open.push(c === '{' ? new Set() : null)
      if (open.length > MAX_DEPTH) {
        throw new StrictJsonError(`is nested more than ${MAX_DEPTH} levels deep`, line)
      }
      expectKey = c === '{'
    } else if (c === '}' || c === ']') {
      open.pop()
      expectKey = false
    } else if (c === ',') {
      expectKey = open.at(-1) instanceof Set
    } else if (c === '"') {
      const end = stringEnd(text, i)
      // A key is expected only where the innermost open value is an object.
      const keys = expectKey ? open.at(-1) : null
      if (keys) {
        const key = String(JSON.parse(text.slice(i, end + 1)))
        if (keys.has(key)) {
          throw new StrictJsonError(
            `gives the key ${JSON.stringify(key)} twice in one object; keep one`,
            line
          )
        }
        keys.add(key)
        expectKey = false
      }
      i = end
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      // Read whole, however long: a number cut short would have its tail read as another number,
      // and the digits that change its value could hide there.
      NUMBER.lastIndex = i
      // The text is valid JSON, so a number is always there.
      const match = NUMBER.exec(text)
      if (match) {
        assertExactNumber(match[0], line)
        i += match[0].length - 1
      }
    }
  }
}

/** Index of the closing quote of the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; ; i++) {
    if (text[i] === '\\') i += 1
    else if (text[i] === '"') return i
  }
}

/**
 * A number is sent as JSON.stringify writes it: refuse one whose value would change on the way
 * (too large for a double, or with more precision than a double holds). 0.1 is fine: it is
 * written back as 0.1.
 */
export function assertExactNumber(source: string, line: number): void {
  const value = Number(source)
  if (!Number.isFinite(value)) {
    throw new StrictJsonError(
      `has the number ${abbreviate(source, 40)}, which is too large to send; write it as a string if it is text`,
      line
    )
  }
  if (decimal(source) !== decimal(String(value))) {
    throw new StrictJsonError(
      `has the number ${abbreviate(source, 40)}, which would be sent as ${String(value)} (a number keeps about 15 significant digits); write it as a string if it is an identifier`,
      line
    )
  }
}

/** A canonical spelling of a decimal number: sign, significant digits, exponent. */
function decimal(source: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(source.trim())
  if (!match) return source
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match
  const all = `${whole}${fraction}`
  // Scanned by hand: /0+$/ backtracks over every run of zeros, quadratic in a number of a
  // million digits.
  let [start, end] = [0, all.length]
  while (start < end && all[start] === '0') start += 1
  if (start === end) return '0'
  while (all[end - 1] === '0') end -= 1
  const scale = Number(exponent) + whole.length - start
  return `${sign === '-' ? '-' : ''}0.${all.slice(start, end)}e${scale}`
}
