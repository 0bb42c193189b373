/**
 * LaunchDarkly's integration-configuration API, one method an operation of the spec: the path, the
 * route LaunchDarkly counts rate limits by, what a 404 means for it, and the schema its answer must
 * match. Sending, retries and rate limits are the Sender's.
 */
import { validateConfigurationRep } from '../../generated/validators.js'
import type { Operation } from '../../core/json-patch.js'
import type {
  IntegrationConfiguration,
  IntegrationConfigurationCollection,
  IntegrationConfigurationPost
} from '../../core/types.js'
import { ActionError } from '../../core/errors.js'
import { jsonEqual } from '../../core/json-patch.js'
import { schemaProblem } from './answers.js'
import { Sender, type Call, type SenderOptions, type SenderStats } from './sender.js'

export { AmbiguousWriteError } from './sender.js'
export type ClientOptions = SenderOptions

const API = '/api/v2/integration-configurations'
/** Far more pages than any account's configurations fill: past it, the `next` links run in a loop. */
const MAX_PAGES = 1000

export class LaunchDarklyClient {
  private readonly sender: Sender

  constructor(options: ClientOptions) {
    this.sender = new Sender(options)
  }

  get stats(): SenderStats {
    return this.sender.stats
  }

  getConfiguration(id: string): Promise<IntegrationConfiguration> {
    return this.send({
      method: 'GET',
      path: `${API}/${encodeURIComponent(id)}`,
      route: `GET ${API}/{id}`,
      what: `reading integration configuration ${id}`,
      notFound: `LaunchDarkly has no integration configuration with ID ${id} at ${this.origin}. Check \`configuration-id\`, and \`base-uri\` if the account is on the EU (https://app.eu.launchdarkly.com) or federal (https://app.launchdarkly.us) instance.`,
      ...configurationAnswer
    })
  }

  /**
   * Every configuration of an integration. The spec documents no pages for this list, but
   * LaunchDarkly's other collections page with `_links.next`: should this one ever do so, the
   * pages are followed, since acting on a part of the list would create duplicates, or export and
   * prune from half of it. A `next` that leaves this list, repeats a page, or is the
   * {@link MAX_PAGES}th, stops with an error.
   *
   * Each configuration is listed once: pages that shift while they are read (offset paging does)
   * repeat an item, and acting on it twice would delete it twice. A repeat that differs from the
   * first stops the list with an error: which of the two LaunchDarkly holds cannot be known.
   */
  async listConfigurations(integrationKey: string): Promise<IntegrationConfiguration[]> {
    const first = `${API}/keys/${encodeURIComponent(integrationKey)}`
    const byId = new Map<string, IntegrationConfiguration>()
    const seen = new Set<string>()
    let path: string | undefined = first
    while (path !== undefined) {
      if (seen.size >= MAX_PAGES) {
        throw new ActionError(
          `LaunchDarkly's list of the configurations of integration ${integrationKey} went on past ${MAX_PAGES} pages (${byId.size} configurations so far), far more than any account holds. The action does not act on a part of a list: run again, and if this persists, report it.`,
          'api-error'
        )
      }
      seen.add(path)
      // Loaded on first use: a patch-only run never lists (see scripts/lib/generated-files.ts).
      const { validateCollectionRep } = await import('../../generated/collection-validator.js')
      const collection: IntegrationConfigurationCollection = await this.send({
        method: 'GET',
        path,
        route: `GET ${API}/keys/{integrationKey}`,
        what: `listing the configurations of integration ${integrationKey}`,
        notFound: `LaunchDarkly knows no integration "${integrationKey}" at ${this.origin}, or it does not support configurations. Check the integrationKey (for example custom-approvals, servicenow-app, pagerduty-guardian-edition).`,
        parse: body => (validateCollectionRep(body) ? body : undefined),
        problem: () => schemaProblem(validateCollectionRep.errors)
      })
      for (const item of collection.items) keepOnce(byId, item, integrationKey)
      path = nextPage(collection, new URL(path, this.origin), seen, integrationKey, text =>
        this.sender.scrub(text)
      )
    }
    return [...byId.values()]
  }

  createConfiguration(
    integrationKey: string,
    body: IntegrationConfigurationPost
  ): Promise<IntegrationConfiguration> {
    return this.send({
      method: 'POST',
      path: `${API}/keys/${encodeURIComponent(integrationKey)}`,
      route: `POST ${API}/keys/{integrationKey}`,
      body,
      what: `creating a configuration of integration ${integrationKey}`,
      notFound: `LaunchDarkly knows no integration "${integrationKey}" at ${this.origin}, or it does not support configurations. Check the integrationKey.`,
      ...configurationAnswer
    })
  }

  patchConfiguration(
    id: string,
    operations: readonly Operation[]
  ): Promise<IntegrationConfiguration> {
    return this.send({
      method: 'PATCH',
      path: `${API}/${encodeURIComponent(id)}`,
      route: `PATCH ${API}/{id}`,
      body: operations,
      what: `updating integration configuration ${id}`,
      notFound: `LaunchDarkly has no integration configuration with ID ${id} at ${this.origin} (it may have been deleted since it was read).`,
      ...configurationAnswer
    })
  }

  /** Deletes a configuration; LaunchDarkly answers 204 with no body. */
  async deleteConfiguration(id: string): Promise<void> {
    await this.send({
      method: 'DELETE',
      path: `${API}/${encodeURIComponent(id)}`,
      route: `DELETE ${API}/{id}`,
      what: `deleting integration configuration ${id}`,
      notFound: `LaunchDarkly has no integration configuration with ID ${id} at ${this.origin} (it may have been deleted since it was read).`,
      parse: () => true
    })
  }

  private get origin(): string {
    return this.sender.origin
  }

  private send<T>(call: Call<T>): Promise<T> {
    return this.sender.send(call)
  }
}

const configurationAnswer = {
  parse: (body: unknown) => (validateConfigurationRep(body) ? body : undefined),
  problem: () => schemaProblem(validateConfigurationRep.errors)
}

function keepOnce(
  byId: Map<string, IntegrationConfiguration>,
  item: IntegrationConfiguration,
  integrationKey: string
): void {
  const first = byId.get(item._id)
  if (first === undefined) {
    byId.set(item._id, item)
    return
  }
  if (jsonEqual(first, item)) return
  const a: Record<string, unknown> = { ...first }
  const b: Record<string, unknown> = { ...item }
  const differing = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter(field => !jsonEqual(a[field], b[field]))
    .sort()
  throw new ActionError(
    `LaunchDarkly's list of the configurations of integration ${integrationKey} holds configuration ${item._id} twice, and the two differ (${differing.join(', ')}): it changed while the list was read, so what it holds now cannot be known. Nothing was changed: run again.`,
    'api-error'
  )
}

/**
 * The next page of a list, if its answer names one: another page of the same list only, as a path
 * and query. The link may be absolute, but only on `base-uri`'s origin: the token goes nowhere else.
 */
function nextPage(
  collection: IntegrationConfigurationCollection,
  page: URL,
  seen: ReadonlySet<string>,
  integrationKey: string,
  scrub: (text: string) => string
): string | undefined {
  const href = collection._links.next?.href
  if (href === undefined || href === '') return undefined
  const url = URL.canParse(href, page.href) ? new URL(href, page) : undefined
  const path = url && `${url.pathname}${url.search}`
  if (
    !url ||
    !path ||
    url.origin !== page.origin ||
    url.pathname !== page.pathname ||
    seen.has(path)
  ) {
    throw new ActionError(
      `LaunchDarkly's list of the configurations of integration ${integrationKey} names a next page that is not a further page of the same list (${JSON.stringify(scrub(href).slice(0, 200))}). The action does not act on a part of a list: run again, and if this persists, report it.`,
      'api-error'
    )
  }
  return path
}
