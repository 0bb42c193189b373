/**
 * The guardrails' settings (see core/guardrails.ts), apart from their logic: every run carries
 * them, and most set none, so this is all such a run loads.
 */

/** One line of `protect`: how it names configurations, and where it stands in the input. */
export type ProtectRule =
  | { kind: 'id'; id: string; line: number; text: string }
  | { kind: 'name'; integrationKey: string; name: string; line: number; text: string }
  | { kind: 'tag'; tag: string; line: number; text: string }

export interface Guardrails {
  protect: readonly ProtectRule[]
  /** With `protect`: a protected configuration's secrets are never changed either. */
  protectSecrets: boolean
  /** The most configurations one run may create, update or delete; undefined: no limit. */
  maxChanges: number | undefined
  /** Go over `max-changes` anyway, for this run (said in a warning). */
  allowManyChanges: boolean
}

export const NO_GUARDRAILS: Guardrails = {
  protect: [],
  protectSecrets: false,
  maxChanges: undefined,
  allowManyChanges: false
}

/** Whether any guardrail is set: only then must the whole plan be known before the first write. */
export function guardrailsSet(guardrails: Guardrails): boolean {
  return guardrails.protect.length > 0 || guardrails.maxChanges !== undefined
}
