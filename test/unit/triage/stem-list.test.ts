import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { withinOneEdit } from '../../../src/triage/score.js'
import { StemList } from '../../../src/triage/stem-list.js'

// src/triage/stem-list.ts: a look-up reads one letter's group and three keys instead of the whole list, so it must never
// miss a stem that begins the given one, that the given one begins, or that is one edit from it
const related = (s: string, v: string) => v.startsWith(s) || s.startsWith(v) || withinOneEdit(s, v)
// a small alphabet, so that stems often share beginnings and differ by one letter, at the first one too
const stem = fc.string({ unit: fc.constantFrom('к', 'о', 'р', 'з', 'и', 'н', 'a', 'b'), minLength: 1, maxLength: 8 })

describe('StemList', () => {
  it('gives every related stem of the list among its candidates', () => {
    fc.assert(
      fc.property(fc.array(stem, { maxLength: 60 }), stem, (stems, s) => {
        const candidates = new Set(new StemList(stems).candidates(s))
        for (const v of stems) if (related(s, v)) expect(candidates, `${v} for ${s}`).toContain(v)
      }),
      { numRuns: 2000 },
    )
  })

  it('finds a stem changed, extended or shortened at its first letter', () => {
    const list = new StemList(['корзина', 'оплата', 'заказы'])
    expect(list.candidates('горзина')).toContain('корзина')
    expect(list.candidates('коплата')).toContain('оплата')
    expect(list.candidates('аказы')).toContain('заказы')
    expect(list.candidates('корз')).toEqual(['корзина'])
  })
})
