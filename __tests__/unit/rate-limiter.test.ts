import { RateLimiter, type Clock } from '../../src/io/launchdarkly/rate-limiter.js'

/** A clock that only moves when someone sleeps. */
function fakeClock(): Clock & { slept: number[] } {
  let now = 1_000_000
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    sleep: async ms => {
      slept.push(ms)
      now += ms
    }
  }
}

const headers = (remaining: number, reset: number) =>
  new Headers({
    'X-Ratelimit-Route-Remaining': String(remaining),
    'X-Ratelimit-Reset': String(reset)
  })

describe('RateLimiter', () => {
  it('lets requests through while the window has room, counting those in flight', async () => {
    const clock = fakeClock()
    const limiter = new RateLimiter(clock, () => 0)
    await limiter.acquire('PATCH x')
    limiter.complete('PATCH x', headers(2, clock.now() + 10_000))
    await limiter.acquire('PATCH x')
    await limiter.acquire('PATCH x')
    expect(clock.slept).toEqual([])
    // Two in flight against two left: the next one waits for the window to end.
    const waiting = limiter.acquire('PATCH x')
    await waiting
    expect(clock.slept).toEqual([10_000])
  })

  it('ignores a reset in the past and answers without headers', async () => {
    const clock = fakeClock()
    const limiter = new RateLimiter(clock, () => 0)
    await limiter.acquire('GET y')
    limiter.complete('GET y', headers(0, clock.now() - 5_000))
    await limiter.acquire('GET y')
    limiter.complete('GET y')
    await limiter.acquire('GET y')
    expect(clock.slept).toEqual([])
  })

  it('holds a route after a 429, not the others', async () => {
    const clock = fakeClock()
    const limiter = new RateLimiter(clock, () => 0)
    limiter.blockUntil('PATCH x', clock.now() + 1_500)
    await limiter.acquire('GET y')
    expect(clock.slept).toEqual([])
    await limiter.acquire('PATCH x')
    expect(clock.slept).toEqual([1_500])
  })

  it('keeps the later window when answers arrive out of order', async () => {
    const clock = fakeClock()
    const limiter = new RateLimiter(clock, () => 0)
    const later = clock.now() + 20_000
    await limiter.acquire('r')
    await limiter.acquire('r')
    limiter.complete('r', headers(5, later))
    limiter.complete('r', headers(0, clock.now() + 10_000))
    await limiter.acquire('r')
    expect(clock.slept).toEqual([])
  })
})
