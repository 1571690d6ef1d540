import { compiledValue } from '../data/compiled.js'
import type { Regulation } from '../regulation/load.js'
import type { Topic } from '../regulation/schema.js'
import { stem, stems, words } from './text.js'

/** How strongly each source of words speaks for a topic. */
const SOURCE_WEIGHT = { keywords: 3, phrases: 2.5, title: 2, examples: 1.2, quote: 1 } as const

export interface TopicProfile {
  topic: Topic
  /** stem → weight (source weight × rarity across the regulation's topics) */
  terms: Map<string, number>
  /** phrases as stem sequences (two stems or more) */
  phrases: string[][]
  negative: Set<string>
  /**
   * Damps topics with a large vocabulary: a topic with many phrases and examples matches more words of any
   * request, and without this it would win by volume rather than by fit.
   */
  lengthNorm: number
}

/** How strongly the vocabulary size damps a topic's score (0: not at all, 1: proportionally). */
const LENGTH_DAMPING = 0.5

export interface TopicIndex {
  regulation: string
  profiles: TopicProfile[]
  /** the stems of the product's own names (`productNames`): every request may name it, so they speak for no topic */
  names: ReadonlySet<string>
  /** every stem of every topic, for fuzzy look-up of typos */
  vocabulary: string[]
}

const indexes = new WeakMap<Regulation, TopicIndex>()

/** The match profile of every topic of a regulation, built once per loaded regulation. */
export function topicIndex(reg: Regulation): TopicIndex {
  let index = indexes.get(reg)
  if (!index) {
    const compiled = compiledValue<CompiledTopicIndex>(topicsKey(reg), topicsSource(reg))
    index = compiled ? reviveIndex(reg, compiled) : buildIndex(reg)
    indexes.set(reg, index)
  }
  return index
}

/**
 * The index in JSON, as the build stores it for the shipped regulations (stemming every topic's
 * words is a tenth of a `regdesk triage` run). Profiles are in the order of `reg.topics`.
 */
export interface CompiledTopicIndex {
  profiles: { terms: [string, number][]; phrases: string[][]; negative: string[]; lengthNorm: number }[]
  vocabulary: string[]
}

/** The key of a regulation's index among the build's data. */
export function topicsKey(reg: Regulation): string {
  return `topics:${reg.id}`
}

/** What a regulation's index is made from: its topics, so an edited file is indexed afresh. */
export function topicsSource(reg: Regulation): string {
  return JSON.stringify(reg.topics)
}

export function compileIndex(index: TopicIndex): CompiledTopicIndex {
  return {
    profiles: index.profiles.map((p) => ({
      terms: [...p.terms],
      phrases: p.phrases,
      negative: [...p.negative],
      lengthNorm: p.lengthNorm,
    })),
    vocabulary: index.vocabulary,
  }
}

function reviveIndex(reg: Regulation, compiled: CompiledTopicIndex): TopicIndex {
  return {
    regulation: reg.id,
    names: productNameStems(reg),
    profiles: reg.topics.map((topic, i) => {
      const p = compiled.profiles[i] as CompiledTopicIndex['profiles'][number]
      return {
        topic,
        terms: new Map(p.terms),
        phrases: p.phrases,
        negative: new Set(p.negative),
        lengthNorm: p.lengthNorm,
      }
    }),
    vocabulary: compiled.vocabulary,
  }
}

export function buildIndex(reg: Regulation): TopicIndex {
  const names = productNameStems(reg)
  const raw = reg.topics.map((topic) => {
    const weights = new Map<string, number>()
    const add = (text: string, w: number) => {
      for (const s of stems(text)) if (s.length > 1 && !names.has(s)) weights.set(s, Math.max(weights.get(s) ?? 0, w))
    }
    add(topic.title, SOURCE_WEIGHT.title)
    add(topic.quote, SOURCE_WEIGHT.quote)
    for (const k of topic.match?.keywords ?? []) add(k, SOURCE_WEIGHT.keywords)
    for (const p of topic.match?.phrases ?? []) add(p, SOURCE_WEIGHT.phrases)
    for (const e of topic.match?.examples ?? []) add(e, SOURCE_WEIGHT.examples)
    const phrases = (topic.match?.phrases ?? [])
      .map((p) => stems(p).filter((s) => !names.has(s)))
      .filter((p) => p.length >= 2)
    const negative = new Set((topic.match?.negative ?? []).flatMap((n) => stems(n)))
    return { topic, weights, phrases, negative }
  })
  // a stem many topics share says little about which one it is
  const df = new Map<string, number>()
  for (const r of raw) for (const s of r.weights.keys()) df.set(s, (df.get(s) ?? 0) + 1)
  const n = raw.length
  const avgSize = raw.reduce((sum, r) => sum + r.weights.size, 0) / Math.max(1, n)
  const profiles = raw.map((r) => ({
    topic: r.topic,
    terms: new Map([...r.weights].map(([s, w]) => [s, w * Math.log(1 + n / (df.get(s) ?? 1))])),
    phrases: r.phrases,
    negative: r.negative,
    lengthNorm: (avgSize / Math.max(1, r.weights.size)) ** LENGTH_DAMPING,
  }))
  return { regulation: reg.id, names, profiles, vocabulary: [...df.keys()] }
}

/** The stems of a regulation's product names ("Moguta", "Феникс"): "в фениксе" names the product as "Феникс" does. */
export function productNameStems(reg: Regulation): ReadonlySet<string> {
  return new Set(words((reg.productNames ?? []).join(' ')).map(stem))
}
