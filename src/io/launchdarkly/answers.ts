/**
 * What is wrong with an answer that does not fit the spec, in words an on-call engineer can take to
 * LaunchDarkly: the field, where it is in the answer, and what the spec wants there.
 */
import type { ErrorObject } from 'ajv'
import { isRecord } from '../../core/narrow.js'

/** The first schema error of an answer, as "has no `_id` (at /items/3)" or "`tags` … must be array". */
export function schemaProblem(errors: readonly ErrorObject[] | null | undefined): string {
  const error = errors?.[0]
  if (!error) return 'does not fit the spec'
  const at = error.instancePath === '' ? '' : ` (at ${error.instancePath})`
  if (error.keyword === 'required') {
    const field = String(isRecord(error.params) ? error.params.missingProperty : 'a field')
    return `has no field \`${field}\`${at}, which the spec requires and the action needs`
  }
  const field = error.instancePath.split('/').pop() || 'the answer'
  return `has \`${field}\`${at} that ${error.message ?? 'does not fit the spec'}`
}
