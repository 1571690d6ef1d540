import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isIsoInstant } from '../../../src/ticket/validate.js'

/** isIsoInstant as it was written before it read the shape by character codes: the reference it must agree with. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/
const reference = (v: unknown) => typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v))

/** Two digits, mostly in range, sometimes beyond it (24, 60, 99, 00 where 1 is the least). */
const twoDigits = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
  fc.constantFrom('00', '01', '12', '13', '23', '24', '28', '29', '30', '31', '32', '59', '60', '99'),
)
const year = fc.oneof(
  fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
  fc.constantFrom('0000', '0099', '0100', '1900', '2000', '2024', '2025', '2100', '9999'),
)
const fraction = fc.oneof(fc.constant(''), fc.stringMatching(/^\.\d{0,11}$/))
const zone = fc.oneof(
  fc.constantFrom('Z', 'z', '', '+03:00', '-00:00', '+0300', '+03', '+24:00', '+23:59', '-12:60'),
  fc.tuple(fc.constantFrom('+', '-'), twoDigits, twoDigits).map(([s, h, m]) => `${s}${h}:${m}`),
)

/** Instants in the store's shape and near it: every field drawn around its limits, the optional parts on and off. */
const nearIso = fc
  .tuple(year, twoDigits, twoDigits, fc.constantFrom('T', 't', ' '), twoDigits, twoDigits, fc.boolean(), twoDigits)
  .chain(([y, mo, d, t, h, mi, withSeconds, s]) =>
    fc.tuple(fraction, zone).map(([f, z]) => `${y}-${mo}-${d}${t}${h}:${mi}${withSeconds ? `:${s}${f}` : ''}${z}`),
  )

/** A string in the shape with one character replaced, dropped or added: the edges of the shape. */
const mutated = fc
  .tuple(nearIso, fc.nat(), fc.constantFrom('replace', 'drop', 'add'), fc.constantFrom(...'0159:-+.TZ x٣\n'))
  .map(([s, at, how, c]) => {
    const i = at % (s.length + 1)
    if (how === 'drop') return s.slice(0, i) + s.slice(i + 1)
    if (how === 'add') return s.slice(0, i) + c + s.slice(i)
    return s.slice(0, i) + c + s.slice(i + 1)
  })

describe('isIsoInstant', () => {
  it('agrees with the regular expression and Date.parse on instants near the shape', () => {
    fc.assert(
      fc.property(fc.oneof(nearIso, mutated), (s) => {
        expect(isIsoInstant(s)).toBe(reference(s))
      }),
      { numRuns: 100_000 },
    )
  })

  it('agrees on any text and on values that are not text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (v) => {
        expect(isIsoInstant(v)).toBe(reference(v))
      }),
      { numRuns: 20_000 },
    )
  })

  it('agrees on every day of every month of leap and common years, at the limits of the day and the offset', () => {
    for (const y of ['0000', '1900', '2000', '2024', '2026', '2100', '9999'])
      for (let mo = 0; mo <= 13; mo++)
        for (let d = 0; d <= 32; d++)
          for (const time of ['00:00', '23:59:59', '24:00:00', '24:00', '23:59:60.5'])
            for (const z of ['Z', '+23:59', '-24:00']) {
              const s = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}T${time}${z}`
              expect(isIsoInstant(s), s).toBe(reference(s))
            }
  })

  it.each([
    ['2026-11-20T15:00:00+03:00', true],
    ['2026-11-20T15:00:00.123+03:00', true],
    ['2026-11-20T15:00:00.123456789Z', true],
    ['2026-11-20T15:00Z', true],
    ['2026-02-30T00:00:00Z', true],
    ['2026-11-20T24:00:00Z', true],
    ['2026-11-20T15:00:00.1234567890Z', false],
    ['2026-11-20T15:00:00', false],
    ['2026-11-20 15:00:00Z', false],
    ['2026-11-20T15:00:00+0300', false],
    ['2026-13-20T15:00:00Z', false],
    ['2026-11-20T15:00:00Z\n', false],
  ])('%s → %s', (s, ok) => {
    expect(isIsoInstant(s)).toBe(ok)
    expect(reference(s)).toBe(ok)
  })
})
