// `npm run build`: dist/ from nothing (a chunk a former build left would otherwise stay), the bundle
// by ncc, dist/licenses.txt from the packages the bundle holds, and dist/build-inputs.sha256, the
// digest of everything the bundle is made from.
// `node scripts/build.mjs --if-stale` builds only when that digest differs from the one in dist/:
// the end-to-end tests run it first, so they never test a bundle older than src/. The digest is
// of content, not of times (a fresh clone's files all have the time of the clone).
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const DIST = join(ROOT, 'dist')
const DIGEST_FILE = join(DIST, 'build-inputs.sha256')

/** Every file the bundle is made from, with what of package.json and the lock it depends on. */
export function buildInputsDigest() {
  const hash = createHash('sha256')
  const add = (name, content) => {
    // Line endings as git may check them out on Windows must not make a bundle stale.
    hash.update(`${name}\0${content.replace(/\r\n/g, '\n')}\0`)
  }
  const files = directory =>
    readdirSync(join(ROOT, directory), { recursive: true, withFileTypes: true })
      .filter(entry => entry.isFile())
      .map(entry => relative(ROOT, join(entry.parentPath, entry.name)).split('\\').join('/'))
  const read = path => readFileSync(join(ROOT, path), 'utf8')
  for (const path of [
    ...files('src'),
    ...files('patches'),
    'tsconfig.json',
    'scripts/build.mjs'
  ].sort()) {
    add(path, read(path))
  }
  // Not the whole of package.json and the lock: a new script or a development tool's update
  // leaves the bundle as it was. The bundler's version does not.
  const pkg = JSON.parse(read('package.json'))
  add('package.json', JSON.stringify({ version: pkg.version, dependencies: pkg.dependencies }))
  const lock = JSON.parse(read('package-lock.json'))
  const bundled = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && (!entry.dev || path === 'node_modules/@vercel/ncc'))
    .map(([path, entry]) => `${path}@${entry.version}`)
    .sort()
  add('package-lock.json', bundled.join('\n'))
  return hash.digest('hex')
}

/** The packages whose files are in the bundle, from ncc's statistics: name → directory. */
function bundledPackages(stats) {
  const packages = new Map()
  const visit = module => {
    // The last node_modules/ in the path names the package (nested copies are packages too).
    const match = /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(module.name ?? '')
    if (match) {
      const directory = module.name.slice(0, match.index + match[0].length - 1)
      packages.set(directory, match[1])
    }
    for (const inner of module.modules ?? []) visit(inner)
  }
  for (const module of stats.modules ?? []) visit(module)
  return packages
}

/** One block a package: its name and version, its license, and its license file's text. */
function licenses(stats) {
  const blocks = new Map()
  for (const [directory] of bundledPackages(stats)) {
    const path = join(ROOT, directory)
    const pkg = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8'))
    const file = readdirSync(path).find(name => /^(licen[cs]e|copying)(\.|$)/i.test(name))
    if (!file) throw new Error(`${pkg.name}@${pkg.version} has no license file: cannot bundle it`)
    const text = readFileSync(join(path, file), 'utf8').replace(/\r\n/g, '\n').trim()
    blocks.set(`${pkg.name}@${pkg.version}`, `${pkg.name}@${pkg.version}\n${pkg.license}\n${text}`)
  }
  return [...blocks.keys()]
    .sort()
    .map(key => blocks.get(key))
    .join('\n\n---\n\n')
}

function build() {
  rmSync(DIST, { recursive: true, force: true })
  const statsFile = join(mkdtempSync(join(tmpdir(), 'ncc-stats-')), 'stats.json')
  const ncc = join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js')
  const result = spawnSync(
    process.execPath,
    [
      ncc,
      'build',
      'src/index.ts',
      '-o',
      'dist',
      '--minify',
      '--transpile-only',
      '--stats-out',
      statsFile
    ],
    { cwd: ROOT, stdio: 'inherit' }
  )
  if (result.status !== 0) process.exit(result.status ?? 1)
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'))
  rmSync(dirname(statsFile), { recursive: true, force: true })
  writeFileSync(join(DIST, 'licenses.txt'), `${licenses(stats)}\n`)
  writeFileSync(DIGEST_FILE, `${buildInputsDigest()}\n`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--if-stale')) {
    const built = existsSync(DIGEST_FILE) ? readFileSync(DIGEST_FILE, 'utf8').trim() : ''
    if (built === buildInputsDigest()) {
      console.log('dist/ is the build of src/ as it is (build-inputs.sha256): not rebuilt.')
    } else {
      console.log('dist/ is not the build of src/ as it is: building it first.')
      build()
    }
  } else {
    build()
  }
}
