import { assertStrictJson, MAX_DEPTH, StrictJsonError } from '../../src/core/strict-json.js'
import { DocumentError, parseDocument } from '../../src/core/documents.js'
import { abbreviate } from '../../src/core/text.js'

describe('strict JSON', () => {
  it.each([
    ['{"a": 1, "a": 2}', /key "a" twice/, 1],
    ['{\n "a": {"b": 1},\n "c": {"b": 2, "b": 3}\n}', /key "b" twice/, 3],
    ['{"a\\u0062": 1, "ab": 2}', /key "ab" twice/, 1],
    ['[1e400]', /1e400, which is too large/, 1],
    ['{"id": 12345678901234567890}', /sent as 12345678901234567000/, 1],
    ['[0.30000000000000000001]', /sent as 0\.3/, 1],
    // 2^60 is a double, but it is written back as 1152921504606847000: not what the file says.
    ['[1152921504606846976]', /sent as 1152921504606847000/, 1],
    [`${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`, /nested more than 64/, 1],
    // Longer than any cap on how much of a number is read: the 1 at the end still counts.
    [`{"a": 0.${'0'.repeat(450)}1}`, /0\.0{37}…, which would be sent as 0 \(/, 1],
    [`{\n"a": [1, -${'1'.repeat(450)}]}`, /-1{38}…, which is too large/, 2]
  ])('refuses %j', (text, message, line) => {
    JSON.parse(text)
    let error: unknown
    try {
      assertStrictJson(text)
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(StrictJsonError)
    expect((error as StrictJsonError).message).toMatch(message)
    expect((error as StrictJsonError).line).toBe(line)
  })

  it.each([
    '{"a": 1, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}',
    '[0.1, 1.0, 1e2, -0, 9007199254740991, 1.5e-7, "1e400", "x\\"y"]',
    '{"": 1, "\\"": 2}',
    `${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`,
    `[0.${'0'.repeat(450)}, 1${'0'.repeat(20)}, 1.5${'0'.repeat(450)}]`
  ])('accepts %j', text => {
    expect(() => assertStrictJson(text)).not.toThrow()
  })

  // Linear in the length of a number: a document of a million digits must not take minutes. No
  // clock is read (no test asserts a wall-clock bound): a quadratic reading of half a million
  // digits takes minutes, which the suite's hang guard (jest's testTimeout) reports.
  it('reads a number of half a million digits at once', async () => {
    const number = `0.1${'0'.repeat(500_000)}2`
    expect(() => assertStrictJson(`[${number}]`)).toThrow(/sent as 0\.1 /)
    await expect(parseDocument(`a: ${number}\n`)).rejects.toThrow(/sent as 0\.1 /)
  })
})

describe('abbreviate', () => {
  it('cuts by characters, never inside one', () => {
    expect(abbreviate('short', 60)).toBe('short')
    expect(abbreviate('x'.repeat(60), 60)).toBe('x'.repeat(60))
    expect(abbreviate('x'.repeat(61), 60)).toBe(`${'x'.repeat(59)}…`)
    // Each emoji is two UTF-16 code units: slice(0, 57) would leave half of one.
    const cut = abbreviate('😀'.repeat(61), 60)
    expect(cut).toBe(`${'😀'.repeat(59)}…`)
    expect(cut).not.toMatch(/\p{Cs}/u)
  })
})

describe('parseDocument: values that would change on the way', () => {
  it.each([
    ['a: .inf\n', /\.inf, which JSON cannot carry/],
    ['a: -.Inf\n', /JSON cannot carry/],
    ['a: .nan\n', /\.nan/],
    ['a: 1e400\n', /1e400, which JSON cannot carry/],
    ['a: 12345678901234567890\n', /sent as/],
    ['a: 0x1FFFFFFFFFFFFFFF\n', /too large to send exactly/],
    [`a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, /nested more than 64/],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nested more than 64/]
  ])('refuses %j', async (text, message) => {
    await expect(parseDocument(text)).rejects.toThrow(DocumentError)
    await expect(parseDocument(text)).rejects.toThrow(message)
  })

  it('accepts numbers a double carries, in YAML spellings too', async () => {
    await expect(parseDocument('a: 0x1F\nb: 0o17\nc: 1.50\nd: 1e3\ne: -0.25\n')).resolves.toEqual({
      a: 31,
      b: 15,
      c: 1.5,
      d: 1000,
      e: -0.25
    })
  })

  it('reads a document that starts with a byte-order mark, YAML or JSON', async () => {
    await expect(parseDocument('\ufeff# comment\na: 1\n')).resolves.toEqual({ a: 1 })
    await expect(parseDocument('\ufeff{"a": 1}')).resolves.toEqual({ a: 1 })
  })

  it('says a document of comments only holds nothing', async () => {
    await expect(parseDocument('# just a comment\n')).rejects.toThrow(/nothing but comments/)
  })
})
