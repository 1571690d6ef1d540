import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { sameTicket } from '../../../src/helpdesk/ticket.js'
import type { Ticket } from '../../../src/ticket/ticket.js'

/** sameTicket as it was written before it compared without texts: the canonical texts of both (the reference). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}
const sameBefore = (a: unknown, b: unknown) => canonical(a) === canonical(b)

/** A value and another made from it: a copy with keys in another order, or with one thing changed or left out. */
function variant(v: unknown, edits: number[]): unknown {
  const pick = edits[0] ?? 0
  const rest = edits.slice(1)
  if (Array.isArray(v)) {
    const out = v.map((x, i) => (i === pick % Math.max(v.length, 1) ? variant(x, rest) : x))
    if (pick % 7 === 1) out.push(undefined)
    if (pick % 7 === 2) out.pop()
    return out
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v).reverse()
    const out: Record<string, unknown> = {}
    for (const [i, k] of keys.entries()) {
      const x = (v as Record<string, unknown>)[k]
      if (i === pick % Math.max(keys.length, 1) && pick % 5 === 3) continue
      out[k] = i === pick % Math.max(keys.length, 1) ? variant(x, rest) : x
    }
    if (pick % 5 === 4) out.extra = pick % 2 ? undefined : null
    return out
  }
  const swaps: unknown[] = [v, null, 0, -0, '', '0', false, undefined, Number.NaN, Number.POSITIVE_INFINITY, () => 1]
  return swaps[pick % swaps.length]
}

describe('sameTicket', () => {
  it('says what comparing the canonical texts said, for any two values', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        expect(sameTicket(a as Ticket, b as Ticket)).toBe(sameBefore(a, b))
      }),
      { numRuns: 3000 },
    )
  })

  it('says it of a value and its variants: keys reordered, a part changed, left out or undefined', () => {
    const json = fc.oneof(fc.jsonValue(), fc.anything({ withNullPrototype: false }))
    fc.assert(
      fc.property(json, fc.array(fc.nat(), { maxLength: 6 }), (v, edits) => {
        const w = variant(v, edits)
        expect(sameTicket(v as Ticket, w as Ticket)).toBe(sameBefore(v, w))
        expect(sameTicket(w as Ticket, v as Ticket)).toBe(sameBefore(w, v))
      }),
      { numRuns: 3000 },
    )
  })

  it.each([
    [[undefined], []],
    [[() => 1], [undefined]],
    [{ a: Number.NaN }, { a: null }],
    [{ a: 0 }, { a: -0 }],
    [{ a: undefined, b: 1 }, { b: 1 }],
    [{ a: () => 1 }, { a: Symbol('s') }],
    [
      [1, [2, { x: undefined }]],
      [1, [2, {}]],
    ],
    [{ constructor: 1 }, {}],
  ])('%j and %j', (a, b) => {
    expect(sameTicket(a as unknown as Ticket, b as unknown as Ticket)).toBe(sameBefore(a, b))
  })
})
