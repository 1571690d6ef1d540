import fc from 'fast-check'
import { DateTime } from 'luxon'
import { describe, expect, it } from 'vitest'
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
