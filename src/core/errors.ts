/**
 * Failures as data: each carries the reason published in the `failure-reason` output, so a workflow
 * can branch on why a run failed without parsing messages.
 */
export type FailureReason =
  | 'invalid-input'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'api-error'
  | 'network'
  | 'drift'
  | 'plan-changed'
  | 'no-approved-plan'
  /** The plan would disable, delete or (protect-secrets) change a secret of a protected one. */
  | 'protected'
  /** The plan changes more configurations than `max-changes` allows. */
  | 'too-many-changes'
  | 'internal'

export class ActionError extends Error {
  constructor(
    message: string,
    readonly reason: FailureReason
  ) {
    super(message)
    this.name = 'ActionError'
  }
}

/** Where in an input a problem lies: a file, a line, a configuration, a field. */
export interface InputLocation {
  file?: string
  /** 1-based, for the annotation that points at the line. */
  line?: number
  configuration?: string
  field?: string
  /**
   * The fix is in the workflow (a variable its step does not set), not at this line: no
   * annotation marks the line as wrong.
   */
  workflow?: boolean
}

/** Bad input: names the input (and the file and field where there is one) and says how to fix it. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    message: string,
    readonly location: InputLocation = {}
  ) {
    super(`Input \`${input}\`${describeLocation(location)}: ${message}`, 'invalid-input')
    this.name = 'InputError'
  }

  /** The lines of the file around `location.line`, numbered and marked, when the file is known. */
  excerpt?: string
}

function describeLocation(location: InputLocation): string {
  const parts = [
    location.file && (location.line ? `${location.file}, line ${location.line}` : location.file),
    location.configuration && `configuration ${location.configuration}`,
    location.field && `field ${location.field}`
  ].filter(Boolean)
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Any error as an ActionError: an unexpected one is `internal`, a bug of the action's. */
export function toActionError(error: unknown): ActionError {
  if (error instanceof ActionError) return error
  return new ActionError(describeError(error), 'internal')
}
