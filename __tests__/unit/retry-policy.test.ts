import type { Clock } from '../../src/io/launchdarkly/rate-limiter.js'
import {
  DEFAULT_RETRY_POLICY,
  overBudget,
  rateLimitWait,
  WaitBudget
} from '../../src/io/launchdarkly/retry-policy.js'

const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0 }
const NOW = Date.parse('2026-11-26T10:00:00Z')

describe('rateLimitWait', () => {
  it('takes Retry-After in seconds or as a date, then X-Ratelimit-Reset, then backs off', () => {
    expect(rateLimitWait(policy, new Headers({ 'Retry-After': '3' }), NOW, 1)).toEqual({
      ms: 3000,
      source: 'Retry-After'
    })
    const date = new Date(NOW + 5000).toUTCString()
    expect(rateLimitWait(policy, new Headers({ 'Retry-After': date }), NOW, 1)).toEqual({
      ms: 5000,
      source: 'Retry-After'
    })
    const reset = new Headers({ 'X-Ratelimit-Reset': String(NOW + 1500) })
    expect(rateLimitWait(policy, reset, NOW, 1)).toEqual({ ms: 1500, source: 'X-Ratelimit-Reset' })
    const past = new Headers({ 'X-Ratelimit-Reset': String(NOW - 60_000) })
    expect(rateLimitWait(policy, past, NOW, 3)).toEqual({ ms: 500, source: 'backoff' })
  })

  it('takes any number a header holds as data: huge, infinite, negative, fractional', () => {
    const wait = (headers: Record<string, string>) =>
      rateLimitWait(policy, new Headers(headers), NOW, 1)
    expect(wait({ 'Retry-After': '1e309' })).toEqual({ ms: Infinity, source: 'Retry-After' })
    expect(wait({ 'Retry-After': '0.5' })).toEqual({ ms: 500, source: 'Retry-After' })
    // Negative: asks for nothing (Date.parse would read "-5" as a day in 2001).
    expect(wait({ 'Retry-After': '-5' })).toEqual({ ms: 125, source: 'backoff' })
    expect(wait({ 'X-Ratelimit-Reset': '1e400' })).toEqual({
      ms: Infinity,
      source: 'X-Ratelimit-Reset'
    })
    expect(wait({ 'X-Ratelimit-Reset': 'soon' })).toEqual({ ms: 125, source: 'backoff' })
    for (const ms of [Infinity, 1e20]) {
      const error = overBudget(
        new WaitBudget({ now: () => NOW, sleep: async () => undefined }, 120_000),
        { ms, source: 'Retry-After' },
        NOW,
        'reading x',
        'rate limited',
        'rate-limited'
      )
      expect(error.message).toContain(
        'asked to wait without end (longer than any run) (Retry-After)'
      )
      expect(error.message).toContain('Run again later')
    }
  })

  it('never caps what was asked: the budget decides', () => {
    const wait = rateLimitWait(policy, new Headers({ 'Retry-After': '3600' }), NOW, 1)
    expect(wait.ms).toBe(3_600_000)
  })
})

describe('WaitBudget', () => {
  it('counts every wait and refuses one that does not fit', async () => {
    const slept: number[] = []
    const clock: Clock = { now: () => NOW, sleep: async ms => void slept.push(ms) }
    const budget = new WaitBudget(clock, 10_000)
    expect(budget.allows(6000)).toBe(true)
    await budget.spend(6000)
    expect(budget.allows(5000)).toBe(false)
    expect(slept).toEqual([6000])
    const error = overBudget(
      budget,
      { ms: 3_600_000, source: 'X-Ratelimit-Reset' },
      NOW,
      'reading x',
      'rate limited',
      'rate-limited'
    )
    expect(error.reason).toBe('rate-limited')
    expect(error.message).toContain(
      'asked to wait 60 min (X-Ratelimit-Reset, until 2026-11-26T11:00:00Z)'
    )
    expect(error.message).toContain('6.0 s waited already')
    expect(error.message).toContain('Run again after 2026-11-26T11:00:00Z')
  })
})
