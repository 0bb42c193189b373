import {
  asRead,
  bidiControlIn,
  hasLookAlikes,
  sameReadingDifference,
  visible
} from '../../src/core/visible.js'

describe('visible', () => {
  it.each([
    ['a zero-width space', 'a\u200Bb', 'a\\u200Bb'],
    ['a no-break space', 'a\u00A0b', 'a\\u00A0b'],
    ['a soft hyphen', 'soft\u00ADware', 'soft\\u00ADware'],
    ['a bidi override', 'abc\u202Edef', 'abc\\u202Edef'],
    ['a bidi isolate', 'a\u2066b\u2069', 'a\\u2066b\\u2069'],
    ['a word joiner', 'a\u2060b', 'a\\u2060b'],
    ['a byte-order mark', '\uFEFFa', '\\uFEFFa'],
    ['a control character', 'a\u0007b', 'a\\u0007b'],
    ['a C1 control', 'a\u0085b', 'a\\u0085b'],
    ['a line separator', 'a\u2028b', 'a\\u2028b'],
    ['an ideographic space', 'a\u3000b', 'a\\u3000b'],
    ['a Hangul filler', 'a\u3164b', 'a\\u3164b'],
    ['a tag character', 'a\u{E0041}b', 'a\\uDB40\\uDC41b'],
    ['a Cyrillic о in a Latin host name', 'gооgle.com', 'g\\u043E\\u043Egle.com'],
    [
      'a host name wholly in Cyrillic look-alikes',
      'аррӏе.com',
      '\\u0430\\u0440\\u0440\\u04CF\\u0435.com'
    ],
    ['a Greek ο in a Latin word', 'micrοsoft', 'micr\\u03BFsoft'],
    ['fullwidth letters', 'ＡＢＣ', '\\uFF21\\uFF22\\uFF23']
  ])('writes %s as an escape', (_what, value, shown) => {
    expect(visible(value)).toBe(shown)
  })

  it.each([
    ['ASCII', 'Approvals (prod): https://example.com/a?b=c'],
    ['a Russian word', 'Оповещения'],
    ['accented Latin', 'Café crème'],
    ['Japanese with Latin', '東京Tokyo リリース'],
    ['emoji with joiners and presentation selectors', '✏️ 🗑️ 👨‍👩‍👧'],
    ['a line break, when kept', 'a\nb']
  ])('leaves %s as it is', (_what, value) => {
    expect(visible(value, { keepLineBreaks: true })).toBe(value)
  })

  it('doubles a backslash that would pass for an escape in plain text, not in JSON', () => {
    expect(visible('\\u200B', { plain: true })).toBe('\\\\u200B')
    expect(visible('"\\u200B"')).toBe('"\\u200B"')
  })

  // Whatever else the text holds (a hidden character, a non-ASCII letter, an arrow, a control), it
  // goes down another path than plain ASCII, and each path must still tell a written \u200B from
  // the escape of a hidden one.
  it.each([
    ['a hidden character', 'a\u200Bb \\u200B', 'a\\u200Bb \\\\u200B'],
    ['a non-ASCII letter', 'Zürich \\u200B', 'Zürich \\\\u200B'],
    ['an arrow', 'a → \\u200B', 'a → \\\\u200B'],
    ['a line feed', 'a\n\\u200B', `a${visible('\n')}\\\\u200B`]
  ])('doubles it in plain text with %s too', (_what, value, shown) => {
    expect(visible(value, { plain: true })).toBe(shown)
  })

  it('keeps the escapes valid JSON that means the same value', () => {
    const value = 'x\u200By\u{E0041}z\u202E'
    expect(JSON.parse(visible(JSON.stringify(value)))).toBe(value)
  })

  it('flags mixed scripts', () => {
    expect(hasLookAlikes('pаypal.com')).toBe(true)
    expect(hasLookAlikes('paypal.com')).toBe(false)
    expect(hasLookAlikes('Оповещения')).toBe(false)
  })
})

describe('sameReadingDifference', () => {
  it('says what differs between two texts that read the same', () => {
    expect(sameReadingDifference('example.com', 'exаmple.com')).toBe(
      'they read the same but differ at character 3: U+0061 before, U+0430 (Cyrillic) after'
    )
    expect(sameReadingDifference('café', 'cafe\u0301')).toContain('character 4')
    expect(sameReadingDifference('ab', 'a\u200Bb')).toContain('U+200B')
    expect(sameReadingDifference('a', 'b')).toBeUndefined()
    expect(sameReadingDifference('a', 'a')).toBeUndefined()
  })

  it('folds what a reader cannot tell apart', () => {
    expect(asRead('аррӏе\u00AD.com')).toBe('apple.com')
  })
})

describe('bidiControlIn', () => {
  it('finds a bidi control and says where', () => {
    expect(bidiControlIn('a: 1\nb: "x\u202Ey"')).toEqual({
      line: 2,
      column: 6,
      character: '\u202E'
    })
    expect(bidiControlIn('a: 1')).toBeUndefined()
  })
})
