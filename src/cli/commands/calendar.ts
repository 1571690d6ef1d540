import { readFileSync, statSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { Command, Option } from 'commander'
import { DateTime } from 'luxon'
import {
  buildCalendar,
  calendarYearOf,
  type DayKind,
  dayKind,
  type ProductionCalendar,
} from '../../calendar/calendar.js'
import type { ClockDay } from '../../calendar/clock.js'
import { dayNumberOfYmd, isoOfDayNumber } from '../../calendar/dates.js'
import {
  decodeCalendarBytes,
  detectFormat,
  formatCalendarYearFile,
  IMPORT_FORMATS,
  type ImportFormat,
  importCalendarYear,
} from '../../calendar/import.js'
import { loadCalendarData, writeImportedYear } from '../../calendar/load.js'
import { DataError, RegdeskError, UsageError } from '../../errors.js'
import type { Regulation } from '../../regulation/load.js'
import { listCalendarIds } from '../../regulation/load.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { writeJson } from '../output/json.js'
import { type Column, renderList, renderNamedFields } from '../output/table.js'
import { businessClock, productionCalendar, regulationFrom, regulationOption } from '../regulation-input.js'
import { formatInstant, noteAssumedZone, parseDate, parseInstant } from '../time-input.js'
import { unreadable } from '../unreadable.js'

export interface CalendarShowOptions {
  month?: string
  from?: string
  to?: string
  year?: string
}

export interface CalendarImportOptions {
  format?: ImportFormat
  calendar?: string
  provisional?: boolean
  decree?: string
  dryRun?: boolean
}

const MAX_DAYS = 3700

export function calendarCommand(io: IO, environment: Environment): Command {
  const cmd = new Command('calendar')
    .description('Working days and hours of a regulation, by its production calendar')
    .addHelpText(
      'after',
      examples([
        'regdesk calendar show moguta --month 2026-05',
        'regdesk calendar check advantshop 2026-01-01T10:00+03:00',
      ]),
    )
  cmd
    .command('show')
    .description("each day's kind and open hours (a month grid in a terminal, rows in JSON)")
    .argument('[regulation]', 'regulation id (or -r; default: config `regulation`)')
    .option('-r, --regulation <id>', 'regulation id')
    .option('--month <yyyy-mm>', 'one month (default: the month of --now)')
    .option('--from <date>', 'first day, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive')
    .option('--year <yyyy>', 'a whole year, and where the calendar of that year comes from')
    .addHelpText(
      'after',
      examples([
        'regdesk calendar show moguta --month 2026-05',
        'regdesk calendar show umi --from 2026-12-28 --to 2027-01-12 --json',
        'regdesk calendar show -r advantshop --month 2027-01',
        'regdesk calendar show --year 2027 --json | jq .years',
      ]),
    )
    .action((id: string | undefined, opts: CalendarShowOptions & { regulation?: string }, c: Command) =>
      runCalendarShow(contextOf(c, io, environment), regulationFrom(id, opts.regulation), opts),
    )
  cmd
    .command('import')
    .description('install a year of the production calendar (XML, CSV or YAML); it replaces the shipped year')
    .argument('<file>', 'the calendar file: public XML production calendar, CSV or YAML of dates')
    .addOption(
      new Option('--format <format>', 'the file format (default: by its extension or content)').choices(IMPORT_FORMATS),
    )
    .option('--calendar <id>', 'the production calendar the year belongs to', 'ru')
    .option('--provisional', 'no decree is published yet: computations touching the year keep warning')
    .option('--decree <text>', 'the decree the year follows, for `calendar show`')
    .option('--dry-run', 'check the file and show what would change; write nothing')
    .addHelpText(
      'after',
      `${examples([
        'regdesk calendar import calendar-2027.xml',
        'regdesk calendar import 2027.csv --decree "Постановление Правительства РФ от … № …"',
        'regdesk calendar import draft-2028.xml --provisional --dry-run',
      ])}
The year is written to the user's calendar directory (REGDESK_CALENDARS_DIR, else
~/.local/share/regdesk/calendars) as <calendar>-<year>.yaml; delete that file to use the shipped year again.
Formats: README.md, "regdesk calendar import FILE". Exit 3 with file:line:column when the file is not a complete,
lawful year (nothing is written then).
`,
    )
    .action((file: string, opts: CalendarImportOptions, c: Command) =>
      runCalendarImport(contextOf(c, io, environment), file, opts),
    )
  cmd
    .command('check')
    .description('open or closed at an instant, and the next opening and closing')
    .argument('[regulation]', 'regulation id (or -r; default: config `regulation`)')
    .argument('[instant]', 'ISO 8601 instant (default: --now)')
    .option('-r, --regulation <id>', 'regulation id')
    .addHelpText(
      'after',
      examples(['regdesk calendar check moguta 2026-11-20T18:30+03:00', 'regdesk calendar check advantshop --json']),
    )
    .action((id: string | undefined, instant: string | undefined, opts: { regulation?: string }, c: Command) => {
      const ctx = contextOf(c, io, environment)
      // `calendar check -r umi 2026-11-20T10:00`: with -r, a lone positional that names no regulation is the instant
      if (opts.regulation !== undefined && id !== undefined && instant === undefined && !ctx.registry().has(id))
        return runCalendarCheck(ctx, opts.regulation, id)
      return runCalendarCheck(ctx, regulationFrom(id, opts.regulation), instant)
    })
  return cmd
}

function regulationArg(ctx: Context, id: string | undefined): Regulation {
  return regulationOption(ctx, id)
}

export function runCalendarShow(ctx: Context, id: string | undefined, opts: CalendarShowOptions): void {
  const year = opts.year === undefined ? undefined : yearOption(opts.year)
  if (year !== undefined && (opts.month !== undefined || opts.from !== undefined || opts.to !== undefined))
    throw new UsageError('use either --year, --month or --from/--to')
  // a year of the production calendar itself needs no regulation
  if (year !== undefined && id === undefined && ctx.defaultRegulation() === undefined) {
    showCalendarYear(ctx, DEFAULT_CALENDAR, year)
    return
  }
  const reg = regulationArg(ctx, id)
  const zone = reg.workingTime.timezone
  let first: DateTime
  let last: DateTime
  if (year !== undefined) {
    first = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'UTC' })
    last = DateTime.fromObject({ year, month: 12, day: 31 }, { zone: 'UTC' })
  } else if (opts.month !== undefined) {
    if (opts.from !== undefined || opts.to !== undefined) throw new UsageError('use either --month or --from/--to')
    const m = /^(\d{4})-(\d{2})$/.exec(opts.month.trim())
    const month = Number(m?.[2])
    if (!m || month < 1 || month > 12 || Number(m[1]) < 1970 || Number(m[1]) > 2500)
      throw new UsageError(`--month: expected a month like "2026-05", got ${JSON.stringify(opts.month)}`)
    first = DateTime.fromObject({ year: Number(m[1]), month, day: 1 }, { zone: 'UTC' })
    last = first.endOf('month').startOf('day')
  } else if (opts.from !== undefined || opts.to !== undefined) {
    if (opts.from === undefined || opts.to === undefined) throw new UsageError('--from and --to go together')
    first = DateTime.fromISO(parseDate(opts.from, '--from'), { zone: 'UTC' })
    last = DateTime.fromISO(parseDate(opts.to, '--to'), { zone: 'UTC' })
    if (last < first) throw new UsageError('--to is before --from')
    if (last.diff(first, 'days').days > MAX_DAYS) throw new UsageError(`at most ${MAX_DAYS} days at once`)
  } else {
    const today = DateTime.fromMillis(ctx.now, { zone })
    first = DateTime.fromObject({ year: today.year, month: today.month, day: 1 }, { zone: 'UTC' })
    last = first.endOf('month').startOf('day')
  }
  const clock = businessClock(ctx, reg)
  const days: ClockDay[] = []
  for (let d = first; d <= last; d = d.plus({ days: 1 })) days.push(clock.day(d.toISODate() as string))
  const warnings = [
    ...new Map(
      days
        .flatMap((d) => clock.warningsBetween(d.intervals[0]?.[0] ?? dayMs(d, zone), dayMs(d, zone)))
        .map((w) => [w.year, w]),
    ).values(),
  ]
  for (const w of warnings) ctx.io.err(`warning: ${w.message}\n`)
  const years = yearsOf(clock.calendar, first.year, last.year)
  if (ctx.json) {
    writeJson(ctx.io, {
      regulation: reg.id,
      calendar: clock.calendar.id,
      timezone: zone,
      years: years.map(yearJson),
      days: days.map(dayJson),
      warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
    })
    return
  }
  if (ctx.io.isStdoutTTY && opts.from === undefined) {
    // a grid per month, under where each year of the calendar comes from
    ctx.io.out(years.map((y) => `${yearLine(clock.calendar.id, y, ctx.io)}\n`).join(''))
    byMonth(days).forEach((month, i) => {
      ctx.io.out(`${i ? '\n' : ''}${renderMonthGrid(reg, month, ctx.io)}`)
    })
  } else {
    // piped rows stay rows: the origin of the years goes to stderr
    if (year !== undefined)
      for (const y of years) ctx.io.err(`${ctx.io.speech.t.run.note}: ${yearLine(clock.calendar.id, y, ctx.io)}\n`)
    ctx.io.out(renderDays(days, ctx.io))
  }
}

const DEFAULT_CALENDAR = 'ru'

function yearOption(text: string): number {
  const y = Number(text)
  if (!/^\d{4}$/.test(text.trim()) || y < 1900 || y > 2600)
    throw new UsageError(`--year: expected a year like 2027 (1900–2600), got ${JSON.stringify(text)}`)
  return y
}

interface YearOrigin {
  year: number
  status: 'official' | 'provisional' | 'uncovered'
  origin: 'shipped' | 'imported' | 'statutory'
  file: string | null
  decree: string | null
  source: string
}

/** Where each year of the calendar comes from: the shipped file, a file the user imported, or art. 112 alone. */
function yearsOf(calendar: ProductionCalendar, from: number, to: number): YearOrigin[] {
  const out: YearOrigin[] = []
  for (let y = from; y <= to; y++) {
    const info = calendar.years.get(y)
    out.push(
      info
        ? {
            year: y,
            status: info.status,
            origin: info.origin,
            file: info.file ?? (info.origin === 'shipped' ? `regulations/calendars/${calendar.id}.yaml` : null),
            decree: info.decree ?? null,
            source: info.source,
          }
        : {
            year: y,
            status: 'uncovered',
            origin: 'statutory',
            file: null,
            decree: null,
            source: 'not in the calendar: the statutory holidays of Labour Code art. 112 only',
          },
    )
  }
  return out
}

function yearJson(y: YearOrigin) {
  return { ...y, provisional: y.status === 'provisional' }
}

function yearLine(id: string, y: YearOrigin, io: IO): string {
  const v = io.speech.t.value
  const where =
    y.origin === 'imported'
      ? v.yearImported(y.file ?? '')
      : y.origin === 'shipped'
        ? v.yearShipped(y.file ?? '')
        : v.yearNotCovered
  return v.yearLine(id, y.year, v.yearStatus[y.status] ?? y.status, y.status === 'provisional', where, y.decree ?? null)
}

function byMonth(days: readonly ClockDay[]): ClockDay[][] {
  const months: ClockDay[][] = []
  for (const d of days) {
    const last = months.at(-1)
    if (last && last[0]?.date.slice(0, 7) === d.date.slice(0, 7)) last.push(d)
    else months.push([d])
  }
  return months
}

/** `calendar show --year Y` without a regulation: the production calendar's own days, no hours. */
function showCalendarYear(ctx: Context, id: string, year: number): void {
  const calendar = productionCalendar(ctx, id)
  const years = yearsOf(calendar, year, year)
  const days: (DayKind & { date: string })[] = []
  for (
    let d = DateTime.fromObject({ year, month: 1, day: 1 }, { zone: 'UTC' });
    d.year === year;
    d = d.plus({ days: 1 })
  )
    days.push({ date: d.toISODate() as string, ...dayKind(calendar, d.toISODate() as string) })
  const warnings = years.flatMap((y) =>
    y.status === 'provisional'
      ? [
          {
            code: 'provisional_year',
            message: `the ${id} production calendar for ${year} is provisional (no decree yet): transfers and shortened days may change`,
          },
        ]
      : y.status === 'uncovered'
        ? [
            {
              code: 'uncovered_year',
              message: `the ${id} production calendar does not cover ${year}: only the statutory holidays are applied`,
            },
          ]
        : [],
  )
  for (const w of warnings) ctx.io.err(`warning: ${w.message}\n`)
  if (ctx.json) {
    writeJson(ctx.io, {
      regulation: null,
      calendar: id,
      timezone: null,
      years: years.map(yearJson),
      days: days.map((d) => ({
        date: d.date,
        weekday: DateTime.fromISO(d.date).toFormat('ccc'),
        kind: d.kind,
        name: d.name ?? null,
        shortened: d.shortened,
        hours: null,
        open_minutes: null,
        coverage: d.coverage,
      })),
      warnings,
    })
    return
  }
  const header = years.map((y) => yearLine(id, y, ctx.io)).join('\n')
  if (ctx.io.isStdoutTTY) ctx.io.out(`${header}\n`)
  else ctx.io.err(`note: ${header}\n`)
  ctx.io.out(
    renderList(
      days.filter((d) => d.kind !== 'weekend' && (d.kind !== 'workday' || d.shortened)),
      [
        { header: 'DATE', value: (d) => d.date },
        ...dayColumns<(typeof days)[number]>(),
        {
          header: 'NOTE',
          value: (d) =>
            [
              d.name,
              d.from ? `from ${d.from}` : '',
              d.swapsWith ? `instead of ${d.swapsWith}` : '',
              d.shortened ? 'shortened' : '',
            ]
              .filter(Boolean)
              .join('; '),
        },
      ],
      ctx.io,
    ),
  )
}

/** The weekday and the kind of a day: machine values in a pipe, the interface language's on a terminal. */
function dayColumns<T extends { date: string; kind: string }>(): Column<T>[] {
  return [
    {
      header: 'DAY',
      value: (d) => DateTime.fromISO(d.date).toFormat('ccc'),
      human: (d, io) => DateTime.fromISO(d.date).setLocale(io.speech.lang).toFormat('ccc'),
    },
    { header: 'KIND', value: (d) => d.kind, human: (d, io) => io.speech.t.value.day[d.kind] ?? d.kind },
  ]
}

function dayMs(d: ClockDay, zone: string): number {
  return DateTime.fromISO(d.date, { zone }).toMillis()
}

function dayJson(d: ClockDay) {
  return {
    date: d.date,
    weekday: DateTime.fromISO(d.date).toFormat('ccc'),
    kind: d.kind,
    name: d.name ?? null,
    shortened: d.shortenedApplied,
    hours: d.hours,
    open_minutes: d.openMinutes,
    coverage: d.coverage,
  }
}

function renderDays(days: readonly ClockDay[], io: IO): string {
  return renderList(
    days,
    [
      { header: 'DATE', value: (d) => d.date },
      ...dayColumns<ClockDay>(),
      {
        header: 'HOURS',
        value: (d) => d.hours.join(', ') || 'closed',
        human: (d, io) => d.hours.join(', ') || io.speech.t.value.closed,
      },
      {
        header: 'NOTE',
        value: (d) => [d.name, d.shortenedApplied ? 'shortened' : ''].filter(Boolean).join('; '),
        human: (d, io) =>
          [d.name, d.shortenedApplied ? io.speech.t.value.day.shortened : ''].filter(Boolean).join('; '),
      },
    ],
    io,
  )
}

/** A month as people read it: weeks in rows, each day with its hours, days off coloured. */
function renderMonthGrid(reg: Regulation, days: readonly ClockDay[], io: IO): string {
  const c = io.color
  const v = io.speech.t.value
  const first = DateTime.fromISO(days[0]?.date ?? '')
  // the month in the nominative ("ноябрь 2026", not the genitive of a date)
  const month = first.setLocale(io.speech.lang).toFormat('LLLL yyyy')
  const lines = [c.bold(`${reg.id} — ${month} (${reg.workingTime.timezone})`)]
  const cell = (d: ClockDay | undefined) => {
    if (!d) return ' '.repeat(14)
    const dayNo = String(DateTime.fromISO(d.date).day).padStart(2)
    const hours =
      d.hours.length === 0
        ? v.closed
        : d.hours.length === 1
          ? (d.hours[0] ?? '')
          : `${d.hours[0]?.slice(0, 5)}-${d.hours.at(-1)?.slice(6)}`
    const text = `${dayNo} ${hours}`.padEnd(14)
    if (d.openMinutes === 0) return c.red(text)
    if (d.shortenedApplied) return c.yellow(text)
    if (d.kind === 'working_weekend') return c.cyan(text)
    return text
  }
  lines.push(
    Object.values(io.speech.t.regulationView.weekday)
      .map((d) => d.padEnd(14))
      .join(' '),
  )
  let week: (ClockDay | undefined)[] = Array(first.weekday - 1).fill(undefined)
  for (const d of days) {
    week.push(d)
    if (week.length === 7) {
      lines.push(week.map(cell).join(' '))
      week = []
    }
  }
  if (week.length) lines.push(week.map(cell).join(' '))
  const notes = days.filter(
    (d) => d.name || d.shortenedApplied || d.kind === 'working_weekend' || d.kind === 'transferred_day_off',
  )
  if (notes.length) {
    lines.push('')
    for (const d of notes)
      lines.push(
        `${d.date}  ${v.day[d.kind] ?? d.kind.replace(/_/g, ' ')}${d.name ? `: ${d.name}` : ''}${d.shortenedApplied ? ` (${v.day.shortened})` : ''}`,
      )
  }
  return `${lines.join('\n')}\n`
}

export function runCalendarCheck(ctx: Context, id: string | undefined, instant: string | undefined): void {
  const reg = regulationArg(ctx, id)
  const zone = reg.workingTime.timezone
  const at = instant === undefined ? { ms: ctx.now, assumedZone: false } : parseInstant(instant, 'instant', zone)
  noteAssumedZone(ctx.io, 'the instant', at, zone)
  const clock = businessClock(ctx, reg)
  const open = clock.isOpen(at.ms)
  const nextOpening = open ? null : clock.nextOpening(at.ms)
  const nextClosing = clock.nextClosing(at.ms)
  const day = clock.day(DateTime.fromMillis(at.ms, { zone }).toISODate() as string)
  if (ctx.json) {
    writeJson(ctx.io, {
      regulation: reg.id,
      at: formatInstant(at.ms, zone),
      open,
      next_opening: nextOpening === null ? null : formatInstant(nextOpening, zone),
      next_closing: formatInstant(nextClosing, zone),
      day: dayJson(day),
    })
    return
  }
  const c = ctx.io.color
  const v = ctx.io.speech.t.value
  ctx.io.out(
    renderNamedFields(
      [
        ['regulation', reg.id],
        ['at', formatInstant(at.ms, zone)],
        ['status', open ? c.green(v.open) : c.red(v.closed)],
        ...(nextOpening === null ? [] : [['next opening', formatInstant(nextOpening, zone)] as const]),
        ['next closing', formatInstant(nextClosing, zone)],
        [
          'day',
          `${day.date} ${v.day[day.kind] ?? day.kind.replace(/_/g, ' ')}${day.name ? ` (${day.name})` : ''}: ${day.hours.join(', ') || v.closed}`,
        ],
      ],
      ctx.io,
    ),
  )
}

/** A calendar file is a few kilobytes; anything this large is something else. */
const MAX_IMPORT_BYTES = 4 * 1024 * 1024

/**
 * `calendar import FILE`: reads one year, checks it (src/calendar/import.ts, parse-calendar.ts),
 * and writes it to the user's calendar directory, where every command finds it. A file that is not
 * a complete, lawful year is refused with its problems at their lines, and nothing is written.
 */
export function runCalendarImport(ctx: Context, file: string, opts: CalendarImportOptions): void {
  const id = opts.calendar ?? DEFAULT_CALENDAR
  const known = listCalendarIds()
  if (!known.includes(id)) throw new UsageError(`--calendar: unknown calendar "${id}"; calendars: ${known.join(', ')}`)
  let bytes: Buffer
  try {
    if (statSync(file).size > MAX_IMPORT_BYTES)
      throw new DataError([
        {
          file,
          line: 1,
          col: 1,
          path: '',
          message: 'the file is larger than 4 MB; is it a calendar?',
          severity: 'error',
        },
      ])
    bytes = readFileSync(file)
  } catch (e) {
    if (e instanceof RegdeskError) throw e
    throw unreadable(file, e)
  }
  const text = decodeCalendarBytes(bytes)
  const format = opts.format ?? detectFormat(file, text)
  if (!format) throw new UsageError(`cannot tell the format of ${file}; pass --format ${IMPORT_FORMATS.join('|')}`)
  const shipped = loadCalendarData(id, ctx.parsers)
  const imported = importCalendarYear(text, file, {
    shipped,
    format,
    parseYear: ctx.parsers.calendarYear,
    ...(opts.provisional ? { status: 'provisional' as const } : {}),
    ...(opts.decree ? { decree: opts.decree } : {}),
  })
  if (!imported.value) throw new DataError(imported.issues)
  const { data, published } = imported.value
  const year = data.year
  const source = `${format.toUpperCase()} production calendar ${basename(file)}${published ? ` (published ${published})` : ''}, imported ${new Date(ctx.now).toISOString().slice(0, 10)}`
  const yearText = formatCalendarYearFile(data, {
    calendar: id,
    source,
    importedFrom: resolve(file),
    importedAt: new Date(ctx.now).toISOString(),
  })
  // what is written must read back as the same year: the loader checks it again at every start
  const check = ctx.parsers.calendarYear(yearText, `${id}-${year}.yaml`, { shipped, year })
  if (!check.value)
    throw new Error(`the year file made from ${file} does not read back: ${check.issues[0]?.message ?? '?'}`)

  const dir = ctx.calendarsDir()
  const before = productionCalendar(ctx, id)
  const previous = before.years.get(year)
  const after = buildCalendar({
    ...shipped,
    years: { ...shipped.years, [year]: calendarYearOf(check.value, { source }) },
  })
  const changes: { date: string; before: string; after: string }[] = []
  const shortened: string[] = []
  for (let dn = dayNumberOfYmd(year, 1, 1); dn <= dayNumberOfYmd(year, 12, 31); dn++) {
    const date = isoOfDayNumber(dn)
    const kind = dayKind(after, date)
    if (kind.shortened) shortened.push(date)
    const was = kindText(dayKind(before, date))
    const now = kindText(kind)
    if (was !== now) changes.push({ date, before: was, after: now })
  }
  const written = opts.dryRun ? null : writeImportedYear(dir, id, year, yearText)
  const replaced = previous
    ? { origin: previous.origin, status: previous.status, file: previous.file ?? null }
    : { origin: 'statutory' as const, status: 'uncovered' as const, file: null }
  const y = check.value
  const summary = {
    calendar: id,
    year,
    status: y.status ?? 'official',
    decree: y.decree ?? null,
    format,
    source,
    file: written,
    directory: resolve(dir),
    dry_run: Boolean(opts.dryRun),
    replaces: replaced,
    holidays: y.holidays.length,
    transferred_days_off: y.transferredDaysOff.map((t) => ({ date: t.date, from: t.from ?? null })),
    working_weekends: y.workingWeekends.map((w) => ({ date: w.date, swaps_with: w.swapsWith ?? null })),
    shortened,
    shortened_by_rule: !y.shortened?.length,
    changes,
  }
  if (ctx.json) {
    writeJson(ctx.io, summary)
    return
  }
  const c = ctx.io.color
  const was =
    replaced.origin === 'imported'
      ? `the year imported before (${replaced.file})`
      : replaced.origin === 'shipped'
        ? `the shipped ${replaced.status} year`
        : 'the statutory holidays alone (the year was not covered)'
  const say = (text: string) => ctx.io.speech.phrases.say(text)
  ctx.io.out(
    renderNamedFields(
      [
        ['calendar', `${id} ${year}: ${summary.status}${summary.decree ? `, ${summary.decree}` : ''}`],
        ['from', `${resolve(file)} (${format})`],
        [
          opts.dryRun ? 'would write' : 'written',
          `${written ?? resolve(dir, `${id}-${year}.yaml`)}; ${say(`replaces ${was}`)}`,
        ],
        [
          'days',
          say(
            `${summary.holidays} holidays, ${summary.transferred_days_off.length} transferred days off, ${summary.working_weekends.length} working weekend days, ${summary.shortened.length} shortened days${summary.shortened_by_rule ? ' (by the art. 95 rule)' : ''}`,
          ),
        ],
        [
          'changes',
          say(changes.length ? `${changes.length} days differ from before` : 'none: the same days as before'),
        ],
      ],
      ctx.io,
    ),
  )
  if (changes.length)
    ctx.io.out(
      renderList(
        changes,
        [
          { header: 'DATE', value: (d) => d.date },
          { header: 'BEFORE', value: (d) => d.before },
          { header: 'AFTER', value: (d) => d.after, human: (d) => c.bold(d.after) },
        ],
        ctx.io,
      ),
    )
  if (opts.dryRun) ctx.io.err('note: --dry-run: nothing was written\n')
}

function kindText(k: DayKind): string {
  return `${k.kind}${k.shortened ? ' (shortened)' : ''}`
}
