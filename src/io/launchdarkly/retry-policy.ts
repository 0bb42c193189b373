/**
 * How long the LaunchDarkly client waits, and how much waiting it accepts: every wait of one
 * request (a pause before a window resets, a Retry-After, a backoff after a 5xx) is drawn from one
 * budget, so no header, however far in the future it points, can make a run hang. A wait longer
 * than what is left is not started at all: the request fails at once, saying how long LaunchDarkly
 * asked to wait.
 */
import { ActionError, type FailureReason } from '../../core/errors.js'
import type { Clock } from './rate-limiter.js'

export interface RetryPolicy {
  /** Attempts for a read that meets 5xx answers or network errors. */
  attempts: number
  /** Attempts for any request that meets 429 answers. */
  rateLimitAttempts: number
  /** All waiting of one request together, in milliseconds. */
  maxTotalWaitMs: number
  baseDelayMs: number
  maxDelayMs: number
  /** A random number in [0, 1): jitter, so that parallel jobs do not retry in step. */
  random: () => number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 5,
  rateLimitAttempts: 10,
  maxTotalWaitMs: 120_000,
  baseDelayMs: 250,
  maxDelayMs: 10_000,
  random: Math.random
}

/** A wait LaunchDarkly asked for, and where it said so. */
export interface RequestedWait {
  ms: number
  /** The header that asked for it, for the message. */
  source: 'Retry-After' | 'X-Ratelimit-Reset' | 'backoff'
}

/** Full jitter on an exponential backoff: 250 ms, 500 ms, 1 s ... capped. */
export function backoff(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return ceiling / 2 + (policy.random() * ceiling) / 2
}

/** A number as a header may spell it: `3`, `1.5`, `-2`, `1e309` (which is Infinity). */
const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i

/**
 * What a 429 asks for: Retry-After (seconds, or an HTTP date), else X-Ratelimit-Reset (epoch
 * milliseconds), else a backoff. Headers are data from outside: any number they hold is taken at
 * its word, however large (Infinity too), and the wait budget decides; a wait in the past or a
 * negative one (LaunchDarkly sends resets in the past at times) asks for nothing, so a backoff.
 */
export function rateLimitWait(
  policy: RetryPolicy,
  headers: Headers,
  now: number,
  attempt: number
): RequestedWait {
  const jitter = policy.random() * 250
  const retryAfter = headers.get('retry-after')?.trim()
  if (retryAfter) {
    // A number is seconds, never a date: Date.parse reads "-5" as a day in 2001.
    const ms = NUMERIC.test(retryAfter) ? Number(retryAfter) * 1000 : Date.parse(retryAfter) - now
    if (ms > 0) return { ms: ms + jitter, source: 'Retry-After' }
    if (ms === 0) return { ms: jitter, source: 'Retry-After' }
  }
  const header = headers.get('x-ratelimit-reset')?.trim()
  const reset = header && NUMERIC.test(header) ? Number(header) : NaN
  if (reset > now) return { ms: reset - now + jitter, source: 'X-Ratelimit-Reset' }
  return { ms: backoff(policy, attempt) + jitter, source: 'backoff' }
}

/** The waiting one request may do, all origins together. */
export class WaitBudget {
  private waited = 0

  constructor(
    private readonly clock: Clock,
    private readonly limitMs: number
  ) {}

  get waitedMs(): number {
    return this.waited
  }

  /** Whether a wait of `ms` fits in what is left. */
  allows(ms: number): boolean {
    return this.waited + ms <= this.limitMs
  }

  async spend(ms: number): Promise<void> {
    const delay = Math.max(0, Math.round(ms))
    this.waited += delay
    await this.clock.sleep(delay)
  }

  get limitSeconds(): number {
    return Math.round(this.limitMs / 1000)
  }
}

/** The error for a wait that does not fit: says how long was asked, and until when. */
export function overBudget(
  budget: WaitBudget,
  wait: RequestedWait,
  now: number,
  what: string,
  why: string,
  reason: FailureReason
): ActionError {
  const until = timeOf(now + wait.ms)
  const asked =
    wait.source === 'backoff'
      ? `the next attempt would wait ${seconds(wait.ms)}`
      : `LaunchDarkly asked to wait ${seconds(wait.ms)} (${wait.source}${until ? `, until ${until}` : ''})`
  const advice =
    reason === 'rate-limited'
      ? `Nothing more was sent. Run again ${until ? `after ${until}` : 'later'}, or lower \`concurrency\`; other jobs and tokens of the same account share its limits.`
      : 'Run again later.'
  return new ActionError(
    `Gave up ${what}: ${why}, and ${asked}, more than is left of the ${budget.limitSeconds} s this action waits in all for one request (${seconds(budget.waitedMs)} waited already). ${advice}`,
    reason
  )
}

/** Farthest a Date can be from 1970, in milliseconds (ECMAScript's time range). */
const MAX_TIME = 8.64e15

/** A time as ISO 8601 to the second, or undefined when no date can hold it. */
function timeOf(ms: number): string | undefined {
  if (!Number.isFinite(ms) || Math.abs(ms) > MAX_TIME) return undefined
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

function seconds(ms: number): string {
  const days = ms / 86_400_000
  if (!Number.isFinite(ms) || days >= 1e6) return 'without end (longer than any run)'
  if (days >= 2) return `${Math.round(days).toLocaleString('en-US')} days`
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 1000).toFixed(1)} s`
}
