import type { Regulation } from '../regulation/load.js'
import { type Channel, REASON_CODES } from '../regulation/vocabulary.js'
import { triageRequest } from './classify.js'
import { resolveProduct } from './product.js'
import type { RequestFacts, Scope, Verdict } from './types.js'

/** One case of the triage evaluation set (test/fixtures/triage-cases.yaml). */
export interface TriageCase {
  id: string
  regulation: string
  text: string
  facts?: {
    channel?: string
    tier?: string
    product?: string
    outdated?: boolean
    modified?: boolean
    licenseDate?: string
    receivedAt?: string
  }
  expect: {
    scope: Scope
    /** null (or left out, for an unclear case): no level, no clause, no reason */
    level?: string | null
    clause?: string | null
    reason?: string | null
    warnings?: string[]
    missing?: string[]
  }
  why?: string
}

export interface CaseOutcome {
  case: TriageCase
  verdict: Verdict
  scopeRight: boolean
  levelRight: boolean
  clauseRight: boolean
  reasonRight: boolean
  /** expected in and got out, or the reverse */
  confidentlyWrong: boolean
  missingWarnings: string[]
  missingMissing: string[]
}

export interface EvaluationReport {
  cases: number
  scopeAccuracy: number
  levelAccuracy: number
  clauseAccuracy: number
  confidentlyWrong: number
  /** channel and eligibility cases: their scope and reason must both be right */
  eligibilityCases: number
  eligibilityAccuracy: number
  warningRecall: number
  missingRecall: number
  /** expected scope → got scope → count */
  confusion: Record<Scope, Record<Scope, number>>
  outcomes: CaseOutcome[]
}

// every reason code but the two topic ones: the channel and eligibility cases
const ELIGIBILITY: ReadonlySet<string> = new Set(REASON_CODES.filter((c) => !c.startsWith('topic_')))
const DEFAULT_RECEIVED = Date.parse('2026-11-20T12:00:00+03:00')

const FACT_KEYS: ReadonlySet<string> = new Set([
  'channel',
  'tier',
  'product',
  'outdated',
  'modified',
  'licenseDate',
  'receivedAt',
])
const EXPECT_KEYS: ReadonlySet<string> = new Set(['scope', 'level', 'clause', 'reason', 'warnings', 'missing'])

/**
 * The problems of a set's cases that would make it measure something else than it says: a fact under a name triage
 * does not read ("received_at") would be left out silently. Clause and reason may be left out of an unclear case.
 */
export function caseProblems(cases: readonly TriageCase[]): string[] {
  const problems: string[] = []
  for (const c of cases) {
    const at = `case ${c.id ?? '(no id)'}`
    if (typeof c.text !== 'string' || typeof c.regulation !== 'string')
      problems.push(`${at}: needs text and regulation`)
    for (const key of Object.keys(c.facts ?? {}))
      if (!FACT_KEYS.has(key)) problems.push(`${at}: unknown fact "${key}" (facts: ${[...FACT_KEYS].join(', ')})`)
    if (!c.expect || !['in', 'out', 'unclear'].includes(c.expect.scope))
      problems.push(`${at}: expect.scope must be in, out or unclear`)
    for (const key of Object.keys(c.expect ?? {}))
      if (!EXPECT_KEYS.has(key)) problems.push(`${at}: unknown expectation "${key}"`)
    if (c.expect?.scope !== 'unclear' && (c.expect?.clause == null || c.expect?.reason == null))
      problems.push(`${at}: an in or out case names its clause and reason`)
  }
  return problems
}

/** Runs every case through triage and scores it: pure, so the unit test and `npm run eval:triage` share it. */
export function evaluateTriage(
  cases: readonly TriageCase[],
  regulation: (id: string) => Regulation,
  /** the scope model's P(in) for a case; none: the rules decide alone */
  probability?: (c: TriageCase, reg: Regulation) => number | null,
  sureAt?: number,
): EvaluationReport {
  const problems = caseProblems(cases)
  if (problems.length) throw new Error(`the evaluation set is not valid:\n${problems.join('\n')}`)
  const outcomes = cases.map((c) => {
    const reg = regulation(c.regulation)
    const verdict = triageRequest(reg, c.text, factsOf(reg, c), {
      scopeProbability: probability?.(c, reg) ?? null,
      ...(sureAt === undefined ? {} : { sureAt }),
    })
    const e = {
      ...c.expect,
      level: c.expect.level ?? null,
      clause: c.expect.clause ?? null,
      reason: c.expect.reason ?? null,
    }
    const reasonCodes = verdict.reasons.map((r) => r.code as string)
    const deciding = verdict.reasons[0]
    const scopeRight = verdict.scope === e.scope
    return {
      case: c,
      verdict,
      scopeRight,
      levelRight: verdict.level === e.level,
      clauseRight: e.clause === null ? verdict.scope === 'unclear' : sameClause(deciding?.clause ?? null, e.clause),
      reasonRight: e.reason === null ? verdict.scope === 'unclear' : reasonCodes.includes(e.reason),
      confidentlyWrong: (e.scope === 'in' && verdict.scope === 'out') || (e.scope === 'out' && verdict.scope === 'in'),
      missingWarnings: (e.warnings ?? []).filter((w) => !verdict.warnings.some((x) => x.code === w)),
      missingMissing: (e.missing ?? []).filter((m) => !verdict.missing.includes(m as never)),
    }
  })
  const share = (f: (o: CaseOutcome) => boolean, of = outcomes) => (of.length ? of.filter(f).length / of.length : 1)
  const eligibility = outcomes.filter((o) => ELIGIBILITY.has(o.case.expect.reason ?? ''))
  const scopes: Scope[] = ['in', 'out', 'unclear']
  const confusion = Object.fromEntries(
    scopes.map((a) => [a, Object.fromEntries(scopes.map((b) => [b, 0]))]),
  ) as EvaluationReport['confusion']
  for (const o of outcomes) confusion[o.case.expect.scope][o.verdict.scope]++
  const expectedWarnings = outcomes.reduce((n, o) => n + (o.case.expect.warnings?.length ?? 0), 0)
  const expectedMissing = outcomes.reduce((n, o) => n + (o.case.expect.missing?.length ?? 0), 0)
  return {
    cases: outcomes.length,
    scopeAccuracy: share((o) => o.scopeRight),
    levelAccuracy: share((o) => o.levelRight),
    clauseAccuracy: share((o) => o.clauseRight),
    confidentlyWrong: share((o) => o.confidentlyWrong),
    eligibilityCases: eligibility.length,
    eligibilityAccuracy: share((o) => o.scopeRight && o.reasonRight, eligibility),
    warningRecall: expectedWarnings
      ? 1 - outcomes.reduce((n, o) => n + o.missingWarnings.length, 0) / expectedWarnings
      : 1,
    missingRecall: expectedMissing
      ? 1 - outcomes.reduce((n, o) => n + o.missingMissing.length, 0) / expectedMissing
      : 1,
    confusion,
    outcomes,
  }
}

function factsOf(reg: Regulation, c: TriageCase): RequestFacts {
  const f = c.facts ?? {}
  const facts: RequestFacts = { receivedAt: f.receivedAt ? Date.parse(f.receivedAt) : DEFAULT_RECEIVED }
  if (f.channel) facts.channel = f.channel as Channel
  if (f.tier) facts.tier = f.tier
  if (f.product) facts.product = resolveProduct(reg, f.product) ?? f.product
  if (f.outdated) facts.outdated = true
  if (f.modified) facts.modified = true
  if (f.licenseDate) facts.licenseDate = f.licenseDate
  return facts
}

/** "4" matches '4 «Круг решаемых задач», п.2'; «» and case are ignored. */
export function sameClause(actual: string | null, expected: string): boolean {
  if (actual === null) return false
  const norm = (s: string) => s.replace(/[«»"]/g, '').replace(/\s+/g, ' ').trim().toLowerCase()
  const a = norm(actual)
  const e = norm(expected)
  if (!a.startsWith(e)) return false
  const rest = a.slice(e.length)
  return rest === '' || !/^(\d|\.\d)/.test(rest)
}
