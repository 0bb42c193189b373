import { Semaphore } from '../../src/io/launchdarkly/semaphore.js'

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once, in the order they came', async () => {
    const semaphore = new Semaphore(2)
    let running = 0
    let most = 0
    const started: number[] = []
    const task = (i: number) =>
      semaphore.run(async () => {
        started.push(i)
        running += 1
        most = Math.max(most, running)
        await new Promise(resolve => setTimeout(resolve, 5))
        running -= 1
        return i
      })
    const results = await Promise.all([0, 1, 2, 3, 4].map(task))
    expect(results).toEqual([0, 1, 2, 3, 4])
    expect(most).toBe(2)
    expect(started).toEqual([0, 1, 2, 3, 4])
  })

  it('frees the slot of a task that fails', async () => {
    const semaphore = new Semaphore(1)
    await expect(semaphore.run(() => Promise.reject(new Error('x')))).rejects.toThrow('x')
    await expect(semaphore.run(async () => 'next')).resolves.toBe('next')
  })
})
