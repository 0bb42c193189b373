/**
 * The runs behind what docs/ says a run shows: the messages docs/troubleshooting.md quotes, and
 * the headline states docs/pull-requests.md explains.
 *
 * Each quoted message sits in a ```text block right after a marker `<!-- message: <id> -->`; the
 * scenario of that id makes the mistake in-process against both emulators, and the message is the first annotation of
 * the scenario's level, as a user sees it in the log and under the job's annotations.
 *
 * Only what differs from run to run is rewritten, to what a real run would show: the emulators'
 * addresses become LaunchDarkly's and GitHub's, the temporary workspace a runner's, LaunchDarkly's
 * random error id a fixed one. `npm run docs:messages` writes the blocks from fresh runs;
 * __tests__/integration/docs.test.ts fails when a block differs from what the action says.
 */
import { createServer, type AddressInfo } from 'node:net'
import { GitHubEmulator, INSTALLATION_TOKEN, READ_ONLY_TOKEN } from '../../emulators/github.js'
import type { Fault } from '../../emulators/http.js'
import {
  LaunchDarklyEmulator,
  READER_TOKEN,
  ROUTES,
  WRITER_TOKEN
} from '../../emulators/launchdarkly.js'
import type { RunResult } from '../../emulators/runner.js'
import { FakeClock } from './fake-clock.js'
import { visibleText } from './github-markdown.js'
import { runInProcess, type InProcessOptions } from './in-process.js'

/** What a run of one scenario is given: both emulators, fresh, and the shared fake clock. */
interface Stage {
  ld: LaunchDarklyEmulator
  gh: GitHubEmulator
  clock: FakeClock
}

export interface MessageScenario {
  /** The annotation quoted: the run's first of this level. */
  level: 'error' | 'warning'
  /** The runs, in order; the last one's annotation is quoted. */
  run: (stage: Stage) => Promise<RunResult>
}

// 03:00 UTC: the hour the troubleshooting page is written for. Every clock in a scenario starts here.
const START = Date.UTC(2026, 0, 15, 3, 0, 0)

export const CONFIGURATION_ID = '65f0c1d2e3a4b5c6d7e8f901'
const OTHER_ACCOUNTS_ID = '65f0c1d2e3a4b5c6d7e8f999'
const API_KEY = 'approvals-api-key-1'
const HEAD = 'a'.repeat(40)
const MERGE = 'b'.repeat(40)
const UNRELATED_PUSH = 'c0ffee00'.repeat(5)
const WORKSPACE = '/home/runner/work/platform-config/platform-config'
const ERROR_ID = '6b1f0e6c2a9d4e37'

/** A desired-state file of the seeded configuration, as a user would write it. */
const approvalsFile = (lines: string[] = []) =>
  [
    `id: ${CONFIGURATION_ID}`,
    'name: Approvals (prod)',
    'enabled: true',
    'tags: [prod]',
    'configValues:',
    '  baseURL: https://approvals.example.com',
    '  apiKey: ${APPROVALS_API_KEY}',
    ...lines,
    ''
  ].join('\n')

function seed(ld: LaunchDarklyEmulator): void {
  ld.seed({
    _id: CONFIGURATION_ID,
    integrationKey: 'custom-approvals',
    name: 'Approvals (prod)',
    tags: ['prod'],
    enabled: true,
    configValues: { baseURL: 'https://approvals.example.com', apiKey: API_KEY }
  })
}

const common = ({ ld, clock }: Stage, options: Partial<InProcessOptions>): InProcessOptions => ({
  clock,
  ...options,
  inputs: { 'access-token': WRITER_TOKEN, 'base-uri': ld.url, ...options.inputs }
})

/** A step of the release workflow: one configuration, by ID, switched off. */
const disable = (stage: Stage, inputs: Record<string, string> = {}) =>
  runInProcess(
    common(stage, { inputs: { 'configuration-id': CONFIGURATION_ID, enabled: 'false', ...inputs } })
  )

/** A step over the files in launchdarkly/, as the pull-request and schedule workflows run it. */
const desiredState = (
  stage: Stage,
  file: string,
  inputs: Record<string, string> = {},
  options: Partial<InProcessOptions> = {}
) =>
  runInProcess(
    common(stage, {
      files: { 'launchdarkly/approvals.yaml': file },
      env: { APPROVALS_API_KEY: API_KEY, ...options.env },
      ...options,
      inputs: { 'desired-state-file': 'launchdarkly/*.yaml', ...inputs }
    })
  )

const onPullRequest = (stage: Stage): Partial<InProcessOptions> => ({
  githubApiUrl: stage.gh.url,
  githubToken: INSTALLATION_TOKEN,
  eventName: 'pull_request',
  event: { pull_request: { number: 7, head: { sha: HEAD } } }
})

const onPush = (stage: Stage, sha: string): Partial<InProcessOptions> => ({
  githubApiUrl: stage.gh.url,
  githubToken: INSTALLATION_TOKEN,
  eventName: 'push',
  event: { after: sha },
  env: { APPROVALS_API_KEY: API_KEY, GITHUB_SHA: sha, GITHUB_RUN_NUMBER: '18' }
})

/** A loopback port nothing listens on: one the system just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(listening => server.listen(0, '127.0.0.1', listening))
  const { port } = server.address() as AddressInfo
  await new Promise(closed => server.close(closed))
  return port
}

const answer = (status: number, headers: Record<string, string> = {}): Fault => ({
  kind: 'status',
  status,
  headers,
  body: { code: status === 429 ? 'rate_limited' : 'internal_error', message: 'Try again later' }
})

/** A second configuration of the same integration, for runs that change two. */
function seedStaging(stage: Stage): void {
  stage.ld.seed({
    integrationKey: 'custom-approvals',
    name: 'Approvals (staging)',
    tags: ['staging'],
    configValues: { baseURL: 'https://staging-approvals.example.com', apiKey: API_KEY }
  })
}

/** A file that tags both configurations v2. */
const bothTagged = [
  'configurations:',
  `  - id: ${CONFIGURATION_ID}`,
  '    tags: [prod, v2]',
  '  - integrationKey: custom-approvals',
  '    name: Approvals (staging)',
  '    tags: [staging, v2]',
  ''
].join('\n')

/** A plan approved on pull request #7, a hotfix in LaunchDarkly's UI, then the apply on merge. */
async function applyAfterHotfix(stage: Stage): Promise<RunResult> {
  const file = approvalsFile().replace('enabled: true', 'enabled: false')
  const inputs = { 'comment-on-pr': 'true' }
  await desiredState(stage, file, { ...inputs, 'dry-run': 'true' }, onPullRequest(stage))
  // A hotfix in LaunchDarkly's UI after the review.
  stage.ld.edit(CONFIGURATION_ID, c => void (c.configValues.baseURL = 'https://hotfix.example.com'))
  stage.gh.addPullRequest('acme', 'platform-config', {
    number: 7,
    headSha: HEAD,
    mergeCommitSha: MERGE,
    merged: true
  })
  return desiredState(
    stage,
    file,
    { ...inputs, 'require-approved-plan': 'true' },
    onPush(stage, MERGE)
  )
}

export const MESSAGES: Readonly<Record<string, MessageScenario>> = {
  'wrong-token': {
    level: 'error',
    run: stage => disable(stage, { 'access-token': 'api-0f5e2c1a-revoked-token' })
  },
  'reader-token-on-apply': {
    level: 'error',
    run: stage => disable(stage, { 'access-token': READER_TOKEN })
  },
  'base-uri-with-path': {
    level: 'error',
    run: stage => disable(stage, { 'base-uri': 'https://app.launchdarkly.com/api/v2' })
  },
  'unknown-field': {
    level: 'error',
    run: stage => desiredState(stage, approvalsFile().replace('tags:', 'tag:'))
  },
  'unknown-config-values-key': {
    level: 'error',
    run: stage => desiredState(stage, approvalsFile().replace('apiKey:', 'apiKye:'))
  },
  'missing-variable': {
    level: 'error',
    run: stage => desiredState(stage, approvalsFile(), {}, { env: {} })
  },
  'yaml-indentation': {
    level: 'error',
    run: stage => desiredState(stage, approvalsFile().replace('  apiKey:', ' apiKey:'))
  },
  'configuration-of-another-account': {
    level: 'error',
    run: stage => disable(stage, { 'configuration-id': OTHER_ACCOUNTS_ID })
  },
  'no-pull-requests-write': {
    level: 'warning',
    run: stage =>
      desiredState(
        stage,
        approvalsFile().replace('enabled: true', 'enabled: false'),
        { 'dry-run': 'true', 'comment-on-pr': 'true' },
        { ...onPullRequest(stage), githubToken: READ_ONLY_TOKEN }
      )
  },
  'push-without-pull-request': {
    level: 'error',
    run: stage =>
      desiredState(
        stage,
        approvalsFile().replace('enabled: true', 'enabled: false'),
        { 'comment-on-pr': 'true', 'require-approved-plan': 'true' },
        onPush(stage, UNRELATED_PUSH)
      )
  },
  'glob-matches-nothing': {
    level: 'error',
    run: stage =>
      desiredState(stage, approvalsFile(), { 'desired-state-file': 'launchdarky/*.yaml' })
  },
  protected: {
    level: 'error',
    run: stage => disable(stage, { protect: CONFIGURATION_ID })
  },
  'too-many-changes': {
    level: 'error',
    run: stage => {
      seedStaging(stage)
      return desiredState(stage, bothTagged, { 'max-changes': '1' })
    }
  },
  'concurrent-edit': {
    level: 'error',
    run: stage => {
      stage.ld.server.injectFaults(
        { method: 'PATCH' },
        {
          kind: 'before',
          run: () => stage.ld.edit(CONFIGURATION_ID, c => void (c.tags = ['prod', 'hotfix']))
        }
      )
      return desiredState(stage, approvalsFile().replace('tags: [prod]', 'tags: [prod, v2]'))
    }
  },
  'rate-limited': {
    level: 'error',
    run: stage => {
      stage.ld.server.injectFaults(
        { method: 'GET', route: ROUTES.item },
        answer(429, { 'Retry-After': '3600' })
      )
      return disable(stage)
    }
  },
  'server-error': {
    level: 'error',
    run: stage => {
      stage.ld.server.injectFaults(
        { method: 'GET', route: ROUTES.item },
        ...Array.from({ length: 5 }, () => answer(503))
      )
      return disable(stage)
    }
  },
  unreachable: {
    level: 'error',
    // A port that was free a moment ago: the connection is refused.
    run: async stage => disable(stage, { 'base-uri': `http://127.0.0.1:${await closedPort()}` })
  },
  drift: {
    level: 'error',
    run: stage =>
      desiredState(stage, approvalsFile().replace('enabled: true', 'enabled: false'), {
        'dry-run': 'true',
        'fail-on-drift': 'true'
      })
  },
  'plan-changed': {
    level: 'error',
    run: applyAfterHotfix
  }
}

/** Runs `run` on fresh emulators (the configuration seeded, pull request #7 open) at 03:00 UTC. */
async function onStage<T>(run: (stage: Stage) => Promise<T>): Promise<T> {
  const clock = new FakeClock(START)
  const ld = await LaunchDarklyEmulator.start({ now: () => clock.now() })
  const gh = await GitHubEmulator.start()
  try {
    seed(ld)
    gh.addPullRequest('acme', 'platform-config', { number: 7, headSha: HEAD })
    return await run({ ld, gh, clock })
  } finally {
    await ld.close()
    await gh.close()
  }
}

/** Runs one scenario and gives the message it quotes, as a real run shows it. */
export function produceMessage(id: string): Promise<{ message: string; result: RunResult }> {
  const scenario = MESSAGES[id]
  if (!scenario) throw new Error(`no message scenario ${id}`)
  return onStage(async stage => {
    const result = await scenario.run(stage)
    const annotation = result.annotations.find(a => a.level === scenario.level)
    if (!annotation) {
      throw new Error(`scenario ${id} gave no ${scenario.level}:\n${result.stdout}${result.stderr}`)
    }
    const { ld, gh } = stage
    const message = normalise(annotation.message, { ld, gh, workspace: result.workspace })
    return { message: wrap(message), result }
  })
}

/**
 * Runs that end in each state a report's headline can say (docs/pull-requests.md explains each):
 * a plan, an apply, one with nothing to do, one partly written, refused and failed applies.
 */
export const HEADLINE_RUNS: Readonly<Record<string, (stage: Stage) => Promise<RunResult>>> = {
  plan: stage =>
    desiredState(stage, approvalsFile().replace('enabled: true', 'enabled: false'), {
      'dry-run': 'true'
    }),
  apply: stage => disable(stage),
  'nothing to do': stage => disable(stage, { enabled: 'true' }),
  'partly written': stage => {
    seedStaging(stage)
    stage.ld.server.injectFaults({ method: 'PATCH' }, answer(403))
    return desiredState(stage, bothTagged)
  },
  'refused apply': applyAfterHotfix,
  'failed apply': stage => disable(stage, { 'access-token': READER_TOKEN })
}

/** The headline's state ("Plan", "Applied", …) of each run of HEADLINE_RUNS, from its job summary. */
export function headlineStates(): Promise<Record<string, string>> {
  return Object.entries(HEADLINE_RUNS).reduce<Promise<Record<string, string>>>(
    async (states, [name, run]) => {
      const result = await onStage(run)
      const first = visibleText(result.summary.split('\n')[0] ?? '')
      return { ...(await states), [name]: /· ([^·:]+):/.exec(first)?.[1]?.trim() ?? first }
    },
    Promise.resolve({})
  )
}

function normalise(
  message: string,
  where: { ld: LaunchDarklyEmulator; gh: GitHubEmulator; workspace: string }
): string {
  return message
    .split(where.ld.url)
    .join('https://app.launchdarkly.com')
    .split(where.gh.url)
    .join('https://api.github.com')
    .split(where.workspace)
    .join(WORKSPACE)
    .replace(/http:\/\/127\.0\.0\.1:\d+/g, 'https://app.launchdarkly.com')
    .replace(/127\.0\.0\.1:\d+/g, 'app.launchdarkly.com:443')
    .replace(/(LaunchDarkly error id )[0-9a-f]+/g, `$1${ERROR_ID}`)
}

/**
 * The message cut into lines of at most 100 characters at spaces, so that it reads without
 * scrolling sideways in a code block (GitHub does not wrap them). Its own line breaks stay.
 */
export function wrap(message: string, width = 100): string {
  return message
    .split('\n')
    .map(line => {
      const lines: string[] = []
      let current = ''
      for (const word of line.split(' ')) {
        if (current !== '' && current.length + 1 + word.length > width) {
          lines.push(current)
          current = word
        } else current = current === '' ? word : `${current} ${word}`
      }
      return [...lines, current].join('\n')
    })
    .join('\n')
}

// The marker, then a ```text block: its lines up to the first that opens with a fence.
const MARKER = /<!-- message: ([a-z0-9-]+) -->\n+```text\n((?:(?!```).*\n)*?)```/g

/** The quoted messages of a page: id → the block's text, in the page's order. */
export function quotedMessages(markdown: string): { id: string; text: string }[] {
  return [...markdown.matchAll(MARKER)].map(match => ({
    id: match[1] ?? '',
    text: (match[2] ?? '').replace(/\n$/, '')
  }))
}

/** The page with each quoted block replaced by the message given for its id. */
export function withMessages(markdown: string, messages: Record<string, string>): string {
  return markdown.replace(MARKER, (whole, id: string) => {
    const message = messages[id]
    return message === undefined
      ? whole
      : `<!-- message: ${id} -->\n\n\`\`\`text\n${message}\n\`\`\``
  })
}
