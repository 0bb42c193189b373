/**
 * `npm run screenshot`: the picture of a plan comment in the README (docs/plan-comment.png), made
 * from a real run and not by hand. The bundle plans a change on a pull request against the
 * emulators; its comment is rendered by cmark-gfm (GitHub's parser), styled with
 * github-markdown-css, GitHub's alerts drawn as GitHub draws them, and photographed by headless
 * Chromium. Needs Debian's chromium and an emoji font (`apt-get install chromium
 * fonts-noto-color-emoji`); nothing else outside npm.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GitHubEmulator, INSTALLATION_TOKEN } from '../emulators/github.js'
import { LaunchDarklyEmulator, WRITER_TOKEN } from '../emulators/launchdarkly.js'
import { runAction } from '../emulators/runner.js'

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const OUTPUT = new URL('../docs/plan-comment.png', import.meta.url).pathname
const require = createRequire(import.meta.url)
const cmark = require('cmark-gfm') as { renderHtmlSync(markdown: string, options: object): string }
const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')

if (!existsSync(CHROMIUM)) {
  console.error(
    `No Chromium at ${CHROMIUM}: install Debian's (apt-get install chromium), or set CHROMIUM.`
  )
  process.exit(1)
}

const ld = await LaunchDarklyEmulator.start()
const gh = await GitHubEmulator.start()
try {
  const [approvals, paging] = ld.seed(
    {
      integrationKey: 'custom-approvals',
      name: 'Approvals (prod)',
      tags: ['prod'],
      configValues: {
        baseURL: 'https://approvals.example.com/v1/hooks?region=us-east-1&team=platform',
        apiKey: 'demo-approvals-key-1'
      }
    },
    {
      integrationKey: 'pagerduty-guardian-edition',
      name: 'Guardian paging (staging)',
      tags: ['staging'],
      configValues: { integrationKey: 'RSTAGING0000000000000000000000000', severity: 'warning' }
    }
  )
  gh.addPullRequest('acme', 'platform-config', { number: 42, headSha: 'c0ffee00'.repeat(5) })
  const files = {
    'launchdarkly/approvals.yaml': [
      `id: ${approvals?._id}`,
      'tags: [prod, approvals]',
      'configValues:',
      '  baseURL: https://approvals.example.com/v2/hooks?region=eu-west-1&team=platform',
      '  apiKey: ${APPROVALS_API_KEY}',
      ''
    ].join('\n'),
    'launchdarkly/paging.yaml': [`id: ${paging?._id}`, 'enabled: false', ''].join('\n'),
    'launchdarkly/new.yaml': [
      'integrationKey: custom-approvals',
      'name: Approvals (eu)',
      'configValues:',
      '  baseURL: https://approvals.example.eu',
      '  apiKey: ${EU_API_KEY}',
      ''
    ].join('\n')
  }
  const result = await runAction({
    inputs: {
      'access-token': WRITER_TOKEN,
      'base-uri': ld.url,
      'desired-state-file': 'launchdarkly/*.yaml',
      'dry-run': 'true',
      'create-missing': 'true',
      'comment-on-pr': 'true'
    },
    files,
    env: { APPROVALS_API_KEY: 'demo-approvals-key-2', EU_API_KEY: 'demo-eu-key-1' },
    githubApiUrl: gh.url,
    githubToken: INSTALLATION_TOKEN,
    eventName: 'pull_request',
    event: { pull_request: { number: 42, head: { sha: 'c0ffee00'.repeat(5) } } }
  })
  const body = gh.comments('acme', 'platform-config', 42)[0]?.body
  if (result.exitCode !== 0 || !body) {
    throw new Error(`the plan did not comment: ${result.stdout}\n${result.stderr}`)
  }
  const html = asGitHubShowsIt(
    cmark.renderHtmlSync(body, {
      unsafe: true,
      extensions: {
        table: true,
        strikethrough: true,
        autolink: true,
        tagfilter: true,
        tasklist: true
      }
    })
  )
  const page = `<!doctype html><html><head><meta charset="utf-8"><style>${css}
    body { margin: 0; background: #fff; }
    .comment { box-sizing: border-box; width: 900px; margin: 16px; padding: 16px 24px;
      border: 1px solid #d0d7de; border-radius: 6px; }
  </style></head><body><article class="comment markdown-body">${html}</article></body></html>`
  const work = mkdtempSync(join(tmpdir(), 'screenshot-'))
  writeFileSync(join(work, 'comment.html'), page)
  mkdirSync(new URL('../docs/', import.meta.url).pathname, { recursive: true })
  execFileSync(
    CHROMIUM,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${join(work, 'profile')}`,
      '--window-size=940,1180',
      `--screenshot=${OUTPUT}`,
      `file://${join(work, 'comment.html')}`
    ],
    { stdio: 'ignore' }
  )
  rmSync(work, { recursive: true, force: true })
  console.log(`wrote ${OUTPUT}`)
} finally {
  await ld.close()
  await gh.close()
}

/**
 * What GitHub adds to cmark-gfm's HTML: alerts (`> [!NOTE]`) drawn as alerts, the first diffs
 * opened as a reviewer opening them would see them.
 */
function asGitHubShowsIt(html: string): string {
  const titles: Record<string, string> = {
    NOTE: 'Note',
    TIP: 'Tip',
    IMPORTANT: 'Important',
    WARNING: 'Warning',
    CAUTION: 'Caution'
  }
  let opened = 0
  return (
    html
      .replace(
        /<blockquote>\n<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\n?([\s\S]*?)<\/blockquote>/g,
        (_match, kind: string, rest: string) =>
          `<div class="markdown-alert markdown-alert-${kind.toLowerCase()}"><p class="markdown-alert-title">${titles[kind]}</p><p>${rest}</div>`
      )
      .replace(/<details>/g, match => (opened++ < 2 ? '<details open>' : match))
      // GitHub colours the lines of a diff block: removals red, additions green.
      .replace(/<code class="language-diff">([\s\S]*?)<\/code>/g, (_match, code: string) => {
        const lines = code.replace(/\n$/, '').split('\n')
        const coloured = lines.map(line =>
          line.startsWith('+')
            ? `<span style="color:#116329;background:#dafbe1">${line}</span>`
            : line.startsWith('-')
              ? `<span style="color:#82071e;background:#ffebe9">${line}</span>`
              : line
        )
        return `<code class="language-diff">${coloured.join('\n')}</code>`
      })
  )
}
