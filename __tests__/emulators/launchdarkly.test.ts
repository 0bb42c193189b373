import {
  LaunchDarklyEmulator,
  maskSecret,
  READER_TOKEN,
  ROUTES,
  WRITER_TOKEN
} from '../../emulators/launchdarkly.js'

let ld: LaunchDarklyEmulator
const BETA = { 'LD-API-Version': 'beta', Authorization: WRITER_TOKEN }

beforeEach(async () => {
  ld = await LaunchDarklyEmulator.start()
})
afterEach(() => ld.close())

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = BETA
) {
  const response = await fetch(`${ld.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined
  }
}

function seedApprovals() {
  const [stored] = ld.seed({
    integrationKey: 'custom-approvals',
    name: 'Approvals (prod)',
    tags: ['prod'],
    configValues: { baseURL: 'https://approvals.example.com', apiKey: 'supersecret123' }
  })
  return stored!
}

describe('LaunchDarkly emulator', () => {
  it('answers 401 without a valid token and 403 without the beta header', async () => {
    const { _id } = seedApprovals()
    expect(
      (
        await call('GET', `/api/v2/integration-configurations/${_id}`, undefined, {
          'LD-API-Version': 'beta'
        })
      ).status
    ).toBe(401)
    const noBeta = await call('GET', `/api/v2/integration-configurations/${_id}`, undefined, {
      Authorization: WRITER_TOKEN
    })
    expect(noBeta.status).toBe(403)
    expect(noBeta.body).toMatchObject({ code: 'forbidden' })
    expect(noBeta.body.message).toContain('LD-API-Version')
  })

  it('refuses the beta header sent twice', async () => {
    const { _id } = seedApprovals()
    const response = await fetch(`${ld.url}/api/v2/integration-configurations/${_id}`, {
      headers: [
        ['Authorization', WRITER_TOKEN],
        ['LD-API-Version', 'beta'],
        ['LD-API-Version', 'beta']
      ]
    })
    expect(response.status).toBe(400)
  })

  it('masks secret configValues as LaunchDarkly does, and keeps the real value', async () => {
    const { _id } = seedApprovals()
    const { status, body } = await call('GET', `/api/v2/integration-configurations/${_id}`)
    expect(status).toBe(200)
    expect(body.configValues).toEqual({
      baseURL: 'https://approvals.example.com',
      apiKey: 'sup********123'
    })
    expect(body._links.self.href).toBe(`/api/v2/integration-configurations/${_id}`)
    expect(ld.get(_id)?.configValues.apiKey).toBe('supersecret123')
    expect(maskSecret('dummy')).toBe('********')
  })

  it('lists by integration key and 404s an unknown key or id', async () => {
    seedApprovals()
    ld.seed({ integrationKey: 'pagerduty-guardian-edition', name: 'Paging', configValues: {} })
    const list = await call('GET', '/api/v2/integration-configurations/keys/custom-approvals')
    expect(list.body.items).toHaveLength(1)
    expect((await call('GET', '/api/v2/integration-configurations/keys/nope')).status).toBe(404)
    const missing = await call('GET', '/api/v2/integration-configurations/0123456789abcdef01234567')
    expect(missing).toMatchObject({ status: 404, body: { code: 'not_found' } })
    expect(typeof missing.body.id).toBe('string')
  })

  it('creates with the spec defaults and validates the body', async () => {
    const created = await call('POST', '/api/v2/integration-configurations/keys/custom-approvals', {
      name: 'New',
      configValues: { baseURL: 'https://x.example.com' }
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'New',
      enabled: true,
      _integrationKey: 'custom-approvals'
    })
    const invalid = await call('POST', '/api/v2/integration-configurations/keys/custom-approvals', {
      name: 'No values'
    })
    expect(invalid).toMatchObject({ status: 400, body: { code: 'invalid_request' } })
    expect(ld.all()).toHaveLength(1)
  })

  it('applies JSON Patch with real semantics and refuses read-only paths', async () => {
    const { _id } = seedApprovals()
    const path = `/api/v2/integration-configurations/${_id}`
    const ok = await call('PATCH', path, [
      { op: 'test', path: '/enabled', value: true },
      { op: 'replace', path: '/enabled', value: false },
      { op: 'add', path: '/tags/-', value: 'approvals' }
    ])
    expect(ok.status).toBe(200)
    expect(ld.get(_id)).toMatchObject({ enabled: false, tags: ['prod', 'approvals'] })
    expect(ld.appliedPatches).toBe(1)

    const readOnly = await call('PATCH', path, [{ op: 'replace', path: '/_id', value: 'x' }])
    expect(readOnly).toMatchObject({ status: 400, body: { code: 'invalid_request' } })
    const failedTest = await call('PATCH', path, [
      { op: 'test', path: '/name', value: 'someone else' },
      { op: 'replace', path: '/name', value: 'mine' }
    ])
    expect(failedTest.status).toBe(400)
    const wrongType = await call('PATCH', path, [{ op: 'replace', path: '/enabled', value: 'yes' }])
    expect(wrongType.status).toBe(400)
    expect(ld.get(_id)).toMatchObject({ name: 'Approvals (prod)', enabled: false })
    expect(ld.appliedPatches).toBe(1)
  })

  it('can answer a failed test with 409', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({ testFailureStatus: 409 })
    const { _id } = seedApprovals()
    const failed = await call('PATCH', `/api/v2/integration-configurations/${_id}`, [
      { op: 'test', path: '/name', value: 'other' }
    ])
    expect(failed).toMatchObject({ status: 409, body: { code: 'optimistic_locking_error' } })
  })

  it('forbids writes to a reader token', async () => {
    const { _id } = seedApprovals()
    const response = await call('PATCH', `/api/v2/integration-configurations/${_id}`, [], {
      'LD-API-Version': 'beta',
      Authorization: READER_TOKEN
    })
    expect(response.status).toBe(403)
  })

  it('rate-limits per route with LaunchDarkly headers', async () => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start({ rateLimit: { limit: 2, windowMs: 60_000 } })
    const { _id } = seedApprovals()
    const path = `/api/v2/integration-configurations/${_id}`
    const first = await call('GET', path)
    expect(first.headers.get('x-ratelimit-route-remaining')).toBe('1')
    await call('GET', path)
    const limited = await call('GET', path)
    expect(limited).toMatchObject({ status: 429, body: { code: 'rate_limited' } })
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now())
    expect(
      (await call('GET', '/api/v2/integration-configurations/keys/custom-approvals')).status
    ).toBe(200)
  })

  it('applies the change and then drops the connection when told to', async () => {
    const { _id } = seedApprovals()
    ld.server.injectFaults({ method: 'PATCH', route: ROUTES.item }, { kind: 'destroy-after' })
    await expect(
      call('PATCH', `/api/v2/integration-configurations/${_id}`, [
        { op: 'replace', path: '/enabled', value: false }
      ])
    ).rejects.toThrow()
    expect(ld.get(_id)?.enabled).toBe(false)
    expect(ld.appliedPatches).toBe(1)
    expect(ld.server.requests.at(-1)?.status).toBe('destroyed')
  })

  it('deletes', async () => {
    const { _id } = seedApprovals()
    expect((await call('DELETE', `/api/v2/integration-configurations/${_id}`)).status).toBe(204)
    expect(ld.get(_id)).toBeUndefined()
  })
})

describe('LaunchDarkly emulator: answers the spec allows but LaunchDarkly may or may not give', () => {
  const restart = async (options: Parameters<typeof LaunchDarklyEmulator.start>[0]) => {
    await ld.close()
    ld = await LaunchDarklyEmulator.start(options)
  }

  it('lists items with only the required fields: _links, _id and name', async () => {
    await restart({ listItems: 'required-only' })
    const { _id } = seedApprovals()
    const { body } = await call('GET', '/api/v2/integration-configurations/keys/custom-approvals')
    expect(body.items).toEqual([{ _links: expect.any(Object), _id, name: 'Approvals (prod)' }])
    // A read by ID still gives the whole configuration.
    const whole = await call('GET', `/api/v2/integration-configurations/${_id}`)
    expect(Object.keys(whole.body)).toEqual(
      expect.arrayContaining(['tags', 'enabled', 'configValues'])
    )
  })

  it('repeats the last item of a page at the start of the next, as it was or changed', async () => {
    for (const repeat of ['same', 'changed'] as const) {
      await restart({ listPages: { size: 1, repeat } })
      const [a] = ld.seed(
        { integrationKey: 'devin', name: 'a', configValues: {} },
        { integrationKey: 'devin', name: 'b', configValues: {} }
      )
      const first = await call('GET', '/api/v2/integration-configurations/keys/devin')
      const second = await call('GET', first.body._links.next.href)
      expect(second.body.items.map((i: { name: string }) => i.name)).toEqual(['a', 'b'])
      expect(second.body.items[0]._id).toBe(a?._id)
      expect(second.body.items[0].tags).toEqual(repeat === 'same' ? [] : ['changed-between-pages'])
    }
  })

  it("writes JSON as Go does, and quotes a refused request's body in its message", async () => {
    await restart({ goJson: true, errorsEchoRequest: true })
    const { _id } = seedApprovals()
    const response = await fetch(`${ld.url}/api/v2/integration-configurations/${_id}`, {
      method: 'PATCH',
      headers: { ...BETA, 'Content-Type': 'application/json' },
      body: JSON.stringify([
        { op: 'test', path: '/name', value: 'other' },
        { op: 'replace', path: '/configValues/apiKey', value: 'a&b<c>' }
      ])
    })
    expect(response.status).toBe(400)
    const text = await response.text()
    expect(text).toContain('"value\\":\\"a\\\\u0026b\\\\u003cc\\\\u003e\\"')
    expect(text).not.toMatch(/[&<>]/)
  })
})
