/** Seeds, inputs and the checked runner shared by the end-to-end tests. */
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
import { expectNoSecrets } from './canaries.js'

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

/**
 * Runs the action and checks the secret canaries: the tokens, the secrets seeded, and every value
 * the step's environment gives (in these tests, only secrets for ${VAR} substitution) must appear
 * nowhere a person or another step can read, comments sent to GitHub included.
 */
export async function run(
  options: RunOptions,
  check: { github?: GitHubEmulator; secrets?: string[] } = {}
): Promise<RunResult> {
  const result = await runAction(options)
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
  expectNoSecrets(result, canaries, comments)
  return result
}

export const writes = (ld: LaunchDarklyEmulator): RecordedRequest[] =>
  ld.server.requests.filter(r => r.method !== 'GET')

export const routesOf = (ld: LaunchDarklyEmulator): string[] => ld.server.requests.map(r => r.route)
