/**
 * Narrowing for values whose type is known only at run time: parsed JSON and YAML, API answers,
 * what a `catch` receives. Each is a check the value passes, so the type it gives is true.
 */

/** A non-null object that is not an array: any object's members can be read, as unknowns. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** Whether `list` holds `value`: a check that narrows it to the list's members. */
export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return list.some(item => item === value)
}
