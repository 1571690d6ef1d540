import { createReadStream } from 'node:fs'
import { Command, Option } from 'commander'
import { DateTime } from 'luxon'
import type { ExplainStep } from '../../calendar/clock.js'
import { RegdeskError, UsageError } from '../../errors.js'
import { describeDuration } from '../../regulation/describe.js'
import type { Regulation } from '../../regulation/load.js'
import { noteIn } from '../../regulation/note.js'
import type { Duration } from '../../regulation/schema.js'
import { computeDeadline, type Deadline, UnknownLevelError } from '../../sla/deadline.js'
import { formatMinutes, parseWorkingDuration } from '../../sla/duration.js'
import { findJsonError } from '../../ticket/validate.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { ENGLISH_SPEECH, type Messages } from '../messages/index.js'
import { writeJson } from '../output/json.js'
import { mapJsonLines } from '../output/json-lines.js'
import { startProgress } from '../output/progress.js'
import { renderList, renderNamedFields } from '../output/table.js'
import { businessClock, regulationOption } from '../regulation-input.js'
import { formatInstant, noteAssumedZone, parseInstant } from '../time-input.js'
import { unreadable } from '../unreadable.js'

export interface DeadlineOptions {
  regulation?: string
  level?: string
  duration?: string
  receivedAt?: string
  explain?: boolean
  batch?: string | true
}

export function deadlineCommand(io: IO, environment: Environment): Command {
  return new Command('deadline')
    .description("When the reaction is due, counted in the regulation's working time")
    .option('-r, --regulation <id>', 'regulation id (default: config `regulation`)')
    .option('-l, --level <level>', "SLA level (default: the regulation's default level)")
    .option('-d, --duration <duration>', 'ad-hoc working duration instead of a level: 90m, 8h, 3d')
    .option('--received-at <iso>', 'when the request was received (default: --now)')
    .option('--explain', 'show day by day how the deadline was derived')
    .addOption(
      new Option('--batch [file]', 'read JSON Lines from FILE or stdin (-), write JSON Lines').conflicts([
        'level',
        'duration',
        'receivedAt',
        'explain',
      ]),
    )
    .addHelpText(
      'after',
      `${examples([
        'regdesk deadline --regulation moguta --received-at 2026-11-20T15:00+03:00',
        'regdesk deadline -r advantshop --level partner --received-at 2026-12-31T19:00+03:00 --explain',
        'regdesk deadline -r umi --duration 8h --json',
        'regdesk deadline --batch requests.jsonl > deadlines.jsonl',
      ])}
Batch lines: {"id": "…", "regulation": "moguta", "level": "standard" | "duration": "8h", "received_at": "ISO"}
Output lines: {"id", "deadline", "target"} or {"id", "error"} for a bad line.
`,
    )
    .action((opts: DeadlineOptions, c: Command) => {
      const ctx = contextOf(c, io, environment)
      return opts.batch !== undefined ? runDeadlineBatch(ctx, opts) : runDeadline(ctx, opts)
    })
}

export function runDeadline(ctx: Context, opts: DeadlineOptions): void {
  const reg = regulationOption(ctx, opts.regulation)
  if (opts.level && opts.duration) throw new UsageError('use either --level or --duration, not both')
  const duration = opts.duration === undefined ? undefined : durationOption(opts.duration)
  const received =
    opts.receivedAt === undefined
      ? { ms: ctx.now, assumedZone: false }
      : parseInstant(opts.receivedAt, '--received-at', reg.workingTime.timezone)
  noteAssumedZone(ctx.io, '--received-at', received, reg.workingTime.timezone)
  const result = deadlineOf(ctx, reg, { receivedAt: received.ms, level: opts.level, duration, explain: opts.explain })
  for (const w of result.warnings) ctx.io.err(`warning: ${w.message}\n`)
  if (ctx.json) {
    writeJson(ctx.io, deadlineJson(reg, result))
    return
  }
  ctx.io.out(renderDeadline(reg, result, ctx.io))
  if (result.steps) ctx.io.out(`\n${renderSteps(result.steps, ctx.io, result.duration?.unit === 'working_days')}`)
}

function deadlineOf(
  ctx: Context,
  reg: Regulation,
  req: {
    receivedAt: number
    level?: string | undefined
    duration?: Duration | undefined
    explain?: boolean | undefined
  },
): Deadline {
  try {
    return computeDeadline(reg, businessClock(ctx, reg), {
      receivedAt: req.receivedAt,
      ...(req.level ? { level: req.level } : {}),
      ...(req.duration ? { duration: req.duration } : {}),
      ...(req.explain ? { explain: true } : {}),
    })
  } catch (e) {
    if (e instanceof UnknownLevelError) throw new UsageError(e.message)
    if (e instanceof RangeError) throw new UsageError(`cannot compute this deadline: ${e.message}`)
    throw e
  }
}

function durationOption(text: string): Duration {
  const d = parseWorkingDuration(text)
  if (!d)
    throw new UsageError(`--duration: expected a working duration like 90m, 8h or 3d, got ${JSON.stringify(text)}`)
  return d
}

/** The JSON contract of `deadline --json`: instants in the regulation's zone, durations as {amount, unit}. */
export function deadlineJson(reg: Regulation, d: Deadline) {
  const zone = reg.workingTime.timezone
  const at = (ms: number | null) => (ms === null ? null : formatInstant(ms, zone))
  return {
    regulation: d.regulation,
    level: d.level,
    timezone: zone,
    duration: d.duration,
    target_duration: d.targetDuration,
    received_at: at(d.receivedAt),
    clock_start: at(d.clockStart),
    deadline: at(d.deadline),
    target: at(d.target),
    reason: d.reason,
    warnings: d.warnings.map((w) => ({ code: w.code, message: w.message })),
    ...(d.steps ? { steps: d.steps.map(stepJson) } : {}),
  }
}

function stepJson(s: ExplainStep) {
  return {
    date: s.date,
    counted: s.counted,
    reason: s.reason,
    kind: s.kind,
    shortened: s.shortened,
    name: s.name ?? null,
    from: s.from ?? null,
    why: stepWhy(s),
    hours: s.hours,
    open_minutes: s.openMinutes,
    minutes_counted: s.minutesCounted,
  }
}

function renderDeadline(reg: Regulation, d: Deadline, io: IO): string {
  const zone = reg.workingTime.timezone
  const c = io.color
  const v = io.speech.t.value
  const lang = io.speech.lang
  const when = (ms: number) =>
    `${formatInstant(ms, zone)} ${c.dim(DateTime.fromMillis(ms, { zone }).setLocale(lang).toFormat('ccc'))}`
  const what =
    d.level && d.duration
      ? v.levelLine(
          d.level,
          describeDuration(d.duration, lang),
          d.targetDuration ? describeDuration(d.targetDuration, lang) : null,
        )
      : d.level
        ? io.speech.t.verdict.level(d.level, reg.levels[d.level]?.name ?? d.level)
        : describeDuration(d.duration, lang)
  const pairs: [keyof Messages['field'], string][] = [
    ['regulation', `${reg.id} — ${what}`],
    ['received', when(d.receivedAt)],
  ]
  const own = d.level ? reg.levels[d.level]?.workingTime : undefined
  if (own && d.duration) pairs.splice(1, 0, ['hours', v.ownHours(own.clause, own.quote)])
  if (d.reason === 'not_regulated') {
    pairs.push([
      'deadline',
      c.yellow(io.speech.t.verdict.notRegulated(noteIn(reg.levels[d.level ?? ''], lang) || v.sourceSilent)),
    ])
    return renderNamedFields(pairs, io)
  }
  pairs.push(['clock starts', when(d.clockStart)])
  if (d.target !== null) pairs.push(['target', when(d.target)])
  if (d.deadline !== null) pairs.push(['deadline', c.bold(when(d.deadline))])
  return renderNamedFields(pairs, io)
}

/** "working weekend day (transfer) with 2025-11-03, shortened pre-holiday day", in the interface language */
function stepWhy(s: ExplainStep, v: Messages['value'] = ENGLISH_SPEECH.t.value): string {
  const parts = [v.day[s.kind === 'workday' ? 'weekday' : s.kind] ?? s.kind]
  if (s.name) parts[0] = `${parts[0]}: ${s.name}`
  if (s.from && s.kind === 'transferred_day_off') parts.push(v.movedFrom(s.from))
  if (s.from && s.kind === 'working_weekend') parts.push(v.insteadOf(s.from))
  if (s.shortened) parts.push(v.day.shortened as string)
  return parts.join(', ')
}

export function renderSteps(steps: readonly ExplainStep[], io: IO, workingDays = false): string {
  // working days are counted where each ends (received 18:00: the first ends the next working day at 18:00), which a
  // plain yes beside the time used that day made read as a contradiction: each says which day of how many it ends
  const counted = steps.filter((s) => s.counted)
  const dayOf = (s: ExplainStep) => io.speech.t.value.dayOf(counted.indexOf(s) + 1, counted.length)
  return renderList(
    steps,
    [
      { header: 'DATE', value: (s) => s.date },
      // pipes get the machine values; a terminal, the interface language's
      {
        header: 'DAY',
        value: (s) => DateTime.fromISO(s.date).toFormat('ccc'),
        human: (s, io) => DateTime.fromISO(s.date).setLocale(io.speech.lang).toFormat('ccc'),
      },
      {
        header: 'COUNTED',
        value: (s) => (s.counted ? 'yes' : 'no'),
        human: (s, io) =>
          s.counted
            ? io.color.green(workingDays ? dayOf(s) : io.speech.t.value.yes)
            : io.color.dim(io.speech.t.value.no),
      },
      {
        header: 'HOURS',
        value: (s) => s.hours.join(', ') || 'closed',
        human: (s, io) => s.hours.join(', ') || io.speech.t.value.closed,
      },
      {
        header: 'USED',
        value: (s) => formatMinutes(s.minutesCounted),
        human: (s, io) => io.speech.t.value.hm(s.minutesCounted),
      },
      { header: 'WHY', value: (s) => stepWhy(s), human: (s, io) => stepWhy(s, io.speech.t.value) },
    ],
    io,
  )
}

interface BatchLine {
  id?: unknown
  regulation?: unknown
  level?: unknown
  duration?: unknown
  received_at?: unknown
}

/** The fields a batch line may have: any other is a misspelling that would change the answer unsaid ("levle"). */
const BATCH_FIELDS: ReadonlySet<string> = new Set(['id', 'regulation', 'level', 'duration', 'received_at'])

/**
 * JSON Lines in, JSON Lines out, in order and streaming: memory stays flat whatever the input
 * size, and a bad line gets an error object instead of stopping the batch.
 */
export async function runDeadlineBatch(ctx: Context, opts: DeadlineOptions): Promise<void> {
  const source = opts.batch === true || opts.batch === '-' ? ctx.io.stdin : createReadStream(String(opts.batch))
  const warned = new Set<string>()
  let answered = 0
  let failed = 0
  const progress = startProgress(ctx.io, ctx.io.speech.t.progress.lines)
  const answer = (line: string, no: number) => {
    answered++
    progress.update(answered)
    try {
      const { result, warnings } = batchResult(ctx, opts, line, no)
      if ('error' in result) failed++
      for (const w of warnings)
        if (!warned.has(w.message)) {
          warned.add(w.message)
          ctx.io.err(`warning: ${w.message}\n`)
        }
      return result
    } catch (e) {
      // one bad line gets an error object; it never stops the batch
      failed++
      return { id: idOf(line), line: no, error: e instanceof Error ? e.message : String(e) }
    }
  }
  try {
    await mapJsonLines(source, ctx.io.stdout, answer)
  } catch (e) {
    throw unreadable(opts.batch === true || opts.batch === undefined ? 'stdin' : opts.batch, e)
  } finally {
    progress.stop()
  }
  // every line is answered; a script still learns from the exit code that some answers are errors
  if (failed)
    throw new RegdeskError(
      `${failed} of ${answered} line${answered === 1 ? '' : 's'} could not be computed: see their "error" in the output`,
    )
}

function idOf(line: string): string | number | null {
  try {
    const id = (JSON.parse(line) as BatchLine)?.id
    return typeof id === 'string' || typeof id === 'number' ? id : null
  } catch {
    return null
  }
}

function batchResult(
  ctx: Context,
  opts: DeadlineOptions,
  line: string,
  lineNo: number,
): { result: Record<string, unknown>; warnings: { code: string; message: string }[] } {
  // blank lines are skipped (src/cli/output/json-lines.ts), answered by nothing; every other line by one object
  let data: BatchLine
  try {
    data = JSON.parse(line)
  } catch {
    // where the line stops being JSON, as an import's line says it
    const problem = findJsonError(line)
    const error = problem ? `not JSON at column ${problem.offset + 1}: ${problem.message}` : 'not a JSON object'
    return { result: { id: null, line: lineNo, error }, warnings: [] }
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    return { result: { id: null, line: lineNo, error: 'not a JSON object' }, warnings: [] }
  const id = typeof data.id === 'string' || typeof data.id === 'number' ? data.id : null
  const unknown = Object.keys(data).find((k) => !BATCH_FIELDS.has(k))
  if (unknown !== undefined)
    throw new UsageError(`unknown field ${JSON.stringify(unknown)}; the fields are ${[...BATCH_FIELDS].join(', ')}`)
  const regId = data.regulation ?? opts.regulation ?? ctx.defaultRegulation()
  if (typeof regId !== 'string') throw new UsageError('missing "regulation"')
  const registry = ctx.registry()
  if (!registry.has(regId)) throw new UsageError(`unknown regulation "${regId}"`)
  const reg = registry.get(regId)
  if (typeof data.received_at !== 'string') throw new UsageError('missing "received_at" (an ISO 8601 instant)')
  if (data.level !== undefined && data.duration !== undefined)
    throw new UsageError('give "level" or "duration", not both')
  if (data.level !== undefined && typeof data.level !== 'string') throw new UsageError('"level" must be a string')
  const duration = data.duration === undefined ? undefined : parseWorkingDuration(String(data.duration))
  if (duration === null)
    throw new UsageError(`"duration" must be like 90m, 8h or 3d, got ${JSON.stringify(data.duration)}`)
  const received = parseInstant(data.received_at, 'received_at', reg.workingTime.timezone)
  const d = deadlineOf(ctx, reg, { receivedAt: received.ms, level: data.level, duration })
  const zone = reg.workingTime.timezone
  const warnings = d.warnings.map((w) => ({ code: w.code, message: w.message }))
  return {
    result: {
      id,
      line: lineNo,
      deadline: d.deadline === null ? null : formatInstant(d.deadline, zone),
      target: d.target === null ? null : formatInstant(d.target, zone),
      ...(d.reason ? { reason: d.reason } : {}),
      ...(warnings.length ? { warnings: warnings.map((w) => w.code) } : {}),
    },
    warnings,
  }
}
