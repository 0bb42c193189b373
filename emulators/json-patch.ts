/**
 * RFC 6902 JSON Patch (with RFC 6901 pointers), written by hand for the LaunchDarkly emulator.
 * It deliberately shares no code with src/ and uses no patch library: the end-to-end tests compare
 * the action against this emulator, so a bug in the action's own engine must not be mirrored here.
 */

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | JsonValue[]
  | { [key: string]: JsonValue }

/** Loosely typed on purpose: the emulator receives untrusted request bodies. */
export interface PatchOperation {
  op: string
  path: string
  from?: string
  value?: JsonValue
}

/** `index` is the failing operation's position (from 0); `kind` tells a failed `test` from the rest. */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly kind: 'invalid' | 'test-failed'
  ) {
    super(message)
    this.name = 'PatchError'
  }
}

type JsonObject = { [key: string]: JsonValue }
type Container = JsonValue[] | JsonObject

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test'])
// Members that reach Object.prototype through ordinary property access; never let a patch name them.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/

/** Thrown inside one operation; applyPatch adds the operation's index. */
class Invalid extends Error {}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A deep copy made of own data properties only: Object.fromEntries defines, never assigns, so an
 * own "__proto__" key from JSON.parse stays a plain key instead of becoming a prototype. */
function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T
  }
  return value
}

function equal(a: JsonValue, b: JsonValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => equal(x, b[i]!))
    )
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a)
    return (
      keys.length === Object.keys(b).length &&
      keys.every(k => Object.hasOwn(b, k) && equal(a[k]!, b[k]!))
    )
  }
  return a === b // primitives; JSON numbers compare by value, so 1 and 1.0 are the same
}

function parsePointer(pointer: unknown, name: string): string[] {
  if (typeof pointer !== 'string') throw new Invalid(`"${name}" must be a string JSON pointer`)
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new Invalid(`"${name}" must be empty or start with "/"`)
  if (/~(?![01])/.test(pointer)) throw new Invalid(`"${name}" has a "~" that is not "~0" or "~1"`)
  // One pass, so "~01" becomes "~1" and not "/" (RFC 6901 section 4).
  return pointer
    .slice(1)
    .split('/')
    .map(t => t.replace(/~[01]/g, e => (e === '~0' ? '~' : '/')))
}

/** Array index of `token` in `array`; `allowEnd` admits the index one past the last (insertion). */
function arrayIndex(array: JsonValue[], token: string, allowEnd: boolean): number {
  if (!ARRAY_INDEX.test(token)) throw new Invalid(`"${token}" is not a valid array index`)
  const index = Number(token)
  if (index > array.length || (index === array.length && !allowEnd)) {
    throw new Invalid(`array index ${token} is out of bounds (length ${array.length})`)
  }
  return index
}

function memberName(token: string): string {
  if (FORBIDDEN.has(token)) throw new Invalid(`the member name "${token}" is refused`)
  return token
}

function child(node: JsonValue, token: string): JsonValue {
  if (Array.isArray(node)) return node[arrayIndex(node, token, false)]!
  const key = isObject(node) ? memberName(token) : undefined
  if (key === undefined || !Object.hasOwn(node as JsonObject, key)) {
    throw new Invalid(`the path does not exist (no "${token}")`)
  }
  return (node as JsonObject)[key]!
}

function get(document: JsonValue, tokens: readonly string[]): JsonValue {
  return tokens.reduce(child, document)
}

/** The container holding the last token; every ancestor must already exist (RFC 6902 4.1). */
function parentOf(document: JsonValue, tokens: readonly string[]): Container {
  const parent = get(document, tokens.slice(0, -1))
  if (typeof parent !== 'object' || parent === null) {
    throw new Invalid('the parent of the path is not an object or array')
  }
  return parent
}

/**
 * Writes `value` at `tokens`. `insert` is add's semantics (array items shift, "-" appends, an object
 * member may be new); otherwise it is replace's (the target must already exist and is overwritten).
 */
function put(document: JsonValue, tokens: string[], value: JsonValue, insert: boolean): JsonValue {
  if (tokens.length === 0) return value
  const parent = parentOf(document, tokens)
  const last = tokens[tokens.length - 1]!
  if (Array.isArray(parent)) {
    if (!insert) parent[arrayIndex(parent, last, false)] = value
    else if (last === '-') parent.push(value)
    else parent.splice(arrayIndex(parent, last, true), 0, value)
    return document
  }
  if (!insert) child(parent, last) // the member must exist
  // defineProperty rather than assignment: no setter on any prototype can ever be reached.
  const descriptor = { value, writable: true, enumerable: true, configurable: true }
  Object.defineProperty(parent, memberName(last), descriptor)
  return document
}

/** Detaches and returns the value at `tokens`, which must exist. */
function remove(document: JsonValue, tokens: string[]): JsonValue {
  if (tokens.length === 0) throw new Invalid('the whole document cannot be removed')
  const parent = parentOf(document, tokens)
  const last = tokens[tokens.length - 1]!
  const value = child(parent, last)
  if (Array.isArray(parent)) parent.splice(Number(last), 1)
  else delete parent[last]
  return value
}

function applyOne(document: JsonValue, operation: unknown, index: number): JsonValue {
  if (!isObject(operation)) throw new Invalid('an operation must be an object')
  const { op } = operation
  if (typeof op !== 'string' || !OPS.has(op)) throw new Invalid(`unknown op ${JSON.stringify(op)}`)
  const path = parsePointer(operation.path, 'path')
  // Own-property check: a value of null is legitimate, a missing (or undefined) one is not.
  const needsValue = op === 'add' || op === 'replace' || op === 'test'
  if (needsValue && (!Object.hasOwn(operation, 'value') || operation.value === undefined)) {
    throw new Invalid(`"${op}" needs a "value"`)
  }
  const value = operation.value as JsonValue
  const from = op === 'move' || op === 'copy' ? parsePointer(operation.from, 'from') : []

  switch (op) {
    case 'add':
      return put(document, path, clone(value), true)
    case 'remove':
      remove(document, path)
      return document
    case 'replace':
      return put(document, path, clone(value), false)
    case 'copy':
      return put(document, path, clone(get(document, from)), true)
    case 'move': {
      get(document, from) // from must exist even when the move is a no-op
      if (from.length === path.length && from.every((t, i) => t === path[i])) return document
      // Compare tokens, not strings: "/ab" is not inside "/a", but "/a/b" is.
      if (from.length < path.length && from.every((t, i) => t === path[i])) {
        throw new Invalid('a value cannot be moved into one of its own children')
      }
      return put(document, path, remove(document, from), true)
    }
    default: // test
      if (!equal(get(document, path), value)) {
        throw new PatchError(
          `test failed: the value at "${String(operation.path)}" differs`,
          index,
          'test-failed'
        )
      }
      return document
  }
}

/**
 * Applies the operations in order to a deep copy and returns it. The input is never touched, so a
 * failure part-way leaves nothing half-applied: the copy is simply dropped (RFC 6902 section 5).
 */
export function applyPatch<T>(document: T, operations: readonly unknown[]): T {
  let working = clone(document) as JsonValue
  operations.forEach((operation, index) => {
    try {
      working = applyOne(working, operation, index)
    } catch (error) {
      if (error instanceof Invalid) throw new PatchError(error.message, index, 'invalid')
      throw error
    }
  })
  return working as T
}

/** The tokens of a JSON pointer, or undefined when it is not one. */
export function pointerTokens(pointer: unknown): string[] | undefined {
  try {
    return parsePointer(pointer, 'path')
  } catch {
    return undefined
  }
}
