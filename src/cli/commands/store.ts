import { existsSync } from 'node:fs'
import { Command } from 'commander'
import { RegdeskError, UsageError } from '../../errors.js'
import type { StoreInfo, TicketStore } from '../../store/ticket-store.js'
import type { Ticket } from '../../ticket/ticket.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import { madeSoFar } from '../interrupt.js'
import type { IO } from '../io.js'
import { writeJson } from '../output/json.js'
import { startProgress } from '../output/progress.js'
import { renderFields } from '../output/table.js'
import { isStoreUrl, openStore, storeLabel } from '../store.js'

export function storeCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('store').description(
    'The ticket store: which one is in use, and moving tickets between a file and a team database',
  )
  cmd.addCommand(
    new Command('info')
      .description('Which store is in use (--store), its format or schema version, its tickets and size')
      .addHelpText(
        'after',
        examples(['regdesk store info', 'regdesk --store postgres://anna@db.example.ru/support store info --json']),
      )
      .action((_opts: unknown, c: Command) => runStoreInfo(contextOf(c, io, environment), environment)),
  )
  cmd.addCommand(
    new Command('copy')
      .description(
        'Copy every ticket from one store to another (file or postgres:// URL, either way), then check the copy',
      )
      .argument('<from>', 'the store to read: a file or a postgres:// URL')
      .argument('<to>', 'the store to write: a file or a postgres:// URL')
      .option('--merge', 'add to a target that already holds tickets (those with the same id must be identical)')
      .addHelpText(
        'after',
        `${examples([
          'regdesk store copy ~/.local/share/regdesk/tickets.json postgres://anna@db.example.ru/support',
          'regdesk store copy postgres://anna@db.example.ru/support backup.json',
          'regdesk store copy laptop.json postgres:///support --merge',
        ])}
Copying again is safe: tickets already in the target unchanged are skipped. A target that holds
other tickets is refused unless --merge; a ticket whose id is in both with different content is
refused either way, and nothing is copied.
`,
      )
      .action((from: string, to: string, opts: { merge?: boolean }, c: Command) =>
        runStoreCopy(contextOf(c, io, environment), environment, from, to, opts),
      ),
  )
  return cmd
}

export async function runStoreInfo(ctx: Context, environment: Environment): Promise<void> {
  const store = openStore(ctx, environment)
  let info: StoreInfo
  try {
    info = await store.info()
  } finally {
    await store.close()
  }
  if (ctx.json) {
    writeJson(ctx.io, {
      backend: info.backend,
      location: info.location,
      version: info.version,
      current_version: info.currentVersion,
      tickets: info.tickets,
      bytes: info.bytes,
      details: info.details,
    })
    return
  }
  const what = info.backend === 'postgres' ? 'schema' : 'format'
  const version =
    info.version === 0
      ? `none yet (this regdesk creates ${what} ${info.currentVersion})`
      : `${info.version}${info.version < info.currentVersion ? ` (upgraded to ${info.currentVersion} on the next write)` : info.version > info.currentVersion ? ` (newer than this regdesk: ${info.currentVersion})` : ''}`
  const field: Record<string, string> = ctx.io.speech.t.field
  const say = (k: keyof typeof ctx.io.speech.t.field) => field[k] as string
  ctx.io.out(
    renderFields(
      [
        [say('store'), ctx.io.speech.t.value.storeKind[info.backend] ?? info.backend],
        [say('location'), info.location],
        [say(what), ctx.io.speech.phrases.say(version)],
        [say('tickets'), info.tickets === null ? '—' : String(info.tickets)],
        [say('size'), ctx.io.speech.t.value.size(info.bytes)],
        // a backend's own details, labelled in the catalogue where it has them
        ...Object.entries(info.details).map(
          ([k, v]) => [field[k] ?? k, ctx.io.speech.phrases.say(String(v ?? '—'))] as const,
        ),
      ],
      ctx.io,
    ),
  )
}

async function readAll(store: TicketStore): Promise<Ticket[]> {
  const out: Ticket[] = []
  for await (const t of store.list()) out.push(t)
  return out
}

export async function runStoreCopy(
  ctx: Context,
  environment: Environment,
  fromValue: string,
  toValue: string,
  opts: { merge?: boolean },
): Promise<void> {
  if (fromValue.trim() === '' || toValue.trim() === '')
    throw new UsageError(`<${fromValue.trim() === '' ? 'from' : 'to'}> is empty: give a file or a postgres:// URL`)
  if (fromValue === toValue) throw new UsageError('<from> and <to> are the same store')
  // a mistyped source would be an empty store, and "copied 0 ticket(s)" would look like success
  if (!isStoreUrl(fromValue) && !existsSync(fromValue))
    throw new RegdeskError(`there is no ticket store at ${fromValue}; nothing was copied`)
  const from = openStore(ctx, environment, fromValue, '<from>')
  const to = openStore(ctx, environment, toValue, '<to>')
  try {
    const source = await readAll(from)
    const before = new Map((await readAll(to)).map((t) => [t.id, JSON.stringify(t)]))
    const missing: Ticket[] = []
    const differ: string[] = []
    for (const t of source) {
      const there = before.get(t.id)
      if (there === undefined) missing.push(t)
      else if (there !== JSON.stringify(t)) differ.push(t.id)
    }
    const already = source.length - missing.length - differ.length
    if (differ.length)
      throw new RegdeskError(
        `${differ.length} ticket(s) are in both stores with different content (${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ', …' : ''}); nothing was copied. Every store numbers its tickets from 000001: to take another store's tickets in under new ids, export them (tickets export) and import them (tickets import --from jsonl)`,
      )
    // a target that holds every source ticket already is fine (copying again is a no-op, whatever else it holds);
    // adding to a store that is not empty needs --merge
    if (before.size && !opts.merge && missing.length > 0)
      throw new RegdeskError(
        `${storeLabel(toValue)} already holds ${before.size} ticket(s); pass --merge to add the ${missing.length} missing one(s) to them`,
      )
    const progress = startProgress(ctx.io, ctx.io.speech.t.progress.copying, missing.length)
    try {
      await to.importTickets(missing, (copied) => progress.update(copied))
    } finally {
      progress.stop()
    }
    if (missing.length)
      madeSoFar(
        `the ${missing.length} ticket(s) were copied to ${storeLabel(toValue)} before the interruption; only the check that reads them back was cut short: run store copy again to check them`,
      )
    // verified by reading the target back: every source ticket is there, byte for byte
    const after = new Map((await readAll(to)).map((t) => [t.id, JSON.stringify(t)]))
    const bad = source.filter((t) => after.get(t.id) !== JSON.stringify(t)).map((t) => t.id)
    if (bad.length || after.size !== before.size + missing.length)
      throw new RegdeskError(
        `the copy in ${storeLabel(toValue)} does not match: ${bad.length} ticket(s) differ or are missing (${bad.slice(0, 5).join(', ')}), ${after.size} ticket(s) there instead of ${before.size + missing.length}`,
      )
    // checked: a Ctrl-C from here on interrupts the output only, and says the copy is whole
    madeSoFar(
      `the copy to ${storeLabel(toValue)} is complete and checked (${after.size} ticket(s) there); only its output was cut short`,
    )
    const result = {
      from: storeLabel(fromValue),
      to: storeLabel(toValue),
      source: source.length,
      copied: missing.length,
      already_there: already,
      target: after.size,
      verified: true,
    }
    if (ctx.json) writeJson(ctx.io, result)
    else
      ctx.io.out(
        `${ctx.io.speech.t.done.copied(result.copied, result.from, result.to, already, result.target, result.source)}\n`,
      )
  } finally {
    await Promise.all([from.close(), to.close()])
  }
}
