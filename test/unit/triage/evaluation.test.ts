import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { caseProblems, evaluateTriage, type TriageCase } from '../../../src/triage/evaluate.js'

const registry = RegulationRegistry.withBuiltins()
const load = (name: string): TriageCase[] =>
  parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')).cases

describe('triage evaluation', () => {
  // Issue 4 targets: scope ≥ 95 %, confidently wrong ≤ 2 %, eligibility 100 %. Floors a little below what was measured:
  // - triage-cases.yaml, tuned on: 96.1 %, 0 %, 100 %;
  // - triage-holdout.yaml, never tuned on when written: 96.3 %, 0 %, 100 %; 98.8 % after the fresh-set round, whose
  //   general changes also fixed two of its misses; 96.3 % after the fresh3 round: its three misses are requests its
  //   writer judged unclear that now get a verdict (none in↔out);
  // - triage-fresh.yaml, written after the two sets above had been tuned on and measured before any further tuning:
  //   86.4 % scope, 4.9 % confidently wrong (4 of 81), 100 % eligibility; after the general changes of that round:
  //   97.5 %, 0 %, 100 %. It has since been tuned on too, so a new fresh set is the honest measure.
  // - triage-fresh2.yaml, written from the sources in other styles (forwarded e-mails, logs, English, prices) without
  //   looking at the match data or the other sets, measured before any tuning: 92.4 % scope, 1.5 % confidently wrong
  //   (1 of 66), 100 % eligibility; after the general changes of its round: 100 %, 0 %, 100 %. Tuned on since.
  // - triage-fresh3.yaml, the same way (own actions, one-liners, English, prices): 92.0 %, 1.1 %, 100 % before any
  //   tuning; 97.7 %, 0 %, 100 % after the round's general changes (fallback topic for unnamed failures, matters
  //   numbered in words, product names not topic words, umi section 4). Tuned on since.
  // - triage-fresh5.yaml, stressing harder styles (transliteration, own actions and history, refunds, English,
  //   replies in a thread): 80.0 %, 5.0 %, 80 % eligibility before any tuning; 93.8 %, 0 %, 100 % after the round's
  //   general changes (a purchase told as background, refunds unclear, product names, translit). Tuned on since.
  // - triage-fresh4.yaml, written by customer personas and kept aside as validation (never tuned on): 94.4 %, 3.3 %,
  //   100 % before the fresh3 round; 95.6 %, 2.2 % (2 of 90), 100 % after it and after the fresh5 round. Its in↔out
  //   floor is that measurement.
  // - triage-fresh7.yaml, 120 requests item by item through each source's lists with near misses: 87.5 %, 5.8 %,
  //   91.7 % eligibility before any tuning (the product named in the text was not read); 94.2 %, 0 %, 100 % after.
  // Validation sets, never tuned on (their misses were not read; floors at the figure measured):
  // - triage-fresh6.yaml, an ordinary week's inbox: 93.8 %, 2.5 % (2 of 80), 100 % after the fresh5 round; 95.0 %,
  //   2.5 % after the fresh7 round.
  // - triage-fresh8.yaml, ordinary customers, measured after the fresh5 round: 95.0 %, 3.8 % (3 of 80), 100 %;
  //   unchanged after the fresh7 round.
  it.each([
    ['triage-cases.yaml', 228, 0.95, 0.01],
    ['triage-holdout.yaml', 80, 0.95, 0.02],
    ['triage-fresh.yaml', 81, 0.95, 0.02],
    ['triage-fresh2.yaml', 66, 0.97, 0.02],
    ['triage-fresh3.yaml', 88, 0.96, 0.02],
    ['triage-fresh5.yaml', 80, 0.93, 0.02],
    ['triage-fresh4.yaml', 90, 0.94, 0.023],
    ['triage-fresh7.yaml', 120, 0.92, 0.01],
    ['triage-fresh6.yaml', 80, 0.95, 0.025],
    ['triage-fresh8.yaml', 80, 0.95, 0.038],
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
