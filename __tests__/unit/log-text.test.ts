import { inertLogText, oneLine } from '../../src/core/log-text.js'
import { truncateUtf8 } from '../../src/core/text.js'

describe('inertLogText', () => {
  it.each([
    ['a\n::error::pwned', 'a\n%3A%3Aerror::pwned'],
    ['a\r\n  ::add-mask::x', 'a\n  %3A%3Aadd-mask::x'],
    ['a\r::stop-commands::t', 'a\n%3A%3Astop-commands::t'],
    ['\u00a0\u2003::warning::x', '\u00a0\u2003%3A%3Awarning::x'],
    ['x ##[error]y ##[add-mask]z', 'x ##%5Berror]y ##%5Badd-mask]z']
  ])('defuses %j', (text, expected) => {
    expect(inertLogText(text)).toBe(expected)
  })

  it('leaves ordinary text as it is', () => {
    const text = 'Approvals (prod): updated\n  /enabled: true → false\n  url: "a::b"'
    expect(inertLogText(text)).toBe(text)
  })

  it('puts a value on one line', () => {
    expect(oneLine('a\nb\r\nc\u2028d')).toBe('a⏎b⏎c⏎d')
  })
})

describe('truncateUtf8', () => {
  it('cuts at a character boundary, measured in bytes', () => {
    expect(truncateUtf8('€€€', 7)).toBe('€€')
    expect(truncateUtf8('a€', 3)).toBe('a')
    expect(truncateUtf8('😀x', 4)).toBe('😀')
    expect(truncateUtf8('😀x', 3)).toBe('')
    expect(truncateUtf8('short', 100)).toBe('short')
  })
})
