import { Command } from 'commander'
import { DateTime } from 'luxon'
import type { ClockDay } from '../../calendar/clock.js'
import { UsageError } from '../../errors.js'
import type { Regulation } from '../../regulation/load.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { writeJson } from '../output/json.js'
import { renderFields, renderList } from '../output/table.js'
import { businessClock, regulationOption } from '../regulation-input.js'
import { formatInstant, parseDate, parseInstant } from '../time-input.js'

export interface CalendarShowOptions {
  month?: string
  from?: string
  to?: string
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
    .argument('[regulation]', 'regulation id (default: config `regulation`)')
    .option('--month <yyyy-mm>', 'one month (default: the month of --now)')
    .option('--from <date>', 'first day, YYYY-MM-DD (with --to)')
    .option('--to <date>', 'last day, YYYY-MM-DD, inclusive')
    .addHelpText(
      'after',
      examples([
        'regdesk calendar show moguta --month 2026-05',
        'regdesk calendar show umi --from 2026-12-28 --to 2027-01-12 --json',
      ]),
    )
    .action((id: string | undefined, opts: CalendarShowOptions, c: Command) =>
      runCalendarShow(contextOf(c, io, environment), id, opts),
    )
  cmd
    .command('check')
    .description('open or closed at an instant, and the next opening and closing')
    .argument('[regulation]', 'regulation id (default: config `regulation`)')
    .argument('[instant]', 'ISO 8601 instant (default: --now)')
    .addHelpText(
      'after',
      examples(['regdesk calendar check moguta 2026-11-20T18:30+03:00', 'regdesk calendar check advantshop --json']),
    )
    .action((id: string | undefined, instant: string | undefined, _o, c: Command) =>
      runCalendarCheck(contextOf(c, io, environment), id, instant),
    )
  return cmd
}

function regulationArg(ctx: Context, id: string | undefined): Regulation {
  return regulationOption(ctx, id)
}

export function runCalendarShow(ctx: Context, id: string | undefined, opts: CalendarShowOptions): void {
  const reg = regulationArg(ctx, id)
  const zone = reg.workingTime.timezone
  let first: DateTime
  let last: DateTime
  if (opts.month !== undefined) {
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
  const clock = businessClock(reg)
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
  if (ctx.json) {
    writeJson(ctx.io, {
      regulation: reg.id,
      timezone: zone,
      days: days.map(dayJson),
      warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
    })
    return
  }
  if (ctx.io.isStdoutTTY && opts.month !== undefined) ctx.io.out(renderMonthGrid(reg, days, ctx.io))
  else if (ctx.io.isStdoutTTY && opts.from === undefined) ctx.io.out(renderMonthGrid(reg, days, ctx.io))
  else ctx.io.out(renderDays(days, ctx.io))
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
      { header: 'DAY', value: (d) => DateTime.fromISO(d.date).toFormat('ccc') },
      { header: 'KIND', value: (d) => d.kind },
      { header: 'HOURS', value: (d) => d.hours.join(', ') || 'closed' },
      { header: 'NOTE', value: (d) => [d.name, d.shortenedApplied ? 'shortened' : ''].filter(Boolean).join('; ') },
    ],
    io,
  )
}

/** A month as people read it: weeks in rows, each day with its hours, days off coloured. */
function renderMonthGrid(reg: Regulation, days: readonly ClockDay[], io: IO): string {
  const c = io.color
  const first = DateTime.fromISO(days[0]?.date ?? '')
  const lines = [c.bold(`${reg.id} — ${first.setLocale('en').toFormat('LLLL yyyy')} (${reg.workingTime.timezone})`)]
  const cell = (d: ClockDay | undefined) => {
    if (!d) return ' '.repeat(14)
    const dayNo = String(DateTime.fromISO(d.date).day).padStart(2)
    const hours =
      d.hours.length === 0
        ? 'closed'
        : d.hours.length === 1
          ? (d.hours[0] ?? '')
          : `${d.hours[0]?.slice(0, 5)}-${d.hours.at(-1)?.slice(6)}`
    const text = `${dayNo} ${hours}`.padEnd(14)
    if (d.openMinutes === 0) return c.red(text)
    if (d.shortenedApplied) return c.yellow(text)
    if (d.kind === 'working_weekend') return c.cyan(text)
    return text
  }
  lines.push(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].map((d) => d.padEnd(14)).join(' '))
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
        `${d.date}  ${d.kind.replace(/_/g, ' ')}${d.name ? `: ${d.name}` : ''}${d.shortenedApplied ? ' (shortened)' : ''}`,
      )
  }
  return `${lines.join('\n')}\n`
}

export function runCalendarCheck(ctx: Context, id: string | undefined, instant: string | undefined): void {
  const reg = regulationArg(ctx, id)
  const zone = reg.workingTime.timezone
  const at = instant === undefined ? { ms: ctx.now, assumedZone: false } : parseInstant(instant, 'instant', zone)
  if (at.assumedZone) ctx.io.err(`note: the instant has no offset; read as ${zone} time\n`)
  const clock = businessClock(reg)
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
  ctx.io.out(
    renderFields(
      [
        ['regulation', reg.id],
        ['at', formatInstant(at.ms, zone)],
        ['status', open ? c.green('open') : c.red('closed')],
        ...(nextOpening === null ? [] : [['next opening', formatInstant(nextOpening, zone)] as [string, string]]),
        ['next closing', formatInstant(nextClosing, zone)],
        [
          'day',
          `${day.date} ${day.kind.replace(/_/g, ' ')}${day.name ? ` (${day.name})` : ''}: ${day.hours.join(', ') || 'closed'}`,
        ],
      ],
      ctx.io,
    ),
  )
}
