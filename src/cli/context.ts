import { statSync } from 'node:fs'
import { join } from 'node:path'
import envPaths from 'env-paths'
import { UsageError } from '../errors.js'
import { type Parsers, RegulationRegistry } from '../regulation/load.js'
import { type ConfigValues, configPath, readUserConfig } from './config.js'
import type { IO } from './io.js'
import { LAZY_PARSERS } from './parsers.js'
import { noteAssumedZone, parseInstant } from './time-input.js'

/** --now is read before any regulation is known; every shipped regulation is in Moscow time */
const NOW_ZONE = 'Europe/Moscow'

export interface GlobalOptions {
  now?: string
  store?: string
  regulations?: string
  json?: boolean
  color?: boolean
  verbose?: boolean
}

/** What a command needs from the world, read once (gh's Factory). */
export interface Context {
  io: IO
  json: boolean
  verbose: boolean
  /** the instant every computation uses: --now, REGDESK_NOW, else the clock */
  now: number
  config: ConfigValues
  registry(): RegulationRegistry
  /** the parsers of regulation and calendar files, loaded when a file must be parsed */
  parsers: Parsers
  storePath(): string
  /** where storePath's value comes from, as a message names it: --store, REGDESK_STORE or config `store` */
  storeSource(): string
  /** the store used when none is given: tickets.json in the user's data directory */
  defaultStorePath(): string
  /** the user cache directory (models of regulations the build did not see): REGDESK_CACHE_DIR, else the user's */
  cacheDir(): string
  /** where `calendar import` writes years and every command reads them: REGDESK_CALENDARS_DIR, else the user data dir */
  calendarsDir(): string
  /** the regulation id to use when --regulation is not given */
  defaultRegulation(): string | undefined
}

export interface Environment {
  env: NodeJS.ProcessEnv
  clock: () => number
  /** the file parsers; default: loaded when a file must be parsed (src/cli/parsers.ts). Tests give the sources' own. */
  parsers?: Parsers
}

export function createContext(
  io: IO,
  opts: GlobalOptions,
  environment: Environment,
  /** a `config` command: a value of the config file that is wrong is what it is run to correct */
  repairing = false,
): Context {
  const { env } = environment
  const config = readUserConfig(undefined, { repairing })
  // an empty variable is unset, as REGDESK_STORE
  const nowText = opts.now ?? (env.REGDESK_NOW || undefined)
  // the clock to the second, as people and helpdesks write times: a receipt or a response stored without --now reads
  // 2026-12-07T20:47:55+03:00, not …55.740+03:00 (a time given with --now keeps what it says)
  let now = Math.floor(environment.clock() / 1000) * 1000
  if (nowText !== undefined) {
    const label = opts.now !== undefined ? '--now' : 'REGDESK_NOW'
    const parsed = parseInstant(nowText, label, NOW_ZONE)
    noteAssumedZone(io, label, parsed, NOW_ZONE)
    now = parsed.ms
  }
  let registry: RegulationRegistry | undefined
  return {
    io,
    json: Boolean(opts.json),
    verbose: Boolean(opts.verbose),
    parsers: environment.parsers ?? LAZY_PARSERS,
    now,
    config,
    registry: () => {
      if (!registry) {
        const dir = opts.regulations ?? env.REGDESK_REGULATIONS ?? config.regulationsDir
        const source =
          opts.regulations !== undefined
            ? '--regulations'
            : env.REGDESK_REGULATIONS !== undefined
              ? 'REGDESK_REGULATIONS'
              : 'config `regulationsDir`'
        if (dir !== undefined && !isDirectory(dir)) throw new UsageError(`${source}: "${dir}" is not a directory`)
        registry = RegulationRegistry.withBuiltins(environment.parsers ?? LAZY_PARSERS, dir ? [dir] : [])
      }
      return registry
    },
    storePath: () => {
      if (opts.store === '') throw new UsageError('--store is empty: give a file or a postgres:// URL')
      // an empty variable or setting is unset, as with REGDESK_CACHE_DIR
      return opts.store ?? (env.REGDESK_STORE || config.store || defaultStorePath())
    },
    storeSource: () =>
      opts.store !== undefined
        ? '--store'
        : env.REGDESK_STORE
          ? 'REGDESK_STORE'
          : config.store
            ? `config store (${configPath()})`
            : 'the default store',
    defaultStorePath,
    cacheDir: () => env.REGDESK_CACHE_DIR || envPaths('regdesk', { suffix: '' }).cache,
    calendarsDir: () => env.REGDESK_CALENDARS_DIR || join(envPaths('regdesk', { suffix: '' }).data, 'calendars'),
    defaultRegulation: () => config.regulation,
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** The store used when none is given: tickets.json in the user's data directory (made with its folders). */
function defaultStorePath(): string {
  return join(envPaths('regdesk', { suffix: '' }).data, 'tickets.json')
}
