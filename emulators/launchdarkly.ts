/**
 * An emulator of LaunchDarkly's integration-configuration API (beta), as the OpenAPI spec in
 * spec/launchdarkly-openapi describes it: the five operations, token auth, the LD-API-Version
 * header, JSON Patch with real semantics, secret values masked on the way out, per-route rate limits
 * in 10-second windows. Every request body it accepts and every answer it gives is checked against
 * the spec's schemas, so the emulator cannot drift from the contract.
 */
import { randomBytes } from 'node:crypto'
import type { ErrorObject } from 'ajv'
import * as validators from './generated/validators.js'
import type { EmulatorValidator } from './generated/validators.js'
import {
  applyPatch,
  PatchError,
  pointerTokens,
  type JsonValue,
  type PatchOperation
} from './json-patch.js'

type JsonObject = { [key: string]: JsonValue }
import { loadManifestSecrets } from '../scripts/lib/manifests.js'
import { Emulator, type EmulatorRequest, type EmulatorResponse } from './http.js'

export const WRITER_TOKEN = 'api-00000000-emulator-writer'
export const READER_TOKEN = 'api-00000000-emulator-reader'

const BASE = '/api/v2/integration-configurations'
export const ROUTES = {
  list: `${BASE}/keys/{integrationKey}`,
  item: `${BASE}/{id}`
} as const

export interface StoredConfiguration {
  _id: string
  _integrationKey: string
  _createdAt: number
  name: string
  enabled: boolean
  tags: string[]
  configValues: JsonObject
  capabilityConfig?: JsonObject
  _maintainerId: string
}

export type SeedConfiguration = Partial<StoredConfiguration> &
  Pick<StoredConfiguration, 'name'> & { integrationKey: string }

export interface LaunchDarklyEmulatorOptions {
  /** Token → role; a reader may read but every write answers 403. */
  tokens?: Record<string, 'writer' | 'reader'>
  /** Requests allowed per route (method + path pattern) in each window. */
  rateLimit?: { limit: number; windowMs?: number }
  /** The status a failed `test` operation gets; LaunchDarkly's is not documented (400 or 409). */
  testFailureStatus?: 400 | 409
  /** The emulator's time, for rate-limit windows and timestamps: a test's fake clock, say. */
  now?: () => number
  /**
   * How secrets are shown. LaunchDarkly's mask for this resource is not documented: sibling
   * resources show the first and last three characters around 8 asterisks (`sup********123`);
   * access tokens show the last four. `hidden` shows nothing at all. Default: 3, 3 and 8.
   */
  masks?: MaskStyle
  /**
   * List items without configValues and capabilityConfig, as the lists of sibling resources are
   * documented to be (the configuration's details only when it is read by ID). The same as
   * `listItems: 'summaries'`.
   */
  listSummaries?: boolean
  /**
   * What a list item carries: everything a read by ID gives (`full`, the default), all but
   * configValues and capabilityConfig (`summaries`), or only what the spec requires of an
   * IntegrationConfigurationsRep: `_links`, `_id` and `name` (`required-only`).
   */
  listItems?: 'full' | 'summaries' | 'required-only'
  /**
   * Lists in pages of this many, with `_links.next` (`?offset=`), as LaunchDarkly's other
   * collections page; this one's pages are not documented. `nextHref` replaces the next link,
   * for a hostile or broken one; as a function, it is given the link it replaces. `repeat`
   * begins every page after the first with the last item of the page before, as offset paging
   * does when a configuration is added while the list is read: `same` as it was, or `changed`
   * (its tags changed in between).
   */
  listPages?: {
    size: number
    nextHref?: string | ((next: string) => string)
    repeat?: 'same' | 'changed'
  }
  /**
   * Answers encoded as Go's encoding/json encodes them (LaunchDarkly is written in Go): `&`, `<`,
   * `>`, U+2028 and U+2029 as `\u0026`, `\u003c`, `\u003e`, `\u2028`, `\u2029`.
   */
  goJson?: boolean
  /**
   * Error messages of refused requests (400) quote the request's body, as validation errors of
   * many services do: what a secret echoed back in an error looks like.
   */
  errorsEchoRequest?: boolean
}

/** JSON as Go's encoding/json writes it: HTML-safe, so `&<>` and the line separators escaped. */
export function goJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[&<>\u2028\u2029]/g,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

export type MaskStyle = { start: number; end: number; asterisks: number } | 'hidden'

export const MASK_STYLES: Readonly<Record<string, MaskStyle>> = {
  'first and last three': { start: 3, end: 3, asterisks: 8 },
  'last four, as access tokens': { start: 0, end: 4, asterisks: 12 },
  'nothing shown': 'hidden'
}

/** The spec's schemas, compiled by `npm run generate` (emulators/generated/validators.js). */
function schema(name: string): EmulatorValidator {
  const validate = (validators as Record<string, EmulatorValidator | undefined>)[name]
  if (!validate) throw new Error(`the spec has no schema ${name}`)
  return validate
}

/** Ajv's errorsText: each error as `data<path> <message>`, joined by commas. */
const errorsText = (errors: ErrorObject[] | null | undefined): string =>
  errors?.map(e => `data${e.instancePath} ${e.message ?? ''}`).join(', ') ?? 'No errors'

const WRITABLE = new Set(['name', 'enabled', 'tags', 'configValues', 'capabilityConfig'])

const error = (status: number, code: string, message: string): EmulatorResponse => ({
  status,
  body: { code, message, id: randomBytes(8).toString('hex') }
})

/**
 * A secret as the emulator shows it: some of its ends around a run of asterisks that says nothing
 * of its length. A value too short to keep anything hidden between its ends shows nothing.
 */
export function maskSecret(
  value: JsonValue,
  style: MaskStyle = MASK_STYLES['first and last three']!
): string {
  if (style === 'hidden') return '********'
  if (typeof value !== 'string' || value.length <= style.start + style.end + 2) return '********'
  const end = style.end === 0 ? '' : value.slice(-style.end)
  return `${value.slice(0, style.start)}${'*'.repeat(style.asterisks)}${end}`
}

export class LaunchDarklyEmulator extends Emulator {
  /** PATCH requests whose operations were applied to the store. */
  appliedPatches = 0
  private readonly store = new Map<string, StoredConfiguration>()
  private readonly secrets = loadManifestSecrets()
  private readonly windows = new Map<string, { start: number; count: number }>()
  private readonly tokens: Record<string, 'writer' | 'reader'>

  private constructor(private readonly options: LaunchDarklyEmulatorOptions) {
    super()
    this.tokens = options.tokens ?? { [WRITER_TOKEN]: 'writer', [READER_TOKEN]: 'reader' }
    if (options.now) this.server.now = options.now
    const s = this.server
    s.route('GET', ROUTES.list, r => this.guard(r, ROUTES.list, () => this.list(r)))
    s.route('POST', ROUTES.list, r => this.guard(r, ROUTES.list, () => this.create(r)))
    s.route('GET', ROUTES.item, r => this.guard(r, ROUTES.item, () => this.read(r)))
    s.route('PATCH', ROUTES.item, r => this.guard(r, ROUTES.item, () => this.patch(r)))
    s.route('DELETE', ROUTES.item, r => this.guard(r, ROUTES.item, () => this.remove(r)))
  }

  static async start(options: LaunchDarklyEmulatorOptions = {}): Promise<LaunchDarklyEmulator> {
    const emulator = new LaunchDarklyEmulator(options)
    await emulator.server.listen()
    return emulator
  }

  seed(...configurations: SeedConfiguration[]): StoredConfiguration[] {
    return configurations.map(({ integrationKey, ...fields }) => {
      const stored = this.newConfiguration(integrationKey, fields)
      Object.assign(stored, fields)
      this.store.set(stored._id, stored)
      return structuredClone(stored)
    })
  }

  /** The stored configuration, secrets unmasked (what LaunchDarkly holds, not what it shows). */
  get(id: string): StoredConfiguration | undefined {
    const stored = this.store.get(id)
    return stored && structuredClone(stored)
  }

  all(): StoredConfiguration[] {
    return [...this.store.values()].map(c => structuredClone(c))
  }

  /** An edit by someone else, straight into the store. */
  edit(id: string, change: (configuration: StoredConfiguration) => void): void {
    const stored = this.store.get(id)
    if (!stored) throw new Error(`no configuration ${id}`)
    change(stored)
  }

  /** What the API answers for this configuration: secrets masked, links added. */
  represent(stored: StoredConfiguration): JsonObject {
    const secretKeys = this.secrets[stored._integrationKey] ?? []
    const configValues: JsonObject = {}
    for (const [key, value] of Object.entries(stored.configValues)) {
      configValues[key] = secretKeys.includes(key) ? maskSecret(value, this.options.masks) : value
    }
    const href = `${BASE}/${stored._id}`
    return {
      ...structuredClone(stored),
      configValues,
      _links: {
        self: { href, type: 'application/json' },
        parent: { href: `${BASE}/keys/${stored._integrationKey}`, type: 'application/json' }
      },
      _access: { denied: [], allowed: [] }
    }
  }

  private newConfiguration(
    integrationKey: string,
    fields: Partial<StoredConfiguration>
  ): StoredConfiguration {
    const configuration: StoredConfiguration = {
      _id: fields._id ?? newConfigurationId(),
      _integrationKey: integrationKey,
      _createdAt: this.server.now(),
      name: fields.name ?? '',
      enabled: fields.enabled ?? true,
      tags: fields.tags ?? [],
      configValues: fields.configValues ?? {},
      _maintainerId: fields._maintainerId ?? '5f0c1d2e3a4b5c6d7e8f9012'
    }
    if (fields.capabilityConfig) configuration.capabilityConfig = fields.capabilityConfig
    // snowflakeSetupScript and the Redshift scripts come only from setup endpoints (v23 of
    // LaunchDarkly's client), which the action never calls: no read here returns them.
    return configuration
  }

  /** Auth, the beta header and the rate limit, in the order LaunchDarkly applies them. */
  private async guard(
    request: EmulatorRequest,
    pattern: string,
    handle: () => EmulatorResponse
  ): Promise<EmulatorResponse> {
    const limit = this.rateLimit(`${request.method} ${pattern}`)
    const answer = (response: EmulatorResponse): EmulatorResponse => {
      let body = response.body
      if (this.options.errorsEchoRequest && response.status === 400 && request.rawBody !== '') {
        const echoed = body as { message: string }
        body = { ...echoed, message: `${echoed.message}; request: ${goJson(request.body)}` }
      }
      return {
        ...response,
        body,
        ...(this.options.goJson && body !== undefined ? { rawBody: goJson(body) } : {}),
        headers: {
          ...limit.headers,
          ...(this.options.goJson && body !== undefined
            ? { 'Content-Type': 'application/json; charset=utf-8' }
            : {}),
          ...response.headers
        }
      }
    }
    const role = this.tokens[String(request.headers.authorization ?? '')]
    if (!role) return answer(error(401, 'unauthorized', 'Invalid access token'))
    const versions = request.rawHeaders.filter(
      (_v, i) => i % 2 === 0 && request.rawHeaders[i]?.toLowerCase() === 'ld-api-version'
    )
    if (versions.length > 1 || String(request.headers['ld-api-version']).includes(',')) {
      return answer(error(400, 'invalid_request', 'LD-API-Version may be sent only once'))
    }
    if (request.headers['ld-api-version'] !== 'beta') {
      return answer(
        error(403, 'forbidden', 'This is a beta resource: pass the header LD-API-Version: beta')
      )
    }
    if (limit.exceeded) {
      return answer(
        error(429, 'rate_limited', "You've exceeded the API rate limit. Try again later.")
      )
    }
    if (request.method !== 'GET' && role !== 'writer') {
      return answer(
        error(403, 'forbidden', 'Forbidden. Access to the requested resource was denied.')
      )
    }
    return answer(handle())
  }

  private rateLimit(route: string): { exceeded: boolean; headers: Record<string, string> } {
    const config = this.options.rateLimit
    if (!config) return { exceeded: false, headers: {} }
    const windowMs = config.windowMs ?? 10_000
    const now = this.server.now()
    let window = this.windows.get(route)
    if (!window || now >= window.start + windowMs) {
      window = { start: now, count: 0 }
      this.windows.set(route, window)
    }
    window.count += 1
    const remaining = Math.max(0, config.limit - window.count)
    return {
      exceeded: window.count > config.limit,
      headers: {
        'X-Ratelimit-Route-Remaining': String(remaining),
        'X-Ratelimit-Reset': String(window.start + windowMs)
      }
    }
  }

  private ok(status: number, body: JsonObject, schemaName: string): EmulatorResponse {
    const validate = schema(schemaName)
    if (!validate(body)) {
      throw new Error(`answer fails ${schemaName}: ${errorsText(validate.errors)}`)
    }
    return { status, body }
  }

  private list(request: EmulatorRequest): EmulatorResponse {
    const key = request.params.integrationKey ?? ''
    if (!(key in this.secrets)) return error(404, 'not_found', 'Integration key not found')
    const shape = this.options.listItems ?? (this.options.listSummaries ? 'summaries' : 'full')
    const items = [...this.store.values()]
      .filter(c => c._integrationKey === key)
      .map(c => this.represent(c))
      .map((item): JsonObject => {
        if (shape === 'required-only') {
          const { _links, _id, name } = item as { _links: JsonValue; _id: string; name: string }
          return { _links, _id, name }
        }
        if (shape === 'full') return item
        const { configValues: _values, capabilityConfig: _capabilities, ...summary } = item
        return summary
      })
    const href = `${BASE}/keys/${key}`
    const pages = this.options.listPages
    if (!pages) {
      return this.ok(
        200,
        { items, _links: { self: { href, type: 'application/json' } } },
        'IntegrationConfigurationCollectionRep'
      )
    }
    const offset = Number(request.query.get('offset') ?? 0)
    const page = items.slice(offset, offset + pages.size)
    const before = offset > 0 ? items[offset - 1] : undefined
    if (pages.repeat && before) {
      const tags = [...((before.tags as string[] | undefined) ?? []), 'changed-between-pages']
      page.unshift(pages.repeat === 'same' ? before : { ...before, tags })
    }
    const more = offset + pages.size < items.length
    const links: Record<string, { href: string; type: string }> = {
      self: { href: offset ? `${href}?offset=${offset}` : href, type: 'application/json' }
    }
    if (more) {
      const next = `${href}?offset=${offset + pages.size}`
      links.next = {
        href:
          typeof pages.nextHref === 'function' ? pages.nextHref(next) : (pages.nextHref ?? next),
        type: 'application/json'
      }
    }
    return this.ok(200, { items: page, _links: links }, 'IntegrationConfigurationCollectionRep')
  }

  private create(request: EmulatorRequest): EmulatorResponse {
    const key = request.params.integrationKey ?? ''
    if (!(key in this.secrets)) return error(404, 'not_found', 'Integration key not found')
    const validate = schema('IntegrationConfigurationPost')
    if (!validate(request.body)) {
      return error(400, 'invalid_request', `Invalid request body: ${errorsText(validate.errors)}`)
    }
    const stored = this.newConfiguration(key, request.body as Partial<StoredConfiguration>)
    this.store.set(stored._id, stored)
    return this.ok(201, this.represent(stored), 'IntegrationConfigurationsRep')
  }

  private read(request: EmulatorRequest): EmulatorResponse {
    const stored = this.store.get(request.params.id ?? '')
    if (!stored) return error(404, 'not_found', 'Invalid resource identifier')
    return this.ok(200, this.represent(stored), 'IntegrationConfigurationsRep')
  }

  private remove(request: EmulatorRequest): EmulatorResponse {
    const id = request.params.id ?? ''
    if (!this.store.delete(id)) return error(404, 'not_found', 'Invalid resource identifier')
    return { status: 204 }
  }

  private patch(request: EmulatorRequest): EmulatorResponse {
    const stored = this.store.get(request.params.id ?? '')
    if (!stored) return error(404, 'not_found', 'Invalid resource identifier')
    const validate = schema('JSONPatch')
    if (!validate(request.body)) {
      return error(400, 'invalid_request', `Invalid JSON patch: ${errorsText(validate.errors)}`)
    }
    const operations = request.body as PatchOperation[]
    for (const [index, operation] of operations.entries()) {
      if (operation.op === 'test') continue
      for (const pointer of [operation.path, 'from' in operation ? operation.from : undefined]) {
        const field = pointer === undefined ? undefined : pointerTokens(pointer)?.[0]
        if (pointer !== undefined && (field === undefined || !WRITABLE.has(field))) {
          return error(400, 'invalid_request', `${pointer} is not a writable field (op ${index})`)
        }
      }
    }
    let updated: StoredConfiguration
    try {
      updated = applyPatch(stored, operations)
    } catch (failure) {
      if (failure instanceof PatchError && failure.kind === 'test-failed') {
        const status = this.options.testFailureStatus ?? 400
        const code = status === 409 ? 'optimistic_locking_error' : 'invalid_request'
        return error(status, code, `Test operation ${failure.index} failed`)
      }
      const message = failure instanceof Error ? failure.message : String(failure)
      return error(400, 'invalid_request', `Invalid JSON patch: ${message}`)
    }
    const represented = this.represent(updated)
    const validateResult = schema('IntegrationConfigurationsRep')
    if (!validateResult(represented) || typeof updated.enabled !== 'boolean') {
      return error(
        400,
        'invalid_request',
        `Invalid configuration: ${errorsText(validateResult.errors)}`
      )
    }
    this.store.set(updated._id, updated)
    this.appliedPatches += 1
    return this.ok(200, represented, 'IntegrationConfigurationsRep')
  }
}

/**
 * A new configuration ID: 24 hex digits, as LaunchDarkly's, with at least one of a–d or f. An ID of
 * digits only (or digits around one e) is a number to YAML, so the tests, which write IDs unquoted
 * as users do, would fail about once in twenty runs of a thousand configurations; what the action
 * says of such an ID is tested on its own (the bad-input corpus).
 */
function newConfigurationId(): string {
  for (;;) {
    const id = randomBytes(12).toString('hex')
    if (/[a-df]/.test(id)) return id
  }
}
