/**
 * The one way an outcome becomes something to render: secret values become (secret: changed),
 * (secret: unchanged) or (secret), in every copy, and every string left is scrubbed.
 */
import type { UndecidedSecret } from './diff.js'
import {
  formatPointer,
  parsePointer,
  type JsonObject,
  type JsonValue,
  type Operation
} from './json-patch.js'
import type { Outcome } from './outcome.js'
import { liveOf } from './configuration-plan.js'
import {
  isSecretPath,
  SECRET_BEFORE,
  SECRET_CHANGED,
  SECRET_UNCHANGED,
  SecretPlaceholder,
  type Scrubber,
  type SecretScope
} from './secrets.js'

/** A value as it may be shown: JSON, with secrets as tagged placeholders. */
export type ShownValue =
  | string
  | number
  | boolean
  | null
  | SecretPlaceholder
  | ShownValue[]
  | { [key: string]: ShownValue }

/** A changed path, its values shown (secrets tagged). */
export interface ShownChange {
  path: string
  /** Absent when the change adds the path. */
  before?: ShownValue
  /** Absent when the change removes the path. */
  after?: ShownValue
  secret: boolean
}

/** The same outcome with every secret value replaced, ready to render anywhere. */
export interface RedactedOutcome extends Omit<Outcome, 'plan' | 'configuration'> {
  changes: ShownChange[]
  /** Secrets given but not written, because their masks cannot show whether they differ. */
  undecided: UndecidedSecret[]
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
    live: liveOf(plan),
    substituted: plan?.substituted
  }
  const changed = new Set((plan?.changes ?? []).filter(c => c.secret).map(c => c.path))
  const touched = (path: string) =>
    [...changed].some(c => c === path || c.startsWith(`${path}/`) || path.startsWith(`${c}/`))
  // What was there before is only ever "(secret)"; what is there after says whether it changed.
  const before = () => SECRET_BEFORE
  const after = (path: string) => (touched(path) ? SECRET_CHANGED : SECRET_UNCHANGED)
  const redact = (
    tokens: string[],
    value: JsonValue,
    placeholder: (path: string) => SecretPlaceholder = after
  ): ShownValue => {
    if (isSecretPath(tokens, scope)) return placeholder(formatPointer(tokens))
    if (Array.isArray(value))
      return value.map((item, i) => redact([...tokens, String(i)], item, placeholder))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          redact([...tokens, key], inner, placeholder)
        ])
      )
    }
    return value
  }
  const at = (
    path: string,
    value: JsonValue,
    placeholder: (path: string) => SecretPlaceholder = after
  ) => redact(parsePointer(path) ?? [], value, placeholder)
  const redacted: RedactedOutcome = {
    ...rest,
    // A change to an object that holds a secret (deleting configValues, say) still shows its
    // other fields; only the secrets inside become placeholders.
    changes: (plan?.changes ?? []).map(change => ({
      ...change,
      ...(change.before === undefined ? {} : { before: at(change.path, change.before, before) }),
      ...(change.after === undefined ? {} : { after: at(change.path, change.after) })
    })),
    undecided: plan?.undecided ?? [],
    operations:
      plan?.action === 'update'
        ? plan.operations.map(op => redactOperation(op, (path, value) => plain(at(path, value))))
        : undefined,
    configuration: configuration && plainObject(redact([], configuration))
  }
  return scrubber.scrubDeep(redacted)
}

function redactOperation(
  operation: Operation,
  at: (path: string, value: JsonValue) => JsonValue
): Operation {
  if (!('value' in operation)) return operation
  return { ...operation, value: at(operation.path, operation.value) }
}

/**
 * A shown value as plain JSON, placeholders as their text: for what is only ever serialized (the
 * patch and the configuration in outputs), never read back as a value.
 */
function plain(value: ShownValue): JsonValue {
  if (value instanceof SecretPlaceholder) return value.text
  if (Array.isArray(value)) return value.map(plain)
  if (value !== null && typeof value === 'object') return plainObject(value)
  return value
}

function plainObject(value: ShownValue): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {}
  if (value instanceof SecretPlaceholder) return {}
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, plain(inner)]))
}
