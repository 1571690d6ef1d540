import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import envPaths from 'env-paths'
import { positionOf } from '../data/position.js'
import { DataError, UsageError } from '../errors.js'
import { findJsonError } from '../ticket/validate.js'
import { isLanguage, LANGUAGES } from './messages/language.js'

/** User configuration (not tickets: conf is not safe for several writers). */
export const CONFIG_KEYS = {
  regulation: 'default regulation id for commands that take --regulation',
  agent: 'your name, recorded as the author of ticket events',
  store: 'the ticket store: a file path, or a postgres:// URL for a team store',
  regulationsDir: 'a directory of extra regulation files (same id overrides a built-in one)',
  lang: 'the interface language, ru or en (else the locale: LC_ALL, LC_MESSAGES, LANG)',
} as const

export type ConfigKey = keyof typeof CONFIG_KEYS
export type ConfigValues = Partial<Record<ConfigKey, string>>

export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(CONFIG_KEYS, key)
}

export function assertConfigKey(key: string): asserts key is ConfigKey {
  if (!isConfigKey(key))
    throw new UsageError(`unknown config key "${key}"; valid keys: ${Object.keys(CONFIG_KEYS).join(', ')}`)
}

/** The file conf manages: the same place conf computes (env-paths, project "regdesk", no suffix). */
export function configPath(): string {
  return join(envPaths('regdesk', { suffix: '' }).config, 'config.json')
}

/**
 * Reads the config without loading conf (which costs ~90 ms at start-up): every command needs
 * the defaults, only `config set` needs conf's atomic writes.
 */
export function readUserConfig(file = configPath(), opts: { repairing?: boolean } = {}): ConfigValues {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    return {}
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    // where it stops being JSON in words of regdesk's own: JSON.parse's message may quote the file, and `store` may be
    // a URL with a password
    const err = findJsonError(text) ?? { offset: 0, message: 'not valid JSON' }
    throw new DataError([
      {
        file,
        ...positionOf(text, err.offset),
        path: '',
        message: `the user config is not valid JSON: ${err.message}; correct it, or delete the file to start again`,
        severity: 'error',
      },
    ])
  }
  // a value of the wrong shape is refused, not dropped: a `store` dropped in silence would send an agent's tickets to
  // the private default file instead of the team's database (keys regdesk does not know are left for a newer one)
  const problem = (path: string, message: string) =>
    new DataError([
      {
        file,
        ...positionOf(text, path ? Math.max(0, text.indexOf(`"${path}"`)) : 0),
        path,
        message: `${message}; correct it with \`regdesk config set${path ? ` ${path}` : ''} …\`, or delete the file to start again`,
        severity: 'error',
      },
    ])
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw problem('', 'the user config is not an object of settings ({"key": "value", …})')
  const values: ConfigValues = {}
  for (const [k, v] of Object.entries(data)) {
    if (!isConfigKey(k)) continue
    const wrong =
      typeof v !== 'string' || v.trim() === ''
        ? `"${k}" must be a text that is not empty`
        : k === 'lang' && !isLanguage(v)
          ? `"lang" must be one of ${LANGUAGES.join(', ')}`
          : undefined
    // the `config` commands read past it: they are how it is corrected
    if (wrong && !opts.repairing) throw problem(k, wrong)
    if (!wrong) values[k] = v as string
  }
  return values
}

/**
 * conf is loaded when a command writes the config, and with require (Node ≥ 20.19 requires ES modules): the bundled
 * program runs as a vm.Script (bin/regdesk.js), where `import()` has no module loader to call.
 */
const nodeRequire = createRequire(import.meta.url)

export async function writeUserConfig(
  change: (conf: { set(k: string, v: string): void; delete(k: string): void }) => void,
) {
  const { default: Conf } = nodeRequire('conf') as typeof import('conf')
  // private to its owner: `store` may be a URL with a password
  const conf = new Conf<Record<string, string>>({ projectName: 'regdesk', projectSuffix: '', configFileMode: 0o600 })
  change(conf)
  return conf.path
}
