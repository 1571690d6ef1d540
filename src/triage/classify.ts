import { SECRET_MASK } from '../data/secret-mask.js'
import type { Regulation } from '../regulation/load.js'
import type { Topic } from '../regulation/schema.js'
import { findSecrets } from './credentials.js'
import { delayCauseWarning } from './delays.js'
import { checkEligibility } from './eligibility.js'
import { askedOf, type InformationId, missingInformation } from './information.js'
import { detectIntent, type Intent, isFailureReport } from './intent.js'
import { matches, pattern } from './lexicon/index.js'
import { productNamedIn } from './product.js'
import { withAnsweredQuestions, withoutQuotedLetters } from './quoted.js'
import { scoreTopics, type TopicScore } from './score.js'
import { scoringText } from './scoring-text.js'
import { normalize, stems } from './text.js'
import { type TopicIndex, topicIndex } from './topic-index.js'
import { fromTranslit } from './translit.js'
import type { Candidate, DecidedBy, Reason, RequestFacts, Verdict, Warning } from './types.js'

/** Below this score no topic is recognised at all. */
const MIN_SCORE = 4
/** A runner-up of the other scope this close to the winner makes the answer unclear. */
const CONTEST_RATIO = 0.8

/**
 * Triage of one request under one regulation: the topic, the scope, the level, what is missing
 * and what to watch out for. Pure: the deadline is added by the caller.
 */
export function triageRequest(
  reg: Regulation,
  text: string,
  facts: RequestFacts,
  options: TriageOptions = {},
): Verdict {
  const { chosenTopic } = options
  // a tier not given is the regulation's default tier: the same facts give the same verdict, given or defaulted
  const defaultTier = reg.tiers.find((t) => t.default)?.id
  if (facts.tier === undefined && defaultTier !== undefined) facts = { ...facts, tier: defaultTier }
  // what the customer says, read in Cyrillic if he typed Russian in Latin letters, the answers under support's quoted
  // questions as the fields they give (quoted.ts); identifiers and access data are looked for in the text as it came
  const answered = withAnsweredQuestions(text)
  const translit = fromTranslit(text)
  const reading = translit === text ? answered : withAnsweredQuestions(translit)
  // a product the agent did not give may be named in the request ("Феникс+ 2 не запускается", "Feniks+ 2")
  let productNamed: string | undefined
  if (facts.product === undefined && reg.products?.length) {
    productNamed = productNamedIn(reg, text) ?? (reading === text ? undefined : productNamedIn(reg, reading))
    if (productNamed) facts = { ...facts, product: productNamed }
  }
  const index = topicIndex(reg)
  // read once: the warnings and, for a contested request, the verdict both look at the matters
  const matters = separateMatters(reading)
  const intent = detectIntent(reading)
  const failure = isFailureReport(reading, intent)
  const ranked = rank(index, scoringText(reading), intent)
  const [top, second] = ranked
  const reasons: Reason[] = []
  // the matters of the customer's own words: the letters a reply quotes are not his, unless they are all there is
  const own = withoutQuotedLetters(reading)
  const ownMatters = own === undefined ? [] : separateMatters(own)
  const warnings: Warning[] = [
    ...(own !== undefined && ownMatters.length
      ? detectWarnings(reg, text, own, ownMatters, index)
      : detectWarnings(reg, text, reading, matters, index)),
  ]
  // weak candidates are still worth showing when nothing is recognised: the agent picks among them
  const candidates = ranked
    .filter((r) => r.score > 0)
    .slice(0, 3)
    .map(candidateOf)

  let scope: Verdict['scope']
  let topic: Topic | null = null
  let decidedBy: DecidedBy = 'rules'
  const chosen = chosenTopic === undefined ? undefined : reg.topics.find((t) => t.id === chosenTopic)
  if (chosenTopic !== undefined && !chosen) throw new RangeError(`unknown topic "${chosenTopic}" for ${reg.id}`)
  const p = options.scopeProbability ?? null
  if (chosen) {
    topic = chosen
    decidedBy = 'agent'
  } else {
    const rules = rulesVerdict(reg, facts, reading, intent, failure, ranked, matters, index)
    topic = rules.topic
    if (p !== null) {
      const sure = Math.max(p, 1 - p) >= (options.sureAt ?? SURE_AT)
      const leaning: 'in' | 'out' = p >= 0.5 ? 'in' : 'out'
      // no topic recognised, or a price asked under a regulation silent on prices: no clause to cite either way
      if (rules.status === 'none' || rules.status === 'uncovered') topic = null
      else if (sure) {
        // the model decides the scope; the topic is the rules' best of that scope
        decidedBy = 'model'
        topic =
          rules.status === 'topic' && rules.topic?.scope === leaning
            ? rules.topic
            : bestOfScope(reg, facts, ranked, leaning, intent)
      } else if (!(rules.topic && againstBy(p, rules.topic.scope) < VETO_AT)) {
        // a tier served only on some topics is refused when no topic it may ask about clearly wins (as by the rules)
        topic = restrictedRefusal(reg, facts, ranked) ?? null
      }
    }
    // a model that leans out keeps the refusal: the question may be work in words the intent lexicon lacks
    if (p === null || p >= 0.5) topic = servedQuestion(reg, facts, intent, topic) ?? topic
    // the default tier, given or not, is a guess until the agent sets another (imagecms: «пока сотрудник не назначит
    // pro или premium»): its failure reports stay where they are; the same facts give the same verdict either way
    if (facts.tier !== defaultTier) topic = reportedFailure(reg, facts, reading, intent, ranked, topic) ?? topic
    topic = entitledFailure(reg, facts, failure, ranked, topic) ?? topic
    // the customer's own modifications decide it, whatever the model or the words leaned to (code_modified, below)
    const updated = modifiedUpdate(reg, facts, reading, topic)
    if (updated) {
      topic = updated
      decidedBy = 'eligibility'
    }
  }
  scope = topic ? topic.scope : 'unclear'
  if (topic)
    reasons.push({
      code: topic.scope === 'in' ? 'topic_in_scope' : 'topic_out_of_scope',
      clause: topic.clause,
      quote: topic.quote,
      message: `${topic.scope === 'in' ? 'in scope' : 'out of scope'}: ${topic.title}${chosen ? ' (chosen by the agent)' : ''}`,
    })
  // the topic of updates after modifications refuses because the customer's code was modified: that is a reason of its
  // own, under the topic's clause (advantshop's code_modified rule only delays, so the rule gives none)
  if (topic?.modifiedUpdates && topic.scope === 'out' && facts.modified)
    reasons.push({
      code: 'code_modified',
      clause: topic.clause,
      quote: topic.quote,
      message: 'the product code was modified, and updates after such changes are out of scope',
    })

  let level = levelFor(reg, topic, facts)
  const eligibility = checkEligibility(reg, facts, topic, level)
  reasons.unshift(...eligibility.reasons)
  if (eligibility.reasons.some((r) => r.code === 'channel_not_accepted')) {
    // a request through a channel the regulation does not accept cannot be registered at all
    scope = 'out'
    level = null
    decidedBy = 'eligibility'
  } else if (eligibility.level !== undefined) {
    scope = eligibility.level === null || eligibility.outOfScope ? 'out' : scope
    level = eligibility.level
    decidedBy = 'eligibility'
  }
  if (scope === 'unclear') {
    level = null
    topic = null
  }
  // a cause of delay is said only of a request that is served: one refused (its channel, an eligibility rule) or left
  // unclear is not; one refused as an update after its own modifications has them as its reason (code_modified)
  const served = level !== null && scope !== 'unclear' && !eligibility.reasons.length
  const delayable = served && !reasons.some((r) => r.code === 'code_modified')
  warnings.push(...eligibility.warnings.filter((w) => w.code !== 'resolution_may_be_delayed' || delayable))
  // served where the source says resolution may take longer: out of scope yet served (a consultation), or at a level
  // it names a cause of delay (advantshop and umi: development, a question handed to the developers)
  const delays =
    !served || level === null ? undefined : scope === 'out' ? reg.outOfScope.delays : reg.levels[level]?.delays
  if (delays && !warnings.some((w) => w.code === 'resolution_may_be_delayed'))
    warnings.push({
      code: 'resolution_may_be_delayed',
      clause: delays.clause,
      message: `${scope === 'out' ? 'out of scope and served' : 'served'} as ${level}: §${delays.clause} says its resolution may take longer`,
    })
  // a served request that names a cause of delay the source lists (advantshop §3.1: a third-party service's function),
  // in the customer's own words (not the letters a reply quotes), as read and as written (a service's Latin name)
  if (delayable && reg.delayCauses?.length && !warnings.some((w) => w.code === 'resolution_may_be_delayed')) {
    const words = [own ?? reading]
    if (reading !== answered) words.push(withoutQuotedLetters(answered) ?? answered)
    const delayCause = delayCauseWarning(reg, words)
    if (delayCause) warnings.push(delayCause)
  }

  const required = reg.requiredInformation.filter((r) => !r.optional).map((r) => r.id as InformationId)
  // found in the text as written, or in its reading (Russian typed in Latin letters: «versiya 9.4»); a text with
  // nothing to read differently is looked at once (each pattern run twice is compiled twice by V8)
  const missingAsWritten = missingInformation(answered, askedOf(required, reading, intent.problem))
  return {
    regulation: reg.id,
    scope,
    level,
    topic: topic ? { id: topic.id, clause: topic.clause, text: topic.quote } : null,
    confidence: chosen ? 1 : confidenceOf(top, second),
    scopeProbability: p,
    decidedBy,
    candidates: scope === 'unclear' ? candidates : [],
    reasons,
    missing: reading === answered ? missingAsWritten : missingInformation(reading, missingAsWritten),
    warnings,
    ...(productNamed ? { productNamed } : {}),
  }
}

export interface TriageOptions {
  /** the agent's choice of topic (interactive mode): it decides instead of the model and the rules */
  chosenTopic?: string
  /** the scope model's P(in) for the request; absent or null: the rules decide alone */
  scopeProbability?: number | null
  /** how sure the model must be to decide against the rules (max(p, 1 − p)) */
  sureAt?: number
}

/**
 * max(p, 1 − p) from which the model's scope wins over the rules': the threshold of the best merit (scope right, a
 * confidently wrong verdict counting three misses) with each of the 46 sets left out of training in turn (0.75:
 * 94.54 % right, 0.98 % confidently wrong; 0.7: 94.60 %, 1.06 %; 0.8: 94.29 %, 0.98 %); nested cross-validation over
 * 44 sets chose 0.7 in 19 folds, 0.8 in 12, 0.75 in 11, 0.65 in 2. Over 48 sets 0.7 leads 0.75 by two requests' worth
 * of merit (92.42 against 92.38): within what one set moves, so 0.75 stays (README, "Triage evaluation")
 */
export const SURE_AT = 0.75

/**
 * How far an unsure model must lean against the rules' scope to leave the request unclear: one that barely leans
 * (P 0.45–0.55) says nothing either way, and the rules' clear topic stands.
 */
const VETO_AT = 0.55

/** How far the model leans against a scope: P(out) against in, P(in) against out. */
function againstBy(p: number, scope: 'in' | 'out'): number {
  return scope === 'in' ? 1 - p : p
}

/**
 * The topic of a scope the model decided: the best-ranked topic of that scope. Where topics of that scope close to it
 * lead to other levels (imagecms: a consultation or technical support), the customer's own tier decides, as it does
 * for a request no topic clearly wins: a Pro customer's «ошибка базы данных, лицензия Pro» is technical support,
 * whose period rule then applies. A failure report with no word of any in-scope topic gets the fallback topic.
 */
function bestOfScope(
  reg: Regulation,
  facts: RequestFacts,
  ranked: readonly TopicScore[],
  scope: 'in' | 'out',
  intent: Intent,
): Topic | null {
  const ofScope = ranked.filter((r) => r.profile.topic.scope === scope && r.score > 0)
  const [best] = ofScope
  if (!best) return scope === 'in' ? unnamedTopic(reg, intent) : null
  const close = ofScope.filter((r) => r.score >= CONTEST_RATIO * best.score).map((r) => r.profile.topic)
  const tierLevel = levelFor(reg, null, facts)
  const levels = new Set(close.map((t) => levelFor(reg, t, facts)))
  if (levels.size > 1) return close.find((t) => levelFor(reg, t, facts) === tierLevel) ?? best.profile.topic
  return best.profile.topic
}

type RulesStatus = 'topic' | 'none' | 'contested' | 'uncovered'

/**
 * The in-scope topic of a request whose words name none: a failure report goes to the regulation's fallback topic
 * (its "errors of the product" clause), a question to its one general question topic where it has exactly one
 * (moguta's «Вопросы общего использования»: "Where can I download the latest version?").
 */
function unnamedTopic(reg: Regulation, intent: Intent): Topic | null {
  const questions = reg.topics.filter((t) => t.scope === 'in' && t.kind === 'question')
  if (intent.question && !intent.problem && questions.length === 1) return questions[0] as Topic
  return reg.topics.find((t) => t.fallback) ?? null
}

/** The verdict of the clause rules alone: the topic that clearly wins, or none (unclear). */
function rulesVerdict(
  reg: Regulation,
  facts: RequestFacts,
  reading: string,
  intent: Intent,
  failure: boolean,
  ranked: readonly TopicScore[],
  matters: readonly string[],
  index: TopicIndex,
): { topic: Topic | null; status: RulesStatus } {
  const [top] = ranked
  if (!top || top.score < MIN_SCORE) return { topic: null, status: 'none' }
  const isContested = contested(reg, facts, ranked, failure)
  // a contested request whose separate matters each clearly have a topic with one outcome: that topic
  const agreed = isContested ? agreedMatters(reg, facts, matters, index) : undefined
  if (agreed) return { topic: agreed, status: 'topic' }
  // a tier served only on some topics (moguta demo: general usage) is served when one of them clearly wins;
  // a request that is not clearly such a question is refused under the rule rather than left open
  if (isContested) return { topic: restrictedRefusal(reg, facts, ranked) ?? null, status: 'contested' }
  // a question about prices or refunds under a regulation that says nothing about them: no topic answers it
  if (!intent.work && asksUncoveredPrice(reg, top.profile.topic, reading, intent))
    return { topic: null, status: 'uncovered' }
  return { topic: top.profile.topic, status: 'topic' }
}

/**
 * No topic clearly wins when a topic with another outcome comes close to the winner: the other scope, the same
 * scope at another level (imagecms consultation vs support), or another result of the eligibility rules. Close
 * topics that all lead to the same outcome (for a demo user, every topic but general usage is refused) do not make
 * the answer unclear: whichever it is, the verdict is the same.
 */
function contested(reg: Regulation, facts: RequestFacts, ranked: readonly TopicScore[], failure = false): boolean {
  const [top] = ranked
  if (!top) return false
  // a failure report leads where entitledFailure sends it: a function of the product that broke is an error
  const decided = (t: Topic) => entitledFailure(reg, facts, failure, ranked, t) ?? t
  const mine = outcome(reg, facts, decided(top.profile.topic))
  for (const r of ranked) {
    if (r.score < CONTEST_RATIO * top.score) return false
    if (outcome(reg, facts, decided(r.profile.topic)) !== mine) return true
  }
  return false
}

/** What a topic leads to for this request: scope, level and the eligibility rule that decides, if any. */
function outcome(reg: Regulation, facts: RequestFacts, t: Topic): string {
  const level = levelFor(reg, t, facts)
  const e = checkEligibility(reg, facts, t, level)
  if (e.level === undefined) return `${t.scope}/${level}`
  return `${e.level === null || e.outOfScope ? 'out' : t.scope}/${e.level}/${e.reasons[0]?.code}`
}

/**
 * A request that raises several matters mixes their words, and the whole text may match no topic clearly. When each
 * matter, read on its own, clearly has its topic and they all lead to the same outcome, that outcome is the verdict
 * (the first matter's topic decides); the multiple_problems warning still asks for one ticket per problem.
 */
function agreedMatters(
  reg: Regulation,
  facts: RequestFacts,
  matters: readonly string[],
  index: TopicIndex,
): Topic | undefined {
  if (matters.length < 2) return undefined
  const topics: Topic[] = []
  for (const m of matters) {
    const intent = detectIntent(m)
    const ranked = rank(index, scoringText(m), intent)
    const [best] = ranked
    // each matter read as the whole request is: a failure report goes where entitledFailure sends it
    const failure = isFailureReport(m, intent)
    if (!best || best.score < MIN_SCORE || contested(reg, facts, ranked, failure)) return undefined
    topics.push(entitledFailure(reg, facts, failure, ranked, best.profile.topic) ?? best.profile.topic)
  }
  const first = topics[0]
  if (!first) return undefined
  const mine = outcome(reg, facts, first)
  return topics.every((t) => outcome(reg, facts, t) === mine) ? first : undefined
}

/** The not_licensed rule of the request's tier: the topics that tier is served on. */
function tierRestriction(reg: Regulation, facts: RequestFacts): { allowedTopics: readonly string[] } | undefined {
  const rule = reg.eligibility.find((r) => r.rule === 'not_licensed' && facts.tier && r.tiers.includes(facts.tier))
  return rule?.rule === 'not_licensed' ? rule : undefined
}

function restrictedRefusal(reg: Regulation, facts: RequestFacts, ranked: readonly TopicScore[]): Topic | undefined {
  const rule = tierRestriction(reg, facts)
  if (!rule) return undefined
  return ranked.find((r) => r.score >= MIN_SCORE && !rule.allowedTopics.includes(r.profile.topic.id))?.profile.topic
}

/**
 * A tier served only on its question topic (moguta's demo version: «Вопросы общего использования») asks how to do
 * something in the product: that is the question it may ask, whichever in-scope topic its words recall ("как сделать
 * варианты товара" reads like the product's catalogue functions). A report of something broken, or work to be done,
 * is not such a question and is refused as before.
 */
function servedQuestion(reg: Regulation, facts: RequestFacts, intent: Intent, topic: Topic | null): Topic | undefined {
  if (topic?.scope !== 'in' || !intent.question || intent.problem || intent.work) return undefined
  const rule = tierRestriction(reg, facts)
  if (!rule || rule.allowedTopics.includes(topic.id)) return undefined
  return reg.topics.find((t) => t.scope === 'in' && t.kind === 'question' && rule.allowedTopics.includes(t.id))
}

/**
 * A tier served only on some topics (imagecms without a licence or with one bought through a partner, moguta's demo)
 * reports that something is broken without asking how to do anything: that is technical support, which the tier does
 * not get, whichever topic it may ask about its words recall («лицензию брали через партнёра» reads like the
 * partnership topic, a payment module like the modules consultation). Returns the refused topic the request is about.
 */
function reportedFailure(
  reg: Regulation,
  facts: RequestFacts,
  reading: string,
  intent: Intent,
  ranked: readonly TopicScore[],
  topic: Topic | null,
): Topic | undefined {
  if (topic?.scope !== 'in' || !intent.problem || matches('intent.howTo', normalize(reading))) return undefined
  const rule = tierRestriction(reg, facts)
  if (!rule?.allowedTopics.includes(topic.id)) return undefined
  const refused = (t: Topic) => !rule.allowedTopics.includes(t.id)
  return (
    ranked.find((r) => r.score > 0 && refused(r.profile.topic))?.profile.topic ??
    reg.topics.find((t) => t.scope === 'in' && t.kind === 'problem' && refused(t))
  )
}

/**
 * The reverse of reportedFailure: a customer whose tier is served at another level than a question topic's reports
 * that something is broken without asking how to do anything. Where the topic is about a function of the product
 * (`failuresAreErrors`: imagecms admin, storefront, modules) that is an error of the product («сравнение товаров не
 * работает» reads like the storefront consultation): the best-ranked problem topic at the tier's level, else the
 * fallback topic when it is at that level.
 */
function entitledFailure(
  reg: Regulation,
  facts: RequestFacts,
  failure: boolean,
  ranked: readonly TopicScore[],
  topic: Topic | null,
): Topic | undefined {
  if (!failure || !topic?.failuresAreErrors) return undefined
  const tierLevel = levelFor(reg, null, facts)
  if (levelFor(reg, topic, facts) === tierLevel) return undefined
  const served = (t: Topic) => t.scope === 'in' && t.kind === 'problem' && levelFor(reg, t, facts) === tierLevel
  const fallback = reg.topics.find((t) => t.fallback)
  return (
    ranked.find((r) => r.score > 0 && served(r.profile.topic))?.profile.topic ??
    (fallback && served(fallback) ? fallback : undefined)
  )
}

/**
 * A failure report from a customer whose code was modified (the request's `modified` fact) that speaks of updating
 * the product is the regulation's topic of updates after modifications (`modifiedUpdates`: advantshop's «Вопросы
 * обновления продукта после внесенных модификации», out of scope), whichever failure its words name: an update that
 * will not install, an update that broke the cart. Modified code alone is no refusal there (its code_modified rule
 * delays), so a failure that names no update keeps its topic.
 */
function modifiedUpdate(reg: Regulation, facts: RequestFacts, reading: string, topic: Topic | null): Topic | undefined {
  if (!facts.modified || topic?.scope !== 'in' || topic.kind !== 'problem') return undefined
  const updates = reg.topics.find((t) => t.modifiedUpdates)
  return updates && matches('verdict.productUpdate', normalize(reading)) ? updates : undefined
}

/**
 * A question about a price when the regulation has no topic on prices, payment or purchase: the words of the
 * question (a licence, a product name) then pull it to an unrelated in-scope topic, and the honest answer is unclear.
 * A price asked for work the regulation excludes stays out of scope (the winning topic is out).
 */
function asksUncoveredPrice(reg: Regulation, top: Topic, text: string, intent: Intent): boolean {
  if (top.scope !== 'in') return false
  const t = normalize(text)
  // a refund asked after a story of what went wrong ("проект закрылся, не успели запустить") is still about money
  const asked =
    (intent.question && !intent.problem && matches('verdict.priceAsked', t)) || matches('verdict.refundAsked', t)
  const priceTopic = pattern('verdict.priceTopic')
  return (
    asked &&
    !reg.topics.some((other) => other.scope === 'in' && priceTopic.test(`${other.title} ${other.quote}`.toLowerCase()))
  )
}

/**
 * What a failure report counts for the regulation's fallback topic (its "errors of the product" clause) when its
 * words name no topic: "промокод применяется, но сумма не меняется" is a product error although it names none.
 * As much as a clear match of a few words (2.5 × MIN_SCORE), so a topic the words do name still wins.
 */
const FALLBACK_SCORE = 10

/**
 * Topics ranked for a request text (already without identifiers), the intent of the text weighed in.
 * `fallback`: a report of something broken that asks for no work counts at least FALLBACK_SCORE for the fallback
 * topic. Off where matters are told apart (detectWarnings): there every unnamed failure would look like one topic.
 */
function rank(index: TopicIndex, text: string, intent: Intent, fallback = true): TopicScore[] {
  const failureReport = fallback && intent.problem && !intent.work
  return scoreTopics(index, stems(text))
    .map((s) => {
      const words = failureReport && s.profile.topic.fallback ? Math.max(s.score, FALLBACK_SCORE) : s.score
      return { ...s, score: words * intentFactor(s.profile.topic, intent) }
    })
    .sort((a, b) => b.score - a.score)
}

/**
 * How much the request's intent speaks for a topic of a given kind: asking for work leans to work topics,
 * reporting a failure to problem topics, asking how something works to question topics. A request that both
 * reports a failure and asks for work ("шаблон съехал, поправьте") is left to the words alone.
 */
const INTENT_FACTORS: Record<string, Record<NonNullable<Topic['kind']>, number>> = {
  work: { work: 1.4, question: 0.8, problem: 0.85 },
  problem: { problem: 1.3, question: 0.9, work: 0.7 },
  question: { question: 1.25, problem: 1, work: 0.75 },
  'problem+question': { problem: 1.2, question: 1, work: 0.75 },
  'question+work': { work: 1.2, question: 1, problem: 0.9 },
  'problem+work': { problem: 1.1, work: 1.1, question: 0.85 },
}

function intentFactor(topic: Topic, intent: Intent): number {
  const kind = topic.kind
  if (!kind) return 1
  const key = (['problem', 'question', 'work'] as const).filter((k) => intent[k]).join('+')
  return INTENT_FACTORS[key]?.[kind] ?? 1
}

/** The level of an in-scope request: the topic's own, else the tier's, else the regulation's default. */
export function levelFor(reg: Regulation, topic: Topic | null, facts: RequestFacts): string | null {
  if (topic?.scope === 'out') return topic.level ?? reg.outOfScope.level
  if (topic?.level) return topic.level
  const tier = reg.tiers.find((t) => t.id === facts.tier) ?? reg.tiers.find((t) => t.default)
  if (tier?.level) return tier.level
  const levels = Object.entries(reg.levels)
  return (levels.find(([, l]) => l.default) ?? levels[0])?.[0] ?? null
}

function confidenceOf(top: TopicScore | undefined, second: TopicScore | undefined): number {
  if (!top || top.score <= 0) return 0
  const margin = 1 - (second?.score ?? 0) / top.score
  const strength = 1 - Math.exp(-top.score / 10)
  return Math.round((0.5 * margin + 0.5 * strength) * 100) / 100
}

function candidateOf(s: TopicScore): Candidate {
  const t = s.profile.topic
  return { id: t.id, clause: t.clause, text: t.quote, scope: t.scope, score: Math.round(s.score * 10) / 10 }
}

/** The parts of a request that each state a problem, ask something or ask for work. */
export function separateMatters(text: string): string[] {
  return normalize(text)
    .split(pattern('matters.segment'))
    .map((p) => p.trim())
    .filter((p) => stems(p).length >= 2)
    .filter((p) => {
      const intent = detectIntent(p)
      return intent.problem || intent.question || intent.work
    })
}

/** A list the customer numbered ("1) … 2) …", "Вопрос 1: … Вопрос 2 — …"), as far as it tells matters apart. */
interface NumberedList {
  /** the text has one */
  numbered: boolean
  /** it is the steps that reproduce one problem ("1. зайти в админку 2. нажать …"): its items are no matters */
  steps: boolean
  /**
   * its items that are matters, each its own problem or question however it is worded ("2) при экспорте программа
   * закрывается" has no word of a failure), so long as one of them is recognised as one; the fields of a form
   * ("Сайт: …", "Версия: …") are not matters
   */
  matters: number
}

function numberedList(norm: string): NumberedList {
  if (!matches('matters.numbered', norm)) return { numbered: false, steps: false, matters: 0 }
  const items = norm
    .split(pattern('matters.listMarker'))
    // what comes before the first number is the preamble
    .slice(1)
    .map((item) => item.trim())
    .filter((item) => stems(item).length >= 2 && !matches('matters.fieldItem', item))
  // steps when labelled so, or when most items are steps ("2) Выбрать способ доставки нельзя" alone is a matter)
  const steps = items.filter((item) => matches('matters.stepItem', item)).length
  if (matches('information.stepsLabel', norm) || (steps >= 2 && steps * 2 >= items.length))
    return { numbered: true, steps: true, matters: 0 }
  const recognised = items.some((item) => {
    const intent = detectIntent(item)
    return intent.problem || intent.question || intent.work
  })
  return { numbered: true, steps: false, matters: recognised ? items.length : 0 }
}

/**
 * Two or more unrelated problems in one request: the parts of the text (split at list items and at
 * "ещё / также / второй вопрос") point at different topics, each with a clear score of its own.
 */
function detectWarnings(
  reg: Regulation,
  text: string,
  reading: string,
  matters: readonly string[],
  index: TopicIndex,
): Warning[] {
  const warnings: Warning[] = []
  const secrets = findSecrets(text)
  // access data masked before the text came in (an export of regdesk imported back) is access data all the same
  const kinds = secrets.length ? [...new Set(secrets.map((s) => s.kind))] : text.includes(SECRET_MASK) ? ['masked'] : []
  if (kinds.length)
    warnings.push({
      code: 'credentials_in_text',
      message: `the request contains access data (${kinds.join(', ')}); it is masked in every output — ask the customer to change it after the work`,
    })
  const norm = normalize(reading)
  // "две проблемы: …", "у нас две беды": the customer says so, however the matters are worded
  const announced = matches('matters.announced', norm)
  const list = numberedList(norm)
  const several =
    announced ||
    list.matters >= 2 ||
    (matters.length >= 2 &&
      (matches('matters.separate', norm) ||
        (list.numbered && !list.steps) ||
        // the steps of one problem point at different topics as they go: not a sign of several
        (!list.steps &&
          new Set(
            matters.map((m) => {
              const [best] = rank(index, m, detectIntent(m), false)
              return best && best.score >= MIN_SCORE ? best.profile.topic.id : `?${m}`
            }),
          ).size >= 2)))
  const rule = reg.onePerRequest
  if (several) {
    warnings.push({
      code: 'multiple_problems',
      message: `the request raises ${matters.length >= 2 ? matters.length : 'several'} separate problems${rule && rule.effect !== 'delay' ? `; §${rule.clause} asks for one problem per request` : ''}: register one ticket per problem`,
    })
    if (rule?.effect === 'delay')
      warnings.push({
        code: 'resolution_may_be_delayed',
        clause: rule.clause,
        message: `several unrelated problems in one request: §${rule.clause} names this among the causes of a delayed resolution`,
      })
  }
  return warnings
}
