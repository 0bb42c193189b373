/**
 * Checks the JSON Patch operations a user wrote before anything is read from LaunchDarkly: their
 * shape (RFC 6902), that they touch only fields a configuration lets you write, and that each value
 * has the type the spec gives the field it lands in.
 */
import { validateConfiguration } from '../generated/validators.js'
import { InputError } from './errors.js'
import {
  isJsonValue,
  OPERATION_NAMES,
  parsePointer,
  type JsonValue,
  type Operation
} from './json-patch.js'
import { isOneOf, isRecord } from './narrow.js'
import { closest } from './suggest.js'
import { isWritableField, READ_ONLY_FIELDS, WRITABLE_FIELDS } from './types.js'

const MEMBERS: Record<Operation['op'], readonly string[]> = {
  add: ['op', 'path', 'value'],
  replace: ['op', 'path', 'value'],
  test: ['op', 'path', 'value'],
  remove: ['op', 'path'],
  move: ['op', 'from', 'path'],
  copy: ['op', 'from', 'path']
}
const FORBIDDEN_TOKENS = new Set(['__proto__', 'constructor', 'prototype'])
const WRITABLE_LIST = WRITABLE_FIELDS.map(f => `/${f}`).join(', ')

/** Validates a parsed document as a list of operations; `input` names where it came from. */
export function validateOperations(document: unknown, input: string, file?: string): Operation[] {
  const location = { file }
  if (!Array.isArray(document)) {
    const hint =
      document !== null && typeof document === 'object' && 'op' in document
        ? ': it is a single operation, so put it in a list (a leading "- " in YAML, [ ] in JSON)'
        : ''
    throw new InputError(input, `must be a list of JSON Patch operations${hint}.`, location)
  }
  if (document.length === 0) {
    throw new InputError(
      input,
      'holds no operations; give at least one, or leave the input out.',
      location
    )
  }
  const operations = document.map((operation, index) =>
    validateOperation(
      operation,
      message => new InputError(input, `operation ${index}: ${message}`, location)
    )
  )
  // A remove of the whole configuration deletes it (an undo of a creation is one): only tests,
  // which say what it must still be, may come before it, and nothing after.
  const deletion = operations.findIndex(isDeletion)
  if (deletion >= 0) {
    const other = operations.findIndex((op, i) => i !== deletion && op.op !== 'test')
    if (deletion !== operations.length - 1 || other >= 0) {
      throw new InputError(
        input,
        `operation ${deletion}: a remove of the whole configuration ("path": "") deletes it, so it must be the last operation, after only test operations${other >= 0 ? ` (operation ${other} is a ${operations[other]?.op})` : ''}. Delete in a step of its own.`,
        location
      )
    }
  }
  return operations
}

/** The operation that deletes the configuration: `remove` of the whole document. */
export function isDeletion(operation: Operation): boolean {
  return operation.op === 'remove' && operation.path === ''
}

function validateOperation(candidate: unknown, fail: (message: string) => InputError): Operation {
  if (!isRecord(candidate)) throw fail('is not an object with "op" and "path".')
  const operation = candidate
  const op = operation.op
  if (!isOneOf(OPERATION_NAMES, op)) {
    const guess = typeof op === 'string' ? closest(op, OPERATION_NAMES) : undefined
    throw fail(
      `unknown op ${JSON.stringify(op ?? null)}${guess ? ` (did you mean "${guess}"?)` : ''}; use one of ${OPERATION_NAMES.join(', ')}.`
    )
  }
  const name = op
  const allowed = MEMBERS[name]
  for (const member of Object.keys(operation)) {
    if (!allowed.includes(member)) {
      const guess = closest(member, allowed)
      throw fail(
        `"${member}" is not a member of a ${name} operation${guess ? ` (did you mean "${guess}"?)` : ''}; it takes ${allowed.join(', ')}.`
      )
    }
  }
  for (const member of allowed) {
    if (!(member in operation)) throw fail(`a ${name} operation needs "${member}".`)
  }
  if (name === 'remove' && operation.path === '') return { op: name, path: '' }
  const path = checkPointer(operation.path, 'path', name !== 'test', fail)
  if (name === 'move' || name === 'copy') {
    // A move writes where it takes from (it removes the value there); a copy only reads it.
    const from = checkPointer(operation.from, 'from', name === 'move', fail)
    return { op: name, from, path }
  }
  if (name === 'remove') return { op: name, path }
  const value = operation.value
  // Parsed from JSON or YAML, it is JSON: this only makes its type say so.
  if (!isJsonValue(value)) throw fail('"value" must be a JSON value.')
  if (name !== 'test') checkValueType(path, value, fail)
  return { op: name, path, value }
}

/** `writes`: whether the operation changes what the pointer designates (reads may be read-only). */
function checkPointer(
  pointer: unknown,
  member: 'path' | 'from',
  writes: boolean,
  fail: (message: string) => InputError
): string {
  if (typeof pointer !== 'string') throw fail(`"${member}" must be a string such as "/enabled".`)
  const tokens = parsePointer(pointer)
  if (tokens === null) {
    const hint = pointer.startsWith('/')
      ? 'a "~" must be followed by 0 (for ~) or 1 (for /)'
      : `a JSON pointer starts with "/": did you mean "/${pointer}"?`
    throw fail(`"${member}" ${JSON.stringify(pointer)} is not a JSON pointer: ${hint}.`)
  }
  const field = tokens[0]
  if (field === undefined) {
    throw fail(
      `"${member}" is the whole configuration; patch its fields instead (${WRITABLE_LIST}). (Only a remove may name the whole configuration: it deletes it.)`
    )
  }
  if (tokens.some(token => FORBIDDEN_TOKENS.has(token))) {
    throw fail(
      `"${member}" ${pointer} goes through __proto__, constructor or prototype; that is refused.`
    )
  }
  if (field === 'on') {
    throw fail(
      `${pointer} is not a field of an integration configuration (the API reference's example uses it by mistake): did you mean /enabled?`
    )
  }
  const readOnly = isOneOf(READ_ONLY_FIELDS, field)
  if (!readOnly && !isWritableField(field)) {
    const guess = closest(field, [...WRITABLE_FIELDS, ...READ_ONLY_FIELDS])
    throw fail(
      `${pointer} is not a field of an integration configuration${guess ? ` (did you mean /${guess}?)` : ''}; the writable fields are ${WRITABLE_LIST}.`
    )
  }
  if (readOnly && writes) {
    throw fail(
      `${pointer} is read-only: LaunchDarkly sets ${field} itself. The writable fields are ${WRITABLE_LIST}.`
    )
  }
  return pointer
}

/**
 * Type-checks a value against the spec by validating the smallest configuration that holds it at
 * its path. Complaints about the containers made up around it (a missing required sibling) are not
 * the user's, so only errors at or below the path count.
 */
function checkValueType(
  path: string,
  value: JsonValue,
  fail: (message: string) => InputError
): void {
  const tokens = parsePointer(path) ?? []
  let document: JsonValue = value
  for (const [i, token] of [...tokens.entries()].reverse()) {
    const inFreeForm = tokens[i - 1] === 'configValues' && i === 1
    document =
      !inFreeForm && (token === '-' || /^[0-9]+$/.test(token)) ? [document] : { [token]: document }
  }
  if (validateConfiguration(document)) return
  const target = tokens.map(t => (/^[0-9]+$/.test(t) || t === '-' ? '0' : t))
  const atOrBelow = (instancePath: string) => {
    const at = (parsePointer(instancePath) ?? []).slice(0, target.length)
    return at.length === target.length && at.every((t, i) => t === target[i])
  }
  const problem = (validateConfiguration.errors ?? []).find(error => {
    if (error.keyword === 'additionalProperties') {
      return atOrBelow(`${error.instancePath}/${String(error.params.additionalProperty)}`)
    }
    return error.keyword !== 'required' && atOrBelow(error.instancePath)
  })
  if (!problem) return
  const where = problem.instancePath === '' ? path : problem.instancePath
  const detail =
    problem.keyword === 'additionalProperties'
      ? `has an unknown field "${String(problem.params.additionalProperty)}"`
      : (problem.message ?? 'is not valid')
  throw fail(`the value for ${path} does not fit the spec: ${where} ${detail}.`)
}
