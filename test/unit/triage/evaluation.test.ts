import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { caseProblems, evaluateTriage, type TriageCase } from '../../../src/triage/evaluate.js'
import { scopeModelFor } from '../../../src/triage/model/load.js'
import { ScopeModel } from '../../../src/triage/model/scope-model.js'
import { caseTexts, matchTexts, sliceOf, trainScopeModel } from '../../../src/triage/model/training.js'

const registry = RegulationRegistry.withBuiltins(PARSERS)
const load = (name: string): TriageCase[] =>
  parse(readFileSync(new URL(`../../fixtures/triage-${name}.yaml`, import.meta.url), 'utf8')).cases
const SETS = [
  'cases',
  'holdout',
  'fresh',
  'fresh2',
  'fresh3',
  'fresh4',
  'fresh5',
  'fresh6',
  'fresh7',
  'fresh8',
  'fresh9',
  'fresh10',
  'fresh11',
  'fresh12',
  'fresh13',
  'fresh14',
]
const shipped = (c: TriageCase, reg: ReturnType<typeof registry.get>) => scopeModelFor(reg).probability(c.text)

describe('triage evaluation', () => {
  // The honest figures are in the README ("Triage evaluation"): leave-one-set-out cross-validation
  // (`npm run eval:triage -- --cv`, nested threshold) and each new set's first measurement. These tests keep what a
  // test run can afford: the shipped pipeline on every set, and one held-out measure.

  it.each(SETS)('%s: every eligibility case and every warning but one is right with the shipped model', (name) => {
    const r = evaluateTriage(load(name), (id) => registry.get(id), shipped)
    expect(r.eligibilityAccuracy).toBe(1)
    // umi-027's second matter («а ещё RSS-лента показывает новости 2022 года») reports no failure in words triage reads
    const missed = r.outcomes.flatMap((o) => o.missingWarnings.map((w) => `${o.case.id}:${w}`))
    expect(missed).toEqual(name === 'cases' ? ['umi-027:multiple_problems'] : [])
    // the model was trained on these requests: a floor against regressions, not a measure of unseen requests. A set
    // of 80 moves by a case (1.25 points) as the training data grows: holdout was 77 of 80 with 36 sets, 76 with 39
    // (h-mst-16, labelled unclear, now answered out)
    expect(r.scopeAccuracy).toBeGreaterThanOrEqual(0.95)
  })

  it('holds on requests it was not trained on: fresh13 and fresh14 left out of training', () => {
    const held = ['fresh13', 'fresh14']
    const model = trainScopeModel([
      ...registry.all().flatMap(matchTexts),
      ...SETS.filter((s) => !held.includes(s)).flatMap((s) => caseTexts(load(s))),
    ])
    const slices = new Map<string, ScopeModel>()
    const r = evaluateTriage(
      held.flatMap(load),
      (id) => registry.get(id),
      (c, reg) => {
        if (!slices.has(reg.id)) slices.set(reg.id, new ScopeModel(sliceOf(model, reg.id)))
        return (slices.get(reg.id) as ScopeModel).probability(c.text)
      },
    )
    // measured when written: 94.8 % scope, 2.6 % in↔out, 3.9 % unclear, level 95.7 %, eligibility and warnings 100 %
    expect(r.cases).toBe(230)
    expect(r.scopeAccuracy).toBeGreaterThanOrEqual(0.94)
    expect(r.confidentlyWrong).toBeLessThanOrEqual(0.03)
    expect(r.levelAccuracy).toBeGreaterThanOrEqual(0.95)
    expect(r.eligibilityAccuracy).toBe(1)
    expect(r.warningRecall).toBe(1)
  })

  it('a set whose facts triage would not read is refused, naming the case and the fact', () => {
    const cases = [
      {
        id: 'x-1',
        regulation: 'imagecms',
        text: 'не работает корзина',
        facts: { license_date: '2026-01-01' },
        expect: { scope: 'out', level: null, clause: 'Остановка', reason: 'support_period_expired' },
      },
      { id: 'x-2', regulation: 'umi', text: 'сколько стоит', expect: { scope: 'unclear' } },
      { id: 'x-3', regulation: 'umi', text: 'сколько стоит', expect: { scope: 'in', level: 'support' } },
    ] as unknown as TriageCase[]
    expect(caseProblems(cases)).toEqual([
      'case x-1: unknown fact "license_date" (facts: channel, tier, product, outdated, modified, licenseDate, receivedAt)',
      'case x-3: an in or out case names its clause and reason',
    ])
    expect(() => evaluateTriage(cases, (id) => registry.get(id))).toThrow(/license_date/)
  })
})
