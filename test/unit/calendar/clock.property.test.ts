import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildCalendar } from '../../../src/calendar/calendar.js'
import type { CalendarFile } from '../../../src/calendar/calendar-schema.js'
import { BusinessClock } from '../../../src/calendar/clock.js'
import { WEEKDAYS, type WorkingTime } from '../../../src/regulation/schema.js'
import { ReferenceClock } from './reference.js'
import { workingTime } from './schedules.js'

const DAY = 86_400_000
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

/** 0–3 sorted, non-overlapping ranges; `allowed` filters boundary minutes (DST windows) */
const rangesArb = (allowed: (m: number) => boolean = () => true) =>
  fc.uniqueArray(fc.integer({ min: 0, max: 1440 }).filter(allowed), { maxLength: 6 }).map((points) => {
    const sorted = [...points].sort((a, b) => a - b)
    const out: string[] = []
    for (let i = 0; i + 1 < sorted.length; i += 2)
      out.push(`${hhmm(sorted[i] as number)}-${hhmm(sorted[i + 1] as number)}`)
    return out
  })

const scheduleArb = (timezone: string, allowed?: (m: number) => boolean): fc.Arbitrary<WorkingTime> =>
  fc
    .record({
      weekly: fc.record(
        Object.fromEntries(WEEKDAYS.map((d) => [d, rangesArb(allowed)])) as Record<
          (typeof WEEKDAYS)[number],
          fc.Arbitrary<string[]>
        >,
      ),
      holidays: fc.oneof(fc.constant('closed' as const), rangesArb(allowed)),
      transferredDaysOff: fc.oneof(fc.constant('closed' as const), rangesArb(allowed)),
      workingWeekends: fc.oneof(fc.constantFrom(...WEEKDAYS), rangesArb(allowed)),
      shortenedDayMinutes: fc.oneof(fc.constant(0), fc.constant(60), fc.integer({ min: 1, max: 600 })),
    })
    .map((r) => workingTime({ ...r, timezone }))

/** A random year of facts over `days` days from `first` (an ISO date); no conflicts by construction. */
const calendarArb = (first: string, days: number) =>
  fc.array(fc.record({ pick: fc.nat(11), short: fc.boolean() }), { minLength: days, maxLength: days }).map((picks) => {
    const year = first.slice(0, 4)
    const y = {
      status: 'official' as const,
      source: 'random',
      holidays: [] as { date: string; name: string }[],
      transferredDaysOff: [] as { date: string }[],
      workingWeekends: [] as { date: string }[],
      shortened: [] as string[],
      nonWorking: [] as { date: string; reason: string }[],
    }
    picks.forEach(({ pick, short }, i) => {
      const date = new Date(Date.parse(`${first}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10)
      const weekend = [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())
      if (pick === 0) y.holidays.push({ date, name: 'праздник' })
      else if (pick === 1) y.nonWorking.push({ date, reason: 'указ' })
      else if (pick === 2 && !weekend) y.transferredDaysOff.push({ date })
      else if (pick <= 4 && weekend) {
        y.workingWeekends.push({ date })
        if (short) y.shortened.push(date)
      } else if (short && !weekend && pick >= 8) y.shortened.push(date)
    })
    const file: CalendarFile = {
      schemaVersion: 1,
      id: 'random',
      name: 'Random',
      fixedHolidays: [],
      years: { [year]: y },
    }
    return buildCalendar(file)
  })

interface Window {
  timezone: string
  first: string
  days: number
  allowed?: (m: number) => boolean
  runs: number
}

const windows: Record<string, Window> = {
  'Europe/Moscow, winter 2025': { timezone: 'Europe/Moscow', first: '2025-01-06', days: 35, runs: 50 },
  'Europe/Berlin, spring DST 2026': {
    timezone: 'Europe/Berlin',
    first: '2026-03-16',
    days: 28,
    allowed: (m) => m < 120 || m >= 180,
    runs: 20,
  },
  'Europe/Berlin, autumn DST 2026': {
    timezone: 'Europe/Berlin',
    first: '2026-10-12',
    days: 28,
    allowed: (m) => m < 120 || m >= 180,
    runs: 20,
  },
}

describe.each(Object.entries(windows))('clock agrees with the minute-stepping reference: %s', (_name, w) => {
  it('add, elapsed and working days', () => {
    const from = Date.parse(`${w.first}T00:00:00Z`)
    fc.assert(
      fc.property(scheduleArb(w.timezone, w.allowed), calendarArb(w.first, w.days), (wt, cal) => {
        const clock = new BusinessClock(wt, cal)
        // the window starts at the zone's midnight of `first`
        const midnight = midnightOf(Date.parse(`${w.first}T12:00:00Z`), w.timezone)
        const ref = new ReferenceClock(wt, cal, midnight, w.days * 1440)
        const all: number[] = []
        for (let d = 0; d < w.days - 10; d += 3) {
          const date = new Date(from + d * DAY).toISOString().slice(0, 10)
          const day = clock.day(date)
          for (const [s, e] of day.intervals) all.push(s, e, s - 60_000, e + 60_000)
          all.push(midnight + (d * 1440 + 11 * 60 + 17) * 60_000)
        }
        // exact boundaries and their neighbours, a deterministic sample of at most 24
        const inside = all.filter((t) => t >= midnight && t < midnight + w.days * DAY)
        const instants = inside.filter((_, i) => i % Math.ceil(inside.length / 24) === 0)
        for (const t of instants) {
          for (const m of [1, 59, 600, 1999]) {
            const expected = ref.add(t, m)
            if (expected === undefined) continue
            const got = clock.add(t, { amount: m, unit: 'working_minutes' })
            expect(iso(got), `add(${iso(t)}, ${m})`).toBe(iso(expected))
            expect(clock.elapsed(t, got)).toBe(m)
          }
          for (const n of [1, 2, 5]) {
            const expected = ref.workingDays(t, n)
            if (expected === undefined) continue
            expect(iso(clock.add(t, { amount: n, unit: 'working_days' })), `working days ${iso(t)} + ${n}`).toBe(
              iso(expected),
            )
          }
          for (const u of instants.slice(0, 12))
            expect(clock.elapsed(t, u), `elapsed(${iso(t)}, ${iso(u)})`).toBe(ref.elapsed(t, u))
        }
      }),
      { numRuns: w.runs, seed: 20250101 },
    )
  })
})

it('elapsed(t, add(t, m)) === m for random instants 2024–2027 (ru calendar shape, random schedules)', () => {
  const from = Date.parse('2024-01-01T00:00:00+03:00')
  const to = Date.parse('2027-12-31T00:00:00+03:00')
  fc.assert(
    fc.property(
      scheduleArb('Europe/Moscow'),
      calendarArb('2025-01-01', 365),
      fc.array(fc.tuple(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 20_000 })), { maxLength: 50 }),
      (wt, cal, probes) => {
        const open = Object.values(wt.weekly).some((r) => r.length > 0)
        fc.pre(open)
        const clock = new BusinessClock(wt, cal)
        for (const [t, m] of probes) {
          const deadline = clock.add(t, { amount: m, unit: 'working_minutes' })
          expect(deadline).toBeGreaterThanOrEqual(t)
          expect(clock.elapsed(t, deadline)).toBe(m)
          expect(clock.elapsed(deadline, t)).toBe(-m)
        }
      },
    ),
    { numRuns: 40, seed: 7 },
  )
})

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

function midnightOf(t: number, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    hour12: false,
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(t)
  const h = Number(parts.find((p) => p.type === 'hour')?.value) % 24
  const m = Number(parts.find((p) => p.type === 'minute')?.value)
  return t - (h * 60 + m) * 60_000
}
