/**
 * The guardrails' inputs: `protect`, `protect-secrets`, `max-changes` and `allow-many-changes`,
 * parsed and checked before any request. A line of `protect` that names nothing, a count that is
 * not one, or a setting that goes with another not given is an input error: a guardrail that
 * silently meant nothing would be worse than none.
 */
import { InputError } from './errors.js'
import type { Guardrails, ProtectRule } from './guardrail-types.js'
import { parseProtectLine } from './guardrails.js'
import { parseBoolean, type Read } from './input-values.js'

export type GuardrailInput = 'protect' | 'protect-secrets' | 'max-changes' | 'allow-many-changes'

const PROTECT_FORMS =
  'each line names a configuration by its _id (24 hexadecimal characters), by integrationKey/name (custom-approvals/Approvals (prod)), or by tag:NAME (tag:protected); # starts a comment'

/** Far above any estate: a bigger count is a typo, not a limit. */
const MAX_CHANGES_CEILING = 100_000

export function parseGuardrails(read: Read<GuardrailInput>, exporting: boolean): Guardrails {
  const protect = parseProtect(read('protect'))
  const protectSecrets = parseBoolean(read, 'protect-secrets')
  const maxChanges = parseMaxChanges(read('max-changes'))
  const allowManyChanges = parseBoolean(read, 'allow-many-changes')
  if (exporting) {
    const given = (
      [
        ['protect', protect.length > 0],
        ['protect-secrets', protectSecrets],
        ['max-changes', maxChanges !== undefined],
        ['allow-many-changes', allowManyChanges]
      ] as const
    ).find(([, set]) => set)
    if (given) {
      throw new InputError(
        given[0],
        'does not go with `export-to`: an export writes files, and changes nothing in LaunchDarkly. Leave it out of the export step.'
      )
    }
  }
  if (protectSecrets && protect.length === 0) {
    throw new InputError(
      'protect-secrets',
      'means something only with `protect`: name the configurations whose secrets this step may never change there, or leave `protect-secrets` out.'
    )
  }
  if (allowManyChanges && maxChanges === undefined) {
    throw new InputError(
      'allow-many-changes',
      'means something only with `max-changes`: there is no limit to go over. Leave it out, or set `max-changes`.'
    )
  }
  return { protect, protectSecrets, maxChanges, allowManyChanges }
}

function parseProtect(value: string): ProtectRule[] {
  const rules: ProtectRule[] = []
  value.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim()
    if (text === '' || text.startsWith('#')) return
    const rule = parseProtectLine(text, index + 1)
    if (typeof rule === 'string') {
      throw new InputError('protect', `line ${index + 1}: ${rule}; ${PROTECT_FORMS}.`)
    }
    rules.push(rule)
  })
  return rules
}

function parseMaxChanges(raw: string): number | undefined {
  const value = raw.trim()
  if (value === '') return undefined
  if (!/^[0-9]+$/.test(value) || Number(value) > MAX_CHANGES_CEILING) {
    const hint = /^-/.test(value) ? ' (a negative count limits nothing)' : ''
    throw new InputError(
      'max-changes',
      `must be a whole number from 0 to ${MAX_CHANGES_CEILING}, the most configurations one run may create, update or delete, not ${JSON.stringify(value)}${hint}. Leave it out for no limit.`
    )
  }
  return Number(value)
}
