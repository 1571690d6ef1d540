import { Command, Option } from 'commander'
import { daysInMonth } from '../../calendar/dates.js'
import { dateIn } from '../../calendar/instant.js'
import { UsageError } from '../../errors.js'
import type { Regulation } from '../../regulation/load.js'
import { collectFigures, type FiguresCollector } from '../../report/figures.js'
import { complianceTally, GROUPINGS, type Grouping, type Report } from '../../report/summarize.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { writeJson } from '../output/json.js'
import { startProgress } from '../output/progress.js'
import { type ReportHeader, reportCsv, reportMarkdown, reportTable } from '../output/report.js'
import { reportHtml } from '../output/report-html.js'
import { extensionOf, notWrittenReason, writeOutputFile } from '../output-file.js'
import { businessClock, checkRegulationId } from '../regulation-input.js'
import { checkNotStoreFile, withStore } from '../store.js'
import { parseDate } from '../time-input.js'

export interface ReportOptions {
  from?: string
  to?: string
  regulation?: string
  by: Grouping
  format?: Format | 'markdown'
  totals?: boolean
  excel?: boolean
  output?: string
}

/** `markdown` is `md` by its long name */
const FORMATS = ['table', 'json', 'csv', 'md', 'markdown', 'html'] as const
type Format = Exclude<(typeof FORMATS)[number], 'markdown'>

/** The format a file's extension asks for (`-o report.html`); none for another extension. */
const EXTENSIONS: Record<string, Format> = {
  html: 'html',
  htm: 'html',
  md: 'md',
  markdown: 'md',
  csv: 'csv',
  json: 'json',
}
export function reportCommand(io: IO, environment: Environment): Command {
  return new Command('report')
    .description('SLA compliance over a period: reaction windows met, late, overdue; reaction times; breaches')
    .option('--from <date>', 'first day, YYYY-MM-DD (default: the first day of the month of --to, or of --now)')
    .option(
      '--to <date>',
      'last day, inclusive (default: the day of --now; the last day of the month of a later --from)',
    )
    .option('-r, --regulation <id>', 'only this regulation')
    .addOption(new Option('--by <grouping>', 'one row per').choices(GROUPINGS).default('regulation'))
    .addOption(new Option('--format <format>', 'output format (html: a printable page with charts)').choices(FORMATS))
    .option(
      '-o, --output <file>',
      'write to this file (replaced whole) instead of stdout; the format follows its extension',
    )
    .option('--totals', 'csv: a last row with the totals')
    .option(
      '--excel',
      'csv: as Excel in a Russian locale opens it (semicolons, a UTF-8 byte-order mark, decimal commas)',
    )
    .addHelpText(
      'after',
      examples([
        'regdesk report',
        'regdesk report --from 2026-11-01 --to 2026-11-30 --regulation moguta --by level',
        'regdesk report --by agent --format md > november.md',
        'regdesk report --format csv --by week > weeks.csv',
        'regdesk report -r moguta --from 2026-11-01 --to 2026-11-30 -o report.html',
      ]),
    )
    .action((opts: ReportOptions, c: Command) => runReport(contextOf(c, io, environment), environment, opts))
}

export async function runReport(ctx: Context, environment: Environment, opts: ReportOptions): Promise<void> {
  // -o - is stdout, as for tickets export
  const output = opts.output === '-' ? undefined : opts.output
  const given: Format | undefined = opts.format === 'markdown' ? 'md' : opts.format
  const extension = extensionOf(output)
  const inferred = extension === undefined ? undefined : EXTENSIONS[extension]
  const notWritten =
    given === undefined &&
    notWrittenReason(
      output,
      `write the page with -o ${output?.replace(/\.[^.]+$/, '.html')} (a browser prints it to PDF) or give --format`,
    )
  if (notWritten) throw new UsageError(notWritten)
  // a file named for another format would hold what its name denies (HTML in report.json)
  if (given && inferred && given !== inferred)
    throw new UsageError(
      given === 'table'
        ? `--format table is for the terminal; leave --format out to write ${output} as ${inferred}`
        : `--format ${opts.format} would write ${given} into ${output}; give a file ending in .${given} or leave --format out`,
    )
  const format = given ?? inferred ?? (ctx.json ? 'json' : 'table')
  if (opts.totals && format !== 'csv')
    throw new UsageError('--totals is for --format csv (the other formats show totals)')
  if (opts.excel && format !== 'csv') throw new UsageError('--excel is for --format csv')
  if (ctx.json && given && given !== 'json') throw new UsageError('use either --json or --format, not both')
  if (ctx.json && format !== 'json') throw new UsageError(`use either --json or a ${format} file, not both`)
  if (output === '') throw new UsageError('--output needs a file name')
  if (output !== undefined) checkNotStoreFile(ctx, output)
  const registry = ctx.registry()
  checkRegulationId(ctx, opts.regulation)
  // the default period is the month of --now as the calendar of the (first) regulation reads it
  const zone = opts.regulation ? registry.get(opts.regulation).workingTime.timezone : 'Europe/Moscow'
  const today = dateIn(ctx.now, zone)
  // a bound left out follows the one given: --to alone reports from the first day of its month, --from alone up to
  // the day of --now, or to the end of its month when it is later than that
  const givenTo = opts.to === undefined ? undefined : parseDate(opts.to, '--to')
  const from = opts.from === undefined ? `${(givenTo ?? today).slice(0, 8)}01` : parseDate(opts.from, '--from')
  const to = givenTo ?? (from <= today ? today : lastDayOfMonth(from))
  if (to < from) throw new UsageError(`--to (${to}) is before --from (${from})`)
  // The report needs no request text: the stores keep a summary of each ticket. They select the
  // tickets that may have a window opened in the period, read in any timezone (UTC+14 to
  // UTC-12 around the dates); the report narrows to each regulation's own zone.
  const start = Date.parse(`${from}T00:00:00Z`) - 14 * 3_600_000
  const end = Date.parse(`${to}T00:00:00Z`) + 36 * 3_600_000
  const only = opts.regulation ? { regulation: opts.regulation } : {}
  // the printable report's charts are gathered in the report's own pass (report/figures.ts)
  const figures = format === 'html' ? collectFigures() : undefined
  // a big store takes seconds to read: a count of the tickets read so far
  const progress = startProgress(ctx.io, ctx.io.speech.t.progress.tickets)
  let read = 0
  const setup = {
    regulation: (id: string) => (registry.has(id) ? registry.get(id) : undefined),
    clock: (reg: Regulation) => businessClock(ctx, reg),
    from,
    to,
    now: ctx.now,
    by: opts.by,
    zone,
    ...(opts.regulation ? { only: opts.regulation } : {}),
    ...(figures ? { observe: figures } : {}),
  }
  let tally = complianceTally(setup)
  const report = await withStore(ctx, environment, async (store) => {
    // in one pass: the tickets that may have a window in the period, and the backlog, tickets open now (a ticket
    // open at a past --now and closed since is among them only when it had a window in the period)
    await store.scanSummaries(
      [
        // a ticket received after --now did not exist then (a report as of a past --now)
        { receivedBefore: Math.min(end, ctx.now + 1), windowsSince: start, ...only },
        { statuses: ['new', 'open', 'waiting_customer'], receivedBefore: ctx.now + 1, ...only },
      ],
      (ticket, [inPeriod, openNow]) => {
        if (++read % 1024 === 0) progress.update(read)
        if (inPeriod) tally.add(ticket)
        else if (openNow) tally.addOpen(ticket)
      },
      () => {
        tally = complianceTally(setup)
        read = 0
      },
    )
    return tally.report()
  })
  progress.stop()
  if (report.skipped.length)
    ctx.io.err(
      `warning: ${report.skipped.length} ticket(s) of unknown regulations left out: ${[...new Set(report.skipped.map((s) => s.regulation))].join(', ')}\n`,
    )
  // as of the instant the JSON gives, in the zone of the regulation the figures are in
  const header = { now: report.generated_at, regulation: opts.regulation ?? null }
  const rendering = { report, header, ctx, figures, totals: opts.totals === true, excel: opts.excel === true }
  if (output === undefined) {
    if (format === 'json') writeJson(ctx.io, report)
    else ctx.io.out(rendered(format, rendering))
    return
  }
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : rendered(format, rendering)
  writeOutputFile(output, text)
  // --json keeps its promise of one JSON document on stdout: where the report went
  if (ctx.json) writeJson(ctx.io, { file: output, format })
  ctx.io.err(`${ctx.io.speech.t.report.written(output)}\n`)
}

interface Rendering {
  report: Report
  header: ReportHeader
  ctx: Context
  /** what the report's pass gathered for the html format */
  figures: FiguresCollector | undefined
  totals: boolean
  excel: boolean
}

function rendered(format: Exclude<Format, 'json'>, { report, header, ctx, figures, totals, excel }: Rendering): string {
  switch (format) {
    case 'csv':
      return reportCsv(report, { totals, excel })
    case 'md':
      return reportMarkdown(report, header, ctx.io)
    case 'html':
      return reportHtml(
        report,
        (figures ?? collectFigures()).result(report.period.from, report.period.to),
        header,
        ctx.io,
      )
    case 'table':
      return reportTable(report, header, ctx.io)
  }
}

/** The last day of the month of a date YYYY-MM-DD. */
function lastDayOfMonth(date: string): string {
  const days = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
  return `${date.slice(0, 8)}${String(days).padStart(2, '0')}`
}
