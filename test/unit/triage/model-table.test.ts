import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ScopeModel } from '../../../src/triage/model/scope-model.js'
import { tableBytes, WeightTable } from '../../../src/triage/model/table.js'

/** The scope model's weights as the build writes them (src/triage/model/table.ts): what the slice says, exactly. */
describe('WeightTable', () => {
  const sliceOf = (weights: Map<string, number>, bias = 0.25) => {
    const features = [...weights.keys()].sort()
    return { bias, features: features.join('\n'), weights: features.map((f) => weights.get(f) as number) }
  }

  it('gives every feature of the slice its weight and 0 to any other, to the 1e-4 the weights are kept to', () => {
    const feature = fc.string({ unit: fc.constantFrom('к', 'о', 'р', 'з', 'и', 'н', 'a', 'b', '_', ':'), minLength: 1 })
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(feature, fc.integer({ min: -200_000, max: 200_000 })), {
          selector: ([f]) => f,
          maxLength: 300,
        }),
        fc.array(feature, { maxLength: 30 }),
        (pairs, others) => {
          const weights = new Map(pairs.map(([f, w]) => [f, w / 10_000]))
          const table = new WeightTable(tableBytes(sliceOf(weights)))
          expect(table.bias).toBe(0.25)
          for (const [f, w] of weights) expect(table.weightOf(f)).toBe(w)
          for (const f of others) expect(table.weightOf(f)).toBe(weights.get(f) ?? 0)
        },
      ),
    )
  })

  it('a model read from the table gives the probabilities of the model read from the slice', () => {
    const weights = new Map([
      ['u:корзин', 1.2345],
      ['u:не', 0.5],
      ['b:не_работа', 2],
      ['u:сдела', -1.75],
    ])
    const slice = sliceOf(weights, -0.1)
    const fromTable = new ScopeModel(new WeightTable(tableBytes(slice)))
    for (const text of ['не работает корзина', 'сделайте нам дизайн', '', 'корзина'])
      expect(fromTable.probability(text)).toBe(new ScopeModel(slice).probability(text))
  })

  it('refuses bytes that are not a table: a file cut short or of another format', () => {
    const bytes = tableBytes(sliceOf(new Map([['u:a', 1]])))
    expect(() => new WeightTable(bytes.subarray(0, bytes.length - 4))).toThrow('not a scope model table')
    const other = bytes.slice()
    other[0] = 9
    expect(() => new WeightTable(other)).toThrow('not a scope model table')
    expect(() => new WeightTable(new Uint8Array(3))).toThrow('not a scope model table')
  })

  it('reads a table that does not start on a multiple of four bytes', () => {
    const bytes = tableBytes(sliceOf(new Map([['u:корзин', 0.75]])))
    const shifted = new Uint8Array(bytes.length + 1)
    shifted.set(bytes, 1)
    expect(new WeightTable(shifted.subarray(1)).weightOf('u:корзин')).toBe(0.75)
  })
})
