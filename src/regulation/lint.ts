import type { Regulation } from './load.js'
import { noteIn } from './note.js'

export type FindingCode =
  | 'level_not_regulated'
  | 'topic_without_match_data'
  | 'clause_cited_twice'
  | 'out_of_scope_shadows_in_scope'
  | 'note'

/** Something a reviewer of a regulation should look at; not an error. */
export interface Finding {
  regulation: string
  code: FindingCode
  /** dotted path of the rule concerned */
  path: string
  clause: string | null
  message: string
}

/**
 * The notes and ambiguities of a regulation: what the source leaves open, and what may make triage
 * ambiguous. Pure: a regulation in, findings out.
 */
export function lintRegulation(reg: Regulation, lang: 'ru' | 'en' = 'en'): Finding[] {
  const findings: Finding[] = []
  const add = (code: FindingCode, path: string, clause: string | null, message: string) =>
    findings.push({ regulation: reg.id, code, path, clause, message })

  for (const [id, level] of Object.entries(reg.levels)) {
    if (!level.limit)
      add(
        'level_not_regulated',
        `levels.${id}`,
        level.clause,
        `level "${id}" has no reaction time${level.note ? `: ${noteIn(level, lang)}` : ''}`,
      )
  }

  reg.topics.forEach((t, i) => {
    const m = t.match
    const size = (m?.phrases?.length ?? 0) + (m?.keywords?.length ?? 0) + (m?.examples?.length ?? 0)
    if (size === 0)
      add('topic_without_match_data', `topics.${i}`, t.clause, `topic "${t.id}" has no phrases, keywords or examples`)
  })

  const byClauseAndQuote = new Map<string, string[]>()
  reg.topics.forEach((t, i) => {
    const key = `${t.clause}\u0000${t.quote}`
    byClauseAndQuote.set(key, [...(byClauseAndQuote.get(key) ?? []), `topics.${i}`])
  })
  for (const [key, paths] of byClauseAndQuote) {
    const [clause] = key.split('\u0000')
    if (paths.length > 1)
      add(
        'clause_cited_twice',
        paths.join(', '),
        clause ?? null,
        `clause ${clause} is cited with the same quote by ${paths.length} topics`,
      )
  }

  const inScope = reg.topics.filter((t) => t.scope === 'in')
  for (const out of reg.topics.filter((t) => t.scope === 'out')) {
    for (const phrase of [...(out.match?.phrases ?? []), ...(out.match?.keywords ?? [])]) {
      const norm = normalizeWords(phrase)
      const shadowed = inScope.find((t) =>
        [...(t.match?.phrases ?? []), ...(t.match?.keywords ?? [])].some((p) => normalizeWords(p) === norm),
      )
      if (shadowed)
        add(
          'out_of_scope_shadows_in_scope',
          `topics.${reg.topics.indexOf(out)}`,
          out.clause,
          `out-of-scope topic "${out.id}" and in-scope topic "${shadowed.id}" both match "${phrase}"`,
        )
    }
  }

  const notes: [string, { clause: string; note?: string | undefined; note_en?: string | undefined }][] = [
    ['workingTime', reg.workingTime],
    ['reactionWindows', reg.reactionWindows],
    ['outOfScope', reg.outOfScope],
    ...(reg.outOfScope.delays ? [['outOfScope.delays', reg.outOfScope.delays] as [string, typeof reg.outOfScope]] : []),
    ['queue', reg.queue],
    ...Object.entries(reg.levels).flatMap(([id, l]) => [
      [`levels.${id}`, l] as [string, typeof l],
      ...(l.delays ? [[`levels.${id}.delays`, l.delays] as [string, typeof l]] : []),
    ]),
    ...reg.tiers.map((t, i) => [`tiers.${i}`, t] as [string, typeof t]),
    ...(reg.products ?? []).map((p, i) => [`products.${i}`, p] as [string, typeof p]),
    ...reg.channels.accepted.map((c, i) => [`channels.accepted.${i}`, c] as [string, typeof c]),
    ...reg.channels.rejected.map((c, i) => [`channels.rejected.${i}`, c] as [string, typeof c]),
    ...reg.topics.map((t, i) => [`topics.${i}`, t] as [string, typeof t]),
    ...reg.eligibility.map((r, i) => [`eligibility.${i}`, r] as [string, typeof r]),
    ...reg.requiredInformation.map((r, i) => [`requiredInformation.${i}`, r] as [string, typeof r]),
    ...(reg.onePerRequest ? [['onePerRequest', reg.onePerRequest] as [string, typeof reg.onePerRequest]] : []),
    ...(reg.delayCauses ?? []).map((d, i) => [`delayCauses.${i}`, d] as [string, typeof d]),
    ...reg.lifecycle.map((r, i) => [`lifecycle.${i}`, r] as [string, typeof r]),
    ...(reg.workingTime.notes ?? []).map((n, i) => [`workingTime.notes.${i}`, n] as [string, typeof n]),
    ...(reg.notes ?? []).map((n, i) => [`notes.${i}`, n] as [string, typeof n]),
  ]
  for (const [path, rule] of notes) {
    if (rule.note && !(path.startsWith('levels.') && findings.some((f) => f.path === path)))
      add('note', path, rule.clause, noteIn(rule, lang))
  }
  return findings
}

function normalizeWords(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
