import {
  isSecretKey,
  isSecretPath,
  looksMasked,
  compareWithMask,
  Scrubber
} from '../../src/core/secrets.js'

describe('secrets', () => {
  it('knows secret keys from manifests, from their names, and from masked values', () => {
    expect(isSecretKey('gitar', 'gitarToken')).toBe(true)
    expect(isSecretKey('custom-approvals', 'baseURL')).toBe(false)
    expect(isSecretKey(undefined, 'client_secret')).toBe(true)
    expect(isSecretKey(undefined, 'webhookPassword')).toBe(true)
    expect(isSecretKey(undefined, 'region', 'abc****xyz')).toBe(true)
    expect(
      isSecretPath(['configValues', 'oauth', 'refreshToken'], { integrationKey: 'servicenow-app' })
    ).toBe(true)
    expect(isSecretPath(['name'], { integrationKey: 'custom-approvals' })).toBe(false)
  })

  it('compares a value with a mask by the ends the mask shows', () => {
    expect(looksMasked('sup********123')).toBe(true)
    expect(looksMasked('dum****ion')).toBe(true)
    expect(looksMasked('********')).toBe(true)
    expect(looksMasked('************wxyz')).toBe(true)
    expect(looksMasked('a*b')).toBe(false)
    expect(looksMasked('https://a.example.com')).toBe(false)
    expect(compareWithMask('sup********123', 'supersecret123')).toBe('same')
    expect(compareWithMask('sup********123', 'supersecret124')).toBe('different')
    expect(compareWithMask('sup********123', 'su123')).toBe('different')
    // A mask that shows nothing tells nothing: never "the same" (issue 11).
    expect(compareWithMask('********', 'anything')).toBe('unknown')
    expect(compareWithMask('', 'anything')).toBe('unknown')
    expect(compareWithMask('ab****', 'abcdef')).toBe('unknown')
    // Any number of asterisks, any ends it shows.
    expect(compareWithMask('dum****ion', 'dummy-passion')).toBe('same')
    expect(compareWithMask('sup***123', 'supersecret123')).toBe('same')
    expect(compareWithMask('************wxyz', 'api-0123-wxyz')).toBe('same')
    expect(compareWithMask('************wxyz', 'api-0123-wxya')).toBe('different')
    expect(compareWithMask('sup********123', 42)).toBe('different')
  })

  it('scrubs secrets, longest first and in their JSON spelling', () => {
    const scrubber = new Scrubber()
    scrubber.add('abcd')
    scrubber.add('abcdef"gh')
    scrubber.add('no') // too short to find inside words: scrubbed only where it stands alone
    expect(scrubber.scrub('x abcdef"gh y abcd z no')).toBe('x *** y *** z ***')
    expect(scrubber.scrub('now, nobody, snow: no')).toBe('now, nobody, snow: ***')
    expect(scrubber.scrub(JSON.stringify({ v: 'abcdef"gh' }))).toBe('{"v":"***"}')
  })

  it('scrubs the spellings a service echoes a value in, and each line of a multi-line one', () => {
    const scrubber = new Scrubber()
    const pem =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----'
    scrubber.add(pem)
    scrubber.add('p@ss w/rd&#1')
    expect(scrubber.scrub(`key ${pem} end`)).toBe('key *** end')
    expect(scrubber.scrub(JSON.stringify(pem))).toBe('"***"')
    expect(scrubber.scrub('line: MIIEvQIBADANBgkqhkiG9w0BAQEFAASC.')).toBe('line: ***.')
    expect(scrubber.scrub(`url?k=${encodeURIComponent('p@ss w/rd&#1')}`)).toBe('url?k=***')
    expect(scrubber.scrub('p@ss w/rd&#1')).toBe('***')
  })

  it('scrubs strings inside values, never keys, numbers or booleans', () => {
    const scrubber = new Scrubber()
    scrubber.add('true')
    scrubber.add('name')
    expect(
      scrubber.scrubDeep({ name: 'a true story', changed: true, n: 1, list: ['name'] })
    ).toEqual({
      name: 'a *** story',
      changed: true,
      n: 1,
      list: ['***']
    })
  })

  it('scrubs any \\uXXXX spelling of any character, Go’s HTML-safe escapes included, mixed too', () => {
    const scrubber = new Scrubber()
    const secret = 'https://h.example.com/s?a=1&b=<x>&c="y"'
    scrubber.add(secret)
    const go = JSON.stringify(secret).replace(
      /[&<>]/g,
      c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
    )
    expect(go).toContain('\\u0026b=\\u003cx\\u003e')
    expect(scrubber.scrub(`error: ${go}`)).toBe('error: "***"')
    expect(scrubber.scrub(go.toUpperCase().replace('HTTPS', 'https'))).not.toContain('\\u0026B')
    // Every character spelled \uXXXX, upper-case hex; and a mix of spellings in one echo.
    const all = [...secret]
      .map(c => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)
      .join('')
    expect(scrubber.scrub(`[${all}]`)).toBe('[***]')
    expect(
      scrubber.scrub('x https:%2F%2Fh.example.com/s?a=1&amp;b=\\u003cx&#62;&c=\\"y&#x22; z')
    ).toBe('x *** z')
    // A character outside the BMP, as a surrogate pair.
    scrubber.add('key😀tail')
    expect(scrubber.scrub('k: key\\ud83d\\ude00tail.')).toBe('k: ***.')
  })

  it('replaces a secret that contains another whole, whenever each was added', () => {
    const scrubber = new Scrubber()
    scrubber.add('abcd')
    expect(scrubber.scrub('abcd')).toBe('***')
    scrubber.add('abcdefgh')
    expect(scrubber.scrub('x abcdefgh y')).toBe('x *** y')
    for (let i = 0; i < 100; i++) scrubber.add(`secret-${i}-value`)
    scrubber.add('0123abcdefgh4567')
    expect(scrubber.scrub('x 0123abcdefgh4567 secret-42-value y')).toBe('x *** *** y')
  })
})
