/** The LaunchDarkly resources this action reads and writes, typed from the OpenAPI spec. */
import type { components } from '../generated/launchdarkly-api.js'
import { WRITABLE_FIELDS } from '../generated/fields.js'
import type { JsonObject } from './json-patch.js'
import { isOneOf } from './narrow.js'

type Schemas = components['schemas']

export type IntegrationConfiguration = Schemas['IntegrationConfigurationsRep']
export type IntegrationConfigurationPost = Schemas['IntegrationConfigurationPost']
export type IntegrationConfigurationCollection = Schemas['IntegrationConfigurationCollectionRep']
/** Every error body in the spec is {code, message}; LaunchDarkly adds an `id` for its support. */
export type LaunchDarklyErrorBody = Schemas['InvalidRequestErrorRep'] & { id?: string }

export { READ_ONLY_FIELDS, WRITABLE_FIELDS } from '../generated/fields.js'
export type WritableField = (typeof WRITABLE_FIELDS)[number]

export function isWritableField(field: string): field is WritableField {
  return isOneOf(WRITABLE_FIELDS, field)
}

/**
 * A resource of the API as a plain JSON object, for the code that walks and patches it. The spec's
 * types are JSON by construction (they are parsed from JSON, or written by a file), so this is the
 * one place where the two views meet.
 */
export function toJsonObject(
  configuration: IntegrationConfiguration | Partial<IntegrationConfigurationPost>
): JsonObject {
  return configuration as JsonObject
}
