/** The whole bad-input corpus, in-process (see __tests__/helpers/bad-input.ts). */
import { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import { BAD_INPUT_CASES, badInputRun, expectRefused } from '../helpers/bad-input.js'
import { run } from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
beforeAll(async () => {
  ld = await LaunchDarklyEmulator.start()
})
afterAll(() => ld.close())
beforeEach(() => {
  ld.server.requests.length = 0
})

describe('bad-input corpus', () => {
  it('has at least 40 cases', () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(40)
  })

  it.each(BAD_INPUT_CASES)('%s', async (_name, testCase) => {
    expectRefused(await run(badInputRun(ld, testCase)), testCase, ld)
  })
})
