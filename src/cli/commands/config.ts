import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import { Command } from 'commander'
import { DataError, UsageError } from '../../errors.js'
import { contextOf } from '../command.js'
import { assertConfigKey, CONFIG_KEYS, type ConfigKey, configPath, readUserConfig, writeUserConfig } from '../config.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { isLanguage, LANGUAGES } from '../messages/language.js'
import { writeJson } from '../output/json.js'
import { renderList } from '../output/table.js'
import { checkRegulationId } from '../regulation-input.js'
import { checkConfiguredStore, isStoreUrl, storeLabel } from '../store.js'

export function configCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('config').description('Read and change your settings (default regulation, agent name, store)')
  cmd.addHelpText(
    'after',
    `\nKeys:\n${Object.entries(CONFIG_KEYS)
      .map(([k, d]) => `  ${k.padEnd(15)} ${d}`)
      .join(
        '\n',
      )}\n${examples(['regdesk config set regulation moguta', 'regdesk config set agent "Ирина"', 'regdesk config list --json'])}`,
  )
  cmd
    .command('list')
    .description('show every key and its value')
    .addHelpText('after', examples(['regdesk config list', 'regdesk config list --json']))
    .action((_o, c: Command) => runConfigList(contextOf(c, io, environment, true)))
  cmd
    .command('get')
    .description('print the value of a key (nothing when unset)')
    .argument('<key>', Object.keys(CONFIG_KEYS).join(' | '))
    .addHelpText('after', examples(['regdesk config get regulation', 'regdesk config get store --json']))
    .action((key: string, _o, c: Command) => runConfigGet(contextOf(c, io, environment, true), key))
  cmd
    .command('set')
    .description('set a key')
    .argument('<key>', Object.keys(CONFIG_KEYS).join(' | '))
    .argument('<value>', 'the new value')
    .addHelpText(
      'after',
      examples([
        'regdesk config set regulation moguta',
        'regdesk config set agent "Ирина"',
        'regdesk config set store ~/support/tickets.json',
      ]),
    )
    .action((key: string, value: string, _o, c: Command) =>
      runConfigSet(contextOf(c, io, environment, true), key, value),
    )
  cmd
    .command('unset')
    .description('remove a key')
    .argument('<key>', Object.keys(CONFIG_KEYS).join(' | '))
    .addHelpText('after', examples(['regdesk config unset regulationsDir']))
    .action((key: string, _o, c: Command) => runConfigUnset(contextOf(c, io, environment, true), key))
  cmd
    .command('path')
    .description('print where the settings file is')
    .addHelpText('after', examples(['regdesk config path']))
    .action((_o, c: Command) => {
      const ctx = contextOf(c, io, environment, true)
      if (ctx.json) writeJson(ctx.io, { path: configPath() })
      else ctx.io.out(`${configPath()}\n`)
    })
  return cmd
}

export function runConfigList(ctx: Context): void {
  // a value the other commands refuse is listed as unset, and said
  try {
    readUserConfig()
  } catch (e) {
    if (!(e instanceof DataError)) throw e
    for (const issue of e.issues) ctx.io.err(`warning: ${issue.message}\n`)
  }
  const rows = (Object.keys(CONFIG_KEYS) as ConfigKey[]).map((key) => ({ key, value: shown(key, ctx.config[key]) }))
  if (ctx.json) {
    writeJson(ctx.io, Object.fromEntries(rows.map((r) => [r.key, r.value])))
    return
  }
  ctx.io.out(
    renderList(
      rows,
      [
        { header: 'KEY', value: (r) => r.key },
        { header: 'VALUE', value: (r) => r.value, human: (r, io) => r.value ?? io.color.dim(io.speech.t.value.unset) },
      ],
      ctx.io,
    ),
  )
}

export function runConfigGet(ctx: Context, key: string): void {
  assertConfigKey(key)
  const value = shown(key, ctx.config[key])
  if (ctx.json) {
    writeJson(ctx.io, { key, value })
    return
  }
  if (value !== null) ctx.io.out(`${value}\n`)
}

export async function runConfigSet(ctx: Context, key: string, value: string): Promise<void> {
  assertConfigKey(key)
  if (value.trim() === '')
    throw new UsageError(`a value for "${key}" must not be empty; use \`regdesk config unset ${key}\``)
  if (key === 'regulation') checkRegulationId(ctx, value)
  if (key === 'lang' && !isLanguage(value))
    throw new UsageError(`lang must be one of ${LANGUAGES.join(', ')}, got "${value}"`)
  if (key === 'regulationsDir' && !isDirectory(value)) throw new UsageError(`"${value}" is not a directory`)
  if (key === 'store') checkConfiguredStore(value)
  // paths are kept absolute so the setting means the same from any directory; a team store's URL is not a path
  if (key === 'regulationsDir' || (key === 'store' && !isStoreUrl(value))) value = resolve(value)
  const path = await writeUserConfig((conf) => conf.set(key, value))
  if (ctx.json) writeJson(ctx.io, { key, value: shown(key, value) })
  else ctx.io.err(`set ${key} = ${shown(key, value)} (${path})\n`)
}

export async function runConfigUnset(ctx: Context, key: string): Promise<void> {
  assertConfigKey(key)
  await writeUserConfig((conf) => conf.delete(key))
  if (ctx.json) writeJson(ctx.io, { key, value: null })
  else ctx.io.err(`unset ${key}\n`)
}

/** A setting as it may be printed: a store URL without its password (the config file keeps it). */
function shown(key: ConfigKey, value: string | undefined): string | null {
  if (value === undefined) return null
  return key === 'store' ? storeLabel(value) : value
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
