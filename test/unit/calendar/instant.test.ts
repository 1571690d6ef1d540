import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
import { daysInMonth } from '../../../src/calendar/dates.js'
import { formatInstantIn, parseIsoInstant } from '../../../src/calendar/instant.js'

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
      { numRuns: 50_000 },
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
