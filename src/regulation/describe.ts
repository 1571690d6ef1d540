import type { Regulation } from './load.js'
import type { Duration, DurationUnit } from './schema.js'

/** A duration's unit in words: English one and many; Russian one, few (2–4) and many (5–20). */
const UNIT_WORDS: Record<'en' | 'ru', Record<DurationUnit, string[]>> = {
  en: {
    working_minutes: ['working minute', 'working minutes'],
    working_hours: ['working hour', 'working hours'],
    working_days: ['working day', 'working days'],
    calendar_hours: ['calendar hour', 'calendar hours'],
    calendar_days: ['calendar day', 'calendar days'],
  },
  ru: {
    working_minutes: ['рабочая минута', 'рабочие минуты', 'рабочих минут'],
    working_hours: ['рабочий час', 'рабочих часа', 'рабочих часов'],
    working_days: ['рабочий день', 'рабочих дня', 'рабочих дней'],
    calendar_hours: ['час', 'часа', 'часов'],
    calendar_days: ['календарный день', 'календарных дня', 'календарных дней'],
  },
}
const NOT_REGULATED = { en: 'not regulated', ru: 'не регламентирован' }

/** "3 working days", "3 рабочих дня" */
export function describeDuration(d: Duration | null | undefined, lang: 'en' | 'ru' = 'en'): string {
  if (!d) return NOT_REGULATED[lang]
  const words = UNIT_WORDS[lang][d.unit]
  return `${d.amount} ${words[pluralIndex(lang, d.amount)] ?? words.at(-1)}`
}

/** Which form of a word goes with a number: en one/many; ru 1, 21 → one; 2–4, 22–24 → few; else many. */
export function pluralIndex(lang: 'en' | 'ru', n: number): number {
  if (lang === 'en') return n === 1 ? 0 : 1
  if (!Number.isInteger(n)) return 1
  const tens = n % 100
  const ones = n % 10
  if (ones === 1 && tens !== 11) return 0
  if (ones >= 2 && ones <= 4 && (tens < 12 || tens > 14)) return 1
  return 2
}

export function defaultLevel(reg: Regulation): string {
  const ids = Object.keys(reg.levels)
  return ids.find((id) => reg.levels[id]?.default) ?? (ids[0] as string)
}

/**
 * The level a ticket is held to while no agent has set one (issue 16): the default tier's level,
 * else the regulation's default level. An unclear request stored without a level is then not
 * "not regulated" for ever: it has the deadline a request of the default tier would have.
 */
export function assumedLevel(reg: Regulation): string {
  const tier = reg.tiers.find((t) => t.default)
  return tier?.level && reg.levels[tier.level] ? tier.level : defaultLevel(reg)
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
          note_en: l.note_en ?? null,
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
    delayCauses: reg.delayCauses ?? [],
    lifecycle: reg.lifecycle,
    queue: reg.queue,
    notes: reg.notes ?? [],
  }
}
