import { StemList } from './stem-list.js'
import type { TopicIndex, TopicProfile } from './topic-index.js'

export interface TopicScore {
  profile: TopicProfile
  score: number
  /** the request's stems that matched */
  matched: string[]
}

/**
 * The index turned inside out, for scoring: which topics hold each term, each phrase's stems as numbers into one list
 * of every phrase stem, and which topics name each negative word. Made once per index (a long-running process scores
 * thousands of requests against it; a topic loop over every request stem cost half of a request's triage).
 */
interface Postings {
  terms: Map<string, { profile: number; weight: number }[]>
  /** the index's vocabulary and its phrase stems, for the look-up of stems a request's stem stands for */
  vocabulary: StemList
  phraseStemList: StemList
  phraseStems: string[]
  phrases: Int32Array[][]
  negative: Map<string, number[]>
}

const postingsOf = new WeakMap<TopicIndex, Postings>()

function postings(index: TopicIndex): Postings {
  let made = postingsOf.get(index)
  if (made) return made
  const terms = new Map<string, { profile: number; weight: number }[]>()
  const negative = new Map<string, number[]>()
  const stemIds = new Map<string, number>()
  const phraseStems: string[] = []
  const idOf = (stem: string): number => {
    let id = stemIds.get(stem)
    if (id === undefined) {
      id = phraseStems.length
      phraseStems.push(stem)
      stemIds.set(stem, id)
    }
    return id
  }
  const phrases = index.profiles.map((profile, i) => {
    for (const [stem, weight] of profile.terms) {
      const list = terms.get(stem) ?? []
      list.push({ profile: i, weight })
      terms.set(stem, list)
    }
    for (const stem of profile.negative) {
      const list = negative.get(stem) ?? []
      list.push(i)
      negative.set(stem, list)
    }
    return profile.phrases.map((phrase) => Int32Array.from(phrase, idOf))
  })
  made = {
    terms,
    vocabulary: new StemList(index.vocabulary),
    phraseStemList: new StemList(phraseStems),
    phraseStems,
    phrases,
    negative,
  }
  postingsOf.set(index, made)
  return made
}

/**
 * Scores every topic against the stems of a request: matched term weights (exact stems, then
 * prefix and one-typo matches at a discount), a bonus for whole phrases, a penalty for negative words.
 * Each topic's score is summed in the same order as a loop over its terms, phrases and negative words would sum it.
 */
export function scoreTopics(index: TopicIndex, request: readonly string[]): TopicScore[] {
  const unique = [...new Set(request)].filter((s) => !index.names.has(s))
  const post = postings(index)
  const count = index.profiles.length
  // the terms: for each request stem, its best weight in each topic (over the stems it stands for), in request order
  const termScores = new Float64Array(count)
  const matched: string[][] = Array.from({ length: count }, () => [])
  const best = new Float64Array(count)
  const touched: number[] = []
  for (const s of unique) {
    for (const { stem, factor } of resolveStem(s, post.vocabulary)) {
      for (const { profile, weight } of post.terms.get(stem) ?? []) {
        const value = weight * factor
        if (value > (best[profile] as number)) {
          if (best[profile] === 0) touched.push(profile)
          best[profile] = value
        }
      }
    }
    for (const profile of touched) {
      termScores[profile] = (termScores[profile] as number) + (best[profile] as number)
      ;(matched[profile] as string[]).push(s)
      best[profile] = 0
    }
    touched.length = 0
  }
  // a phrase's stem recurs across topics: whether it is (nearly) in the request is worked out once
  const present = new Set(unique)
  for (const r of unique) for (const p of post.phraseStemList.candidates(r)) if (stemRelation(p, r)) present.add(p)
  const isPresent = new Uint8Array(post.phraseStems.length)
  post.phraseStems.forEach((p, id) => {
    isPresent[id] = present.has(p) ? 1 : 0
  })
  const negatives = new Int32Array(count)
  for (const s of unique)
    for (const profile of post.negative.get(s) ?? []) negatives[profile] = (negatives[profile] as number) + 1
  return index.profiles
    .map((profile, i) => {
      let score = termScores[i] as number
      for (const phrase of post.phrases[i] as Int32Array[]) {
        let hits = 0
        for (const id of phrase) hits += isPresent[id] as number
        if (hits === phrase.length) score += 1.5 * phrase.length
        else if (phrase.length >= 3 && hits >= phrase.length - 1) score += 0.5 * hits
      }
      for (let k = negatives[i] as number; k > 0; k--) score -= 2
      return { profile, score: Math.max(0, score * profile.lengthNorm), matched: matched[i] as string[] }
    })
    .sort((a, b) => b.score - a.score)
}

/** The vocabulary stems a request stem stands for: itself, a stem it extends or is extended by (×0.8), or one typo away (×0.7). */
function resolveStem(s: string, vocabulary: StemList): { stem: string; factor: number }[] {
  const out: { stem: string; factor: number }[] = [{ stem: s, factor: 1 }]
  if (s.length < 4) return out
  for (const v of vocabulary.candidates(s)) {
    if (v === s || v.length < 4) continue
    const relation = stemRelation(s, v)
    if (relation) out.push({ stem: v, factor: relation === 'prefix' ? 0.8 : 0.7 })
  }
  return out
}

/**
 * How stem `b` is near stem `a`: one begins the other (the shorter of five letters at least), or `b` is one typo from
 * `a` (of six letters at least); none when neither.
 */
function stemRelation(a: string, b: string): 'prefix' | 'typo' | undefined {
  if (b.length < a.length ? b.length >= 5 && a.startsWith(b) : a.length >= 5 && b.startsWith(a)) return 'prefix'
  return a.length >= 6 && withinOneEdit(a, b) ? 'typo' : undefined
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
