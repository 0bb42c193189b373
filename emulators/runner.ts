/**
 * Runs the built action as the GitHub runner does: `node dist/index.js` in a workspace, with INPUT_*
 * variables (the defaults of action.yml included, as the runner sets them), GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, an event payload, and GITHUB_API_URL pointing at an emulator. Then reads
 * back the exit code, the outputs, the summary and the annotations. Used by the end-to-end tests,
 * the demo and the benchmark.
 */
import { spawn } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { parse } from 'yaml'

const ROOT = new URL('../', import.meta.url).pathname
const ENTRY = join(ROOT, 'dist/index.js')

interface ActionManifest {
  inputs: Record<string, { default?: string }>
}
const manifest = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionManifest

export interface RunOptions {
  inputs: Record<string, string>
  /** Files to create in the workspace, path → content. */
  files?: Record<string, string | Buffer>
  /** Symbolic links to create in the workspace, path → target. */
  symlinks?: Record<string, string>
  env?: Record<string, string>
  eventName?: string
  event?: unknown
  /** The workflow's own token, which `github-token` defaults to. */
  githubToken?: string
  githubApiUrl?: string
  timeoutMs?: number
  /** Options for node itself, before the script (the benchmark traces module loads this way). */
  nodeArgs?: string[]
  /** A directory of the workspace whose files the result keeps (the workspace is removed). */
  collect?: string
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  properties: Record<string, string>
  message: string
}

export interface RunResult {
  exitCode: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  annotations: Annotation[]
  errors: Annotation[]
  durationMs: number
  workspace: string
  /** The files under `collect`, path (relative to the workspace) → text. */
  collected: Record<string, string>
}

/** A run's workspace, files and environment, made as the runner makes them. */
export interface PreparedRun {
  home: string
  workspace: string
  outputFile: string
  summaryFile: string
  /** Every input by name, action.yml's defaults filled in. */
  inputs: Record<string, string>
  /** The environment without the INPUT_* variables. */
  env: Record<string, string>
}

export function prepareRun(options: RunOptions): PreparedRun {
  const home = mkdtempSync(join(tmpdir(), 'ld-action-'))
  const workspace = join(home, 'workspace')
  mkdirSync(workspace)
  for (const [path, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    writeFileSync(join(workspace, path), content)
  }
  for (const [path, target] of Object.entries(options.symlinks ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true })
    symlinkSync(target, join(workspace, path))
  }
  const outputFile = join(home, 'output')
  const summaryFile = join(home, 'summary')
  const eventFile = join(home, 'event.json')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}))

  const inputs: Record<string, string> = {}
  for (const [name, spec] of Object.entries(manifest.inputs)) {
    const fallback =
      spec.default === '${{ github.token }}' ? (options.githubToken ?? '') : (spec.default ?? '')
    inputs[name] = options.inputs[name] ?? fallback
  }
  for (const [name, value] of Object.entries(options.inputs)) inputs[name] = value

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: 'acme/platform-config',
    GITHUB_REPOSITORY_OWNER: 'acme',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.githubApiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${options.githubApiUrl ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKFLOW: 'LaunchDarkly config',
    GITHUB_JOB: 'apply',
    RUNNER_TEMP: home,
    ...options.env
  }
  return { home, workspace, outputFile, summaryFile, inputs, env }
}

/** The result of a run, from what it left behind; the run's home is removed. */
export function finishRun(
  prepared: PreparedRun,
  collect: string | undefined,
  run: { exitCode: number | null; stdout: string; stderr: string; durationMs: number },
  written: { outputs: Record<string, string>; summary: string } = {
    outputs: parseOutputs(readFileSync(prepared.outputFile, 'utf8')),
    summary: readFileSync(prepared.summaryFile, 'utf8')
  }
): RunResult {
  const annotations = parseAnnotations(run.stdout)
  const result: RunResult = {
    ...run,
    ...written,
    annotations,
    errors: annotations.filter(a => a.level === 'error'),
    workspace: prepared.workspace,
    collected: collect ? collectFiles(prepared.workspace, collect) : {}
  }
  rmSync(prepared.home, { recursive: true, force: true })
  return result
}

/**
 * Runs dist/index.js as the runner does. `ACTION_NODE` names the node binary to run it with (the
 * runtime action.yml declares, Node 24, in CI); the default is the node running the tests.
 */
export async function runAction(options: RunOptions): Promise<RunResult> {
  const prepared = prepareRun(options)
  const env = { ...prepared.env }
  for (const [name, value] of Object.entries(prepared.inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  const node = process.env.ACTION_NODE || process.execPath
  const started = Date.now()
  const { exitCode, stdout, stderr } = await new Promise<{
    exitCode: number | null
    stdout: string
    stderr: string
  }>(resolve => {
    const child = spawn(node, [...(options.nodeArgs ?? []), ENTRY], {
      cwd: prepared.workspace,
      env
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ exitCode: code, stdout, stderr })
    })
  })
  return finishRun(prepared, options.collect, {
    exitCode,
    stdout,
    stderr,
    durationMs: Date.now() - started
  })
}

function collectFiles(workspace: string, directory: string): Record<string, string> {
  const root = join(workspace, directory)
  if (!existsSync(root)) return {}
  const files: Record<string, string> = {}
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const full = join(entry.parentPath, entry.name)
    files[relative(workspace, full)] = readFileSync(full, 'utf8')
  }
  return files
}

/** GITHUB_OUTPUT holds `name<<DELIMITER`, the value's lines, then the delimiter. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] as string)
    if (!match) continue
    const [, name, delimiter] = match as unknown as [string, string, string]
    const value: string[] = []
    for (i += 1; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string)
    outputs[name] = value.join('\n')
  }
  return outputs
}

const unescapeData = (s: string) =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')

export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = []
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line)
    if (!match) continue
    const properties: Record<string, string> = {}
    for (const pair of (match[2] ?? '').trim().split(',').filter(Boolean)) {
      const [key, ...rest] = pair.split('=')
      properties[key as string] = unescapeProperty(rest.join('='))
    }
    annotations.push({
      level: match[1] as Annotation['level'],
      properties,
      message: unescapeData(match[3] ?? '')
    })
  }
  return annotations
}
