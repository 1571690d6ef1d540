import { Command } from 'commander'
import { UsageError } from '../../errors.js'
import { formatMinutes } from '../../sla/duration.js'
import { contextOf } from '../command.js'
import type { Context, Environment } from '../context.js'
import { examples } from '../help.js'
import type { IO } from '../io.js'
import { writeJson } from '../output/json.js'
import { renderNamedFields } from '../output/table.js'
import { businessClock, regulationOption } from '../regulation-input.js'
import { formatInstant, noteAssumedZone, parseInstant } from '../time-input.js'

export interface ElapsedOptions {
  regulation?: string
  from?: string
  to?: string
}

export function elapsedCommand(io: IO, environment: Environment): Command {
  return new Command('elapsed')
    .description("Working time between two instants under a regulation's hours and calendar")
    .option('-r, --regulation <id>', 'regulation id (default: config `regulation`)')
    .option('--from <iso>', 'start instant (required)')
    .option('--to <iso>', 'end instant (default: --now)')
    .addHelpText(
      'after',
      examples([
        'regdesk elapsed -r moguta --from 2026-11-20T15:00+03:00 --to 2026-11-23T12:00+03:00',
        'regdesk elapsed -r advantshop --from 2026-05-01T00:00+03:00 --to 2026-05-31T00:00+03:00 --json',
      ]),
    )
    .action((opts: ElapsedOptions, c: Command) => runElapsed(contextOf(c, io, environment), opts))
}

export function runElapsed(ctx: Context, opts: ElapsedOptions): void {
  const reg = regulationOption(ctx, opts.regulation)
  const zone = reg.workingTime.timezone
  if (opts.from === undefined) throw new UsageError('--from is required (an ISO 8601 instant)')
  const from = parseInstant(opts.from, '--from', zone)
  const to = opts.to === undefined ? { ms: ctx.now, assumedZone: false } : parseInstant(opts.to, '--to', zone)
  for (const [name, v] of [
    ['--from', from],
    ['--to', to],
  ] as const)
    noteAssumedZone(ctx.io, name, v, zone)
  const clock = businessClock(ctx, reg)
  const minutes = clock.elapsed(from.ms, to.ms)
  const warnings = clock.warningsBetween(Math.min(from.ms, to.ms), Math.max(from.ms, to.ms))
  for (const w of warnings) ctx.io.err(`warning: ${w.message}\n`)
  const clockMinutes = Math.round((to.ms - from.ms) / 60_000)
  if (ctx.json) {
    writeJson(ctx.io, {
      regulation: reg.id,
      timezone: zone,
      from: formatInstant(from.ms, zone),
      to: formatInstant(to.ms, zone),
      working_minutes: minutes,
      working: formatMinutes(minutes),
      clock_minutes: clockMinutes,
      warnings: warnings.map((w) => ({ code: w.code, message: w.message })),
    })
    return
  }
  const v = ctx.io.speech.t.value
  ctx.io.out(
    renderNamedFields(
      [
        ['regulation', reg.id],
        ['from', formatInstant(from.ms, zone)],
        ['to', formatInstant(to.ms, zone)],
        ['working time', `${ctx.io.color.bold(v.hm(minutes))} (${v.workingMinutes(minutes)})`],
        ['clock time', v.hm(clockMinutes)],
      ],
      ctx.io,
    ),
  )
}
