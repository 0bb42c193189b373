/**
 * At most `limit` tasks at once, started in the order they asked (first come, first served), so
 * that requests queued first (the reads) go out first.
 */
export class Semaphore {
  private active = 0
  private readonly waiting: (() => void)[] = []

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active += 1
    else await new Promise<void>(resolve => this.waiting.push(resolve))
    try {
      return await task()
    } finally {
      // Hand the slot straight to the next in line; only free it when no one waits.
      const next = this.waiting.shift()
      if (next) next()
      else this.active -= 1
    }
  }
}
