import { DocumentError, lineAt, parseDocument } from '../../src/core/documents.js'

describe('parseDocument', () => {
  it('reads JSON and YAML', async () => {
    await expect(parseDocument('[{"op":"remove","path":"/tags"}]')).resolves.toEqual([
      { op: 'remove', path: '/tags' }
    ])
    await expect(parseDocument('- op: remove\n  path: /tags\n')).resolves.toEqual([
      { op: 'remove', path: '/tags' }
    ])
    await expect(parseDocument('[{op: remove, path: /tags}]')).resolves.toEqual([
      { op: 'remove', path: '/tags' }
    ])
  })

  it.each([
    ['', /is empty/],
    ['a: 1\na: 2\n', /line 2.*unique/i],
    ['base: &b {x: 1}\nother: *b\n', /anchor &b/],
    ['value: !!js/function "x"\n', /tag/],
    ['value: !custom x\n', /tag/],
    ['a: 1\n---\nb: 2\n', /2 YAML documents/],
    ['{"__proto__": {"polluted": true}}', /__proto__/],
    ['configValues:\n  constructor: {prototype: {x: 1}}\n', /constructor/],
    ['- op: [unclosed\n', /not valid JSON or YAML/]
  ])('refuses %j', async (text, message) => {
    await expect(parseDocument(text)).rejects.toThrow(DocumentError)
    await expect(parseDocument(text)).rejects.toThrow(message)
  })

  // Different YAML values, one key once they are an object's keys: the last would win unseen.
  it.each([
    ['1: x\n"1": y\n', /key "1" twice in one map.*line 2/],
    ['true: a\n"true": b\n', /key "true" twice in one map.*line 2/],
    ['null: a\n"": b\n', /key "" twice in one map.*line 2/],
    ['configValues:\n  ~: a\n  "": b\n', /key "" twice in one map.*line 3/],
    ['{1: a, "1": b}', /key "1" twice in one map.*line 1/],
    ['[{0x10: a, "16": b}]', /key "16" twice in one map.*line 1/]
  ])('refuses the keys of %j, which read the same as text', async (text, message) => {
    await expect(parseDocument(text)).rejects.toThrow(DocumentError)
    await expect(parseDocument(text)).rejects.toThrow(message)
  })

  it.each([
    ['? [a]\n: c\n', 1],
    ['configValues:\n  ? {a: 1}\n  : c\n', 2],
    ['{[a, b]: c}', 1],
    ['- [[x]: y]\n', 1]
  ])('refuses the list or map used as a key in %j, without a warning', async (text, line) => {
    // The YAML library would print the key to stderr (process.emitWarning) as it stringifies it.
    const warnings: unknown[] = []
    const emitWarning = process.emitWarning
    process.emitWarning = (warning: unknown) => {
      warnings.push(warning)
    }
    try {
      await expect(parseDocument(text)).rejects.toThrow(
        new RegExp(`list or map as a key \\(line ${line}\\); keys must be plain text`)
      )
    } finally {
      process.emitWarning = emitWarning
    }
    expect(warnings).toEqual([])
  })

  it('accepts keys that stay apart as text', async () => {
    await expect(parseDocument('1: a\n"2": b\ntrue: c\n~: d\n')).resolves.toEqual({
      '1': 'a',
      '2': 'b',
      true: 'c',
      '': 'd'
    })
    await expect(parseDocument('a:\n  1: x\nb:\n  "1": y\n')).resolves.toEqual({
      a: { '1': 'x' },
      b: { '1': 'y' }
    })
  })

  // A quote that opens no string (in a plain scalar, or '' inside a quoted one) must not hide the
  // brackets after it from the depth count: nested this deep, the parser takes the process down.
  it.each([
    ["k: a ['\n", 2],
    ["k: 'a''['\n", 2],
    ['k: "a\\"[" # [\'\n', 2],
    ["k: |\n  '[\nx: y\n", 4]
  ])('counts the flow nesting after %j', async (prefix, line) => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`
    const text = `${prefix}d: ${deep}\n`
    await expect(parseDocument(text)).rejects.toThrow(
      new RegExp(`nested more than 64 levels deep \\(line ${line}\\)`)
    )
  })

  it('does not count brackets that are text', async () => {
    const brackets = '['.repeat(100)
    await expect(
      parseDocument(
        `a: it's [\nb: '${brackets}'\nc: "${brackets}" # ${brackets}\nd: x${brackets}\n`
      )
    ).resolves.toEqual({ a: "it's [", b: brackets, c: brackets, d: `x${brackets}` })
    await expect(parseDocument("k: a ['\nd: [[1]]\n")).resolves.toEqual({ k: "a ['", d: [[1]] })
  })

  it('refuses documents over 1 MiB', async () => {
    await expect(parseDocument(`"${'x'.repeat(1024 * 1024)}"`)).rejects.toThrow(/larger than/)
  })

  it('finds the line of a value', async () => {
    const text = 'configurations:\n  - name: a\n    tags: [1]\n'
    await expect(lineAt(text, ['configurations', '0', 'tags'])).resolves.toBe(3)
    await expect(lineAt('{\n "a": {\n  "b": 1\n }\n}', ['a', 'b'])).resolves.toBe(3)
  })
})
