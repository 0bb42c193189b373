/**
 * Between the plan and the writes: the gate, for the runs that set one. With
 * `require-approved-plan`, or a guardrail on an apply, everything is planned first and written
 * only when the whole plan passes (stages/approval.ts); otherwise each configuration is applied as
 * soon as it is planned, and a guardrail (in a dry run) only judges the plan. The gate and the
 * guardrails are loaded only by the runs that use them: most runs set neither.
 */
import { guardrailsSet } from '../core/guardrail-types.js'
import { redactOutcome } from '../core/redact.js'
import type { Scrubber } from '../core/secrets.js'
import type { Opened } from '../io/github.js'
import { settleAll, type ReconcileContext, type WorkPlan } from './plan.js'
import type { Settled } from './report.js'

export async function settleGated(
  planned: WorkPlan,
  stage: ReconcileContext,
  scrubber: Scrubber,
  /** The pull request the approved plan is looked up on, opened on first use. */
  openSession: () => Promise<Opened>
): Promise<Settled> {
  const { settings } = stage
  const guard = guardrailsSet(settings.guardrails)
    ? (await import('./guardrails.js')).guardOf(settings.guardrails, stage.log)
    : undefined
  if (settings.requireApprovedPlan || (guard && !settings.dryRun)) {
    const { applyApproved } = await import('./approval.js')
    return applyApproved(planned, stage, scrubber, {
      openSession,
      key: settings.github?.key ?? '',
      requireApproval: settings.requireApprovedPlan,
      guardrails: guard?.fingerprint ?? '',
      guard: plan => guard?.judge(plan)
    })
  }
  const outcomes = await settleAll(planned, stage, settings.dryRun)
  const redacted = outcomes.map(outcome => redactOutcome(outcome, scrubber))
  // A dry run is the plan reviewers see: refused by a guardrail as loudly as the apply would be.
  return { outcomes, redacted, approval: guard?.judge(outcomes) }
}
