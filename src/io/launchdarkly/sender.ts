/**
 * Sends one call to LaunchDarkly, within the run's concurrency and LaunchDarkly's rate limits, and
 * retries what may be retried: reads on 5xx answers, network errors and unreadable answers; any
 * request on a 429; a write only where it certainly did not happen (a 429, a refused connection).
 * Anything else that leaves a write in doubt (a timeout, a dropped connection, a 5xx, an unreadable
 * answer) is an AmbiguousWriteError, and the caller reads the configuration again to find out
 * whether the change landed. Every wait of one call is drawn from one budget.
 */
import { ActionError, type FailureReason } from '../../core/errors.js'
import type { Log } from '../../core/log.js'
import {
  errorForStatus,
  errorId,
  networkReason,
  parseJson,
  safeOrigin,
  type RequestContext
} from './errors.js'
import { RateLimiter, systemClock, type Clock } from './rate-limiter.js'
import {
  backoff,
  DEFAULT_RETRY_POLICY,
  overBudget,
  rateLimitWait,
  WaitBudget,
  type RequestedWait,
  type RetryPolicy
} from './retry-policy.js'
import { Semaphore } from './semaphore.js'

export interface SenderOptions {
  baseUri: URL
  token: string
  userAgent: string
  timeoutMs: number
  /** Requests in flight at most, reads and writes together. */
  concurrency: number
  log: Log
  clock?: Clock
  retry?: RetryPolicy
  /**
   * Removes known secrets from a text that came from outside (an error message): applied to the
   * whole text before anything cuts it, so that a secret is never cut in half and half shown.
   */
  scrub?: (text: string) => string
}

/** No answer of this API comes near it; a bigger one is a proxy's page or a fault, not data. */
export const MAX_ANSWER_BYTES = 16 * 1024 * 1024

export interface SenderStats {
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

export interface Call<T> extends RequestContext {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE'
  path: string
  /** The route as LaunchDarkly counts it for rate limits. */
  route: string
  body?: unknown
  parse: (body: unknown) => T | undefined
  /** Why the answer did not parse, naming the field: "has no field `_id` (at /items/3)…". */
  problem?: () => string
}

export class Sender {
  readonly stats: SenderStats = { requests: 0, rateLimited: 0, byRoute: {} }
  private readonly retry: RetryPolicy
  private readonly clock: Clock
  private readonly limiter: RateLimiter
  private readonly slots: Semaphore
  /** Set when LaunchDarkly's rate limit outlasted a request's wait budget: nothing more is sent. */
  private halted: ActionError | undefined

  constructor(private readonly options: SenderOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY
    this.clock = options.clock ?? systemClock
    this.limiter = new RateLimiter(this.clock, () => this.retry.random() * 100)
    this.slots = new Semaphore(options.concurrency)
  }

  get origin(): string {
    return this.options.baseUri.origin
  }

  /** A text from outside, with every secret known so far removed: before it is cut or shown. */
  scrub(text: string): string {
    return this.options.scrub ? this.options.scrub(text) : text
  }

  /**
   * Called where a call gives up on the rate limit, before it throws: halting there, in the same
   * turn as the decision, and not once the error has travelled up, is what lets the call that was
   * handed the slot meanwhile see it before it sends.
   */
  private giveUp(error: ActionError): ActionError {
    if (error.reason === 'rate-limited') this.halted ??= error
    return error
  }

  /**
   * Checked before a call starts, and again wherever it may have waited (for a slot, a window, a
   * retry): a call that started before another gave up must not send once it has.
   */
  private stopIfHalted(call: Call<unknown>): void {
    if (!this.halted) return
    throw new ActionError(
      `Not ${call.what}: an earlier request already gave up on LaunchDarkly's rate limit, so nothing more is sent. ${this.halted.message}`,
      'rate-limited'
    )
  }

  async send<T>(call: Call<T>): Promise<T> {
    this.stopIfHalted(call)
    const write = call.method !== 'GET'
    const budget = new WaitBudget(this.clock, this.retry.maxTotalWaitMs)
    let attempt = 0
    let rateLimitedAttempts = 0
    const pause = async (
      wait: RequestedWait,
      why: string,
      reason: FailureReason,
      pacing = false
    ) => {
      if (!budget.allows(wait.ms)) {
        throw this.giveUp(overBudget(budget, wait, this.clock.now(), call.what, why, reason))
      }
      const seconds = (wait.ms / 1000).toFixed(1)
      // Pacing ahead of the limit is routine; a retry is worth a line in the log.
      if (pacing) this.options.log.debug(`${why}; waiting ${seconds} s (${call.what}).`)
      else this.options.log.info(`${why}; trying again in ${seconds} s (${call.what}).`)
      await budget.spend(wait.ms)
      this.stopIfHalted(call)
    }
    const backoffWait = (): RequestedWait => ({
      ms: backoff(this.retry, attempt),
      source: 'backoff'
    })

    for (;;) {
      attempt += 1
      const answer = await this.attempt(call, ms =>
        pause(
          { ms, source: 'X-Ratelimit-Reset' },
          "LaunchDarkly's rate limit for this 10-second window is used up",
          'rate-limited',
          true
        )
      )
      if ('tooLarge' in answer) {
        const problem = `LaunchDarkly's answer to ${call.what} was larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB, far more than any answer of this API`
        if (write) throw new AmbiguousWriteError(problem, 'api-error')
        throw new ActionError(
          `${problem}. Nothing was read from it. Check \`base-uri\`: it must be LaunchDarkly's API, not a proxy or a web page.`,
          'api-error'
        )
      }
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
        await pause(backoffWait(), `LaunchDarkly could not be reached (${reason})`, 'network')
        continue
      }
      const { response, text } = answer
      const body = parseJson(text)
      if (response.status === 429) {
        this.stats.rateLimited += 1
        rateLimitedAttempts += 1
        const wait = rateLimitWait(
          this.retry,
          response.headers,
          this.clock.now(),
          rateLimitedAttempts
        )
        if (rateLimitedAttempts >= this.retry.rateLimitAttempts) {
          throw this.giveUp(
            new ActionError(
              `LaunchDarkly kept answering 429 (rate limited) while ${call.what}, ${rateLimitedAttempts} times in a row. Nothing more was sent. Run again later, or lower \`concurrency\`; other jobs using the same account share its limit.`,
              'rate-limited'
            )
          )
        }
        // Checked before holding the route, so that a refused wait does not hold it either.
        if (budget.allows(wait.ms)) this.limiter.blockUntil(call.route, this.clock.now() + wait.ms)
        await pause(wait, 'LaunchDarkly rate limit reached (429)', 'rate-limited')
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
            `${problem}, ${attempt} times. It may be having an outage (https://status.launchdarkly.com): run again later.${errorId(body, text => this.scrub(text))}`,
            'api-error'
          )
        }
        await pause(backoffWait(), problem, 'api-error')
        continue
      }
      if (!response.ok) throw errorForStatus(response.status, body, call, text => this.scrub(text))

      const parsed = call.parse(body)
      if (parsed !== undefined) return parsed
      // The endpoint, as the spec names it, and the field: what LaunchDarkly's support needs.
      const problem =
        body === undefined
          ? `LaunchDarkly answered ${response.status} to ${call.what} (${call.route}) with a body that is not JSON`
          : `LaunchDarkly's answer to ${call.route} (${call.what}) ${call.problem?.() ?? 'is not an integration configuration as the spec describes it'}`
      if (write) throw new AmbiguousWriteError(problem, 'api-error')
      if (attempt >= this.retry.attempts) {
        throw new ActionError(
          `${problem}, ${attempt} times. Check \`base-uri\`: it must be LaunchDarkly's API, not a proxy or a web page.`,
          'api-error'
        )
      }
      await pause(backoffWait(), problem, 'api-error')
    }
  }

  /**
   * One request, within the run's concurrency and the rate limit: its answer read whole, or why
   * there is none. The slot is taken before the rate limiter is asked, and held while it paces the
   * request: asked any earlier, the limiter would let a request through a window that a 429 closed
   * while it queued for a slot. A wait to retry (backoff, Retry-After) holds no slot.
   */
  private attempt(
    call: Call<unknown>,
    wait: (ms: number) => Promise<void>
  ): Promise<{ response: Response; text: string } | { failure: string } | { tooLarge: true }> {
    return this.slots.run(async () => {
      this.stopIfHalted(call)
      await this.limiter.acquire(call.route, wait)
      // Again: the slot is handed on before its last holder has judged its answer, so a give-up
      // on that answer comes only after the check above.
      if (this.halted) {
        this.limiter.complete(call.route)
        this.stopIfHalted(call)
      }
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
        const text = await readText(response, MAX_ANSWER_BYTES)
        this.limiter.complete(call.route, response.headers)
        if (text === undefined) return { tooLarge: true }
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
}

/** The answer's text, or undefined when it is larger than `maxBytes` (read no further). */
async function readText(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel()
    return undefined
  }
  if (!response.body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += chunk.byteLength
    // Leaving the loop cancels the stream: the rest is never downloaded.
    if (size > maxBytes) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
