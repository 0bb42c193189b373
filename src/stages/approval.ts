/**
 * The gate of `require-approved-plan`: everything is read and planned first; the apply then
 * writes only when that plan is the one reviewers approved on a merged pull request (its
 * fingerprint in the plan comment written by this token's identity, under this step's key, salted
 * with that pull request's URL), or what remains of it after an attempt that stopped half way (the
 * comment's record says which configurations were written, and they must now read as unchanged).
 * A plan that writes nothing needs no approval, so running an apply again after it succeeded is
 * harmless.
 */
import {
  entriesFingerprint,
  legacyPlanFingerprint,
  planEntries,
  planFingerprint,
  writesAnything,
  type PlanEntry
} from '../core/fingerprint.js'
import { runFailure, type Failure, type Outcome } from '../core/outcome.js'
import { redactOutcome, type RedactedOutcome } from '../core/redact.js'
import type { Scrubber } from '../core/secrets.js'
import type { ReportFacts } from '../core/render/parts.js'
import type { Opened } from '../io/github.js'
import { settleAll, type ReconcileContext, type WorkPlan } from './plan.js'

export type Approval =
  | {
      approved: true
      /** Finishing an approved plan an earlier attempt applied in part: how much was left. */
      remainder?: { left: number; total: number }
    }
  | {
      approved: false
      failure: Failure
      /** The approved plan's entries, for "Changed since approval", when the comment kept them. */
      approvedEntries?: PlanEntry[]
    }

export interface GatedRun {
  /** What was done (or, refused, what would have been). */
  outcomes: Outcome[]
  redacted: RedactedOutcome[]
  approval: Approval
}

/**
 * Plans everything, checks the plan against the approved one, and settles the same plans again
 * for real only when it is approved: two passes over plans read once.
 */
export async function applyApproved(
  planned: WorkPlan,
  stage: ReconcileContext,
  scrubber: Scrubber,
  gate: {
    openSession: () => Promise<Opened>
    key: string
    /** Whether `require-approved-plan` is on: else only the guardrails judge the plan. */
    requireApproval: boolean
    /** The guardrails' part of the fingerprint (core/guardrails.ts), '' when none are set. */
    guardrails: string
    /** The guardrails' verdict on the whole plan, before anything is written. */
    guard: (plan: readonly Outcome[]) => Approval | undefined
  }
): Promise<GatedRun> {
  const ready: WorkPlan = {
    configured: (await Promise.all(planned.configured)).map(p => Promise.resolve(p)),
    unmanaged: Promise.resolve(await planned.unmanaged)
  }
  const plan = await settleAll(ready, stage, true)
  const shown = plan.map(outcome => redactOutcome(outcome, scrubber))
  const approval =
    gate.guard(plan) ??
    (!gate.requireApproval
      ? { approved: true }
      : shown.some(o => o.status === 'failed')
        ? incompletePlan(shown)
        : checkApproval(shown, await gate.openSession(), gate.key, gate.guardrails))
  if (!approval.approved) return { outcomes: plan, redacted: shown, approval }
  const outcomes = await settleAll(ready, stage, false)
  return {
    outcomes,
    redacted: outcomes.map(outcome => redactOutcome(outcome, scrubber)),
    approval
  }
}

const AFTER_MERGE =
  'Nothing was written. The pull request is merged, so planning it again would plan its old commit: to apply a change now, open a new pull request from the default branch (with the files brought in line with LaunchDarkly if its change should stay), have its plan reviewed, and merge it.'

export function checkApproval(
  outcomes: readonly RedactedOutcome[],
  opened: Opened,
  key: string,
  /** The guardrails' part of the fingerprint (core/guardrails.ts): changing them changes the plan. */
  guardrails = ''
): Approval {
  if (!writesAnything(outcomes)) return { approved: true }
  const refuse = (
    reason: 'no-approved-plan' | 'plan-changed',
    message: string,
    approvedEntries?: PlanEntry[]
  ): Approval => ({
    approved: false,
    failure: { reason, message },
    ...(approvedEntries ? { approvedEntries } : {})
  })
  if (!opened) {
    return refuse(
      'no-approved-plan',
      'This run belongs to no pull request, so there is no approved plan to apply (`require-approved-plan` applies only the plan approved on a merged pull request). Nothing was written. Run the apply on the push of a merged pull request whose plan was commented (`comment-on-pr: true`).'
    )
  }
  if ('notApprovable' in opened) {
    return refuse(
      'no-approved-plan',
      `No merged pull request approves this run: ${opened.notApprovable}. Nothing was written.`
    )
  }
  if ('problem' in opened) {
    return refuse(
      'no-approved-plan',
      `${opened.unreachable ? 'Could not reach GitHub, so the' : 'The'} approved plan could not be read from the pull request: ${opened.cause}. Nothing was written; run the apply again once GitHub answers.`
    )
  }
  const { pull, comment } = opened
  if (!comment?.fingerprint) {
    return refuse(
      'no-approved-plan',
      `Pull request #${pull.number} has no plan comment of this step (comment key \`${key}\`) written by this token's identity, so no plan was approved. ${AFTER_MERGE}`
    )
  }
  if (comment.version === 1) {
    // Written by 1.x: its fingerprint only, in its own format.
    return legacyPlanFingerprint(outcomes, pull.url, guardrails) === comment.fingerprint
      ? { approved: true }
      : refuse('plan-changed', changedMessage(pull.number, false))
  }
  if (planFingerprint(outcomes, pull.url, guardrails) === comment.fingerprint) {
    return { approved: true }
  }
  // The entries kept are the approved plan's only if they make its fingerprint.
  const approved = comment.state.approved
  const kept =
    approved && entriesFingerprint(approved, pull.url, guardrails) === comment.fingerprint
      ? approved
      : undefined
  if (kept) {
    // Only what was written under this approval: a plan made since replaces what it approves.
    const written = new Set(
      comment.state.attempts
        .filter(attempt => attempt.approved === comment.fingerprint)
        .flatMap(attempt =>
          (attempt.results ?? [])
            .filter(r => r.status === 'created' || r.status === 'updated' || r.status === 'deleted')
            .map(r => r.configuration)
        )
    )
    const remaining = kept.filter(entry => !written.has(entry.configuration))
    if (
      written.size > 0 &&
      remaining.length < kept.length &&
      entriesFingerprint(remaining, pull.url, guardrails) ===
        entriesFingerprint(planEntries(outcomes), pull.url, guardrails)
    ) {
      return { approved: true, remainder: { left: remaining.length, total: kept.length } }
    }
  }
  return refuse('plan-changed', changedMessage(pull.number, kept !== undefined), kept)
}

function changedMessage(number: number, shown: boolean): string {
  const where = shown
    ? 'what changed is shown first'
    : 'the comment kept no copy of the approved plan to compare with (a 1.x comment, or a plan too large to keep): its edit history has it'
  return `The plan differs from the one approved on pull request #${number}: LaunchDarkly, the files or the step's guardrails (\`protect\`, \`max-changes\`) changed since the plan was made (${where}). ${AFTER_MERGE}`
}

/**
 * A plan that failed for some configuration is not compared with the approved one: it is not a
 * plan anyone approved, and its failure (the network, a permission) is what the run must say.
 * Nothing is written.
 */
export function incompletePlan(outcomes: readonly RedactedOutcome[]): Approval {
  // Some configuration failed, so the run has a failure.
  const reason = runFailure(outcomes, { dryRun: true, failOnDrift: false })?.reason ?? 'internal'
  const failed = outcomes.filter(o => o.status === 'failed').length
  return {
    approved: false,
    // Each failed configuration's error is said on its own: this says what it meant for the run.
    failure: {
      reason,
      message: `Nothing was written: the apply could not plan every configuration again (${failed} failed, each with its error), so it could not be checked against the approved plan. Fix what failed, then run the apply again.`
    }
  }
}

const REFUSED_AS: Partial<Record<Failure['reason'], string>> = {
  'plan-changed': 'the plan changed',
  'no-approved-plan': 'no approved plan',
  protected: 'a protected configuration',
  'too-many-changes': 'too many changes'
}

/**
 * What a report says of the gate's decision: the headline's words for a refusal, its reason
 * (scrubbed: it may quote GitHub's words) with what changed since the approval and the approved
 * plan, or a notice that an apply finishes what an earlier attempt left.
 */
export async function describeApproval(
  approval: Approval,
  outcomes: readonly RedactedOutcome[],
  facts: ReportFacts,
  log: { scrub(text: string): string }
): Promise<{
  refusedAs?: string
  refusal?: { message: string; changed?: string; approved?: string }
  notice?: string
}> {
  if (approval.approved) {
    const left = approval.remainder
    return left
      ? {
          notice: `Finishing an approved plan an earlier attempt applied in part: ${left.left} of its ${left.total} configurations were left to write.`
        }
      : {}
  }
  const entries = approval.approvedEntries
  const render = entries ? await import('../core/render/approval.js') : undefined
  return {
    refusedAs: REFUSED_AS[approval.failure.reason] ?? 'the plan could not be checked',
    refusal: {
      message: log.scrub(approval.failure.message),
      ...(entries && render
        ? {
            changed: render.changedSinceApproval(entries, outcomes),
            approved: render.approvedPlan(entries, facts)
          }
        : {})
    }
  }
}
