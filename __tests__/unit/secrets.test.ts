import {
  isSecretKey,
  isSecretPath,
  looksMasked,
  maskMatches,
  Redactor
} from '../../src/core/secrets.js'

describe('secrets', () => {
  it('knows secret keys from manifests, from their names, and from masked values', () => {
    expect(isSecretKey('gitar', 'gitarToken')).toBe(true)
    expect(isSecretKey('custom-approvals', 'baseURL')).toBe(false)
    expect(isSecretKey(undefined, 'client_secret')).toBe(true)
    expect(isSecretKey(undefined, 'webhookPassword')).toBe(true)
    expect(isSecretKey(undefined, 'region', 'abc****xyz')).toBe(true)
    expect(isSecretPath(['configValues', 'oauth', 'refreshToken'], 'servicenow-app')).toBe(true)
    expect(isSecretPath(['name'], 'custom-approvals')).toBe(false)
  })

  it('compares a value with a mask by the ends the mask shows', () => {
    expect(looksMasked('sup********123')).toBe(true)
    expect(looksMasked('dum****ion')).toBe(true)
    expect(looksMasked('********')).toBe(true)
    expect(looksMasked('https://a.example.com')).toBe(false)
    expect(maskMatches('sup********123', 'supersecret123')).toBe(true)
    expect(maskMatches('sup********123', 'supersecret124')).toBe(false)
    expect(maskMatches('sup********123', 'su123')).toBe(false)
    expect(maskMatches('********', 'anything')).toBe(true)
  })

  it('scrubs secrets, longest first and in their JSON spelling', () => {
    const redactor = new Redactor()
    redactor.add('abcd')
    redactor.add('abcdef"gh')
    redactor.add('no') // too short to protect anything
    expect(redactor.scrub('x abcdef"gh y abcd z no')).toBe('x *** y *** z no')
    expect(redactor.scrub(JSON.stringify({ v: 'abcdef"gh' }))).toBe('{"v":"***"}')
  })
})
