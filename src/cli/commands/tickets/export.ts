import { Command, Option } from 'commander'
import { UsageError } from '../../../errors.js'
import { exportRecord } from '../../../helpdesk/export.js'
import { GENERIC_COLUMNS } from '../../../helpdesk/generic.js'
import type { TicketFilter } from '../../../store/ticket-store.js'
import { STATUSES, type Status } from '../../../ticket/ticket.js'
import { contextOf } from '../../command.js'
import type { Context, Environment } from '../../context.js'
import { examples } from '../../help.js'
import type { IO } from '../../io.js'
import { csvDocument } from '../../output/csv.js'
import { writeJson } from '../../output/json.js'
import { extensionOf, notWrittenReason, writeOutputFile } from '../../output-file.js'
import { checkRegulationId } from '../../regulation-input.js'
import { checkNotStoreFile, withStore } from '../../store.js'

const EXPORT_FORMATS = ['jsonl', 'csv'] as const

type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface TicketsExportOptions {
  format?: ExportFormat
  output?: string
  status?: string
  regulation?: string
  excel?: boolean
}

export function ticketsExportCommand(io: IO, environment: Environment): Command {
  return new Command('export')
    .description('Write the stored tickets in the generic import format (JSON Lines or CSV), history included')
    .addOption(
      new Option(
        '--format <format>',
        'JSON Lines (with events) or CSV (flat); default: csv for an -o file ending in .csv, else jsonl',
      ).choices(EXPORT_FORMATS),
    )
    .option('-o, --output <file>', 'write to this file (replaced whole, atomically) instead of stdout')
    .option('--status <statuses>', `only these statuses, comma-separated: ${STATUSES.join(', ')}`)
    .option('-r, --regulation <id>', 'only tickets of this regulation')
    .option('--excel', 'csv: as Excel in a Russian locale opens it (semicolons, a UTF-8 byte-order mark)')
    .addHelpText(
      'after',
      `${examples([
        'regdesk tickets export -o tickets.jsonl',
        'regdesk tickets export --format csv -r moguta -o moguta.csv',
        'regdesk tickets export | regdesk --store other.json tickets import - --from jsonl -r moguta',
      ])}
The format is the one \`tickets import\` reads (docs/IMPORT.md): importing an export into an empty store
gives the same tickets. Credentials stay masked. CSV has no events or attachments column: only the flat times.
`,
    )
    .action((opts: TicketsExportOptions, c: Command) =>
      runTicketsExport(contextOf(c, io, environment), environment, opts),
    )
}

export async function runTicketsExport(ctx: Context, environment: Environment, opts: TicketsExportOptions) {
  checkRegulationId(ctx, opts.regulation)
  const format = formatFor(opts.output, opts.format)
  if (opts.excel && format !== 'csv') throw new UsageError('--excel is for --format csv')
  const toStdout = opts.output === undefined || opts.output === '-'
  if (!toStdout) checkNotStoreFile(ctx, opts.output as string)
  // the export is itself the document on stdout; --json says where a file went
  if (ctx.json && toStdout)
    throw new UsageError(
      'tickets export writes JSON Lines or CSV itself; --json goes with -o FILE (it prints where the file went)',
    )
  const filter: TicketFilter = {
    ...(opts.status !== undefined ? { statuses: statusList(opts.status) } : {}),
    ...(opts.regulation !== undefined ? { regulation: opts.regulation } : {}),
  }
  const records = await withStore(ctx, environment, async (store) => {
    const out: ReturnType<typeof exportRecord>[] = []
    for await (const t of store.list(filter)) out.push(exportRecord(t, format === 'csv'))
    return out
  })
  const regulations = [...new Set(records.map((r) => r.regulation as string))].sort()
  if (regulations.length > 1) ctx.io.err(`${ctx.io.speech.t.imported.severalRegulations(regulations)}\n`)
  const text =
    format === 'csv'
      ? csvDocument(records, GENERIC_COLUMNS, { excel: opts.excel === true })
      : records.map((r) => `${JSON.stringify(r)}\n`).join('')
  if (toStdout) {
    ctx.io.out(text)
    return
  }
  const file = opts.output as string
  // the customers' words and names: private, as the store is
  writeOutputFile(file, text, 0o600)
  if (ctx.json) writeJson(ctx.io, { file, format, tickets: records.length })
  ctx.io.err(`${ctx.io.speech.t.imported.exported(records.length, file)}\n`)
}

/** The format asked for, else the one the file's extension names; a file named for the other format is refused. */
function formatFor(output: string | undefined, given: ExportFormat | undefined): ExportFormat {
  // a spreadsheet or a document named would hold text it is not (JSON Lines in tickets.xlsx)
  const notWritten = notWrittenReason(output, 'name a file ending in .jsonl or .csv')
  if (notWritten) throw new UsageError(notWritten)
  const extension = extensionOf(output)
  const named = extension === 'csv' ? 'csv' : extension === 'jsonl' || extension === 'ndjson' ? 'jsonl' : undefined
  if (given && named && given !== named)
    throw new UsageError(
      `--format ${given} would write ${named === 'csv' ? 'JSON Lines' : 'CSV'} into ${output}; give a file ending in .${given} or leave --format out`,
    )
  return given ?? named ?? 'jsonl'
}

function statusList(text: string): Status[] {
  const out: Status[] = []
  for (const s of text.split(',').map((x) => x.trim())) {
    if (!(STATUSES as readonly string[]).includes(s))
      throw new UsageError(`--status: unknown status "${s}"; valid: ${STATUSES.join(', ')}`)
    out.push(s as Status)
  }
  return out
}
