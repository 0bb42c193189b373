/**
 * The shapes of LaunchDarkly's identifiers, checked before they are put in a URL: an ID of `..` or
 * `a/b` would otherwise address another endpoint.
 */
import { abbreviate } from './text.js'

/** LaunchDarkly's resource IDs are 24 hexadecimal characters (a MongoDB ObjectId). */
export const CONFIGURATION_ID_PATTERN = /^[0-9a-fA-F]{24}$/

/** Integration keys are slugs: letters, digits, and - _ . between them (custom-approvals). */
export const INTEGRATION_KEY_PATTERN = /^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*$/

export const CONFIGURATION_ID_EXAMPLE = '65f0c1d2e3a4b5c6d7e8f901'

/** Why a value is not a configuration ID, or undefined when it is one. */
export function configurationIdProblem(value: string): string | undefined {
  if (CONFIGURATION_ID_PATTERN.test(value)) return undefined
  return `must be an integration configuration's _id: 24 hexadecimal characters, like ${CONFIGURATION_ID_EXAMPLE} (in the configuration's URL in LaunchDarkly, or in GET /api/v2/integration-configurations/keys/{integrationKey}), not ${JSON.stringify(abbreviate(value, 60))}`
}

export function integrationKeyProblem(value: string): string | undefined {
  if (INTEGRATION_KEY_PATTERN.test(value) && value.length <= 100) return undefined
  return `must be an integration's key, such as custom-approvals or servicenow-app (letters, digits, and - _ . between them), not ${JSON.stringify(abbreviate(value, 60))}`
}
