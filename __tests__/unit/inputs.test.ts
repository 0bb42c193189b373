import { readFileSync } from 'node:fs'
import { parse as parseYaml } from 'yaml'
import { InputError } from '../../src/core/errors.js'
import {
  defaultCommentKey,
  INPUT_NAMES,
  parseInputs,
  readRawInputs,
  type FileSource
} from '../../src/core/inputs.js'

const files = (contents: Record<string, string> = {}): FileSource => ({
  read: (path, input) => {
    const text = contents[path]
    if (text === undefined) throw new InputError(input, 'no such file', { file: path })
    return text
  },
  expand: async patterns => patterns
})

const context = { environment: {} }
const parse = (inputs: Record<string, string>, contents: Record<string, string> = {}) =>
  parseInputs(
    readRawInputs(name => inputs[name] ?? ''),
    files(contents),
    context
  )

const base = {
  'access-token': 'api-123',
  'configuration-id': '65f0c1d2e3a4b5c6d7e8f901',
  enabled: 'false'
}

async function failure(inputs: Record<string, string>): Promise<string> {
  try {
    await parse(inputs)
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return (error as Error).message
  }
  throw new Error('expected an InputError')
}

describe('parseRequest', () => {
  it('names the inputs of 1.0 that mean nothing for the work, without refusing them', async () => {
    const request = await parse({
      ...base,
      'create-missing': 'true',
      'rotate-secrets': 'true',
      'comment-key': 'mine',
      'pr-number': '7'
    })
    expect(request.ignored).toEqual([
      expect.stringMatching(/^Input `create-missing` is ignored: a patch changes one existing/),
      expect.stringMatching(/^Input `rotate-secrets` is ignored: a patch writes every secret/),
      expect.stringMatching(/^Input `comment-key` is ignored: nothing is commented/),
      expect.stringMatching(/^Input `pr-number` is ignored: nothing is commented/)
    ])
    expect((await parse(base)).ignored).toEqual([])
    const commenting = await parse({
      ...base,
      'comment-on-pr': 'true',
      'github-token': 't',
      'comment-key': 'mine'
    })
    expect(commenting.ignored).toEqual([])
  })

  it('reads a patch request with its defaults', async () => {
    const request = await parse(base)
    expect(request.token).toBe('api-123')
    expect(request.settings).toMatchObject({
      dryRun: false,
      concurrency: 4,
      requestTimeoutMs: 30_000,
      comment: false,
      github: undefined
    })
    expect(request.settings.baseUri.href).toBe('https://app.launchdarkly.com/')
    expect(request.work).toEqual({
      kind: 'patch',
      configurationId: '65f0c1d2e3a4b5c6d7e8f901',
      operations: [{ op: 'replace', path: '/enabled', value: false }],
      input: 'enabled',
      file: undefined
    })
  })

  it.each([
    [{ 'access-token': '' }, /`access-token`: is empty/],
    [{ 'access-token': 'sdk-1234' }, /SDK or mobile key/],
    [{ 'base-uri': 'http://app.launchdarkly.com' }, /`base-uri`: must use https/],
    [{ 'base-uri': 'https://user:pw@app.launchdarkly.com' }, /must not hold credentials/],
    [{ 'base-uri': 'https://app.launchdarkly.com/api/v2' }, /without a path/],
    [{ 'base-uri': 'https://app.launchdarkly.co' }, /not a LaunchDarkly instance/],
    [{ 'base-uri': 'not a url' }, /is not a URL/],
    [{ 'dry-run': 'yes' }, /`dry-run`: must be true or false, not "yes"/],
    [{ enabled: 'off' }, /`enabled`: must be true or false/],
    [{ concurrency: '0' }, /`concurrency`: must be a whole number from 1 to 20/],
    [{ concurrency: '2.5' }, /`concurrency`/],
    [{ 'request-timeout': '-1' }, /`request-timeout`/],
    [{ 'fail-on-drift': 'true' }, /`fail-on-drift`.*dry-run/],
    [{ enabled: '' }, /give exactly one of.*none was given/],
    [{ 'patch-file': 'x.yaml' }, /this step gives `patch-file` and `enabled`/],
    [{ 'configuration-id': '' }, /`configuration-id`: is required with `enabled`/],
    [{ 'comment-on-pr': 'true', 'github-token': 'ghs_x', 'pr-number': '12a' }, /`pr-number`/],
    [{ 'comment-on-pr': 'true' }, /`github-token`: is empty/],
    [
      { 'configuration-id': '..' },
      /`configuration-id`: must be an integration configuration's _id/
    ],
    [{ 'configuration-id': 'abc' }, /24 hexadecimal characters, like 65f0c1d2e3a4b5c6d7e8f901/]
  ])('refuses %j', async (inputs, message) => {
    await expect(failure({ ...base, ...inputs })).resolves.toMatch(message)
  })

  it('accepts the EU and federal instances and loopback over http', async () => {
    for (const uri of [
      'https://app.eu.launchdarkly.com',
      'https://app.launchdarkly.us',
      'http://127.0.0.1:8080'
    ]) {
      const request = await parse({ ...base, 'base-uri': uri })
      expect(request.settings.baseUri.origin).toBe(new URL(uri).origin)
    }
  })

  it('reads a patch file and names it in errors', async () => {
    const request = await parse(
      { ...base, enabled: '', 'patch-file': 'ops.yaml' },
      { 'ops.yaml': '- {op: remove, path: /tags}' }
    )
    expect(request.work).toMatchObject({ kind: 'patch', input: 'patch-file', file: 'ops.yaml' })
    await expect(
      parse(
        { ...base, enabled: '', 'patch-file': 'bad.yaml' },
        { 'bad.yaml': '- {op: nope, path: /tags}' }
      )
    ).rejects.toThrow('Input `patch-file` (bad.yaml): operation 0: unknown op "nope"')
  })

  it('sets up a comment with the default key', async () => {
    const request = await parse({ ...base, 'comment-on-pr': 'true', 'github-token': 'ghs_x' })
    expect(request.settings.comment).toBe(true)
    expect(request.settings.github).toEqual({
      token: 'ghs_x',
      key: expect.stringMatching(/^launchdarkly:[0-9a-f]{12}$/),
      prNumber: undefined
    })
  })
})

describe('INPUT_NAMES', () => {
  it('lists every input of action.yml, in its order', () => {
    const manifest = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
    const inputs = parseYaml(manifest) as { inputs: Record<string, unknown> }
    expect([...INPUT_NAMES]).toEqual(Object.keys(inputs.inputs))
  })
})

describe('defaultCommentKey', () => {
  it('is the same for the plan and the apply of the same files, whatever the workflow and job', () => {
    const plan = readRawInputs(
      name =>
        ({ 'desired-state-file': 'ld/*.yaml', 'dry-run': 'true', 'comment-on-pr': 'true' })[name] ??
        ''
    )
    const apply = readRawInputs(
      name => ({ 'desired-state-file': 'ld/*.yaml', 'create-missing': 'true' })[name] ?? ''
    )
    expect(defaultCommentKey(plan)).toBe(defaultCommentKey(apply))
    expect(defaultCommentKey(plan)).toMatch(/^launchdarkly:[0-9a-f]{12}$/)
  })

  it('differs between matrix legs over other files or instances', () => {
    const key = (inputs: Record<string, string>) =>
      defaultCommentKey(readRawInputs(name => inputs[name] ?? ''))
    const base = {
      'desired-state-file': 'ld/prod/*.yaml',
      'base-uri': 'https://app.launchdarkly.com'
    }
    expect(key(base)).not.toBe(key({ ...base, 'desired-state-file': 'ld/staging/*.yaml' }))
    expect(key(base)).not.toBe(key({ ...base, 'base-uri': 'https://app.eu.launchdarkly.com' }))
  })
})
