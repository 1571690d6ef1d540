import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { caseProblems, evaluateTriage, type TriageCase } from '../../../src/triage/evaluate.js'

const registry = RegulationRegistry.withBuiltins()
const load = (name: string): TriageCase[] =>
  parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')).cases

describe('triage evaluation', () => {
  // Issue 4 targets: scope ≥ 95 %, confidently wrong ≤ 2 %, eligibility 100 %. Each set was written from the sources
  // without looking at the match data or the other sets; its figure before any tuning on it is the honest measure
  // of requests regdesk has not seen. Floors are the figures measured now, rounded down (the README lists them):
  // - triage-cases.yaml (228), the project's own set: 96.1 %, 0 %, 100 %.
  // - triage-holdout.yaml (80): 96.3 % when first measured; 95.0 % now (its misses are requests its writer judged
  //   unclear that now get a verdict, none in↔out).
  // - fresh (81): 86.4 % and 4.9 % in↔out before tuning; fresh2 (66): 92.4 %, 1.5 %; fresh3 (88): 92.0 %, 1.1 %;
  //   fresh5 (80, harder styles: translit, refunds, own history): 80.0 %, 5.0 %, 80 % eligibility; fresh7 (120, item
  //   by item with near misses): 87.5 %, 5.8 %, 91.7 % eligibility. All tuned on since.
  // - fresh4 (90), fresh6 (80), fresh8 (80) were validation sets through the fresh7 round: 95.6 %/2.2 %, 95.0 %/2.5 %,
  //   95.0 %/3.8 % (250 requests: 95.2 %, 2.8 %), then tuned on in the last round.
  // - fresh9 (100) and fresh10 (100) were validation sets through the last-but-one round: 93.0 %/1.0 % and
  //   93.0 %/3.0 % (200 requests: 93.0 %, 2.0 %), eligibility 100 % of 25; then tuned on.
  // - fresh11 (100) and fresh12 (100) are the validation sets now, never tuned on: 99.0 %/0 % and 90.0 %/5.0 % with
  //   eligibility 9 of 10 (200 requests: 94.5 %, 2.5 %). The one eligibility miss was read: a licence bought told as
  //   background in a form the rule did not know («Лицензия Pro, покупали осенью»); with that fixed, fresh12 is
  //   91.0 %/4.0 %, eligibility 10 of 10. No other miss of the two was read.
  // - Issue 15 corrected readings, and 21 expectations with them (each case's `why` says so): imagecms unlicensed users
  //   go to consultations (8 cases: level consultation, was null); advantshop modified code delays instead of refusing
  //   (12 cases: the topic decides, with resolution_may_be_delayed, was out/code_modified); advantshop site development
  //   gets the consulting level (1 case). The classifier was not tuned on them: with modified code no longer masking
  //   the topic, 6 of the 12 are misses (4 unclear; advantshop-058 and f9-advantshop-20 out, taken for the
  //   out-of-scope topic of updating after modifications), and f5-advantshop-04 turned unclear because site
  //   development, now at another level, is a close runner-up. Floors re-measured: cases 95.6 %/0.4 %, fresh5 93.8 %,
  //   fresh6 95.0 %, fresh7 91.7 %, fresh8 96.3 %, fresh9 93.0 %/1.0 %, fresh11 98.0 %.
  it.each([
    ['triage-cases.yaml', 228, 0.95, 0.005],
    ['triage-holdout.yaml', 80, 0.95, 0.0],
    ['triage-fresh.yaml', 81, 0.97, 0.0],
    ['triage-fresh2.yaml', 66, 1, 0.0],
    ['triage-fresh3.yaml', 88, 0.97, 0.0],
    ['triage-fresh4.yaml', 90, 0.97, 0.0],
    ['triage-fresh5.yaml', 80, 0.93, 0.0],
    ['triage-fresh6.yaml', 80, 0.95, 0.0],
    ['triage-fresh7.yaml', 120, 0.91, 0.0084],
    ['triage-fresh8.yaml', 80, 0.96, 0.0],
    ['triage-fresh9.yaml', 100, 0.93, 0.01],
    ['triage-fresh10.yaml', 100, 0.95, 0.01],
    ['triage-fresh11.yaml', 100, 0.98, 0.0],
    ['triage-fresh12.yaml', 100, 0.91, 0.04],
  ])('%s (%i cases) keeps its floors', (file, cases, scope, confidentlyWrong) => {
    const r = evaluateTriage(load(file), (id) => registry.get(id))
    expect(r.cases).toBe(cases)
    expect(r.scopeAccuracy).toBeGreaterThanOrEqual(scope)
    expect(r.confidentlyWrong).toBeLessThanOrEqual(confidentlyWrong)
    expect(r.eligibilityAccuracy).toBe(1)
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
