/**
 * What happened to each configuration, and what that means for the run: the failure it reports
 * (if any), decided here once from every outcome.
 */
import { toActionError, type FailureReason } from './errors.js'
import type { JsonObject } from './json-patch.js'
import type { ConfigurationPlan } from './plan.js'

export type Status =
  | 'created'
  | 'updated'
  | 'unchanged'
  | 'would-create'
  | 'would-update'
  | 'failed'
  /** In LaunchDarkly under an integration the files manage, but described by no file. */
  | 'unmanaged'
  | 'would-delete'
  | 'deleted'
  /** Written to a desired-state file by an export. */
  | 'exported'

export interface Outcome {
  /** Where the configuration was asked for: a desired-state file, or the patch inputs. */
  file: string | undefined
  /** The line of the file where it starts, when known. */
  line?: number
  /** How messages name it. */
  label: string
  id: string | undefined
  name: string | undefined
  integrationKey: string | undefined
  status: Status
  plan?: ConfigurationPlan
  /** The configuration afterwards: LaunchDarkly's answer, or the expected result in a dry run. */
  configuration?: JsonObject
  error?: { message: string; reason: FailureReason }
  /** Things worth a warning that did not stop the run. */
  warnings: string[]
  /** Things worth a notice. */
  notices: string[]
  /**
   * Found in a list, described by no input (to report or delete): not what the inputs are about,
   * so not counted when the outputs ask whether the run is about exactly one configuration.
   */
  inNoFile?: true
}

export const CHANGING_STATUSES: readonly Status[] = [
  'created',
  'updated',
  'would-create',
  'would-update',
  'would-delete',
  'deleted'
]

export interface Failure {
  message: string
  reason: FailureReason
}

export interface RunFacts {
  dryRun: boolean
  failOnDrift: boolean
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** The run's failure, if any: every failed configuration, or drift when asked to fail on it. */
export function runFailure(
  outcomes: readonly Pick<Outcome, 'status' | 'error' | 'label'>[],
  facts: RunFacts
): Failure | undefined {
  const failed = outcomes.filter(o => o.status === 'failed')
  const [only] = failed
  if (only && failed.length === 1 && outcomes.length === 1) {
    return { message: only.error?.message ?? 'failed', reason: only.error?.reason ?? 'internal' }
  }
  if (failed.length > 0) {
    const [reason, ...others] = new Set(failed.map(o => o.error?.reason ?? 'internal'))
    return {
      message: `${failed.length} of ${plural(outcomes.length, 'configuration')} failed: ${failed.map(o => o.label).join(', ')}. Each is reported above; the others were applied as reported.`,
      reason: reason !== undefined && others.length === 0 ? reason : 'api-error'
    }
  }
  // Unmanaged configurations are drift only when the run would prune them (would-delete).
  const drifted = outcomes.filter(
    o => o.status === 'would-update' || o.status === 'would-create' || o.status === 'would-delete'
  )
  if (facts.dryRun && facts.failOnDrift && drifted.length > 0) {
    return {
      message: `${plural(drifted.length, 'configuration')} in LaunchDarkly differ from the repository (drift): ${drifted.map(o => o.label).join(', ')}. The changes that would bring them back are in the job summary; apply them by running without \`dry-run\`, or update the files to match.`,
      reason: 'drift'
    }
  }
  return undefined
}

/** A configuration that failed, as its outcome: the change it tried, if any, stays with it. */
export function failedOutcome(
  known: Omit<Outcome, 'status'>,
  error: unknown,
  plan?: ConfigurationPlan
): Outcome {
  const { message, reason } = toActionError(error)
  return { ...known, status: 'failed', error: { message, reason }, ...(plan ? { plan } : {}) }
}
