/**
 * Builds the JSON Schema of desired-state files from LaunchDarkly's OpenAPI spec: a configuration is
 * the spec's IntegrationConfigurationPost (with every schema it references) plus the two fields that
 * say which configuration it is (`id`, or `integrationKey` + `name`). The result is published as
 * schema/desired-state.schema.json for editors, and compiled into the action's validator.
 */

import { CONFIGURATION_ID_PATTERN, INTEGRATION_KEY_PATTERN } from '../../src/core/identifiers.js'

type SchemaObject = Record<string, unknown>

export interface OpenApiDocument {
  components: { schemas: Record<string, SchemaObject> }
}

/** OpenAPI keywords JSON Schema editors do not know, or that the spec misuses (format: "string"). */
const DROPPED_KEYWORDS = new Set(['example', 'format', 'nullable', 'readOnly', 'writeOnly'])

function convert(node: unknown, referenced: Set<string>): unknown {
  if (Array.isArray(node)) return node.map(item => convert(item, referenced))
  if (node === null || typeof node !== 'object') return node
  const out: SchemaObject = {}
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYWORDS.has(key)) continue
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/components/schemas/', '')
      referenced.add(name)
      out.$ref = `#/definitions/${name}`
    } else {
      out[key] = convert(value, referenced)
    }
  }
  // draft-07 ignores siblings of $ref; the spec puts descriptions there, which editors still show.
  return out
}

/** The named schemas of the spec and every schema they reference, as draft-07 definitions. */
export function collectDefinitions(
  spec: OpenApiDocument,
  roots: string[]
): Record<string, SchemaObject> {
  const definitions: Record<string, SchemaObject> = {}
  const pending = new Set<string>(roots)
  while (pending.size > 0) {
    const [name] = pending as Set<string> & [string]
    pending.delete(name)
    const source = spec.components.schemas[name]
    if (!source) throw new Error(`the spec has no schema ${name}`)
    const referenced = new Set<string>()
    definitions[name] = convert(source, referenced) as SchemaObject
    for (const ref of referenced) if (!(ref in definitions)) pending.add(ref)
  }
  return definitions
}

export function buildDesiredStateSchema(spec: OpenApiDocument): SchemaObject {
  const definitions = collectDefinitions(spec, ['IntegrationConfigurationPost'])
  const post = definitions.IntegrationConfigurationPost as SchemaObject
  delete definitions.IntegrationConfigurationPost
  // A typo in a capability name would otherwise be accepted and silently ignored.
  ;(definitions.CapabilityConfigPost as SchemaObject).additionalProperties = false

  const configuration = {
    type: 'object',
    description:
      'One LaunchDarkly integration configuration. Fields left out are left as they are; fields given are managed exactly.',
    additionalProperties: false,
    properties: {
      id: {
        type: 'string',
        pattern: CONFIGURATION_ID_PATTERN.source,
        description:
          "The configuration's _id (24 hexadecimal characters). Or give integrationKey and name to find it by name."
      },
      integrationKey: {
        type: 'string',
        pattern: INTEGRATION_KEY_PATTERN.source,
        description:
          'The integration (custom-approvals, servicenow-app, pagerduty-guardian-edition, ...). Needed to find a configuration by name or to create one.'
      },
      ...(post.properties as SchemaObject)
    }
  }

  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'LaunchDarkly integration configurations: desired state',
    description:
      'Generated from LaunchDarkly\'s OpenAPI spec (IntegrationConfigurationPost) by scripts/generate.ts. A file holds one configuration, or a list under "configurations".',
    if: { type: 'object', required: ['configurations'] },
    then: {
      type: 'object',
      additionalProperties: false,
      required: ['configurations'],
      properties: {
        configurations: {
          type: 'array',
          minItems: 1,
          items: { $ref: '#/definitions/configuration' }
        }
      }
    },
    else: { $ref: '#/definitions/configuration' },
    definitions: { configuration, ...definitions }
  }
}
