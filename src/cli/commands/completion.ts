import { Command, type Option } from 'commander'
import { UsageError } from '../../errors.js'
import { idPrefix } from '../../ticket/ids.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { completionScript, SHELLS, type Shell } from '../output/completion-scripts.js'
import { writeJson } from '../output/json.js'
import { withStore } from '../store.js'

export function completionCommand(io: IO, environment: Environment): Command {
  return new Command('completion')
    .description('Print a shell completion script: commands, options, regulations, levels, tiers, channels, ticket ids')
    .argument('<shell>', SHELLS.join(' | '))
    .addHelpText(
      'after',
      `${examples([
        'regdesk completion bash > ~/.local/share/bash-completion/completions/regdesk',
        'regdesk completion zsh > ~/.zfunc/_regdesk   # a directory of your fpath',
        'regdesk completion fish > ~/.config/fish/completions/regdesk.fish',
      ])}
The script asks regdesk itself for the words to offer (\`regdesk __complete\`), so it follows your
regulations directory, your store and new versions of regdesk without being generated again.
`,
    )
    .action((shell: string, _opts: object, c: Command) => {
      if (!(SHELLS as readonly string[]).includes(shell))
        throw new UsageError(`unknown shell "${shell}"; shells: ${SHELLS.join(', ')}`)
      const script = completionScript(shell as Shell)
      // a script installing completions reads it as one JSON document too
      if (contextOf(c, io, environment).json) writeJson(io, { shell, script })
      else io.out(script)
    })
}

/** `regdesk __complete WORD…`: the words to offer for the last one, one per line (for the completion scripts). */
export function completeCommand(io: IO, environment: Environment): Command {
  return new Command('__complete')
    .argument('[words...]')
    .allowUnknownOption()
    .allowExcessArguments()
    .helpOption(false)
    .action(async (words: string[], _opts: object, c: Command) => {
      const ctx = contextOf(c, io, environment)
      const { createProgram } = await import('../program.js')
      const program = await createProgram(io, environment)
      for (const w of await candidates(ctx, environment, program, words)) io.out(`${w}\n`)
    })
}

/** Options whose value is a regulation's id, level, tier or channel: completed from the regulations. */
const VALUE_KINDS: Record<string, 'regulation' | 'level' | 'tier' | 'channel'> = {
  '--regulation': 'regulation',
  '--level': 'level',
  '--tier': 'tier',
  '--channel': 'channel',
}

/**
 * What to offer for the last of `words` (the words after `regdesk`): subcommands, options, an option's values, or a
 * positional argument's (a ticket id, a regulation id). Never throws: a completion that fails offers nothing.
 */
async function candidates(
  ctx: Context,
  environment: Environment,
  program: Command,
  words: string[],
): Promise<string[]> {
  const current = words.at(-1) ?? ''
  const before = words.slice(0, -1)
  let cmd = program
  const options: Option[] = [...program.options]
  // the words given to the command reached, apart from its options and their values: which argument is next
  let positionals: string[] = []
  for (let i = 0; i < before.length; i++) {
    const w = before[i] as string
    const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w))
    if (sub) {
      cmd = sub
      options.push(...sub.options)
      positionals = []
    } else if (w.startsWith('-')) {
      const option = options.find((o) => o.long === w || o.short === w)
      if (option && (option.required || option.optional)) i++
    } else positionals.push(w)
  }
  const prev = before.at(-1)
  const prevOption = prev?.startsWith('-') ? options.find((o) => o.long === prev || o.short === prev) : undefined
  const offer = (values: readonly string[]) => values.filter((v) => v.startsWith(current)).sort()
  try {
    if (prevOption && (prevOption.required || prevOption.optional)) {
      // a regulation's own values first (its accepted channels, not every channel there is)
      const kind = VALUE_KINDS[prevOption.long ?? '']
      if (kind) return offer(valuesOf(ctx, kind, regulationIn(before)))
      return prevOption.argChoices ? offer(prevOption.argChoices) : []
    }
    if (current.startsWith('-')) return offer(options.flatMap((o) => (o.hidden ? [] : [o.long ?? o.short ?? ''])))
    const subs = cmd.commands.filter((c) => !c.name().startsWith('__')).map((c) => c.name())
    if (subs.length) return offer(subs)
    const arg = cmd.registeredArguments[positionals.length]?.name() ?? ''
    if (arg === 'ticket-id') return offer(await ticketIds(ctx, environment))
    if (arg === 'id' || arg === 'regulation') return offer(ctx.registry().ids())
    // `tickets level ID <level>`: the levels of the ticket's regulation, known by its id's prefix
    if (arg === 'level')
      return offer(valuesOf(ctx, 'level', regulationIn(before) ?? regulationOfId(ctx, positionals[0])))
    return []
  } catch {
    return []
  }
}

/** The --regulation already typed, if any: levels and tiers are then that regulation's own. */
/** The regulation whose ticket ids begin with the prefix of `id` ("MG-000001" → moguta). */
function regulationOfId(ctx: Context, id: string | undefined): string | undefined {
  const prefix = id?.toUpperCase().match(/^([A-Z]+)-?\d/)?.[1]
  return prefix
    ? ctx
        .registry()
        .all()
        .find((reg) => idPrefix(reg) === prefix)?.id
    : undefined
}

function regulationIn(words: readonly string[]): string | undefined {
  const i = words.findIndex((w) => w === '-r' || w === '--regulation')
  return i >= 0 ? words[i + 1] : undefined
}

function valuesOf(ctx: Context, kind: 'regulation' | 'level' | 'tier' | 'channel', regulation?: string): string[] {
  const registry = ctx.registry()
  if (kind === 'regulation') return registry.ids()
  const id = regulation ?? ctx.defaultRegulation()
  const regs = id && registry.has(id) ? [registry.get(id)] : registry.all()
  const values = new Set<string>()
  for (const reg of regs) {
    if (kind === 'level') for (const l of Object.keys(reg.levels)) values.add(l)
    if (kind === 'tier') for (const t of reg.tiers) values.add(t.id)
    if (kind === 'channel') for (const c of reg.channels.accepted) values.add(c.id)
  }
  return [...values]
}

/** The ids of the tickets not closed (the ones events are recorded on), at most a thousand. */
async function ticketIds(ctx: Context, environment: Environment): Promise<string[]> {
  return withStore(ctx, environment, async (store) => {
    const ids: string[] = []
    for await (const t of store.list({ statuses: ['new', 'open', 'waiting_customer', 'resolved'] })) {
      ids.push(t.id)
      if (ids.length >= 1000) break
    }
    return ids
  })
}
