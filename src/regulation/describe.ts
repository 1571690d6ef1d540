import type { Regulation } from './load.js'
import type { Duration, DurationUnit } from './schema.js'

const UNIT_WORDS: Record<DurationUnit, [string, string]> = {
  working_minutes: ['working minute', 'working minutes'],
  working_hours: ['working hour', 'working hours'],
  working_days: ['working day', 'working days'],
  calendar_hours: ['calendar hour', 'calendar hours'],
  calendar_days: ['calendar day', 'calendar days'],
}

/** "3 working days" */
export function describeDuration(d: Duration | null | undefined): string {
  if (!d) return 'not regulated'
  const [one, many] = UNIT_WORDS[d.unit]
  return `${d.amount} ${d.amount === 1 ? one : many}`
}

export function defaultLevel(reg: Regulation): string {
  const ids = Object.keys(reg.levels)
  return ids.find((id) => reg.levels[id]?.default) ?? (ids[0] as string)
}

/** The model scripts consume (`regulations show --json`): every optional field present, null when absent. */
export function normalizedRegulation(reg: Regulation) {
  return {
    id: reg.id,
    name: reg.name,
    vendor: reg.vendor,
    source: { title: reg.source.title, file: reg.source.file, url: reg.source.url ?? null },
    file: reg.file,
    timezone: reg.workingTime.timezone,
    calendar: reg.workingTime.calendar,
    workingTime: reg.workingTime,
    reactionWindows: reg.reactionWindows,
    defaultLevel: defaultLevel(reg),
    levels: Object.fromEntries(
      Object.entries(reg.levels).map(([id, l]) => [
        id,
        {
          name: l.name,
          default: Boolean(l.default),
          limit: l.limit,
          target: l.target ?? null,
          note: l.note ?? null,
          clause: l.clause,
          quote: l.quote,
          workingTime: l.workingTime ?? null,
        },
      ]),
    ),
    tiers: reg.tiers,
    products: reg.products ?? [],
    channels: reg.channels,
    topics: reg.topics,
    outOfScope: reg.outOfScope,
    eligibility: reg.eligibility,
    requiredInformation: reg.requiredInformation,
    onePerRequest: reg.onePerRequest ?? null,
    lifecycle: reg.lifecycle,
    queue: reg.queue,
    notes: reg.notes ?? [],
  }
}
