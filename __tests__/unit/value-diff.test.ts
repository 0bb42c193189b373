import { diffLines, readAlikeNotes, shortenPair } from '../../src/core/render/value-diff.js'
import { SECRET_BEFORE, SECRET_CHANGED } from '../../src/core/secrets.js'

const show = (lines: ReturnType<typeof diffLines>) => lines.map(l => `${l.kind}${l.text}`)

describe('diffLines', () => {
  it('prints one leaf per line, with the unchanged ancestors as context', () => {
    expect(
      show(
        diffLines([
          { path: '/configValues/baseURL', before: 'https://a', after: 'https://b', secret: false },
          { path: '/enabled', before: true, after: false, secret: false }
        ])
      )
    ).toEqual([
      ' configValues:',
      '-  baseURL: "https://a"',
      '+  baseURL: "https://b"',
      '-enabled: true',
      '+enabled: false'
    ])
  })

  it('compares arrays element by element', () => {
    expect(
      show(
        diffLines([
          { path: '/tags', before: ['prod', 'x'], after: ['prod', 'approvals', 'x'], secret: false }
        ])
      )
    ).toEqual([' tags:', '   - "prod"', '+  - "approvals"', '   - "x"'])
  })

  it('writes objects in lists as YAML does, and added or removed fields alone', () => {
    expect(
      show(
        diffLines([
          {
            path: '/capabilityConfig',
            after: { approvals: { fields: [{ key: 'a', name: 'A' }] } },
            secret: false
          },
          { path: '/configValues/old', before: 'x', secret: false }
        ])
      )
    ).toEqual([
      '+capabilityConfig:',
      '+  approvals:',
      '+    fields:',
      '+      - key: "a"',
      '+        name: "A"',
      ' configValues:',
      '-  old: "x"'
    ])
  })

  it('shows secrets by their placeholders, and keeps every value on its line', () => {
    expect(
      show(
        diffLines([
          {
            path: '/configValues/apiKey',
            before: SECRET_BEFORE,
            after: SECRET_CHANGED,
            secret: true
          },
          { path: '/name', before: 'a\n::error::x', after: 'b', secret: false }
        ])
      )
    ).toEqual([
      ' configValues:',
      '-  apiKey: (secret)',
      '+  apiKey: (secret: changed)',
      '-name: "a\\n::error::x"',
      '+name: "b"'
    ])
  })

  it('knows a secret by its tag, never by its text: a plain value spelled like one is a string', () => {
    expect(
      show(
        diffLines([
          {
            path: '/configValues/note',
            before: '(secret)',
            after: '(secret: changed)',
            secret: false
          }
        ])
      )
    ).toEqual([' configValues:', '-  note: "(secret)"', '+  note: "(secret: changed)"'])
  })

  it('writes hidden and look-alike characters in values and keys as escapes', () => {
    expect(
      show(
        diffLines([
          {
            path: '/configValues/url',
            before: 'https://example.com',
            after: 'https://ex\u0430mple.com',
            secret: false
          },
          { path: '/configValues/to\u200Bken', after: 'a\u00A0b\u202Ec', secret: false }
        ])
      )
    ).toEqual([
      ' configValues:',
      '-  url: "https://example.com"',
      '+  url: "https://ex\\u0430mple.com"',
      '+  "to\\u200Bken": "a\\u00A0b\\u202Ec"'
    ])
  })

  it('quotes a key that could pass for something else', () => {
    expect(show(diffLines([{ path: '/configValues/a: b', after: 1, secret: false }]))).toEqual([
      ' configValues:',
      '+  "a: b": 1'
    ])
  })
})

describe('shortenPair', () => {
  it('cuts long values around where they differ, never to identical text', () => {
    const base = 'https://example.com/' + 'a'.repeat(300)
    const [before, after] = shortenPair(
      `  url: "${base}?region=us-east-1&mode=fast"`,
      `  url: "${base}?region=eu-west-1&mode=fast"`
    )
    expect(before).not.toBe(after)
    expect(before).toContain('region=us-east-1')
    expect(after).toContain('region=eu-west-1')
    // Cut after the key, the URL's scheme and host kept (issue 19: where a link goes shows).
    expect(before.startsWith('  url: "https://example.com…')).toBe(true)
    expect(before.length).toBeLessThan(200)
  })

  it('keeps short values whole', () => {
    expect(shortenPair('a: "x"', 'a: "y"')).toEqual(['a: "x"', 'a: "y"'])
  })

  it('differs even when one value is the other with a piece left out', () => {
    const long = 'x'.repeat(200)
    const [before, after] = shortenPair(`v: "${long}A${long}"`, `v: "${long}${long}"`)
    expect(before).not.toBe(after)
  })
})

describe('readAlikeNotes', () => {
  it('says what differs in a pair that still reads the same', () => {
    const lines = diffLines([
      { path: '/name', before: 'Caf\u00e9', after: 'Cafe\u0301', secret: false },
      { path: '/enabled', before: true, after: false, secret: false }
    ])
    expect(readAlikeNotes(lines)).toEqual([
      '`name`: they read the same but differ at character 4: U+00E9 before, U+0065 after'
    ])
  })
})

describe('long values (issue 19)', () => {
  const path = Array.from({ length: 60 }, (_, i) => `segment-${i}`).join('/')
  const before = `https://hooks.example.com/services/${path}?region=us-east-1&team=platform`
  const after = `https://hooks.example.com/services/${path.replace('segment-2/', 'segment-X/')}?region=eu-west-1&team=platform`

  it('cuts one pair of lines per difference when they are far apart, each keeping the host', () => {
    const lines = show(diffLines([{ path: '/configValues/url', before, after, secret: false }]))
    expect(lines).toHaveLength(5)
    expect(lines[1]).toMatch(/^- {2}url: "https:\/\/hooks\.example\.com….*segment-2\/.*…$/)
    expect(lines[2]).toMatch(/^\+ {2}url: "https:\/\/hooks\.example\.com….*segment-X\/.*…$/)
    expect(lines[3]).toContain('region=us-east-1')
    expect(lines[4]).toContain('region=eu-west-1')
    // No line much wider than a comment's code block (about 100 characters at GitHub's width).
    expect(Math.max(...lines.map(line => line.length))).toBeLessThanOrEqual(110)
  })

  it('compares a string holding JSON as the JSON it holds', () => {
    const lines = show(
      diffLines([
        {
          path: '/configValues/payload',
          before: '{"channel":"#releases","mention":false}',
          after: '{"channel":"#releases","mention":true}',
          secret: false
        }
      ])
    )
    expect(lines).toEqual([
      ' configValues:',
      '   payload: (a string holding JSON)',
      '     channel: "#releases"',
      '-    mention: false',
      '+    mention: true'
    ])
  })
})
