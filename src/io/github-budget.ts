/**
 * Every GitHub request of a run is bounded: each by a timeout, all of them together by one budget
 * (about a minute), so that a GitHub that accepts connections and never answers costs a run a
 * minute, not the job's six hours. The budget counts the time spent waiting for GitHub (requests,
 * and the rate-limit waits granted), not the time the run spends on LaunchDarkly in between.
 */

/** Thrown (and reported by octokit as a request without an answer) when GitHub took too long. */
export class GitHubTimeout extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GitHubTimeout'
  }
}

export class GitHubBudget {
  private spentMs = 0
  /** Set once the budget ran out, so that every later request says so at once. */
  exhausted = false

  constructor(
    readonly totalMs: number,
    readonly requestTimeoutMs: number,
    private readonly now: () => number = () => Date.now()
  ) {}

  remainingMs(): number {
    return Math.max(0, this.totalMs - this.spentMs)
  }

  /** A wait granted (a rate limit's): counted like a request. */
  spend(ms: number): void {
    this.spentMs += ms
    if (this.remainingMs() === 0) this.exhausted = true
  }

  /** `fetch`, bounded: for octokit's `request.fetch`. */
  readonly fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const remaining = this.remainingMs()
    if (remaining <= 0) {
      this.exhausted = true
      throw new GitHubTimeout(this.spentMessage())
    }
    const limit = Math.min(this.requestTimeoutMs, remaining)
    const timeout = AbortSignal.timeout(limit)
    const signal = init.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    const started = this.now()
    try {
      return await fetch(input, { ...init, signal })
    } catch (error) {
      if (!timeout.aborted) throw error
      if (limit < this.requestTimeoutMs) {
        this.exhausted = true
        throw new GitHubTimeout(this.spentMessage())
      }
      throw new GitHubTimeout(`no answer within ${seconds(limit)}`)
    } finally {
      this.spend(this.now() - started)
    }
  }

  private spentMessage(): string {
    return `no answer within the ${seconds(this.totalMs)} a run may wait for GitHub in all`
  }
}

const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`)
