/** Seeds, inputs and the checked runner shared by the end-to-end tests. */
import { parseComment } from '../../src/core/plan-comment.js'
import type { GitHubEmulator } from '../../emulators/github.js'
import type { RecordedRequest } from '../../emulators/http.js'
import {
  LaunchDarklyEmulator,
  READER_TOKEN,
  ROUTES,
  WRITER_TOKEN,
  type StoredConfiguration
} from '../../emulators/launchdarkly.js'
import { runAction, type RunOptions, type RunResult } from '../../emulators/runner.js'
import type { Status } from '../../src/core/outcome.js'
import { expectNoSecrets } from './canaries.js'
import { FakeClock } from './fake-clock.js'
import { runInProcess, type InProcessOptions } from './in-process.js'

export const APPROVALS_SECRET = 'supersecret123'

/** The routes as the emulator's request log names them. */
export const LIST = `GET ${ROUTES.list}`
export const POST = `POST ${ROUTES.list}`
export const GET = `GET ${ROUTES.item}`
export const PATCH = `PATCH ${ROUTES.item}`

export function seedApprovals(
  ld: LaunchDarklyEmulator,
  overrides: Partial<StoredConfiguration> = {}
): StoredConfiguration {
  const [stored] = ld.seed({
    integrationKey: 'custom-approvals',
    name: 'Approvals (prod)',
    tags: ['prod'],
    enabled: true,
    configValues: { baseURL: 'https://approvals.example.com', apiKey: APPROVALS_SECRET },
    capabilityConfig: { approvals: { additionalFormVariables: [] } },
    ...overrides
  })
  return stored as StoredConfiguration
}

/** The inputs every run against the emulator needs. */
export function ldInputs(
  ld: LaunchDarklyEmulator,
  inputs: Record<string, string> = {}
): Record<string, string> {
  return { 'access-token': WRITER_TOKEN, 'base-uri': ld.url, ...inputs }
}

/** What the canary check is told besides the run's own inputs and environment. */
export interface CanaryCheck {
  github?: GitHubEmulator
  secrets?: string[]
}

/**
 * Runs the action in-process, on src/, with a fake clock unless one is given (no wait costs real
 * time), and checks the secret canaries: the tokens, the secrets seeded, and every value the
 * step's environment gives (in these tests, only secrets for ${VAR} substitution) must appear
 * nowhere a person or another step can read, comments sent to GitHub included.
 */
export async function run(options: InProcessOptions, check: CanaryCheck = {}): Promise<RunResult> {
  const result = await runInProcess({ clock: new FakeClock(), ...options })
  checkCanaries(result, options, check)
  return result
}

/** The same, but as the runner runs it: `node dist/index.js`, spawned. */
export async function runBuilt(options: RunOptions, check: CanaryCheck = {}): Promise<RunResult> {
  const result = await runAction(options)
  checkCanaries(result, options, check)
  return result
}

function checkCanaries(result: RunResult, options: RunOptions, check: CanaryCheck): void {
  const canaries = [
    WRITER_TOKEN,
    READER_TOKEN,
    APPROVALS_SECRET,
    options.inputs['access-token'] ?? '',
    options.githubToken ?? '',
    ...Object.entries(options.env ?? {})
      .filter(([name]) => !name.startsWith('GITHUB_'))
      .map(([, value]) => value),
    ...(check.secrets ?? [])
  ].filter(value => value.length >= 4)
  const comments = (check.github?.server.requests ?? [])
    .map(request => (request.body as { body?: unknown } | undefined)?.body)
    .filter((body): body is string => typeof body === 'string')
    // The state a comment keeps is base64url: read as the next run reads it, so that a secret
    // cannot hide in it.
    .flatMap(body => [body, JSON.stringify(parseComment(body)?.state ?? {})])
  expectNoSecrets(result, canaries, comments)
}

export const writes = (ld: LaunchDarklyEmulator): RecordedRequest[] =>
  ld.server.requests.filter(r => r.method !== 'GET')

export const routesOf = (ld: LaunchDarklyEmulator): string[] => ld.server.requests.map(r => r.route)

/** One element of the `results` output, as action.yml describes it. */
export interface ReportedResult {
  id: string | null
  name: string | null
  integrationKey: string | null
  file: string | null
  status: Status
  patch: unknown
  error: string | null
}

/** The `results` output of a run, given the run or its outputs. */
export function results(from: RunResult | RunResult['outputs']): ReportedResult[] {
  const outputs = (typeof from.outputs === 'object' ? from.outputs : from) as RunResult['outputs']
  return JSON.parse(outputs.results ?? '[]') as ReportedResult[]
}

/** Each configuration's status by its name. */
export const statuses = (from: RunResult | RunResult['outputs']): Record<string, Status> =>
  Object.fromEntries(results(from).map(r => [r.name, r.status]))
