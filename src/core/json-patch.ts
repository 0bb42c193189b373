/**
 * RFC 6902 JSON Patch, applied strictly: fast-json-patch does the work, with two gaps closed so that
 * the whole json-patch-tests conformance suite passes (array indexes with leading zeros are refused)
 * and so that no caller can mutate its input or pollute a prototype.
 */
// The ES module build's core alone: the package's main entry also loads its duplex part (observe,
// compare), which the action never uses, into every run's start-up.
import { applyOperation, JsonPatchError } from 'fast-json-patch/module/core.mjs'
import { isRecord } from './narrow.js'

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject
export interface JsonObject {
  [key: string]: JsonValue
}

/**
 * Whether a value is JSON: null, a boolean, a finite number, a string, or a list or map of JSON.
 * Parsed documents are (the parsers make nothing else), so this only makes their type say so.
 */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true
  if (typeof value === 'number') return Number.isFinite(value)
  if (Array.isArray(value)) return value.every(isJsonValue)
  return isRecord(value) && Object.values(value).every(isJsonValue)
}

export type Operation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: JsonValue }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string }

export const OPERATION_NAMES = ['add', 'remove', 'replace', 'move', 'copy', 'test'] as const

/** Why an operation could not be applied: `index` is its position in the patch, from 0. */
export class PatchApplyError extends Error {
  constructor(
    message: string,
    readonly index: number,
    readonly code: string
  ) {
    super(message)
    this.name = 'PatchApplyError'
  }
}

const CODE_MESSAGES: Record<string, string> = {
  OPERATION_PATH_UNRESOLVABLE: 'the path does not exist in the configuration',
  OPERATION_FROM_UNRESOLVABLE: 'the "from" path does not exist in the configuration',
  OPERATION_PATH_CANNOT_ADD: 'the parent of the path does not exist, so nothing can be added there',
  OPERATION_PATH_ILLEGAL_ARRAY_INDEX:
    'an array index must be a base-10 integer without leading zeros',
  OPERATION_VALUE_OUT_OF_BOUNDS: 'the array index is past the end of the array',
  OPERATION_VALUE_REQUIRED: 'the operation needs a "value"',
  OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED: 'the value contains an undefined member',
  OPERATION_FROM_REQUIRED: 'the operation needs a "from" path',
  OPERATION_OP_INVALID: 'the "op" is not one of add, remove, replace, move, copy, test',
  OPERATION_PATH_INVALID: 'the "path" is not a JSON pointer',
  OPERATION_NOT_AN_OBJECT: 'the operation is not an object',
  TEST_OPERATION_FAILED: 'the "test" operation failed: the current value differs'
}

/** Splits a JSON pointer into unescaped tokens; null when it is not a valid pointer. */
export function parsePointer(pointer: string): string[] | null {
  if (pointer === '') return []
  if (!pointer.startsWith('/') || /~(?![01])/.test(pointer)) return null
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'))
}

export function formatPointer(tokens: readonly string[]): string {
  return tokens.map(token => '/' + token.replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

/** Reads the value a pointer designates, or undefined when there is none. */
export function valueAt(document: unknown, tokens: readonly string[]): unknown {
  let node: unknown = document
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined
      node = node[Number(token)]
    } else if (isRecord(node) && Object.hasOwn(node, token)) {
      node = node[token]
    } else {
      return undefined
    }
  }
  return node
}

/** fast-json-patch accepts "/00" as an array index; RFC 6901 does not. */
function assertArrayIndexes(document: unknown, pointer: unknown, index: number): void {
  // A malformed pointer is left for fast-json-patch's validator to name.
  const tokens = typeof pointer === 'string' ? (parsePointer(pointer) ?? []) : []
  let node: unknown = document
  for (const token of tokens) {
    if (Array.isArray(node)) {
      if (token !== '-' && !/^(0|[1-9][0-9]*)$/.test(token)) {
        throw new PatchApplyError(
          `${CODE_MESSAGES.OPERATION_PATH_ILLEGAL_ARRAY_INDEX} ("${token}" in ${pointer})`,
          index,
          'OPERATION_PATH_ILLEGAL_ARRAY_INDEX'
        )
      }
      node = node[Number(token)]
    } else if (isRecord(node)) {
      node = node[token]
    } else {
      return
    }
  }
}

/**
 * Applies the operations in order to a copy of the document and returns the copy. The input is never
 * modified, even when an operation in the middle fails (fast-json-patch would leave earlier ones applied).
 */
export function applyOperations<T>(document: T, operations: readonly Operation[]): T {
  let working = structuredClone(document)
  operations.forEach((operation, index) => {
    assertArrayIndexes(working, operation?.path, index)
    if (operation?.op === 'move' || operation?.op === 'copy') {
      assertArrayIndexes(working, operation.from, index)
    }
    try {
      const result = applyOperation(working, structuredClone(operation), true, true, true, index)
      working = result.newDocument
    } catch (error) {
      throw toPatchApplyError(error, index)
    }
  })
  return working
}

function toPatchApplyError(error: unknown, index: number): PatchApplyError {
  if (error instanceof JsonPatchError) {
    const code = String(error.name)
    return new PatchApplyError(CODE_MESSAGES[code] ?? error.message, index, code)
  }
  if (error instanceof TypeError && /__proto__|prototype/.test(error.message)) {
    return new PatchApplyError(
      'paths through __proto__, constructor or prototype are refused',
      index,
      'PROTOTYPE_POLLUTION'
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return new PatchApplyError(message, index, 'UNKNOWN')
}

/** Deep equality of JSON values (object key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => jsonEqual(item, b[i]))
    )
  }
  if (!isRecord(a) || !isRecord(b)) return false
  const keys = Object.keys(a)
  return (
    keys.length === Object.keys(b).length &&
    keys.every(key => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]))
  )
}
