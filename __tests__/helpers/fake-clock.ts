/**
 * A clock for in-process runs: sleeping takes no real time. Timers fire in the order they are due,
 * one per turn of the event loop, so that whatever a timer wakes (a retry, say) runs before the
 * next one fires; the time jumps to each timer as it fires. The emulators can share it, so that
 * their rate-limit windows and the action's waits live on the same time line.
 */
import type { Clock } from '../../src/io/launchdarkly/rate-limiter.js'

export class FakeClock implements Clock {
  /** Every sleep asked for, in milliseconds, in the order asked. */
  readonly slept: number[] = []
  private current: number
  private readonly timers: { at: number; order: number; wake: () => void }[] = []
  private scheduled = false
  private count = 0

  constructor(start = Date.now()) {
    this.current = start
  }

  /** All the waiting asked for, in fake milliseconds: what a run's time would be on a real clock. */
  get waitedMs(): number {
    return this.slept.reduce((sum, ms) => sum + Math.max(0, ms), 0)
  }

  now(): number {
    return this.current
  }

  sleep(ms: number): Promise<void> {
    this.slept.push(ms)
    return new Promise(wake => {
      this.timers.push({ at: this.current + Math.max(0, ms), order: this.count++, wake })
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.timers.sort((a, b) => a.at - b.at || a.order - b.order)
      const next = this.timers.shift()
      if (!next) return
      this.current = Math.max(this.current, next.at)
      next.wake()
      if (this.timers.length > 0) this.schedule()
    })
  }
}
