/**
 * dist/licenses.txt names every package the bundle carries: every package the runtime dependencies
 * install (package-lock.json, not dev), each with its license text. scripts/build.mjs writes it from
 * ncc's statistics; this catches a dependency added without a rebuild, or one the build missed.
 */
import { readdirSync, readFileSync } from 'node:fs'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')

/** Runtime packages with no code to bundle: their package holds type declarations only. */
const TYPES_ONLY = ['@octokit/openapi-types', '@octokit/types']

interface Lock {
  packages: Record<string, { version?: string; dev?: boolean }>
}

const blocks = read('dist/licenses.txt').trim().split('\n\n---\n\n')
const listed = blocks.map(block => block.split('\n')[0] ?? '')

describe('dist/licenses.txt', () => {
  it('lists every runtime package but the types-only ones, by name and version', () => {
    const lock = JSON.parse(read('package-lock.json')) as Lock
    const runtime = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !entry.dev)
      .map(([path, entry]) => ({ name: path.replace(/^.*node_modules\//, ''), entry }))
      .filter(({ name }) => !TYPES_ONLY.includes(name))
      .map(({ name, entry }) => `${name}@${entry.version}`)
    expect([...listed].sort()).toEqual([...new Set(runtime)].sort())
    // The ones it used to miss.
    expect(listed).toEqual(
      expect.arrayContaining([
        '@actions/core@3.0.1',
        '@actions/exec@3.0.0',
        '@actions/io@3.0.2',
        'fast-json-patch@3.1.1'
      ])
    )
  })

  it('gives each its license and the text of its license file', () => {
    for (const block of blocks) {
      const [name, license, ...text] = block.split('\n')
      expect({ name, license: /^[A-Za-z0-9.()\- ]+$/.test(license ?? '') }).toEqual({
        name,
        license: true
      })
      expect({ name, text: text.join('\n') }).toEqual({
        name,
        text: expect.stringMatching(/copyright|permission|license/i)
      })
    }
  })

  it('leaves out only packages that hold no JavaScript', () => {
    for (const name of TYPES_ONLY) {
      const files = readdirSync(new URL(`node_modules/${name}/`, root), { recursive: true })
      expect({ name, js: files.filter(file => /\.(c|m)?js$/.test(String(file))) }).toEqual({
        name,
        js: []
      })
    }
  })
})
