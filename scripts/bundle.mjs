// The command-line program as one CommonJS bundle, dist/bundle/regdesk.cjs, and V8's code cache of it
// (bin/regdesk.js loads both). Resolving and compiling ~130 modules one by one, through Node's ESM
// loader, cost more start-up time than a command's own work.
// The compiled modules in dist/ stay for the library entry points, the benchmark and the scripts.
import { spawnSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

/**
 * Modules the program loads on first use instead of at start-up, where every command would pay for them:
 * commander requires node:child_process (and the network modules it pulls in, ~10 ms) for subcommands that are
 * separate executables, which regdesk has none of; node:crypto (~5 ms) serves only the commands that write a store
 * or fingerprint a regulation; proper-lockfile (with graceful-fs, which patches node:fs as it loads, ~8 ms) only the
 * commands that change a JSON file store. Each becomes a stand-in whose functions load the real module when first
 * called (an object of functions, not a Proxy: esbuild's interop copies an imported module's properties).
 */
const LAZY_BUILTINS = ['child_process', 'crypto']
const LAZY_PACKAGES = ['proper-lockfile']
const requireHere = createRequire(import.meta.url)
const lazyModules = {
  name: 'lazy-modules',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^node:(${LAZY_BUILTINS.join('|')})$`) }, (args) =>
      // the stand-in's own require is of the real module
      args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' },
    )
    b.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) => ({
      path: args.path,
      namespace: 'lazy',
    }))
    // pg's password hashing (pg/lib/crypto/utils.js) takes node:crypto's WebCrypto as it loads (~4 ms), yet serves
    // only a server that asks for a password: its two users (client.js, crypto/sasl.js) get a stand-in instead
    b.onResolve({ filter: /^\.(\/crypto)?\/utils$/ }, (args) => {
      const user = args.importer.replaceAll('\\', '/')
      if (args.namespace === 'lazy' || !/\/pg\/lib\/(client|crypto\/sasl)\.js$/.test(user)) return undefined
      return { path: requireHere.resolve(join(dirname(args.importer), args.path)), namespace: 'lazy' }
    })
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, async (args) => {
      const builtin = args.path.startsWith('node:')
      // the real module: a builtin stays external; a package is bundled, and run only when first required
      const real = builtin ? args.path : requireHere.resolve(args.path)
      const exported = builtin ? await import(args.path) : requireHere(args.path)
      const names = Object.keys(exported).filter((name) => /^[a-z]/.test(name) && typeof exported[name] === 'function')
      return {
        contents: [
          `let real; const load = () => (real ??= require(${JSON.stringify(real)}))`,
          `module.exports = { ${names.map((name) => `${name}: (...a) => load().${name}(...a)`).join(', ')} }`,
        ].join('\n'),
        loader: 'js',
        resolveDir: root,
      }
    })
  },
}

const root = fileURLToPath(new URL('../', import.meta.url))
/** the first line of each bundle: bin/code-cache.js uses a code cache only with the bundle it was made from */
const BUILD_LINE = `// regdesk build ${randomUUID()}`
const outdir = join(root, 'dist/bundle')
rmSync(outdir, { recursive: true, force: true })
await build({
  entryPoints: { regdesk: join(root, 'src/cli/main.ts') },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  outExtension: { '.js': '.cjs' },
  sourcemap: true,
  logLevel: 'warning',
  plugins: [lazyModules],
  // Loaded from node_modules when a command needs them (an ad-hoc timezone, the config file, the
  // interactive prompts, a progress bar, the MIME parser of e-mails, an imported CSV file): in the bundle they would
  // be read and cached by every command.
  external: ['luxon', 'conf', '@inquirer/prompts', 'cli-progress', 'postal-mime', 'csv-parse'],
  // the sources find their data files relative to their own module (dist/bundle is as deep as dist/cli)
  define: { 'import.meta.url': '__moduleUrl' },
  // the first line names the build (BUILD_LINE)
  banner: {
    js: `${BUILD_LINE}\nconst __moduleUrl = require('node:url').pathToFileURL(__filename).href;`,
  },
})

// The PostgreSQL driver for a team store (pg with its two helpers, see src/cli/store.ts), as a bundle of its
// own: kept out of the program's bundle so that commands on the JSON file never load or compile it, and made one
// file so that a database command does not resolve and read pg's twenty modules one by one.
await build({
  stdin: {
    contents:
      "module.exports = { pg: require('pg'), parse: require('pg-connection-string').parse, pgpass: require('pgpass') }",
    resolveDir: root,
    loader: 'js',
  },
  outfile: join(outdir, 'pg.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [lazyModules],
  // optional back-ends of pg that regdesk never uses (libpq bindings, Cloudflare Workers sockets)
  external: ['pg-native', 'pg-cloudflare'],
  // pg asks whether it runs on Cloudflare Workers by `navigator.userAgent`, and where Node has no `navigator` (Node 20)
  // by constructing a `Response`, which loads Node's whole fetch implementation (~35 ms); the build says it is Node
  define: { navigator: '{"userAgent":"Node.js"}' },
  banner: { js: BUILD_LINE },
})

// bin/regdesk.js runs the bundle as a vm.Script, which has no module loader for import(): an ES-module-only
// dependency is required instead (Node 20.19 and later require ES modules).
const bundleFile = join(outdir, 'regdesk.cjs')
if (/\bimport\(/.test(readFileSync(bundleFile, 'utf8')))
  throw new Error('dist/bundle/regdesk.cjs has an import(): a vm.Script cannot run it; require the module instead')

// The bundle in ASCII, read by bin/regdesk.js as Latin-1: one Cyrillic letter makes Node decode the whole 1.2 MB as
// UTF-8 into a two-byte string, a tenth of a short command's start-up. esbuild escapes strings itself; what it keeps
// (regular expression literals, String.raw sources of expressions, comments) means the same with \u escapes.
for (const file of [bundleFile, join(outdir, 'pg.cjs')]) writeFileSync(file, asciiOnly(readFileSync(file, 'utf8')))

function asciiOnly(source) {
  // code unit by code unit: a character beyond 16 bits becomes its surrogate pair, which an expression reads as one
  return source.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/**
 * Makes a code cache of the bundled program (bin/regdesk.js picks the one of its command): runs `args` with the cache
 * made at exit, in a home of its own (no user config, a store of its own), and fails the build if the run does.
 */
function trainCodeCache(what, args) {
  const home = mkdtempSync(join(tmpdir(), 'regdesk-build-'))
  const run = spawnSync(
    process.execPath,
    [
      '-e',
      "process.argv.splice(1, 0, require.resolve('./bin/regdesk.js')); require('./bin/regdesk.js').launch({ makeCodeCache: true })",
      ...args,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        HOME: home,
        XDG_CONFIG_HOME: home,
        XDG_DATA_HOME: home,
        REGDESK_STORE: join(home, 't.json'),
        REGDESK_NOW: '2026-11-20T16:00+03:00',
      },
    },
  )
  rmSync(home, { recursive: true, force: true })
  if (run.status !== 0) throw new Error(`the bundled program failed its ${what} code-cache run:\n${run.stderr}`)
}

const TRAINING_REQUEST = [
  '--regulation',
  'moguta',
  '--received-at',
  '2026-11-20T15:00+03:00',
  'После обновления до 10.11 сайт mebel-divan.ru показывает белый экран, в админку не пускает. Ключ 8F3K-22QX-7LMN-0PRT',
]
// The code cache: what V8 compiled during one triage, the command whose start-up matters most.
trainCodeCache('triage', ['triage', '--json', ...TRAINING_REQUEST])
// The `tickets` commands' code cache: what V8 compiled during a `tickets add` into a new file store — the triage, the
// ticket, the store and its output. One cache for all commands would be larger to read for every short one
// (measured: --version and triage 2–3 ms slower).
trainCodeCache('tickets', ['tickets', 'add', ...TRAINING_REQUEST])

// The driver's code cache: what V8 compiled while loading it (connecting needs a server, which a build has not).
const driverCache = spawnSync(
  process.execPath,
  ['-e', "require('./bin/code-cache.js').runBundle(require.resolve('./dist/bundle/pg.cjs'), { makeCodeCache: true })"],
  { cwd: root, encoding: 'utf8' },
)
if (driverCache.status !== 0)
  throw new Error(`the PostgreSQL driver's bundle failed its code-cache run:\n${driverCache.stderr}`)
