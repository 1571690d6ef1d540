import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { evaluateTriage, type TriageCase } from '../../../src/triage/evaluate.js'

const registry = RegulationRegistry.withBuiltins()
const load = (name: string): TriageCase[] =>
  parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')).cases

describe('triage evaluation', () => {
  // Issue 4 targets: scope ≥ 95 %, confidently wrong ≤ 2 %, eligibility 100 %. Measured: 95.6 %, 0 %, 100 %.
  it('main set (triage-cases.yaml) keeps its floors', () => {
    const r = evaluateTriage(load('triage-cases.yaml'), (id) => registry.get(id))
    expect(r.cases).toBeGreaterThanOrEqual(228)
    expect(r.scopeAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(r.confidentlyWrong).toBeLessThanOrEqual(0.01)
    expect(r.eligibilityAccuracy).toBe(1)
  })

  // Requests never tuned on when written: floors a little below what was measured (96.3 %, 0 %, 100 %; 98.8 % after
  // the fresh-set round, whose general changes also fixed two of its misses).
  it('held-out set (triage-holdout.yaml) keeps its floors', () => {
    const r = evaluateTriage(load('triage-holdout.yaml'), (id) => registry.get(id))
    expect(r.cases).toBe(80)
    expect(r.scopeAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(r.confidentlyWrong).toBeLessThanOrEqual(0.02)
    expect(r.eligibilityAccuracy).toBe(1)
  })

  // Written after the two sets above had been tuned on and measured before any further tuning: 86.4 % scope,
  // 4.9 % confidently wrong (4 of 81), 100 % eligibility. After the general changes of that round: 97.5 %, 0 %, 100 %.
  // The floor keeps a small margin; the set has since been tuned on too, so a new fresh set is the honest measure.
  it('fresh set (triage-fresh.yaml) keeps its floors', () => {
    const r = evaluateTriage(load('triage-fresh.yaml'), (id) => registry.get(id))
    expect(r.cases).toBe(81)
    expect(r.scopeAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(r.confidentlyWrong).toBeLessThanOrEqual(0.02)
    expect(r.eligibilityAccuracy).toBe(1)
  })
})
