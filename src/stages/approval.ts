/**
 * The gate of `require-approved-plan`: the apply plans again, and writes only when that plan's
 * fingerprint equals the one in the plan comment reviewers approved on the pull request (written by
 * this token's identity, under this step's key, salted with that pull request's URL). A plan that
 * writes nothing needs no approval, so running an apply again after it succeeded is harmless.
 */
import { runFailure, type Failure } from '../core/outcome.js'
import { planFingerprint, writesAnything } from '../core/fingerprint.js'
import type { RedactedOutcome } from '../core/redact.js'
import { fingerprintOf, planDetailsOf } from '../core/render/comment.js'
import type { GitHubProblem, PullRequestSession } from '../io/github.js'

export type Approval =
  | { approved: true }
  | {
      approved: false
      failure: Failure
      /** The fingerprint that was approved, kept in the comment for a later run. */
      fingerprint?: string
      /** The diffs the approved plan comment showed. */
      approvedDetails?: string
    }

export function checkApproval(
  outcomes: readonly RedactedOutcome[],
  session: PullRequestSession | GitHubProblem | undefined,
  key: string,
  /** The guardrails' part of the fingerprint (core/guardrails.ts): changing them changes the plan. */
  guardrails = ''
): Approval {
  if (!writesAnything(outcomes)) return { approved: true }
  const refuse = (
    reason: 'no-approved-plan' | 'plan-changed',
    message: string,
    extra: Partial<Extract<Approval, { approved: false }>> = {}
  ): Approval => ({ approved: false, failure: { reason, message }, ...extra })
  const rerun =
    'Nothing was written. Run the plan on the pull request again (with `comment-on-pr: true` and the same inputs), have it reviewed, then run the apply again.'
  if (!session) {
    return refuse(
      'no-approved-plan',
      `This run belongs to no pull request, so there is no approved plan to apply (\`require-approved-plan\` applies only the plan approved on a pull request). ${rerun}`
    )
  }
  if ('problem' in session) {
    return refuse(
      'no-approved-plan',
      `The approved plan could not be read from the pull request: ${session.cause}. ${rerun}`
    )
  }
  const body = session.existing?.body ?? ''
  const approved = fingerprintOf(body)
  if (!approved) {
    return refuse(
      'no-approved-plan',
      `Pull request #${session.pull.number} has no plan comment of this step (comment key \`${key}\`) written by this token's identity, so no plan was approved. ${rerun}`
    )
  }
  if (planFingerprint(outcomes, session.pull.url, guardrails) !== approved) {
    return refuse(
      'plan-changed',
      `The plan differs from the one approved on pull request #${session.pull.number}: LaunchDarkly, the files or the step's guardrails (\`protect\`, \`max-changes\`) changed since the plan was made. Both are shown below. ${rerun}`,
      { fingerprint: approved, approvedDetails: planDetailsOf(body) }
    )
  }
  return { approved: true }
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
