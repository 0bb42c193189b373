/** Seeds and inputs shared by the end-to-end tests. */
import {
  LaunchDarklyEmulator,
  WRITER_TOKEN,
  type StoredConfiguration
} from '../../emulators/launchdarkly.js'
import type { RecordedRequest } from '../../emulators/http.js'

export const APPROVALS_SECRET = 'supersecret123'

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

export const writes = (ld: LaunchDarklyEmulator): RecordedRequest[] =>
  ld.server.requests.filter(r => r.method !== 'GET')

export const routesOf = (ld: LaunchDarklyEmulator): string[] => ld.server.requests.map(r => r.route)
