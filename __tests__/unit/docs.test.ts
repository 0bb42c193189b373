/**
 * The README and docs/ stay true: every relative link and anchor resolves (by GitHub's rules for
 * heading anchors), the README stays a front page whose tables equal action.yml and whose short
 * workflows are cut from examples/workflows, the troubleshooting page covers every failure-reason
 * the code can set, and the reference tables follow action.yml and the schema.
 * The messages the troubleshooting page quotes are checked by __tests__/integration/docs.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { parse } from 'yaml'
import { renderGfm } from '../helpers/github-markdown.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
const read = (path: string): string => readFileSync(join(root, path), 'utf8')

/** Every Markdown file a reader reaches: the repository's root and docs/, recursively. */
function markdownFiles(): string[] {
  const docs = (directory: string): string[] =>
    readdirSync(join(root, directory), { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory()
        ? docs(join(directory, entry.name))
        : entry.name.endsWith('.md')
          ? [join(directory, entry.name)]
          : []
    )
  const top = readdirSync(root).filter(name => name.endsWith('.md'))
  return [...top, ...docs('docs')].sort()
}
const MARKDOWN = markdownFiles()
/** The notice of a page that documents what is not released yet (its names are not checked). */
const PLANNED = '**Planned, not released yet.**'
const DOC_PAGES = MARKDOWN.filter(path => path.startsWith('docs/'))

interface ActionManifest {
  inputs: Record<string, { required?: boolean; default?: string }>
  outputs: Record<string, { description: string }>
}
const manifest = parse(read('action.yml')) as ActionManifest

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const decode = (html: string): string =>
  html
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_m, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (m, name: string) => ENTITIES[name.toLowerCase()] ?? m)

/**
 * GitHub's anchor for a heading (github-slugger): the heading's text, lower case, without anything
 * but letters, marks, digits, connector punctuation (`_`), hyphens and spaces; each space a
 * hyphen. A repeated heading gets -1, -2, …
 */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** The anchors a page offers: its headings' slugs (as rendered), and explicit ids and names. */
function anchorsOf(markdown: string): Set<string> {
  const html = renderGfm(markdown)
  const anchors = new Set<string>()
  const seen = new Map<string, number>()
  for (const match of html.matchAll(/<h[1-6][^>]*>([^]*?)<\/h[1-6]>/g)) {
    const base = githubSlug(decode((match[1] ?? '').replace(/<[^>]+>/g, '')))
    const count = seen.get(base) ?? 0
    seen.set(base, count + 1)
    anchors.add(count === 0 ? base : `${base}-${count}`)
  }
  for (const match of html.matchAll(/<[a-z]+ [^>]*(?:id|name)="([^"]+)"/g))
    anchors.add(match[1] ?? '')
  return anchors
}

/** Every link and image target of a page, as GitHub renders it (code blocks are not links). */
function targetsOf(markdown: string): string[] {
  const html = renderGfm(markdown)
  return [...html.matchAll(/<(?:a [^>]*href|img [^>]*src)="([^"]*)"/g)].map(m => decode(m[1] ?? ''))
}

/** Why a relative link of `file` does not resolve, or undefined when it does. */
function brokenLink(file: string, target: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return undefined
  const [rawPath = '', anchor] = target.split('#') as [string, string | undefined]
  const path = decodeURIComponent(rawPath)
  const resolved = path === '' ? join(root, file) : resolve(root, dirname(file), path)
  if (!resolved.startsWith(root)) return 'leaves the repository'
  if (!existsSync(resolved)) return `${relative(root, resolved)} does not exist`
  if (anchor === undefined || anchor === '') return undefined
  if (statSync(resolved).isDirectory()) return 'an anchor on a directory'
  const text = readFileSync(resolved, 'utf8')
  if (resolved.endsWith('.md')) {
    return anchorsOf(text).has(anchor)
      ? undefined
      : `no heading #${anchor} in ${relative(root, resolved)}`
  }
  const lines = /^L(\d+)(?:-L(\d+))?$/.exec(anchor)
  if (!lines) return `#${anchor} is not a line of ${relative(root, resolved)}`
  const count = text.split('\n').length
  return Number(lines[2] ?? lines[1]) <= count
    ? undefined
    : `past the end of ${relative(root, resolved)}`
}

/** The text of a page from a heading (its Markdown line) to the next heading of its level or above. */
function section(markdown: string, heading: string): string {
  const level = /^#+/.exec(heading)?.[0].length ?? 2
  const start = markdown.split('\n').indexOf(heading)
  if (start < 0) return ''
  const lines = markdown.split('\n').slice(start + 1)
  const end = lines.findIndex(line => new RegExp(`^#{1,${level}} `).test(line))
  return lines.slice(0, end < 0 ? undefined : end).join('\n')
}

/** The first cells (`name`) of the rows of every table whose header's first cell is `header`. */
function tableNames(markdown: string, header: string): string[] {
  const names: string[] = []
  let inTable = false
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inTable = false
      continue
    }
    const first = line.split('|')[1]?.trim() ?? ''
    if (first === header) inTable = true
    else if (inTable) {
      const name = /^`([^`]+)`$/.exec(first)?.[1]
      if (name) names.push(name)
    }
  }
  return names
}

const yamlBlocks = (markdown: string): string[] =>
  [...markdown.matchAll(/^```yaml\n([^]*?)^```$/gm)].map(match => match[1] ?? '')

/**
 * The values of `failure-reason` the code can set: the string literals of the type FailureReason,
 * wherever in src/ it is declared (or of the constant it is derived from, `typeof X[number]`).
 */
function failureReasonsInCode(): string[] {
  const files = (directory: string): string[] =>
    readdirSync(join(root, directory), { withFileTypes: true }).flatMap(entry =>
      entry.isDirectory()
        ? entry.name === 'generated'
          ? []
          : files(join(directory, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(directory, entry.name)]
          : []
    )
  const literals = (node: ts.Node): string[] => {
    const found: string[] = []
    const visit = (child: ts.Node): void => {
      if (ts.isStringLiteral(child)) found.push(child.text)
      ts.forEachChild(child, visit)
    }
    visit(node)
    return found
  }
  const reasons: string[] = []
  for (const path of files('src')) {
    const source = ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true)
    const declarations: ts.Node[] = []
    const constants = new Map<string, ts.Node>()
    const visit = (node: ts.Node): void => {
      if (ts.isTypeAliasDeclaration(node) && node.name.text === 'FailureReason') {
        declarations.push(node.type)
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        constants.set(node.name.text, node.initializer)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
    for (const type of declarations) {
      const direct = literals(type)
      if (direct.length > 0) reasons.push(...direct)
      else {
        for (const name of type.getText(source).match(/[A-Za-z_$][\w$]*/g) ?? []) {
          const constant = constants.get(name)
          if (constant) reasons.push(...literals(constant))
        }
      }
    }
  }
  return [...new Set(reasons)].sort()
}

/** The words action.yml lists in an output's description after `after`: "…, unmanaged (…) or exported." */
function listedInActionYml(output: string, after: string): string[] {
  return (manifest.outputs[output]?.description.split(after)[1] ?? '')
    .replace(/\([^)]*\)/g, '')
    .split(/,| or /)
    .map(word => word.trim().replace(/\.$/, ''))
    .filter(Boolean)
}

describe('links', () => {
  it('are checked in the README, docs/ and the other Markdown files', () => {
    expect(MARKDOWN).toEqual(
      expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/troubleshooting.md'])
    )
  })

  it.each(MARKDOWN)('%s: every relative link and anchor resolves', file => {
    const broken = targetsOf(read(file))
      .map(target => ({ target, problem: brokenLink(file, target) }))
      .filter(link => link.problem !== undefined)
    expect(broken).toEqual([])
  })

  it('anchors follow GitHub: punctuation dropped, spaces as hyphens, repeats numbered', () => {
    expect(githubSlug('Apply only what was reviewed: require-approved-plan')).toBe(
      'apply-only-what-was-reviewed-require-approved-plan'
    )
    expect(githubSlug('A missing ${VAR}')).toBe('a-missing-var')
    expect(githubSlug('pull_request_target')).toBe('pull_request_target')
    expect(githubSlug('Configurations in no file, and prune')).toBe(
      'configurations-in-no-file-and-prune'
    )
    expect(githubSlug('Export → prune')).toBe('export--prune')
    expect([...anchorsOf('# A\n\n## A\n\n### `A`\n')]).toEqual(['a', 'a-1', 'a-2'])
    // A link into a code block is not a link; a broken one outside it is caught.
    expect(targetsOf('```\n[x](missing.md)\n```\n')).toEqual([])
    expect(brokenLink('README.md', 'docs/nowhere.md')).toMatch(/does not exist/)
    expect(brokenLink('README.md', 'docs/troubleshooting.md#nowhere')).toMatch(/no heading/)
    expect(
      brokenLink('docs/security.md', '../SECURITY.md#reporting-a-vulnerability')
    ).toBeUndefined()
  })
})

/**
 * A short workflow: a ```yaml block of the README or docs/ whose first line names its whole file
 * (`# examples/workflows/x.yml, shortened`).
 */
const EXAMPLE = /^# (examples\/workflows\/[\w.-]+\.yml)\b.*\n/
const excerpts = ['README.md', ...DOC_PAGES].flatMap(file =>
  yamlBlocks(read(file))
    .map(block => ({ file, source: EXAMPLE.exec(block)?.[1], lines: block.replace(EXAMPLE, '') }))
    .filter(
      (excerpt): excerpt is { file: string; source: string; lines: string } =>
        excerpt.source !== undefined
    )
)

describe('README', () => {
  const readme = read('README.md')

  it('is a front page: at most 350 lines', () => {
    expect(readme.split('\n').length).toBeLessThanOrEqual(350)
  })

  it('has a table of contents that lists its sections, in order', () => {
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map(match => match[1] ?? '')
    const contents = section(readme, readme.split('\n')[0] ?? '')
      .split('\n')
      .map(line => /^- \[([^\]]+)\]\(#([^)]+)\)$/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
    expect(contents.map(match => match[1])).toEqual(sections)
    expect(contents.map(match => match[2])).toEqual(sections.map(githubSlug))
  })

  it('links to every page of docs/', () => {
    const targets = new Set(targetsOf(readme))
    expect(DOC_PAGES.filter(page => !targets.has(page))).toEqual([])
  })

  // Moved here from __tests__/unit/repository.test.ts.
  it('has a row for every input and output of action.yml, in no other', () => {
    const rows = (heading: string) =>
      tableNames(section(readme, `## ${heading}`), heading.slice(0, -1))
    expect(rows('Inputs').sort()).toEqual(Object.keys(manifest.inputs).sort())
    expect(rows('Outputs').sort()).toEqual(Object.keys(manifest.outputs).sort())
  })

  // Moved here from __tests__/unit/repository.test.ts.
  it('names every status and failure reason that action.yml names', () => {
    const statuses = listedInActionYml('results', 'status is ')
    const reasons = listedInActionYml('failure-reason', 'otherwise ')
    expect(statuses).toEqual(expect.arrayContaining(['created', 'would-delete', 'exported']))
    expect(reasons).toEqual(expect.arrayContaining(['invalid-input', 'plan-changed', 'internal']))
    const missing = [...statuses, ...reasons].filter(word => !readme.includes(`\`${word}\``))
    expect(missing).toEqual([])
  })

  it('links every example workflow (the whole files stay in examples/workflows)', () => {
    const examples = readdirSync(join(root, 'examples/workflows'))
      .filter(name => name.endsWith('.yml'))
      .map(name => `examples/workflows/${name}`)
    // Without this, an empty or moved examples/workflows would pass.
    expect(examples).toEqual(
      expect.arrayContaining([
        'examples/workflows/export.yml',
        'examples/workflows/pull-request.yml',
        'examples/workflows/release.yml',
        'examples/workflows/schedule.yml'
      ])
    )
    const targets = targetsOf(readme)
    expect(examples.filter(example => !targets.includes(example))).toEqual([])
  })

  it('shows the short workflow of each of the three uses: release, pull requests, schedule', () => {
    expect(excerpts.filter(excerpt => excerpt.file === 'README.md').map(e => e.source)).toEqual(
      expect.arrayContaining([
        'examples/workflows/release.yml',
        'examples/workflows/pull-request.yml',
        'examples/workflows/schedule.yml'
      ])
    )
  })
})

describe('short workflows', () => {
  it('are in the README and docs/', () => {
    expect(excerpts.length).toBeGreaterThanOrEqual(3)
  })

  it.each(excerpts.map(excerpt => [`${excerpt.file}: ${excerpt.source}`, excerpt] as const))(
    '%s: shows lines of the whole file as they are, in order',
    (_name, excerpt) => {
      expect(existsSync(join(root, excerpt.source))).toBe(true)
      const file = read(excerpt.source).split('\n')
      // Runs of lines between `# …` markers: each run is in the file as it is, after the last.
      const runs = excerpt.lines
        .replace(/\n$/, '')
        .split('\n')
        .reduce<string[][]>(
          (all, line) => {
            if (/^\s*# …$/.test(line)) all.push([])
            else all.at(-1)?.push(line)
            return all
          },
          [[]]
        )
        .filter(run => run.length > 0)
      expect(runs.length).toBeGreaterThan(0)
      let from = 0
      for (const run of runs) {
        let at = -1
        for (let i = from; i + run.length <= file.length && at < 0; i++) {
          if (run.every((line, j) => file[i + j] === line)) at = i
        }
        expect({ run: run[0], found: at >= 0 }).toEqual({ run: run[0], found: true })
        from = at + run.length
      }
    }
  )
})

describe('docs/', () => {
  it('has one page per subject, and the troubleshooting page', () => {
    expect(DOC_PAGES).toEqual(
      expect.arrayContaining([
        'docs/desired-state.md',
        'docs/secrets.md',
        'docs/pull-requests.md',
        'docs/export-and-prune.md',
        'docs/undo-and-guardrails.md',
        'docs/security.md',
        'docs/development.md',
        'docs/troubleshooting.md'
      ])
    )
  })

  it("the desired-state page's field table has a row for every field of the schema, in no other", () => {
    const schema = JSON.parse(read('schema/desired-state.schema.json')) as {
      definitions: { configuration: { properties: Record<string, unknown> } }
    }
    expect(tableNames(read('docs/desired-state.md'), 'Field').sort()).toEqual(
      Object.keys(schema.definitions.configuration.properties).sort()
    )
  })

  // A page that documents inputs before they ship says so; once action.yml has them, it must not.
  it.each(MARKDOWN)(
    '%s: names in its Input and Output tables, and inputs its workflows give, are in action.yml unless the page is planned',
    file => {
      const markdown = read(file)
      const inputs = [...tableNames(markdown, 'Input')]
      const outputs = tableNames(markdown, 'Output')
      for (const block of yamlBlocks(markdown)) {
        const visit = (value: unknown): void => {
          if (Array.isArray(value)) return value.forEach(visit)
          if (value === null || typeof value !== 'object') return
          const step = value as { uses?: unknown; with?: unknown }
          if (
            typeof step.uses === 'string' &&
            step.uses.includes('integration-configuration-action')
          ) {
            inputs.push(...Object.keys((step.with as object | null) ?? {}))
          }
          Object.values(value).forEach(visit)
        }
        visit(parse(block) as unknown)
      }
      const unknown = [
        ...inputs.filter(name => !(name in manifest.inputs)),
        ...outputs.filter(name => !(name in manifest.outputs))
      ]
      if (markdown.includes(PLANNED)) {
        // Every one shipped: remove the page's notice, and reconcile the page with what shipped.
        expect({ file, planned: unknown.length > 0 }).toEqual({ file, planned: true })
      } else expect(unknown).toEqual([])
    }
  )
})

describe('troubleshooting', () => {
  const page = read('docs/troubleshooting.md')
  const reasonsSection = section(page, '## Every failure reason')
  const documented = [...reasonsSection.matchAll(/^### `([a-z-]+)`$/gm)].map(
    match => match[1] ?? ''
  )
  const inCode = failureReasonsInCode()

  it('reads the failure reasons from the code', () => {
    expect(inCode).toEqual(
      expect.arrayContaining(['invalid-input', 'unauthorized', 'plan-changed', 'internal'])
    )
  })

  it('action.yml lists every failure reason the code can set, and no other', () => {
    expect(listedInActionYml('failure-reason', 'otherwise ').sort()).toEqual(inCode)
  })

  it('has a section for every failure reason the code can set, and no other', () => {
    expect([...documented].sort()).toEqual(inCode)
    // …and a row in the overview table that links to it.
    expect(tableNames(reasonsSection, '`failure-reason`')).toEqual([])
    const rows = [...reasonsSection.matchAll(/^\| \[`([a-z-]+)`\]\(#([a-z-]+)\)/gm)]
    expect(rows.map(row => row[1])).toEqual(documented)
    expect(rows.map(row => row[2])).toEqual(documented)
  })

  it.each(inCode)('`%s`: says what it means, what you see, and the fix', reason => {
    const text = section(page, `### \`${reason}\``)
    expect({
      means: text.includes('**What it means.**'),
      see: text.includes('**What you see.**'),
      fix: text.includes('**The fix.**')
    }).toEqual({ means: true, see: true, fix: true })
  })

  it('has the ten likeliest mistakes, each with a quoted message and a fix', () => {
    const mistakes = section(page, '## The ten likeliest mistakes')
    const headings = [...mistakes.matchAll(/^### (.+)$/gm)].map(match => match[1] ?? '')
    expect(headings).toHaveLength(10)
    for (const heading of headings) {
      const text = section(mistakes, `### ${heading}`)
      expect({
        heading,
        quoted: text.includes('<!-- message: '),
        fix: text.includes('**The fix.**')
      }).toEqual({ heading, quoted: true, fix: true })
    }
  })

  it('every failure-reason=… that a page names is one the code can set (planned pages aside)', () => {
    const named = MARKDOWN.filter(file => !read(file).includes(PLANNED)).flatMap(file =>
      [...read(file).matchAll(/failure-reason=([a-z-]+)/g)].map(match => `${file}: ${match[1]}`)
    )
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter(entry => !inCode.includes(entry.split(': ')[1] ?? ''))).toEqual([])
  })
})
