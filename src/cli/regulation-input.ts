import type { ProductionCalendar } from '../calendar/calendar.js'
import { type BusinessClock, clockFor } from '../calendar/clock.js'
import { loadCalendar } from '../calendar/load.js'
import { UsageError } from '../errors.js'
import type { Regulation } from '../regulation/load.js'
import { scopeModelFor } from '../triage/model/load.js'
import { type TriageResult, triage } from '../triage/triage.js'
import type { RequestFacts } from '../triage/types.js'
import type { Context } from './context.js'

/** A regulation id given by the user (--regulation, a config value) must name a known regulation. */
export function checkRegulationId(ctx: Context, id: string | undefined): void {
  const registry = ctx.registry()
  if (id !== undefined && !registry.has(id))
    throw new UsageError(`unknown regulation "${id}"; available: ${registry.ids().join(', ')}`)
}

/**
 * One grammar: a regulation named as a positional argument (`calendar show umi`) or with -r/--regulation
 * (`calendar show -r umi`); both, only if they agree.
 */
export function regulationFrom(positional: string | undefined, option: string | undefined): string | undefined {
  if (positional !== undefined && option !== undefined && positional !== option)
    throw new UsageError(`give the regulation once: "${positional}" or --regulation ${option}, not both`)
  return option ?? positional
}

/** The regulation a command works under: --regulation, else the configured default. */
export function regulationOption(ctx: Context, id: string | undefined): Regulation {
  const registry = ctx.registry()
  const chosen = id ?? ctx.defaultRegulation()
  // a given id, even an empty one, is checked as given
  if (id !== undefined) checkRegulationId(ctx, id)
  if (!chosen)
    throw new UsageError(
      `which regulation? pass --regulation <id> (one of ${registry.ids().join(', ')}) or set a default with \`regdesk config set regulation <id>\``,
    )
  if (id === undefined && !registry.has(chosen))
    throw new UsageError(
      `the default regulation "${chosen}" (config \`regulation\`) is unknown; available: ${registry.ids().join(', ')}`,
    )
  checkRegulationId(ctx, chosen)
  return registry.get(chosen)
}

const clocks = new WeakMap<Regulation, BusinessClock>()

/**
 * The business clock of a regulation, one per loaded regulation (batch mode asks once per line), on
 * its calendar with the years the user imported (`regdesk calendar import`).
 */
export function businessClock(ctx: Pick<Context, 'calendarsDir' | 'parsers'>, reg: Regulation): BusinessClock {
  let clock = clocks.get(reg)
  if (!clock) {
    clock = clockFor(reg.workingTime, productionCalendar(ctx, reg.workingTime.calendar))
    clocks.set(reg, clock)
  }
  return clock
}

/**
 * Triage with the regulation's scope model: the build's for a shipped regulation, else one trained on first use and
 * kept in the user cache directory (src/triage/model/load.ts), which the agent is told about once on stderr.
 */
export function triageWithModel(
  ctx: Context,
  reg: Regulation,
  text: string,
  facts: RequestFacts,
  chosenTopic?: string,
): TriageResult {
  const model = scopeModelFor(reg, { cacheDir: ctx.cacheDir(), onTrain: (message) => ctx.io.err(`note: ${message}\n`) })
  return triage(reg, businessClock(ctx, reg), text, facts, {
    model,
    ...(chosenTopic === undefined ? {} : { chosenTopic }),
  })
}

/** A production calendar as commands see it: shipped, with the user's imported years in place of its own. */
export function productionCalendar(ctx: Pick<Context, 'calendarsDir' | 'parsers'>, id: string): ProductionCalendar {
  return loadCalendar(id, { parsers: ctx.parsers, userDir: ctx.calendarsDir() })
}
