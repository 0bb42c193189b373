/**
 * The guardrails (`protect`, `max-changes`) as a judge of the whole plan, before anything is
 * written: a refusal is a refused approval, so the report says why as loudly as a refused apply.
 * Loaded, with core/guardrails.ts, only by the runs that set one: most runs set none.
 */
import type { Guardrails } from '../core/guardrail-types.js'
import { allowedOverLimit, checkGuardrails, guardrailsFingerprint } from '../core/guardrails.js'
import type { Log } from '../core/log.js'
import type { Outcome } from '../core/outcome.js'
import type { Approval } from './approval.js'

export interface Guard {
  /** The guardrails' part of the plan's fingerprint: changing them changes the plan. */
  fingerprint: string
  /** The verdict on a plan: a refused approval, or undefined when the guardrails let it through. */
  judge(plan: readonly Outcome[]): Approval | undefined
}

export function guardOf(guardrails: Guardrails, log: Log): Guard {
  return {
    fingerprint: guardrailsFingerprint(guardrails),
    judge(plan) {
      const refusal = checkGuardrails(plan, guardrails)
      if (refusal) {
        return { approved: false, failure: { reason: refusal.reason, message: refusal.message } }
      }
      // Going over `max-changes` with `allow-many-changes` is allowed, and said.
      const over = allowedOverLimit(plan, guardrails)
      if (over) log.warning(over, { title: 'LaunchDarkly: allow-many-changes' })
      return undefined
    }
  }
}
