/** The LaunchDarkly resources this action reads and writes, typed from the OpenAPI spec. */
import type { components } from '../generated/launchdarkly-api.js'
import type { JsonObject } from './json-patch.js'

type Schemas = components['schemas']

export type IntegrationConfiguration = Schemas['IntegrationConfigurationsRep']
export type IntegrationConfigurationPost = Schemas['IntegrationConfigurationPost']
export type IntegrationConfigurationCollection = Schemas['IntegrationConfigurationCollectionRep']
/** Every error body in the spec is {code, message}; LaunchDarkly adds an `id` for its support. */
export type LaunchDarklyErrorBody = Schemas['InvalidRequestErrorRep'] & { id?: string }

/** The fields of IntegrationConfigurationsRep that IntegrationConfigurationPost can set. */
export const WRITABLE_FIELDS = [
  'name',
  'enabled',
  'tags',
  'configValues',
  'capabilityConfig'
] as const
export type WritableField = (typeof WRITABLE_FIELDS)[number]

/** The fields LaunchDarkly sets itself; the spec marks them with a leading underscore, or computes them. */
export const READ_ONLY_FIELDS = [
  '_links',
  '_id',
  '_createdAt',
  '_integrationKey',
  '_access',
  'snowflakeSetupScript'
] as const

export function isWritableField(field: string): field is WritableField {
  return (WRITABLE_FIELDS as readonly string[]).includes(field)
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
