import type { TopicIndex, TopicProfile } from './topic-index.js'

export interface TopicScore {
  profile: TopicProfile
  score: number
  /** the request's stems that matched */
  matched: string[]
}

/**
 * Scores every topic against the stems of a request: matched term weights (exact stems, then
 * prefix and one-typo matches at a discount), a bonus for whole phrases, a penalty for negative words.
 */
export function scoreTopics(index: TopicIndex, request: readonly string[]): TopicScore[] {
  const unique = [...new Set(request)].filter((s) => !index.names.has(s))
  const resolved = new Map<string, { stem: string; factor: number }[]>()
  for (const s of unique) resolved.set(s, resolveStem(s, index.vocabulary))
  const present = new Set(unique)
  // a phrase's stem recurs across topics: whether it is (nearly) in the request is worked out once
  const nearly = new Map<string, boolean>()
  const isPresent = (p: string): boolean => {
    if (present.has(p)) return true
    let found = nearly.get(p)
    if (found === undefined) {
      found = fuzzyPresent(p, unique)
      nearly.set(p, found)
    }
    return found
  }
  return index.profiles
    .map((profile) => {
      let score = 0
      const matched: string[] = []
      for (const s of unique) {
        let best = 0
        for (const { stem, factor } of resolved.get(s) ?? [])
          best = Math.max(best, (profile.terms.get(stem) ?? 0) * factor)
        if (best > 0) {
          score += best
          matched.push(s)
        }
      }
      for (const phrase of profile.phrases) {
        const hits = phrase.filter(isPresent).length
        if (hits === phrase.length) score += 1.5 * phrase.length
        else if (phrase.length >= 3 && hits >= phrase.length - 1) score += 0.5 * hits
      }
      for (const s of unique) if (profile.negative.has(s)) score -= 2
      return { profile, score: Math.max(0, score * profile.lengthNorm), matched }
    })
    .sort((a, b) => b.score - a.score)
}

/** The vocabulary stems a request stem stands for: itself, a stem it extends or is extended by, or one typo away. */
function resolveStem(s: string, vocabulary: readonly string[]): { stem: string; factor: number }[] {
  const out: { stem: string; factor: number }[] = [{ stem: s, factor: 1 }]
  if (s.length < 4) return out
  for (const v of vocabulary) {
    if (v === s || v.length < 4) continue
    // the shorter begins the longer (no [short, long] pair: a first run, interpreted, pays for every array made)
    if (v.length < s.length ? v.length >= 5 && s.startsWith(v) : s.length >= 5 && v.startsWith(s))
      out.push({ stem: v, factor: 0.8 })
    else if (s.length >= 6 && Math.abs(v.length - s.length) <= 1 && withinOneEdit(s, v))
      out.push({ stem: v, factor: 0.7 })
  }
  return out
}

function fuzzyPresent(stem: string, request: readonly string[]): boolean {
  for (const r of request) {
    if (r.length < stem.length ? r.length >= 5 && stem.startsWith(r) : stem.length >= 5 && r.startsWith(stem))
      return true
    if (stem.length >= 6 && withinOneEdit(stem, r)) return true
  }
  return false
}

/** Levenshtein distance ≤ 1, in linear time. */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false
  let i = 0
  let j = 0
  let edits = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++edits > 1) return false
    if (a.length > b.length) i++
    else if (a.length < b.length) j++
    else {
      i++
      j++
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1
}
