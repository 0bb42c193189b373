/**
 * The repository around the action: the example desired-state files are valid, and the files users
 * and contributors expect are there. (The workflows' checks, actionlint among them, moved to
 * __tests__/contract/workflows.test.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import Ajv from 'ajv'
import { parse } from 'yaml'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')
const list = (directory: string, extension: string): string[] =>
  readdirSync(new URL(directory, root))
    .filter(name => name.endsWith(extension))
    .sort()
    .map(name => `${directory}${name}`)

interface ActionManifest {
  description: string
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}
const manifest = parse(read('action.yml')) as ActionManifest

describe('examples/launchdarkly', () => {
  // Patch files live in patches/, outside the desired-state glob launchdarkly/*.yaml (issue 19).
  const files = [
    ...list('examples/launchdarkly/', '.yaml'),
    ...list('examples/launchdarkly/patches/', '.yaml')
  ].map(path => ({
    path,
    document: parse(read(path)) as unknown
  }))
  // A patch file is a list of JSON Patch operations; a desired-state file is an object.
  const patchFiles = files.filter(file => Array.isArray(file.document))
  const desiredState = files.filter(file => !Array.isArray(file.document))

  it('has desired-state files and the release patch file', () => {
    expect(desiredState.map(file => file.path)).toEqual(
      expect.arrayContaining([
        'examples/launchdarkly/approvals.yaml',
        'examples/launchdarkly/paging.yaml'
      ])
    )
    expect(patchFiles.map(file => file.path)).toEqual([
      'examples/launchdarkly/patches/approvals-release.yaml'
    ])
    // And no patch file where the desired-state glob would read it.
    expect(
      list('examples/launchdarkly/', '.yaml').filter(path => path.includes('release'))
    ).toEqual([])
  })

  it('desired-state files are valid against schema/desired-state.schema.json', () => {
    const ajv = new Ajv({ strict: false, allErrors: true })
    const validate = ajv.compile(JSON.parse(read('schema/desired-state.schema.json')) as object)
    const invalid = desiredState
      .filter(file => !validate(file.document))
      .map(file => `${file.path}: ${ajv.errorsText(validate.errors)}`)
    expect(invalid).toEqual([])
  })

  it('patch files are lists of operations, each with an op and a path', () => {
    for (const file of patchFiles) {
      for (const operation of file.document as unknown[]) {
        expect(operation).toEqual(
          expect.objectContaining({ op: expect.any(String), path: expect.any(String) })
        )
      }
    }
  })
})

describe('repository conventions', () => {
  it('action.yml has a description under 125 characters (the Marketplace refuses longer)', () => {
    expect(manifest.description.length).toBeLessThan(125)
  })

  it.each(['LICENSE', 'CHANGELOG.md', 'SECURITY.md', 'CONTRIBUTING.md', '.github/CODEOWNERS'])(
    '%s exists',
    path => {
      expect(existsSync(new URL(path, root))).toBe(true)
    }
  )
})

// The README's tests (its tables equal to action.yml, the statuses and failure reasons it names,
// the example workflows it shows) moved to __tests__/unit/docs.test.ts, with the tests of docs/.
