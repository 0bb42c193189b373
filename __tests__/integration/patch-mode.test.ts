/** Patch mode, run as the runner runs the action, against the LaunchDarkly emulator. */
import { LaunchDarklyEmulator, READER_TOKEN } from '../../emulators/launchdarkly.js'

import { expectNoSecrets, maskedValues } from '../helpers/canaries.js'
import { FakeClock } from '../helpers/fake-clock.js'
import { diffBlocks, expectCleanRendering, visibleText } from '../helpers/github-markdown.js'
import {
  APPROVALS_SECRET,
  GET,
  ldInputs,
  PATCH,
  results,
  routesOf,
  run,
  seedApprovals,
  writes
} from '../helpers/fixtures.js'

let ld: LaunchDarklyEmulator
beforeEach(async () => {
  ld = await LaunchDarklyEmulator.start()
})
afterEach(() => ld.close())

describe('patch mode', () => {
  it('disables a configuration with an inline YAML patch, sending the headers LaunchDarkly needs', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: '- op: replace\n  path: /enabled\n  value: false\n'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.enabled).toBe(false)
    expect(routesOf(ld)).toEqual([GET, PATCH])
    const patch = ld.server.requests[1]
    expect(patch?.body).toEqual([
      { op: 'test', path: '/enabled', value: true },
      { op: 'replace', path: '/enabled', value: false }
    ])
    for (const request of ld.server.requests) {
      expect(request.headers['ld-api-version']).toBe('beta')
      expect(request.headers.authorization).toBe(ldInputs(ld)['access-token'])
      expect(request.headers['user-agent']).toMatch(
        /^launchdarkly-integration-configuration-action\/\d+\.\d+\.\d+/
      )
    }
    expect(patch?.headers['content-type']).toBe('application/json')
    expect(result.outputs).toMatchObject({
      changed: 'true',
      'configuration-id': _id,
      'failure-reason': ''
    })
    expect(JSON.parse(result.outputs.configuration ?? '{}')).toMatchObject({ _id, enabled: false })
    expect(JSON.parse(result.outputs.patch ?? '[]')).toEqual(patch?.body)
    expect(diffBlocks(result.outputs.diff ?? '')).toEqual([['-enabled: true', '+enabled: false']])
    const summary = visibleText(result.summary)
    expect(summary).toContain('Approvals (prod)')
    expect(summary).toContain(_id)
    expect(summary).toContain('custom-approvals')
    expect(summary).toContain('Applied: 1 updated (1 disabled)')
    expect(summary).toMatch(/Applied in run 4242 .*: 1 configuration written\./)
    expectCleanRendering(result.summary)
    expect(result.stdout).toContain('/enabled: true → false')
  })

  it('adds a tag, applying the change exactly once', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: '[{"op":"add","path":"/tags/-","value":"approvals"}]'
      })
    })
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.tags).toEqual(['prod', 'approvals'])
    expect(ld.appliedPatches).toBe(1)
    expect(results(result)).toEqual([
      expect.objectContaining({
        id: _id,
        status: 'updated',
        integrationKey: 'custom-approvals',
        error: null
      })
    ])
  })

  it('changes a configValues key and keeps the secret out of every output', async () => {
    const { _id } = seedApprovals(ld)
    const newSecret = 'rotated-secret-value-42'
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch: `- op: replace\n  path: /configValues/baseURL\n  value: https://approvals2.example.com\n- op: replace\n  path: /configValues/apiKey\n  value: ${newSecret}\n`
      })
    })
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.configValues).toEqual({
      baseURL: 'https://approvals2.example.com',
      apiKey: newSecret
    })
    expectNoSecrets(result, [newSecret, APPROVALS_SECRET])
    expect(maskedValues(result)).toContain(newSecret)
    expect(diffBlocks(result.outputs.diff ?? '')).toEqual([
      [
        ' configValues:',
        '-  baseURL: "https://approvals.example.com"',
        '+  baseURL: "https://approvals2.example.com"',
        '-  apiKey: (secret)',
        '+  apiKey: (secret: changed)'
      ]
    ])
    expect(JSON.parse(result.outputs.configuration ?? '{}').configValues.apiKey).toBe(
      '(secret: changed)'
    )
  })

  it('takes `enabled: false` as a shorthand', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' })
    })
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.enabled).toBe(false)
    expect(writes(ld)).toHaveLength(1)
  })

  it('reads a YAML patch file from the workspace', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, 'patch-file': 'launchdarkly/rename.yaml' }),
      files: {
        'launchdarkly/rename.yaml':
          '- op: replace\n  path: /name\n  value: Approvals (production)\n'
      }
    })
    expect(result.exitCode).toBe(0)
    expect(ld.get(_id)?.name).toBe('Approvals (production)')
  })

  it('writes nothing in a dry run, and reports what would change', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false', 'dry-run': 'true' })
    })
    expect(result.exitCode).toBe(0)
    expect(routesOf(ld)).toEqual([GET])
    expect(ld.get(_id)?.enabled).toBe(true)
    expect(result.outputs.changed).toBe('true')
    expect(results(result)[0]?.status).toBe('would-update')
    expect(JSON.parse(result.outputs.configuration ?? '{}').enabled).toBe(false)
    expect(visibleText(result.summary)).toContain('nothing has been written to LaunchDarkly yet')
    expect(visibleText(result.summary)).toContain('Plan: 1 to update (1 disabled)')
  })

  it('sends no PATCH when the patch changes nothing', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'true' })
    })
    expect(result.exitCode).toBe(0)
    expect(routesOf(ld)).toEqual([GET])
    expect(result.outputs).toMatchObject({ changed: 'false', patch: '[]' })
    expect(results(result)[0]?.status).toBe('unchanged')
  })

  it('retries a 429 after Retry-After, then succeeds', async () => {
    const clock = new FakeClock()
    ld.server.now = () => clock.now()
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults(
      { method: 'PATCH' },
      {
        kind: 'status',
        status: 429,
        headers: { 'Retry-After': '1' },
        body: { code: 'rate_limited', message: 'slow down' }
      }
    )
    const result = await run({
      clock,
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' })
    })
    expect(result.exitCode).toBe(0)
    expect(routesOf(ld)).toEqual([GET, PATCH, PATCH])
    const [first, second] = ld.server.requestsTo('PATCH')
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1000)
    expect(ld.appliedPatches).toBe(1)
    expect(result.stdout).toContain('rate limit')
  })

  it('retries a 503 on a read, then succeeds', async () => {
    const { _id } = seedApprovals(ld)
    ld.server.injectFaults({ method: 'GET' }, { kind: 'status', status: 503 })
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': _id, enabled: 'false' })
    })
    expect(result.exitCode).toBe(0)
    expect(routesOf(ld)).toEqual([GET, GET, PATCH])
    expect(ld.get(_id)?.enabled).toBe(false)
  })
})

describe('patch mode: LaunchDarkly refusals', () => {
  it('explains a 401', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        enabled: 'false',
        'access-token': 'api-wrong-token'
      })
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toContain('`access-token`')
    expect(result.errors[0]?.message).toContain('invalid, expired, revoked, or lacks permission')
    expect(result.outputs['failure-reason']).toBe('unauthorized')
    expect(writes(ld)).toHaveLength(0)
    expectNoSecrets(result, ['api-wrong-token'])
  })

  it('explains a 403 for a token that may only read', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        enabled: 'false',
        'access-token': READER_TOKEN
      })
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toMatch(/403.*role lacks permission/s)
    expect(result.outputs['failure-reason']).toBe('forbidden')
    expect(ld.appliedPatches).toBe(0)
  })

  it('explains a 404, naming the ID and the instance', async () => {
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': '65f0c1d2e3a4b5c6d7e8f901', enabled: 'false' })
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toContain('65f0c1d2e3a4b5c6d7e8f901')
    expect(result.errors[0]?.message).toContain('`configuration-id`')
    expect(result.errors[0]?.message).toContain('EU')
    expect(result.errors[0]?.message).toContain('LaunchDarkly error id')
    expect(result.outputs['failure-reason']).toBe('not-found')
    expect(writes(ld)).toHaveLength(0)
  })

  it('refuses a patch whose test fails against the live configuration, before writing', async () => {
    const { _id } = seedApprovals(ld)
    const result = await run({
      inputs: ldInputs(ld, {
        'configuration-id': _id,
        patch:
          '- {op: test, path: /name, value: Approvals (staging)}\n- {op: replace, path: /enabled, value: false}'
      })
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors[0]?.message).toContain('operation 0 (test /name)')
    expect(result.outputs['failure-reason']).toBe('conflict')
    expect(writes(ld)).toHaveLength(0)
  })
})

describe('patch mode: bad input fails before any request', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'malformed YAML',
      { patch: '- op: replace\n  path: /enabled\n value: false\n  - broken' },
      /Input `patch`.*not valid JSON or YAML/s
    ],
    [
      'an unknown op',
      { patch: '[{"op":"update","path":"/enabled","value":false}]' },
      /unknown op "update"/
    ],
    [
      'a read-only path',
      { patch: '[{"op":"replace","path":"/_id","value":"x"}]' },
      /\/_id is read-only/
    ],
    ['/on', { patch: '[{"op":"replace","path":"/on","value":false}]' }, /did you mean \/enabled\?/],
    [
      'two patch inputs at once',
      { patch: '[{"op":"replace","path":"/enabled","value":false}]', enabled: 'false' },
      /give exactly one of.*`patch` and `enabled`/s
    ],
    [
      'a missing configuration-id',
      { enabled: 'false', 'configuration-id': '' },
      /Input `configuration-id`: is required/
    ]
  ]
  it.each(cases)('%s', async (_title, inputs, message) => {
    const result = await run({
      inputs: ldInputs(ld, { 'configuration-id': '65f0c1d2e3a4b5c6d7e8f901', ...inputs })
    })
    expect(result.exitCode).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]?.message).toMatch(message)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(ld.server.requests).toHaveLength(0)
  })
})
