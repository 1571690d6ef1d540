import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { UsageError } from '../errors.js'
import { JsonFileStore } from '../store/json-file/store.js'
import { clientConfig, isPostgresUrl, maskUrl, type PgDriver } from '../store/postgres/connection.js'
import { PostgresStore } from '../store/postgres/store.js'
import type { TicketStore } from '../store/ticket-store.js'
import type { Context, Environment } from './context.js'

/**
 * The one place that turns a --store value into a store (docs/ARCHITECTURE.md, "Layers": openStore chooses by
 * the value): a `postgres://` or `postgresql://` URL is the team's database, anything else a
 * JSON file. `value` defaults to this invocation's store (--store, REGDESK_STORE, config
 * `store`, the user data directory).
 *
 * Test hooks (tests only): REGDESK_TEST_CRASH_BEFORE_RENAME=1 kills the process with SIGKILL
 * after the file store's temporary file is written, before it replaces the store;
 * REGDESK_TEST_CRASH_IN_TRANSACTION=1 kills it inside a database transaction, before COMMIT.
 */
export function openStore(
  ctx: Context,
  environment: Environment,
  value: string = ctx.storePath(),
  /** what a message calls the value: where it came from (default: this invocation's store, ctx.storeSource) */
  givenAs: string = ctx.storeSource(),
): TicketStore {
  const { env } = environment
  checkStoreValue(value, givenAs)
  const kill = () => process.kill(process.pid, 'SIGKILL')
  if (isPostgresUrl(value))
    return new PostgresStore(pgDriver(ctx.cacheDir()), value, {
      env,
      appliedBy: 'regdesk',
      ...(env.REGDESK_TEST_CRASH_IN_TRANSACTION === '1' ? { beforeCommit: kill } : {}),
    })
  return new JsonFileStore(value, {
    // the folders of a path someone gave are theirs to make: a typo would otherwise become a tree of folders
    makeParentFolders: value === ctx.defaultStorePath(),
    // said in the interface language by run.ts, as every note
    onLockWait: (stale) => ctx.io.err(`note: ${lockWaitNote(value, stale)}\n`),
    ...(env.REGDESK_TEST_CRASH_BEFORE_RENAME === '1' ? { beforeRename: kill } : {}),
  })
}

/** Runs `fn` with the store open and closes it afterwards (a database connection would keep the process alive). */
export async function withStore<T>(
  ctx: Context,
  environment: Environment,
  fn: (store: TicketStore) => Promise<T> | T,
  value?: string,
): Promise<T> {
  const store = openStore(ctx, environment, value)
  try {
    const result = await fn(store)
    // a command that found no file (no tables) there and wrote none: a mistyped --store reads as an empty store otherwise
    if (store instanceof JsonFileStore && !store.exists())
      ctx.io.err(`note: ${missingStoreNote(store.label, store.missingFolder())}\n`)
    if (store instanceof PostgresStore && store.foundNoTables()) ctx.io.err(`note: ${noTablesNote(store.label)}\n`)
    return result
  } finally {
    await store.close()
  }
}

function missingStoreNote(file: string, missingFolder: string | undefined): string {
  if (missingFolder)
    return `there is no ticket store ${file}, nor the folder ${missingFolder} to make it in: check the path (--store), or create the folder first`
  return `there is no ticket store ${file} yet: the first ticket added makes it (check --store if you expected one)`
}

function noTablesNote(url: string): string {
  return `the PostgreSQL store ${url} has no regdesk tables yet: the first ticket added makes them (check --store if you expected tickets there)`
}

/** Why a change waits: a writer's lock, another's or a stopped one's (taken over once stale). */
function lockWaitNote(file: string, staleSeconds: number): string {
  return `waiting for the lock of the ticket store ${file}: another regdesk is writing it, or one that stopped left it (taken over after ${staleSeconds} s)`
}

/**
 * Refuses a file named with -o that is this invocation's file store or one of the files beside it (its sidecars, its
 * lock, a migration's backup): replaced by a report or an export, every ticket would be gone. The same file under
 * another name (./tickets.json, a link to it) is the same file.
 * @throws UsageError
 */
export function checkNotStoreFile(ctx: Context, file: string): void {
  // a store URL given for -o: said masked, and as what it is (the file would be named after the password)
  if (isPostgresUrl(file) || /^[a-z][a-z0-9+.-]*:\/\/[^/\s]*@/i.test(file))
    throw new UsageError(
      `-o takes a file name, not a URL (${maskUrl(file)}); a store is copied with regdesk store copy`,
    )
  const store = ctx.storePath()
  if (isPostgresUrl(store)) return
  const target = resolve(file)
  const storeFile = resolve(store)
  const name = basename(storeFile)
  const beside =
    dirname(target) === dirname(storeFile) &&
    basename(target).startsWith(`${name}.`) &&
    STORE_SIDE_FILE.test(basename(target).slice(name.length))
  const same = target === storeFile || sameInode(target, storeFile)
  if (same || beside)
    throw new UsageError(
      `${file} is the ticket store${same ? '' : "'s own file"} (${store}): writing there would replace its tickets; name another file`,
    )
}

/** What follows a store's name in the files beside it: sidecars (sidecars.ts), lock, a migration's backup, temporaries. */
const STORE_SIDE_FILE = /^\.(?:meta|summary|lock|format\d+\.bak|tmp-.*|meta\.tmp-.*|summary\.tmp-.*)$/

function sameInode(a: string, b: string): boolean {
  try {
    const x = statSync(a)
    const y = statSync(b)
    return x.dev === y.dev && x.ino === y.ino
  } catch {
    return false
  }
}

/** A --store value as it may be printed: a URL's password masked. */
export function storeLabel(value: string): string {
  return maskUrl(value)
}

/**
 * Refuses a --store value that looks like a mistyped URL (postgress://, pg://, postgres:/host, postgres//host): as a
 * file name it would be a local store nobody else sees, in folders named after the password. @throws UsageError (the
 * value shown masked)
 */
export function checkStoreValue(value: string, givenAs = '--store'): void {
  if (!isPostgresUrl(value) && (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) || /^postgres(ql)?(:|\/\/)/i.test(value)))
    throw new UsageError(
      `${givenAs} ${maskUrl(value)}: not a postgres:// or postgresql:// URL, and a file name with a scheme is taken for a mistyped one`,
    )
  // a folder, not a file: the store is a file in it (a lock and a rename in a missing folder said only ENOENT)
  if (!isPostgresUrl(value) && /[/\\]$/.test(value))
    throw new UsageError(`${givenAs} ${value} names a folder; give the store's file, e.g. ${value}tickets.json`)
}

/**
 * A store value as config keeps it: not a mistyped URL (checkStoreValue), and a postgres:// URL that the driver
 * reads (a port out of range, an unencoded @ in the password), checked now rather than at the next command.
 * @throws UsageError (the value shown masked)
 */
export function checkConfiguredStore(value: string): void {
  // named as the setting it is: the user typed `config set store …`, not --store
  checkStoreValue(value, 'store')
  if (isPostgresUrl(value)) clientConfig(pgDriver(), value, { env: {}, givenAs: 'store' })
}

/**
 * pg and its two helpers, loaded on first use: pg stays outside the program's bundle so that a command on the file
 * store never loads or compiles it (scripts/bundle.mjs). The built program has them bundled in one file beside it,
 * dist/bundle/pg.cjs, run with its code cache by bin/code-cache.js; the compiled modules and the tests load them from
 * node_modules.
 */
let driver: PgDriver | undefined
/** `cacheDir`: the user cache directory, where the driver's code cache is completed by use (bin/code-cache.js) */
export function pgDriver(cacheDir?: string): PgDriver {
  driver ??= loadDriver(createRequire(import.meta.url), cacheDir)
  return driver
}

function loadDriver(nodeRequire: NodeJS.Require, cacheDir: string | undefined): PgDriver {
  const bundled = fileURLToPath(new URL('./pg.cjs', import.meta.url))
  if (bundled.includes('/dist/bundle/') && existsSync(bundled)) {
    const { runBundle } = nodeRequire(fileURLToPath(new URL('../../bin/code-cache.js', import.meta.url))) as {
      runBundle: (file: string, options: { completedCache?: string }) => { exports: PgDriver }
    }
    // connecting and querying compile most of the driver, which the build's cache (made without a server) lacks
    return runBundle(bundled, cacheDir ? { completedCache: join(cacheDir, 'pg.cjs.cache') } : {}).exports
  }
  const fromPg = createRequire(nodeRequire.resolve('pg'))
  return {
    pg: nodeRequire('pg') as PgDriver['pg'],
    parse: (fromPg('pg-connection-string') as { parse: PgDriver['parse'] }).parse,
    pgpass: fromPg('pgpass') as PgDriver['pgpass'],
  }
}

/**
 * Whether this invocation's store is the team's database. An import takes its records in by changes of a thousand
 * there; on the JSON file, where every change rewrites the file, in one.
 */
export function isTeamStore(ctx: Context): boolean {
  return isStoreUrl(ctx.storePath())
}

/** Whether a --store value names the team's database rather than a file. */
export function isStoreUrl(value: string): boolean {
  return isPostgresUrl(value)
}
