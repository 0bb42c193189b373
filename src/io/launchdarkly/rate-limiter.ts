/**
 * Paces requests by LaunchDarkly's rate-limit headers, shared by everything one run sends. LaunchDarkly
 * counts per route (method + path pattern) and per account in 10-second windows, and tells the count
 * left (X-Ratelimit-Route-Remaining, X-Ratelimit-Global-Remaining) and when the window ends
 * (X-Ratelimit-Reset, epoch milliseconds). Requests in flight are counted against what is left, so
 * concurrent work slows down before the limit instead of bouncing off it with 429s.
 */

interface Window {
  /** What LaunchDarkly last said is left in the current window; undefined when not known. */
  remaining: number | undefined
  resetAt: number
  inFlight: number
  /** After a 429: nothing is sent on this route before this time. */
  blockedUntil: number
}

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
}

const GLOBAL = 'global'

export class RateLimiter {
  private readonly windows = new Map<string, Window>()

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly jitterMs: () => number = () => Math.random() * 100
  ) {}

  /**
   * Waits until a request on this route fits in what is left, and counts it as in flight. `wait`
   * does the waiting: the client's, which draws it from the request's wait budget (and refuses a
   * wait that does not fit, however far away the window's reset is).
   */
  async acquire(
    route: string,
    wait: (ms: number) => Promise<void> = ms => this.clock.sleep(ms)
  ): Promise<void> {
    for (;;) {
      const delay = Math.max(this.waitFor(this.window(route)), this.waitFor(this.window(GLOBAL)))
      if (delay <= 0) break
      await wait(delay + this.jitterMs())
    }
    this.window(route).inFlight += 1
    this.window(GLOBAL).inFlight += 1
  }

  /** Ends a request acquired before, taking in the headers of its answer if there was one. */
  complete(route: string, headers?: Headers): void {
    const routeWindow = this.window(route)
    const globalWindow = this.window(GLOBAL)
    routeWindow.inFlight = Math.max(0, routeWindow.inFlight - 1)
    globalWindow.inFlight = Math.max(0, globalWindow.inFlight - 1)
    if (!headers) return
    const resetAt = Number(headers.get('x-ratelimit-reset'))
    // A reset in the past (it happens) says nothing about the window we are in.
    if (!Number.isFinite(resetAt) || resetAt <= this.clock.now()) return
    this.take(routeWindow, headers.get('x-ratelimit-route-remaining'), resetAt)
    this.take(globalWindow, headers.get('x-ratelimit-global-remaining'), resetAt)
  }

  /** After a 429: hold every request on the route until then. */
  blockUntil(route: string, until: number): void {
    const window = this.window(route)
    window.blockedUntil = Math.max(window.blockedUntil, until)
  }

  private take(window: Window, header: string | null, resetAt: number): void {
    if (header === null || header === '') return
    const remaining = Number(header)
    if (!Number.isFinite(remaining)) return
    if (resetAt !== window.resetAt) {
      // Answers can arrive out of order: a later window replaces an earlier one, never the reverse.
      if (resetAt < window.resetAt) return
      window.resetAt = resetAt
      window.remaining = remaining
    } else {
      window.remaining = Math.min(window.remaining ?? remaining, remaining)
    }
  }

  private waitFor(window: Window): number {
    const now = this.clock.now()
    if (window.blockedUntil > now) return window.blockedUntil - now
    if (window.remaining === undefined || window.resetAt <= now) return 0
    return window.remaining - window.inFlight > 0 ? 0 : window.resetAt - now
  }

  private window(route: string): Window {
    let window = this.windows.get(route)
    if (!window) {
      window = { remaining: undefined, resetAt: 0, inFlight: 0, blockedUntil: 0 }
      this.windows.set(route, window)
    }
    return window
  }
}
