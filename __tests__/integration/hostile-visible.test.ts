/**
 * Issue 17, item 1: no change a reader cannot see. Values and names with hidden characters, bidi
 * controls, non-ASCII spaces and look-alike letters, from files and from LaunchDarkly, run as the
 * runner runs the action; judged on the comment as GitHub renders it and as a reader takes it in
 * (hidden characters dropped, look-alikes folded): every `-`/`+` pair must still read differently.
 */
import { INSTALLATION_TOKEN, type GitHubEmulator } from '../../emulators/github.js'
import type { LaunchDarklyEmulator } from '../../emulators/launchdarkly.js'
import type { RunOptions } from '../../emulators/runner.js'
import { diffBlocks, fold, readerSees, visibleText } from '../helpers/github-markdown.js'
import { APPROVALS_SECRET, ldInputs, results, run, seedApprovals } from '../helpers/fixtures.js'
import { pullRequestEvent, startEmulators, stopEmulators } from '../helpers/emulators.js'

let ld: LaunchDarklyEmulator
let gh: GitHubEmulator
beforeEach(async () => {
  ;({ ld, gh } = await startEmulators())
})
afterEach(() => stopEmulators({ ld, gh }))

function plan(options: RunOptions) {
  return run({
    githubApiUrl: gh.url,
    githubToken: INSTALLATION_TOKEN,
    eventName: 'pull_request',
    event: pullRequestEvent(),
    ...options,
    inputs: { 'comment-on-pr': 'true', 'dry-run': 'true', ...options.inputs }
  })
}

const comment = () => gh.comments('acme', 'platform-config', 7)[0]?.body ?? ''

/** Every changed pair of a diff, as a reader takes it in, must read differently. */
function expectPairsReadApart(markdown: string): string[][] {
  const blocks = diffBlocks(markdown)
  expect(blocks.length).toBeGreaterThan(0)
  for (const lines of blocks) {
    const removed = lines.filter(line => line.startsWith('-')).map(line => fold(line.slice(1)))
    const added = lines.filter(line => line.startsWith('+')).map(line => fold(line.slice(1)))
    for (const line of removed) expect(added).not.toContain(line)
  }
  return blocks
}

describe('a change hidden in characters a reader cannot see or tell apart', () => {
  it.each([
    ['a Cyrillic а in a host name', 'https://аpprovals.example.com', 'https://\\u0430pprovals'],
    ['a host name wholly in look-alikes', 'https://аррrоvаls.example.com', '\\u0430\\u0440\\u0440'],
    ['a zero-width space', 'https://approvals.example.com\u200B', 'example.com\\u200B'],
    ['a no-break space', 'https://approvals.example.com/a\u00A0b', '/a\\u00A0b'],
    ['a soft hyphen', 'https://approvals.exam\u00ADple.com', 'exam\\u00ADple']
  ])('%s in a file is shown as an escape', async (_what, url, shown) => {
    const { _id } = seedApprovals(ld)
    const result = await plan({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
      files: {
        'a.yaml': `id: ${_id}\nconfigValues:\n  baseURL: ${JSON.stringify(url)}\n  apiKey: \${KEY}\n`
      },
      env: { KEY: APPROVALS_SECRET }
    })
    expect(result.errors).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(results(result.outputs)[0]?.status).toBe('would-update')
    for (const markdown of [comment(), result.summary, result.outputs.diff ?? '']) {
      const [lines = []] = expectPairsReadApart(markdown)
      expect(lines.find(line => line.startsWith('+  baseURL'))).toContain(shown)
    }
    expect(result.stdout).toContain(shown)
  })

  it('data from LaunchDarkly with a bidi override and a zero-width space is shown, never refused', async () => {
    const { _id } = seedApprovals(ld, {
      name: 'Approvals\u200B (prod)',
      configValues: {
        baseURL: 'https://approvals.example.com/\u202Emoc.live',
        apiKey: APPROVALS_SECRET
      }
    })
    const result = await plan({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
      files: {
        'a.yaml': `id: ${_id}\nname: Approvals (prod)\nconfigValues:\n  baseURL: https://approvals.example.com/\n  apiKey: \${KEY}\n`
      },
      env: { KEY: APPROVALS_SECRET }
    })
    expect(result.exitCode).toBe(0)
    const [lines = []] = expectPairsReadApart(comment())
    expect(lines).toEqual(
      expect.arrayContaining([
        '-name: "Approvals\\u200B (prod)"',
        '+name: "Approvals (prod)"',
        '-  baseURL: "https://approvals.example.com/\\u202Emoc.live"',
        '+  baseURL: "https://approvals.example.com/"'
      ])
    )
    // No bidi control reaches the page, and the name in the row title is shown with its escape.
    expect(comment()).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F]/)
    expect(visibleText(comment())).toContain('Approvals\\u200B (prod)')
    expect(result.stdout).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
  })

  it('a file holding a bidi control is refused with an input error, before any request', async () => {
    seedApprovals(ld)
    const result = await plan({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
      files: {
        'a.yaml': `name: "Approvals \u2067(prod)\u2069"\nintegrationKey: custom-approvals\n`
      }
    })
    expect(result.exitCode).toBe(1)
    expect(result.outputs['failure-reason']).toBe('invalid-input')
    expect(result.errors[0]?.message).toMatch(/bidi control character U\+2067 \(line 1/)
    expect(ld.server.requests).toHaveLength(0)
    expect(readerSees(comment())).toContain('bidi control character U+2067 (line 1, column 18)')
  })

  it('a plain value spelled like a secret placeholder does not render like one', async () => {
    const { _id } = seedApprovals(ld)
    const result = await plan({
      inputs: ldInputs(ld, { 'desired-state-file': 'a.yaml' }),
      files: {
        'a.yaml': `id: ${_id}\nconfigValues:\n  baseURL: "(secret: unchanged)"\n  apiKey: \${KEY}\n`
      },
      env: { KEY: APPROVALS_SECRET }
    })
    expect(result.exitCode).toBe(0)
    const [lines = []] = diffBlocks(comment())
    expect(lines).toContain('+  baseURL: "(secret: unchanged)"')
    expect(lines).not.toContain('+  baseURL: (secret: unchanged)')
  })
})
