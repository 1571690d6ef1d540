import type { Regulation } from '../../regulation/load.js'
import { REASON_CODES } from '../../regulation/vocabulary.js'
import type { TriageCase } from '../evaluate.js'
import { requestFeatures } from './features.js'
import { DEFAULT_TRAINING, type Example, type TrainOptions, trainLogistic } from './logistic.js'
import type { ScopeModelSlice } from './scope-model.js'

/** A labelled text for the scope model: the regulation it is read under and its target P(in). */
export interface LabelledText {
  regulation: string
  text: string
  target: number
  weight: number
}

/** How much each kind of match data counts against one labelled request (weight 1). */
export const MATCH_WEIGHTS = { titleAndQuote: 1, phrase: 0.5, keyword: 0.3, example: 1 } as const

/** A topic's match data as labelled texts: its scope is what every word of it speaks for. */
export function matchTexts(reg: Regulation): LabelledText[] {
  const out: LabelledText[] = []
  for (const topic of reg.topics) {
    const target = topic.scope === 'in' ? 1 : 0
    const add = (text: string, weight: number) => out.push({ regulation: reg.id, text, target, weight })
    add(`${topic.title}. ${topic.quote}`, MATCH_WEIGHTS.titleAndQuote)
    for (const p of topic.match?.phrases ?? []) add(p, MATCH_WEIGHTS.phrase)
    for (const k of topic.match?.keywords ?? []) add(k, MATCH_WEIGHTS.keyword)
    for (const e of topic.match?.examples ?? []) add(e, MATCH_WEIGHTS.example)
  }
  return out
}

// the reasons an eligibility fact gives: such a case says nothing of its text's scope
const ELIGIBILITY_REASONS: ReadonlySet<string> = new Set(REASON_CODES.filter((c) => !c.startsWith('topic_')))

/** How much a labelled request counts against one piece of match data: it is a whole request, as customers write. */
const CASE_WEIGHT = 2

/**
 * The labelled requests of the evaluation sets as training texts: in 1, out 0, unclear 0.5 (a soft target: the
 * model learns that such words leave the scope open). Cases decided by an eligibility fact are left out.
 */
export function caseTexts(cases: readonly TriageCase[]): LabelledText[] {
  return cases
    .filter((c) => !ELIGIBILITY_REASONS.has(c.expect.reason ?? ''))
    .map((c) => ({
      regulation: c.regulation,
      text: c.text,
      target: c.expect.scope === 'in' ? 1 : c.expect.scope === 'out' ? 0 : 0.5,
      weight: CASE_WEIGHT,
    }))
}

/** A trained model over shared and regulation-prefixed features: P(in) = σ(bias + Σ weights / √n). */
export interface ScopeModelData {
  bias: number
  weights: Record<string, number>
}

/** In how many training texts a feature must appear to be learnt. */
const MIN_TEXTS = 2

/** Weights smaller than this are dropped: they change no verdict and would only make the files larger. */
const PRUNE_BELOW = 1e-3

/**
 * Trains the scope model. With a `base` (the shipped model's shared weights), those weights stay fixed and only the
 * new regulation's own weights and a bias are learnt on top of them: how a user's regulation is trained from its
 * match data alone, keeping what the shipped sets taught about words in general.
 */
export function trainScopeModel(
  texts: readonly LabelledText[],
  options: TrainOptions = DEFAULT_TRAINING,
  base?: ScopeModelData,
): ScopeModelData {
  const all = texts.map((t) => requestFeatures(t.regulation, t.text))
  // a feature seen in one text only teaches that text, not a rule: it is left out (and the model is smaller)
  const seen = new Map<string, number>()
  for (const features of all) for (const f of features) seen.set(f, (seen.get(f) ?? 0) + 1)
  const ids = new Map<string, number>()
  const names: string[] = []
  for (const [f, n] of seen)
    if (n >= MIN_TEXTS) {
      ids.set(f, names.length)
      names.push(f)
    }
  const offsets = base ? all.map((features) => scoreOf(base, features)) : []
  const examples: Example[] = texts.map((t, i) => ({
    features: (all[i] as string[]).flatMap((f) => ids.get(f) ?? []),
    length: (all[i] as string[]).length,
    target: t.target,
    weight: t.weight,
  }))
  const model = trainLogistic(
    examples,
    names.length,
    base ? { ...options, offsets: Float64Array.from(offsets) } : options,
  )
  const weights: Record<string, number> = { ...base?.weights }
  names.forEach((name, i) => {
    const w = (weights[name] ?? 0) + (model.weights[i] as number)
    if (Math.abs(w) >= PRUNE_BELOW) weights[name] = round(w)
    else delete weights[name]
  })
  return { bias: round((base?.bias ?? 0) + model.bias), weights }
}

/** The model's score of a request's features (before the sigmoid). */
export function scoreOf(model: ScopeModelData, features: readonly string[]): number {
  if (!features.length) return model.bias
  let sum = 0
  for (const f of features) sum += model.weights[f] ?? 0
  return model.bias + sum / Math.sqrt(features.length)
}

/** The shared weights alone: the base a regulation the build did not see is trained on. */
export function sharedPart(model: ScopeModelData): ScopeModelData {
  const weights: Record<string, number> = {}
  for (const [f, w] of Object.entries(model.weights)) if (!f.includes('|')) weights[f] = w
  return { bias: model.bias, weights }
}

/**
 * What one regulation needs of the model: each feature's shared and own weights summed under the feature's plain
 * name, so a command reads one small file and looks every feature up once.
 */
export function sliceOf(model: ScopeModelData, regulation: string): ScopeModelSlice {
  const merged = new Map<string, number>()
  const prefix = `${regulation}|`
  for (const [f, w] of Object.entries(model.weights)) {
    const plain = f.startsWith(prefix) ? f.slice(prefix.length) : f.includes('|') ? undefined : f
    if (plain !== undefined) merged.set(plain, (merged.get(plain) ?? 0) + w)
  }
  // sorted by code units, the order ScopeModel's binary search compares in
  const features = [...merged.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  return { bias: model.bias, features: features.join('\n'), weights: features.map((f) => round(merged.get(f) ?? 0)) }
}

function round(w: number): number {
  return Math.round(w * 1e4) / 1e4
}
