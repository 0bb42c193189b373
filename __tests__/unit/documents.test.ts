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

  it('refuses documents over 1 MiB', async () => {
    await expect(parseDocument(`"${'x'.repeat(1024 * 1024)}"`)).rejects.toThrow(/larger than/)
  })

  it('finds the line of a value', async () => {
    const text = 'configurations:\n  - name: a\n    tags: [1]\n'
    await expect(lineAt(text, ['configurations', '0', 'tags'])).resolves.toBe(3)
    await expect(lineAt('{\n "a": {\n  "b": 1\n }\n}', ['a', 'b'])).resolves.toBe(3)
  })
})
