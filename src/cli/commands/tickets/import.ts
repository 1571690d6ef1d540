import { Command, Option } from 'commander'
import { isKnownZone } from '../../../calendar/instant.js'
import { RegdeskError, UsageError } from '../../../errors.js'
import { IMPORT_FORMATS, type ImportFormat, importRows } from '../../../helpdesk/read.js'
import { TimeReader } from '../../../helpdesk/record.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import { type ImportSummary, importItems } from '../../helpdesk-import.js'
import { readInput } from '../../import-input.js'
import type { IO } from '../../io.js'
import { writeJson } from '../../output/json.js'
import { regulationOption } from '../../regulation-input.js'

export interface TicketsImportOptions {
  from?: ImportFormat
  regulation?: string
  tz?: string
  triage?: boolean
  level?: string
}

export function ticketsImportCommand(io: IO, environment: Environment): Command {
  return new Command('import')
    .description(
      "Take in a helpdesk's tickets with their history (generic JSON Lines or CSV, Okdesk, Usedesk): one ticket per source record, again and again without duplicates",
    )
    .argument('<file>', 'the file, or - to read stdin')
    .addOption(new Option('--from <format>', 'the format of the file').choices(IMPORT_FORMATS).makeOptionMandatory())
    .option('-r, --regulation <id>', 'the regulation the tickets are judged by (default: config `regulation`)')
    .option('--tz <zone>', "the timezone of times without an offset (default: the regulation's)")
    .option('--no-triage', 'do not triage the texts (the level comes from the record, its tier or --level)')
    .option('-l, --level <level>', 'give every imported ticket this level')
    .addHelpText(
      'after',
      `${examples([
        'regdesk tickets import tickets.jsonl --from jsonl -r moguta',
        'regdesk tickets import export.csv --from csv -r mst --tz Europe/Moscow',
        'regdesk tickets import issues.json --from okdesk -r mst --no-triage',
        'regdesk tickets import tickets.json --from usedesk -r advantshop --json',
      ])}
The formats are described in docs/IMPORT.md. A record already imported (same source and external_id)
is updated when it changed and left alone when not. A bad row is reported with its line and field and
skipped; the others are imported, and the exit code is 1.
`,
    )
    .action((file: string, opts: TicketsImportOptions, c: Command) =>
      runTicketsImport(contextOf(c, io, environment), environment, file, opts),
    )
}

export async function runTicketsImport(
  ctx: Context,
  environment: Environment,
  file: string,
  opts: TicketsImportOptions,
): Promise<void> {
  const reg = regulationOption(ctx, opts.regulation)
  if (opts.level !== undefined && !reg.levels[opts.level])
    throw new UsageError(`unknown level "${opts.level}" for ${reg.id}; levels: ${Object.keys(reg.levels).join(', ')}`)
  const zone = opts.tz ?? reg.workingTime.timezone
  if (!isKnownZone(zone)) throw new UsageError(`--tz: unknown timezone "${zone}"`)
  const format = opts.from as ImportFormat
  const input = await readInput(ctx, file, format)
  const times = new TimeReader(zone)
  const rows = importRows(input, format, times)
  const summary = await importItems(ctx, environment, reg, rows, {
    triage: opts.triage !== false,
    level: opts.level ?? null,
  })
  printSummary(ctx, summary, times.assumed, zone)
}

function printSummary(ctx: Context, s: ImportSummary, assumed: number, zone: string): void {
  const w = ctx.io.speech.t.imported
  // English sentences on stderr: said in the interface language line by line (src/cli/run.ts)
  if (assumed) ctx.io.err(`note: ${assumed} time${assumed === 1 ? '' : 's'} without an offset read as ${zone} time\n`)
  for (const f of s.failed) ctx.io.err(`error: line ${f.line}${f.field ? `, ${f.field}` : ''}: ${f.message}\n`)
  if (s.repeated)
    ctx.io.err(
      `note: ${s.repeated} record${s.repeated === 1 ? ' repeats' : 's repeat'} an earlier record of the file (the same source and external_id): the later one is kept\n`,
    )
  for (const [id, n] of Object.entries(s.other_regulations))
    ctx.io.err(`note: ${n} record(s) of ${id} left for their own import: import the file again with -r ${id}\n`)
  if (s.status_without_time)
    ctx.io.err(
      `note: ${s.status_without_time} record(s) give a status their times and events do not reach (closed without closed_at, say): the ticket has that status, its reaction windows stay as the events leave them; give the time where the helpdesk has it\n`,
    )
  for (const [what, n] of Object.entries(s.not_requests))
    ctx.io.err(`note: ${n} record(s) of tickets the helpdesk marks ${what}: no requests, not imported\n`)
  if (s.helpdesk_deadlines_differ)
    ctx.io.err(
      `note: the helpdesk's reaction deadline differs from regdesk's on ${s.helpdesk_deadlines_differ} of ${s.helpdesk_deadlines} tickets\n`,
    )
  const others = [s.other_regulations, s.not_requests]
    .flatMap((counts) => Object.values(counts))
    .reduce((a, b) => a + b, 0)
  // every row of the file once: a record repeating an earlier one is counted as repeated only
  const total = s.added + s.updated + s.unchanged + s.repeated + s.failed.length + others
  // an empty export is a file to import, yet an empty file is more often the wrong one: said, not refused
  if (!total) ctx.io.err('note: the file holds no records; nothing was imported\n')
  if (ctx.json) writeJson(ctx.io, s)
  else ctx.io.out(`${w.summary(s.added, s.updated, s.unchanged, s.failed.length)}\n`)
  // the rows that could be read are imported; a script still learns from the exit code that some were not
  if (s.failed.length)
    throw new RegdeskError(
      `${s.failed.length} of ${total - others} row${total - others === 1 ? '' : 's'} could not be imported`,
    )
}
