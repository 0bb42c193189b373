/**
 * LaunchDarkly's integration-configuration API over Node's fetch: the headers the beta endpoints
 * need, retries that never risk applying a change twice, and errors that say what to do.
 *
 * A write is re-sent by the client only where it certainly did not happen (a 429, a refused
 * connection). Anything else that leaves a write in doubt (a timeout, a dropped connection, a 5xx,
 * an unreadable answer) becomes an AmbiguousWriteError, and the caller reads the configuration again
 * to find out whether the change landed.
 */
import { validateCollectionRep, validateConfigurationRep } from '../generated/validators.js'
import { ActionError, type FailureReason } from '../core/errors.js'
import type { Operation } from '../core/json-patch.js'
import type {
  IntegrationConfiguration,
  IntegrationConfigurationCollection,
  IntegrationConfigurationPost
} from '../core/types.js'
import { Semaphore } from '../concurrency.js'
import {
  errorForStatus,
  errorId,
  networkReason,
  parseJson,
  safeOrigin,
  type RequestContext
} from './launchdarkly-errors.js'
import { RateLimiter, systemClock, type Clock } from './rate-limiter.js'

interface RetryPolicy {
  /** Attempts for a read that meets 5xx answers or network errors. */
  attempts: number
  /** Attempts for any request that meets 429 answers. */
  rateLimitAttempts: number
  /** All waiting of one request together, in milliseconds. */
  maxTotalWaitMs: number
  baseDelayMs: number
  maxDelayMs: number
}

const RETRY: RetryPolicy = {
  attempts: 5,
  rateLimitAttempts: 10,
  maxTotalWaitMs: 120_000,
  baseDelayMs: 250,
  maxDelayMs: 10_000
}

export interface ClientLog {
  debug(message: string): void
  info(message: string): void
}

export interface ClientOptions {
  baseUri: URL
  token: string
  userAgent: string
  timeoutMs: number
  /** Requests in flight at most, reads and writes together. */
  concurrency: number
  log: ClientLog
}

export interface ClientStats {
  requests: number
  rateLimited: number
  byRoute: Record<string, number>
}

/** The write may or may not have been applied: read the configuration again to know. */
export class AmbiguousWriteError extends ActionError {
  constructor(message: string, reason: 'network' | 'api-error') {
    super(message, reason)
    this.name = 'AmbiguousWriteError'
  }
}

interface Call<T> extends RequestContext {
  method: 'GET' | 'POST' | 'PATCH'
  path: string
  /** The route as LaunchDarkly counts it for rate limits. */
  route: string
  body?: unknown
  parse: (body: unknown) => T | undefined
}

const API = '/api/v2/integration-configurations'

export class LaunchDarklyClient {
  readonly stats: ClientStats = { requests: 0, rateLimited: 0, byRoute: {} }
  private readonly retry = RETRY
  private readonly clock: Clock = systemClock
  private readonly limiter: RateLimiter
  private readonly slots: Semaphore

  constructor(private readonly options: ClientOptions) {
    this.limiter = new RateLimiter(this.clock)
    this.slots = new Semaphore(options.concurrency)
  }

  getConfiguration(id: string): Promise<IntegrationConfiguration> {
    return this.send({
      method: 'GET',
      path: `${API}/${encodeURIComponent(id)}`,
      route: `GET ${API}/{id}`,
      what: `reading integration configuration ${id}`,
      notFound: `LaunchDarkly has no integration configuration with ID ${id} at ${this.origin}. Check \`configuration-id\`, and \`base-uri\` if the account is on the EU (https://app.eu.launchdarkly.com) or federal (https://app.launchdarkly.us) instance.`,
      parse: body =>
        validateConfigurationRep(body) ? (body as IntegrationConfiguration) : undefined
    })
  }

  async listConfigurations(integrationKey: string): Promise<IntegrationConfiguration[]> {
    const collection = await this.send({
      method: 'GET',
      path: `${API}/keys/${encodeURIComponent(integrationKey)}`,
      route: `GET ${API}/keys/{integrationKey}`,
      what: `listing the configurations of integration ${integrationKey}`,
      notFound: `LaunchDarkly knows no integration "${integrationKey}" at ${this.origin}, or it does not support configurations. Check the integrationKey (for example custom-approvals, servicenow-app, pagerduty-guardian-edition).`,
      parse: body =>
        validateCollectionRep(body) ? (body as IntegrationConfigurationCollection) : undefined
    })
    return collection.items
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
      parse: answer =>
        validateConfigurationRep(answer) ? (answer as IntegrationConfiguration) : undefined
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
      parse: body =>
        validateConfigurationRep(body) ? (body as IntegrationConfiguration) : undefined
    })
  }

  private get origin(): string {
    return this.options.baseUri.origin
  }

  private async send<T>(call: Call<T>): Promise<T> {
    const write = call.method !== 'GET'
    let attempt = 0
    let rateLimitedAttempts = 0
    let waited = 0
    const pause = async (ms: number, why: string, reason: FailureReason): Promise<void> => {
      const delay = Math.max(0, Math.round(ms))
      if (waited + delay > this.retry.maxTotalWaitMs) {
        throw new ActionError(
          `Gave up ${call.what} after ${attempt} attempts and ${(waited / 1000).toFixed(1)} s of waiting: ${why}.`,
          reason
        )
      }
      this.options.log.info(
        `${why}; trying again in ${(delay / 1000).toFixed(1)} s (${call.what}).`
      )
      waited += delay
      await this.clock.sleep(delay)
    }

    for (;;) {
      attempt += 1
      const answer = await this.attempt(call)
      if ('failure' in answer) {
        const reason = answer.failure
        // A refused connection never reached LaunchDarkly: safe to send again, even a write.
        if (write && !reason.includes('ECONNREFUSED')) {
          throw new AmbiguousWriteError(`${reason} while ${call.what}`, 'network')
        }
        if (attempt >= this.retry.attempts) {
          throw new ActionError(
            `Could not reach LaunchDarkly at ${this.origin} while ${call.what}, after ${attempt} attempts: ${reason}. Check \`base-uri\` and the runner's network (proxy, firewall).`,
            'network'
          )
        }
        await pause(
          this.backoff(attempt),
          `LaunchDarkly could not be reached (${reason})`,
          'network'
        )
        continue
      }
      const { response, text } = answer
      if (response.status === 429) {
        this.stats.rateLimited += 1
        rateLimitedAttempts += 1
        const delay = this.rateLimitDelay(response.headers, rateLimitedAttempts)
        this.limiter.blockUntil(call.route, this.clock.now() + delay)
        if (rateLimitedAttempts >= this.retry.rateLimitAttempts) {
          throw new ActionError(
            `LaunchDarkly kept answering 429 (rate limited) while ${call.what}, ${rateLimitedAttempts} times in a row. Nothing more was sent. Run again later, or lower \`concurrency\`; other jobs using the same account share its limit.`,
            'rate-limited'
          )
        }
        await pause(delay, 'LaunchDarkly rate limit reached (429)', 'rate-limited')
        continue
      }
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location') ?? 'nowhere'
        throw new ActionError(
          `LaunchDarkly answered ${response.status} redirecting to ${safeOrigin(location)} while ${call.what}. Redirects are not followed, so the token is only ever sent to \`base-uri\`: check it (https://app.launchdarkly.com, https://app.eu.launchdarkly.com or https://app.launchdarkly.us).`,
          'api-error'
        )
      }
      if (response.status >= 500) {
        const problem = `LaunchDarkly answered ${response.status} while ${call.what}`
        if (write) throw new AmbiguousWriteError(problem, 'api-error')
        if (attempt >= this.retry.attempts) {
          throw new ActionError(
            `${problem}, ${attempt} times. It may be having an outage (https://status.launchdarkly.com): run again later.${errorId(text)}`,
            'api-error'
          )
        }
        await pause(this.backoff(attempt), problem, 'api-error')
        continue
      }
      if (!response.ok) throw errorForStatus(response.status, text, call)

      const parsed = call.parse(parseJson(text))
      if (parsed !== undefined) return parsed
      const problem = `LaunchDarkly answered ${response.status} to ${call.what} with a body that is not ${
        parseJson(text) === undefined
          ? 'JSON'
          : 'an integration configuration as the spec describes it'
      }`
      if (write) throw new AmbiguousWriteError(problem, 'api-error')
      if (attempt >= this.retry.attempts) {
        throw new ActionError(
          `${problem}, ${attempt} times. Check \`base-uri\`: it must be LaunchDarkly's API, not a proxy or a web page.`,
          'api-error'
        )
      }
      await pause(this.backoff(attempt), problem, 'api-error')
    }
  }

  /**
   * One request, within the run's concurrency and the rate limit: its answer read whole, or why
   * there is none. A slot is held only while a request is in flight, never while waiting to retry.
   */
  private attempt(
    call: Call<unknown>
  ): Promise<{ response: Response; text: string } | { failure: string }> {
    return this.slots.run(async () => {
      await this.limiter.acquire(call.route)
      this.stats.requests += 1
      this.stats.byRoute[call.route] = (this.stats.byRoute[call.route] ?? 0) + 1
      const started = this.clock.now()
      try {
        const response = await fetch(new URL(call.path, this.options.baseUri), {
          method: call.method,
          headers: this.headers(call.body !== undefined),
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs)
        })
        const text = await response.text()
        this.limiter.complete(call.route, response.headers)
        this.options.log.debug(
          `${call.method} ${call.path} → ${response.status} in ${this.clock.now() - started} ms`
        )
        return { response, text }
      } catch (error) {
        this.limiter.complete(call.route)
        const failure = networkReason(error, this.options.timeoutMs)
        this.options.log.debug(`${call.method} ${call.path} failed: ${failure}`)
        return { failure }
      }
    })
  }

  private headers(hasBody: boolean): Record<string, string> {
    return {
      Authorization: this.options.token,
      'LD-API-Version': 'beta',
      Accept: 'application/json',
      'User-Agent': this.options.userAgent,
      ...(hasBody ? { 'Content-Type': 'application/json' } : {})
    }
  }

  /** Full jitter on an exponential backoff: 250 ms, 500 ms, 1 s ... capped. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1))
    return ceiling / 2 + (Math.random() * ceiling) / 2
  }

  private rateLimitDelay(headers: Headers, attempt: number): number {
    const jitter = Math.random() * 250
    const retryAfter = Number(headers.get('retry-after'))
    if (headers.get('retry-after') !== null && Number.isFinite(retryAfter) && retryAfter >= 0) {
      return Math.min(retryAfter * 1000, 60_000) + jitter
    }
    const reset = Number(headers.get('x-ratelimit-reset'))
    const untilReset = reset - this.clock.now()
    if (Number.isFinite(reset) && untilReset > 0) return Math.min(untilReset, 60_000) + jitter
    // No usable header (or a reset in the past): back off as if it were an error.
    return this.backoff(attempt) + jitter
  }
}
