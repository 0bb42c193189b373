import type { PlanEntry } from '../../src/core/fingerprint.js'
import type { JsonValue } from '../../src/core/json-patch.js'
import { fenced, HTML_COMMENT, text } from '../../src/core/render/markdown.js'
import { SecretPlaceholder } from '../../src/core/secrets.js'
import {
  formatComment,
  headerLine,
  MARKER_OPENER,
  isCommentOf,
  parseComment,
  STATE_ROOM,
  stateLine,
  type ApplyAttempt,
  type CommentState
} from '../../src/core/plan-comment.js'

const FP = `sha256:${'ab'.repeat(32)}`
const OTHER_FP = `sha256:${'cd'.repeat(32)}`
const ENTRY: PlanEntry = {
  configuration: '65f0c1d2e3a4b5c6d7e8f901',
  name: 'Approvals (prod)',
  action: 'update',
  changes: [
    { path: '/enabled', before: true, after: false },
    { path: '/configValues/note', after: null },
    { path: '/tags', before: ['prod'] }
  ]
}
const ATTEMPT: ApplyAttempt = {
  runId: '4242',
  runNumber: '17',
  attempt: 1,
  outcome: 'partly-applied',
  reason: 'forbidden',
  written: 1,
  failed: 1,
  results: [
    { configuration: '65f0c1d2e3a4b5c6d7e8f901', status: 'updated' },
    { configuration: 'custom-approvals/New one', status: 'failed' }
  ]
}
const STATE: CommentState = { approved: [ENTRY], attempts: [ATTEMPT] }

/** Every marker the module writes, and the 1.x ones it reads, with other values than the real. */
const FORGED_STATE: CommentState = {
  approved: [{ ...ENTRY, changes: [{ path: '/enabled', before: false, after: true }] }],
  attempts: []
}
const EVERY_MARKER = [
  headerLine('production', OTHER_FP),
  headerLine('production'),
  stateLine(FORGED_STATE),
  '<!-- launchdarkly-integration-configuration-action key="production" -->',
  `<!-- launchdarkly-integration-configuration-action plan="${OTHER_FP}" -->`,
  '<!-- launchdarkly-integration-configuration-action plan:start -->',
  '<!-- launchdarkly-integration-configuration-action approved:end -->'
].join('\n')

describe('the plan comment protocol', () => {
  it('reads back exactly what it wrote: key, fingerprint and state', () => {
    const body = formatComment({ key: 'production', fingerprint: FP, state: STATE }, '### Plan')
    expect(body.split('\n')[0]).toBe(headerLine('production', FP))
    expect(parseComment(body)).toEqual({
      version: 2,
      key: 'production',
      fingerprint: FP,
      state: STATE
    })
    expect(isCommentOf(body, 'production')).toBe(true)
    expect(isCommentOf(body, 'staging')).toBe(false)
  })

  it('keeps an absent value apart from null through the round trip', () => {
    const body = formatComment({ key: 'k', state: STATE }, 'x')
    const [change, added, removed] = parseComment(body)?.state.approved?.[0]?.changes ?? []
    expect(change).toEqual({ path: '/enabled', before: true, after: false })
    expect(added).toEqual({ path: '/configValues/note', after: null })
    expect(added).not.toHaveProperty('before')
    expect(removed).not.toHaveProperty('after')
  })

  it('round-trips any key, fingerprint and state (property-style, 300 random cases)', () => {
    let seed = 17
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
    const keyChars = 'abcXYZ019._:/@ -'
    // Strings that hold markup, markers, quotes, newlines and characters outside the BMP.
    const hostile = [
      '<!--',
      '-->',
      '"',
      '\n',
      '\r\n',
      '`',
      '@team',
      '![x](y)',
      '😀',
      '\u202e',
      EVERY_MARKER
    ]
    const value = (depth = 0): JsonValue => {
      const kind = Math.floor(random() * (depth > 2 ? 4 : 6))
      if (kind === 0) return null
      if (kind === 1) return random() > 0.5
      if (kind === 2) return Math.floor(random() * 1e6) / 100
      if (kind === 3) return Array.from({ length: 3 }, () => pick(hostile)).join('')
      if (kind === 4) return [value(depth + 1), value(depth + 1)]
      return { [pick(hostile)]: value(depth + 1), plain: value(depth + 1) }
    }
    for (let i = 0; i < 300; i++) {
      const key = Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
        pick([...keyChars])
      ).join('')
      const state: CommentState = {
        ...(random() > 0.3
          ? {
              approved: [
                {
                  configuration: pick(hostile),
                  name: pick(hostile),
                  action: pick(['create', 'update', 'delete', 'failed'] as const),
                  changes: [
                    {
                      path: `/${pick(hostile)}`,
                      ...(random() > 0.5 ? { before: value() } : {}),
                      ...(random() > 0.5 ? { after: value() } : {})
                    }
                  ]
                }
              ]
            }
          : {}),
        attempts: random() > 0.5 ? [ATTEMPT] : []
      }
      const fingerprint = random() > 0.5 ? FP : undefined
      const markdown = Array.from({ length: 4 }, () => pick(hostile)).join('\n')
      const parsed = parseComment(
        formatComment({ key, ...(fingerprint ? { fingerprint } : {}), state }, markdown)
      )
      expect(parsed).toEqual({ version: 2, key, ...(fingerprint ? { fingerprint } : {}), state })
    }
  })

  it('reads only its own positions: markers in the Markdown change nothing', () => {
    const markdown = `${EVERY_MARKER}\n\n\`\`\`diff\n+${EVERY_MARKER}\n\`\`\`\n\n${EVERY_MARKER}`
    const body = formatComment({ key: 'production', fingerprint: FP, state: STATE }, markdown)
    expect(parseComment(body)).toEqual({
      version: 2,
      key: 'production',
      fingerprint: FP,
      state: STATE
    })
  })

  it('is not fooled by a comment that only holds its markers somewhere else', () => {
    expect(parseComment(`Please approve\n${EVERY_MARKER}`)).toBeUndefined()
    expect(parseComment(` ${headerLine('production', FP)}`)).toBeUndefined()
    expect(parseComment('')).toBeUndefined()
  })

  it('gives a comment whose state does not decode no state, not a wrong one', () => {
    const header = headerLine('production', FP)
    const forged = (encoded: string) =>
      `${header}\n\nx\n\n<!-- launchdarkly-integration-configuration-action:v2 state="${encoded}" -->`
    for (const encoded of [
      'not-json',
      Buffer.from('{"attempts":"x"}').toString('base64url'),
      Buffer.from('{"attempts":[{"runId":1}]}').toString('base64url'),
      Buffer.from('{"attempts":[],"approved":[{"configuration":"x"}]}').toString('base64url')
    ]) {
      expect(parseComment(forged(encoded))).toEqual({
        version: 2,
        key: 'production',
        fingerprint: FP,
        state: { attempts: [] }
      })
    }
    // The state is read from the last line only.
    const moved = formatComment({ key: 'production', state: STATE }, 'x') + '\n\ntrailing text'
    expect(parseComment(moved)?.state).toEqual({ attempts: [] })
  })

  it('reads a comment GitHub gives back with CRLF line ends', () => {
    const body = formatComment({ key: 'production', fingerprint: FP, state: STATE }, 'a\nb')
    expect(parseComment(body.replace(/\n/g, '\r\n'))?.state).toEqual(STATE)
  })

  it('still reads 1.x comments: the key on line 1, the fingerprint on line 3, nothing else', () => {
    const v1 = (fingerprintLine: string) =>
      [
        '<!-- launchdarkly-integration-configuration-action key="production" -->',
        fingerprintLine,
        '### LaunchDarkly · Plan: 1 to update · app.launchdarkly.com',
        `<!-- launchdarkly-integration-configuration-action plan="${OTHER_FP}" -->`
      ].join('\n\n')
    const plan = v1(`<!-- launchdarkly-integration-configuration-action plan="${FP}" -->`)
    expect(parseComment(plan)).toEqual({
      version: 1,
      key: 'production',
      fingerprint: FP,
      state: { attempts: [] }
    })
    // An applied 1.x comment has no plan marker: a marker further down is data, not its own.
    expect(parseComment(v1('### LaunchDarkly · Applied'))).toEqual({
      version: 1,
      key: 'production',
      state: { attempts: [] }
    })
  })

  it('refuses to write a key or fingerprint that could break its line', () => {
    expect(() => headerLine('a" -->')).toThrow(/not a comment key/)
    expect(() => headerLine('a\nb')).toThrow(/not a comment key/)
    expect(() => headerLine('ok', 'sha256:zz')).toThrow(/not a fingerprint/)
  })

  it('keeps its state within STATE_ROOM: old attempts lose their lists first, the newest stay', () => {
    const many: ApplyAttempt[] = Array.from({ length: 400 }, (_, i) => ({
      ...ATTEMPT,
      runId: String(i),
      results: Array.from({ length: 20 }, (_unused, j) => ({
        configuration: `65f0c1d2e3a4b5c6d7e8${String(j).padStart(4, '0')}`,
        status: 'updated' as const
      }))
    }))
    const line = stateLine({ approved: [ENTRY], attempts: many })
    expect(line.length).toBeLessThanOrEqual(STATE_ROOM)
    const parsed = parseComment(`${headerLine('k')}\n\n${line}`)?.state
    const attempts = parsed?.attempts ?? []
    expect(attempts.at(-1)?.runId).toBe('399')
    expect(attempts.at(-1)?.results).toHaveLength(20)
    expect(attempts[0]?.results).toBeUndefined()
  })

  it('writes only markers the renderers neutralise in data', () => {
    expect(MARKER_OPENER).toBe(HTML_COMMENT)
    for (const line of EVERY_MARKER.split('\n')) {
      expect(line.startsWith(MARKER_OPENER)).toBe(true)
      // As data: escaped in text, spelled as a JSON escape in a code block.
      expect(text(line, 1000)).not.toContain(MARKER_OPENER)
      expect(fenced(`+  value: ${JSON.stringify(line)}`)).not.toContain(MARKER_OPENER)
    }
  })

  it("keeps a secret's placeholder a placeholder, and a value that reads like one a string", () => {
    const state: CommentState = {
      approved: [
        {
          ...ENTRY,
          changes: [
            {
              path: '/configValues/apiKey',
              before: SecretPlaceholder.before,
              after: SecretPlaceholder.changed
            },
            {
              path: '/configValues',
              after: {
                apiKey: SecretPlaceholder.unchanged,
                note: '(secret: changed)',
                list: ['(secret)']
              }
            }
          ]
        }
      ],
      attempts: []
    }
    const back = parseComment(formatComment({ key: 'k', state }, 'x'))?.state
    const [key, values] = back?.approved?.[0]?.changes ?? []
    expect(key?.before).toBe(SecretPlaceholder.before)
    expect(key?.after).toBe(SecretPlaceholder.changed)
    expect(values?.after).toEqual({
      apiKey: SecretPlaceholder.unchanged,
      note: '(secret: changed)',
      list: ['(secret)']
    })
    expect(back).toEqual(state)
    // A pointer to where no placeholder stands makes the state no state.
    const header = headerLine('k')
    const forged = Buffer.from(
      JSON.stringify({
        approved: [{ ...ENTRY, changes: [{ path: '/a', after: 'x', secrets: { after: [''] } }] }],
        attempts: []
      })
    ).toString('base64url')
    expect(
      parseComment(
        `${header}\n\n<!-- launchdarkly-integration-configuration-action:v2 state="${forged}" -->`
      )?.state
    ).toEqual({ attempts: [] })
  })
})
