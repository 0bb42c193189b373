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

describe('README', () => {
  const readme = read('README.md')
  const yamlBlocks = [...readme.matchAll(/```yaml\n([^]*?)```/g)].map(match => match[1] ?? '')
  const tableRows = (heading: string): string[] => {
    const section = readme.split(`\n## ${heading}\n`)[1]?.split('\n## ')[0] ?? ''
    return [...section.matchAll(/^\| `([a-z-]+)`/gm)].map(match => match[1] ?? '')
  }

  it('shows every example workflow whole, as it is in examples/workflows', () => {
    const examples = list('examples/workflows/', '.yml')
    // Without this, an empty or moved examples/workflows would pass.
    expect(examples).toEqual([
      'examples/workflows/export.yml',
      'examples/workflows/pull-request.yml',
      'examples/workflows/release-with-undo.yml',
      'examples/workflows/release.yml',
      'examples/workflows/rollback.yml',
      'examples/workflows/schedule.yml'
    ])
    for (const path of examples) {
      expect({ path, shown: yamlBlocks.includes(read(path)) }).toEqual({ path, shown: true })
    }
  })

  it('has a row for every input and output of action.yml, in no other', () => {
    expect(tableRows('Inputs').sort()).toEqual(Object.keys(manifest.inputs).sort())
    expect(tableRows('Outputs').sort()).toEqual(Object.keys(manifest.outputs).sort())
  })

  it('names every status and failure reason that action.yml names', () => {
    // "… status is created, updated, …, unmanaged (in LaunchDarkly, in no file), … or exported."
    const listed = (output: string, after: string) =>
      (manifest.outputs[output]?.description.split(after)[1] ?? '')
        .replace(/\([^)]*\)/g, '')
        .split(/,| or /)
        .map(word => word.trim().replace(/\.$/, ''))
        .filter(Boolean)
    const statuses = listed('results', 'status is ')
    const reasons = listed('failure-reason', 'otherwise ')
    expect(statuses).toEqual(expect.arrayContaining(['created', 'would-delete', 'exported']))
    expect(reasons).toEqual(expect.arrayContaining(['invalid-input', 'plan-changed', 'internal']))
    const missing = [...statuses, ...reasons].filter(word => !readme.includes(`\`${word}\``))
    expect(missing).toEqual([])
  })
})
