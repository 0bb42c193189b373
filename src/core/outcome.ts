/**
 * What happened to each configuration, and the redaction applied before anything about it is
 * rendered: secret values become (secret: changed) or (secret: unchanged), in every copy.
 */
import type { FieldChange } from './diff.js'
import type { FailureReason } from './errors.js'
import {
  formatPointer,
  parsePointer,
  type JsonObject,
  type JsonValue,
  type Operation
} from './json-patch.js'
import type { ConfigurationPlan } from './plan.js'
import {
  isSecretPath,
  SECRET_BEFORE,
  SECRET_CHANGED,
  SECRET_UNCHANGED,
  type Scrubber,
  type SecretScope
} from './secrets.js'

export type Status =
  'created' | 'updated' | 'unchanged' | 'would-create' | 'would-update' | 'failed'

export interface Outcome {
  /** Where the configuration was asked for: a desired-state file, or the patch inputs. */
  file: string | undefined
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
}

export const CHANGING_STATUSES: readonly Status[] = [
  'created',
  'updated',
  'would-create',
  'would-update'
]

/** The same outcome with every secret value replaced, ready to render anywhere. */
export interface RedactedOutcome extends Omit<Outcome, 'plan' | 'configuration'> {
  changes: FieldChange[]
  operations: Operation[] | undefined
  configuration: JsonObject | undefined
}

/**
 * The one way an outcome becomes something to render: first structurally (every value at a secret
 * path becomes a placeholder, whatever its length or spelling), then every string that is left
 * (names, messages from LaunchDarkly, values) scrubbed of known secrets as raw text. Renderers
 * escape only what comes out of here, so no escaping ever runs before the scrub.
 */
export function redactOutcome(outcome: Outcome, scrubber: Scrubber): RedactedOutcome {
  const { plan, configuration, ...rest } = outcome
  const scope: SecretScope = {
    integrationKey: outcome.integrationKey,
    live: plan?.live as SecretScope['live'],
    substituted: plan?.substituted
  }
  const changed = new Set((plan?.changes ?? []).filter(c => c.secret).map(c => c.path))
  const redact = (tokens: string[], value: JsonValue | undefined): JsonValue | undefined => {
    if (value === undefined) return undefined
    if (isSecretPath(tokens, scope)) {
      const path = formatPointer(tokens)
      return [...changed].some(
        c => c === path || c.startsWith(`${path}/`) || path.startsWith(`${c}/`)
      )
        ? SECRET_CHANGED
        : SECRET_UNCHANGED
    }
    if (Array.isArray(value))
      return value.map((item, i) => redact([...tokens, String(i)], item) as JsonValue)
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          redact([...tokens, key], inner) as JsonValue
        ])
      )
    }
    return value
  }
  const at = (path: string, value: JsonValue | undefined) => redact(parsePointer(path) ?? [], value)
  const redacted: RedactedOutcome = {
    ...rest,
    changes: (plan?.changes ?? []).map(change => ({
      ...change,
      ...(change.before === undefined
        ? {}
        : { before: change.secret ? SECRET_BEFORE : at(change.path, change.before) }),
      ...(change.after === undefined
        ? {}
        : { after: change.secret ? SECRET_CHANGED : at(change.path, change.after) })
    })),
    operations:
      plan?.action === 'update' ? plan.operations.map(op => redactOperation(op, at)) : undefined,
    configuration: configuration && (redact([], configuration) as JsonObject)
  }
  return scrubber.scrubDeep(redacted)
}

function redactOperation(
  operation: Operation,
  at: (path: string, value: JsonValue | undefined) => JsonValue | undefined
): Operation {
  if (!('value' in operation)) return operation
  return { ...operation, value: at(operation.path, operation.value) as JsonValue }
}
