import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { DAY_MS, dayNumberOfYmd, daysInMonth } from '../../../src/calendar/dates.js'
import { formatInstantIn, instantMs, offsetMinutes, parseIsoInstant, utcYearOf } from '../../../src/calendar/instant.js'

const ZONES = ['Europe/Moscow', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC']

describe('formatInstantIn / parseIsoInstant agree with luxon', () => {
  it('formats any instant 1990–2100 exactly as luxon does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 631_152_000_000, max: 4_102_444_800_000 }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const t = Math.floor(ms / 1000) * 1000
          // we always write a numeric offset; luxon writes Z for the UTC zone
          expect(formatInstantIn(t, zone)).toBe(
            DateTime.fromMillis(t, { zone }).toISO({ suppressMilliseconds: true })?.replace(/Z$/, '+00:00'),
          )
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('reads wall-clock times in a zone as luxon does, DST gaps and overlaps included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 631_152_000_000, max: 4_102_444_800_000 }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          const wall = new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 16)
          const parsed = parseIsoInstant(wall, zone)
          expect(parsed.ok).toBe(true)
          const luxon = DateTime.fromISO(wall, { zone })
          // luxon takes the later offset in an overlap; we take the first occurrence (documented)
          const other = luxon.minus({ hours: 1 })
          expect(parsed.ok && [luxon.toMillis(), other.toMillis()]).toContain(parsed.ok ? parsed.ms : Number.NaN)
        },
      ),
      { numRuns: 3000 },
    )
  })

  it.each([
    ['2026-11-20T15:00:00+03:00', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20T12:00Z', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20T15:00+0300', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20T17:30+05:30', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20 15:00', '2026-11-20T12:00:00.000Z'],
    ['2026-11-20', '2026-11-19T21:00:00.000Z'],
    ['2026-11-20T15:00:00.250+03:00', '2026-11-20T12:00:00.250Z'],
  ])('%s → %s (Moscow when no offset)', (text, iso) => {
    const p = parseIsoInstant(text, 'Europe/Moscow')
    expect(p.ok && new Date(p.ms).toISOString()).toBe(iso)
  })

  it.each([
    ['2026-02-30', 'date'],
    ['2025-02-29T10:00Z', 'date'],
    ['2026-11-20T25:00', 'time'],
    ['2026-11-20T12:60', 'time'],
    ['2026-11-20T12:00+25:00', 'offset'],
    ['yesterday', 'format'],
    ['', 'format'],
    ['1700000000', 'format'],
    ['25:00', 'format'],
  ])('rejects %j (%s)', (text, problem) => {
    expect(parseIsoInstant(text, 'Europe/Moscow')).toEqual({ ok: false, problem })
  })
})

/**
 * parseIsoInstant as it read every text before its shortcut for "YYYY-MM-DDTHH:MM:SS[.mmm](Z|±HH:MM)": the
 * reference for texts with an offset (one without is read as before, by the same code).
 */
const ISO_BEFORE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i
function parsedBefore(text: string, zone: string) {
  const m = ISO_BEFORE.exec(text)
  if (!m) return { ok: false, problem: 'format' }
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', off] = m
  const [year, month, day] = [Number(y), Number(mo), Number(d)]
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate())
    return { ok: false, problem: 'date' }
  const [hour, minute, second] = [Number(h), Number(mi), Number(s)]
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, problem: 'time' }
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second, Number(frac.padEnd(3, '0')))
  if (off === undefined) return parseIsoInstant(text, zone)
  let offset = 0
  if (off.toUpperCase() !== 'Z') {
    const digits = off.slice(1).replace(':', '')
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')]
    if (oh > 23 || om > 59) return { ok: false, problem: 'offset' }
    offset = (off[0] === '-' ? -1 : 1) * (oh * 60 + om)
  }
  return { ok: true, ms: wallMs - offset * 60_000, hasOffset: true, hasTime: m[4] !== undefined }
}

describe('parseIsoInstant reads the shape helpdesks export as it read every text', () => {
  const two = fc.oneof(
    fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
    fc.constantFrom('00', '01', '12', '13', '23', '24', '28', '29', '30', '31', '59', '60'),
  )
  const year = fc.oneof(
    fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
    fc.constantFrom('0000', '0004', '0099', '0100', '1900', '2000', '2024', '2100'),
  )
  const near = fc
    .tuple(year, two, two, fc.constantFrom('T', 't', ' '), two, two, two)
    .chain(([y, mo, d, t, h, mi, s]) =>
      fc
        .tuple(
          fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{0,5}$/)),
          fc.oneof(
            fc.constantFrom('Z', 'z', '', '+0300', '+03', '+24:00', '-00:00'),
            fc.tuple(fc.constantFrom('+', '-'), two, two).map(([g, oh, om]) => `${g}${oh}:${om}`),
          ),
          fc.boolean(),
        )
        .map(([f, z, seconds]) => `${y}-${mo}-${d}${t}${h}:${mi}${seconds ? `:${s}${f}` : ''}${z}`),
    )
  const mutated = fc
    .tuple(near, fc.nat(), fc.constantFrom(...'09:-+.TZ x'))
    .map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice((at % (s.length + 1)) + 1))

  it('agrees with the pattern on texts near the shape', () => {
    fc.assert(
      fc.property(fc.oneof(near, mutated), fc.constantFrom(...ZONES), (text, zone) => {
        expect(parseIsoInstant(text, zone)).toEqual(parsedBefore(text, zone))
      }),
      { numRuns: 5000 },
    )
  })

  it('agrees on every day of every month, leap years and the years Date.UTC reads as 19xx included', () => {
    for (const y of ['0000', '0004', '0099', '0100', '1900', '2000', '2024', '2026'])
      for (let mo = 0; mo <= 13; mo++)
        for (let d = 0; d <= 32; d++) {
          const text = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T12:00:00.5+03:00`
          expect(parseIsoInstant(text, 'UTC'), text).toEqual(parsedBefore(text, 'UTC'))
        }
  })
})

describe('daysInMonth', () => {
  it('counts the days of every month of the years 0–3000 as Date does', () => {
    for (let y = 0; y <= 3000; y++)
      for (let m = 1; m <= 12; m++) expect(daysInMonth(y, m)).toBe(new Date(Date.UTC(y, m, 0)).getUTCDate())
  })
})

/** formatInstantIn as it was written before it joined its pieces (the reference: the same text for every instant). */
function formattedBefore(ms: number, zone: string): string {
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n))
  const offset = offsetMinutes(zone, ms)
  const abs = Math.abs(offset)
  const offsetText = `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  const wall = ms + offset * 60_000
  const day = Math.floor(wall / 86_400_000)
  const date = new Date(day * 86_400_000).toISOString().slice(0, 11)
  if (date.length !== 11) {
    const iso = new Date(wall).toISOString()
    return `${iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)}${offsetText}`
  }
  let rest = wall - day * 86_400_000
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const sec = Math.floor(rest / 1000)
  const milli = rest - sec * 1000
  return `${date}${pad(h)}:${pad(m)}:${pad(sec)}${milli ? `.${String(milli).padStart(3, '0')}` : ''}${offsetText}`
}

describe('formatInstantIn writes what it wrote before', () => {
  it('for any instant of the years 0–9999 with milliseconds, in zones with and without offset tables', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
          fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
        ),
        fc.constantFrom(...ZONES, 'Asia/Kathmandu', 'Pacific/Chatham'),
        (ms, zone) => {
          expect(formatInstantIn(ms, zone)).toBe(formattedBefore(ms, zone))
        },
      ),
      // a year of a zone without an offset table costs a year of luxon offsets the first time
      { numRuns: 2000 },
    )
  })

  it('for instants at the turn of a year, in one order and the other', () => {
    const turns = [1, 99, 100, 1969, 1970, 2025, 2026, 9999].map((y) => new Date(0).setUTCFullYear(y, 0, 1))
    const near = turns.flatMap((t) => [t - 86_400_000, t - 1, t, t + 1, t + 3_600_000])
    for (const ms of [...near, ...near.reverse()])
      for (const zone of ['Europe/Moscow', 'America/New_York', 'UTC'])
        expect(formatInstantIn(ms, zone)).toBe(formattedBefore(ms, zone))
  })
})

describe('offsetMinutes', () => {
  it('gives the offset of the year of each instant, asked in any order around the turns of the years', () => {
    const zones = ['Europe/Moscow', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu']
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1971, max: 2099 }), fc.integer({ min: -7_200_000, max: 7_200_000 })), {
          minLength: 1,
          maxLength: 20,
        }),
        fc.constantFrom(...zones),
        (instants, zone) => {
          for (const [year, delta] of instants) {
            const ms = Date.UTC(year, 0, 1) + delta
            expect(offsetMinutes(zone, ms)).toBe(DateTime.fromMillis(ms, { zone }).offset)
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('utcYearOf', () => {
  it('is the UTC year Date gives, for any instant a Date holds and beyond', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
          fc.integer({ min: -62_200_000_000_000, max: 253_500_000_000_000 }),
          fc.double({ min: -9e15, max: 9e15 }),
          fc.constantFrom(Number.NaN, 8.64e15, -8.64e15, 8.64e15 + 1, 0, -1, 951_782_400_000 - 1, 951_782_400_000),
        ),
        (ms) => {
          expect(utcYearOf(ms)).toBe(new Date(ms).getUTCFullYear())
        },
      ),
      { numRuns: 5000 },
    )
  })

  it('at every turn of a year from -1000 to 3000', () => {
    for (let y = -1000; y <= 3000; y++) {
      const start = new Date(0).setUTCFullYear(y, 0, 1)
      for (const ms of [start - 1, start, start + 0.5]) expect(utcYearOf(ms)).toBe(new Date(ms).getUTCFullYear())
    }
  })
})

describe('instantMs', () => {
  it('is Date.parse, for the shapes the store writes and texts near them', () => {
    const two = fc.oneof(
      fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
      fc.constantFrom('00', '12', '13', '23', '24', '29', '30', '31', '59', '60'),
    )
    const year = fc.oneof(
      fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
      fc.constantFrom('0000', '0099', '0100', '2024', '2026'),
    )
    const text = fc
      .tuple(year, two, two, two, two, two, fc.constantFrom('', '.1', '.12', '.123', '.1234', '.x12', 'Z'))
      .chain(([y, mo, d, h, mi, s, f]) =>
        fc
          .tuple(fc.constantFrom('+', '-', 'Z', ' '), two, fc.constantFrom(':', ''), two)
          .map(([g, oh, c, om]) => `${y}-${mo}-${d}T${h}:${mi}:${s}${f}${g === 'Z' ? 'Z' : `${g}${oh}${c}${om}`}`),
      )
    const mutated = fc
      .tuple(text, fc.nat(), fc.constantFrom(...'09:-+.TZ x'))
      .map(([s, at, c]) => s.slice(0, at % (s.length + 1)) + c + s.slice((at % (s.length + 1)) + 1))
    fc.assert(
      fc.property(fc.oneof(text, mutated), (s) => {
        expect(Object.is(instantMs(s), Date.parse(s)), s).toBe(true)
      }),
      { numRuns: 5000 },
    )
  })

  it('reads back what formatInstantIn writes, with milliseconds or without', () => {
    fc.assert(
      fc.property(
        // from 1970: older offsets of some zones are not whole minutes, which ISO cannot write
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.constantFrom(...ZONES),
        (ms, zone) => {
          expect(instantMs(formatInstantIn(ms, zone))).toBe(ms)
        },
      ),
      { numRuns: 5000 },
    )
  })
})

describe('dayNumberOfYmd', () => {
  it('counts the days Date.UTC counts, days past the end of a month and before its start rolled over as Date.UTC rolls them', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -40, max: 70 }),
        (year, month, day) => {
          expect(dayNumberOfYmd(year, month, day)).toBe(Date.UTC(year, month - 1, day) / DAY_MS)
        },
      ),
      { numRuns: 5000 },
    )
    // the ends of eras and leap days, where the formula's divisions turn
    for (const [y, m, d] of [
      [100, 1, 1],
      [1600, 2, 29],
      [1700, 3, 1],
      [1969, 12, 31],
      [1970, 1, 1],
      [2000, 2, 29],
      [2100, 2, 28],
      [9999, 12, 31],
    ] as const)
      expect(dayNumberOfYmd(y, m, d)).toBe(Date.UTC(y, m - 1, d) / DAY_MS)
  })
})
