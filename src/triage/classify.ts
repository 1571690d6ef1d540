import type { Regulation } from '../regulation/load.js'
import type { Topic } from '../regulation/schema.js'
import { findSecrets } from './credentials.js'
import { checkEligibility } from './eligibility.js'
import { type InformationId, missingInformation, withoutIdentifiers } from './information.js'
import { detectIntent, type Intent } from './intent.js'
import { scoreTopics, type TopicScore } from './score.js'
import { normalize, stems } from './text.js'
import { type TopicIndex, topicIndex } from './topic-index.js'
import type { Candidate, Reason, RequestFacts, Verdict, Warning } from './types.js'

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
  /** the agent's choice of topic (interactive mode): it decides instead of the scores */
  chosenTopic?: string,
): Verdict {
  const index = topicIndex(reg)
  const intent = detectIntent(text)
  const ranked = rank(index, withoutIdentifiers(text), intent)
  const [top, second] = ranked
  const reasons: Reason[] = []
  const warnings: Warning[] = [...detectWarnings(reg, text, index)]
  const candidates = ranked
    .filter((r) => r.score >= MIN_SCORE)
    .slice(0, 3)
    .map(candidateOf)

  let scope: Verdict['scope']
  let topic: Topic | null = null
  const chosen = chosenTopic === undefined ? undefined : reg.topics.find((t) => t.id === chosenTopic)
  if (chosenTopic !== undefined && !chosen) throw new RangeError(`unknown topic "${chosenTopic}" for ${reg.id}`)
  if (chosen) {
    topic = chosen
    scope = topic.scope
    reasons.push({
      code: topic.scope === 'in' ? 'topic_in_scope' : 'topic_out_of_scope',
      clause: topic.clause,
      message: `${topic.scope === 'in' ? 'in scope' : 'out of scope'}: ${topic.title} (chosen by the agent)`,
    })
  } else if (!top || top.score < MIN_SCORE) {
    scope = 'unclear'
  } else if (
    second &&
    second.profile.topic.scope !== top.profile.topic.scope &&
    second.score >= CONTEST_RATIO * top.score
  ) {
    scope = 'unclear'
  } else {
    topic = top.profile.topic
    scope = topic.scope
    reasons.push({
      code: topic.scope === 'in' ? 'topic_in_scope' : 'topic_out_of_scope',
      clause: topic.clause,
      message: `${topic.scope === 'in' ? 'in scope' : 'out of scope'}: ${topic.title}`,
    })
  }

  let level = levelFor(reg, topic, facts)
  const eligibility = checkEligibility(reg, facts, topic, level)
  reasons.unshift(...eligibility.reasons)
  warnings.push(...eligibility.warnings)
  if (eligibility.reasons.some((r) => r.code === 'channel_not_accepted')) {
    // a request through a channel the regulation does not accept cannot be registered at all
    scope = 'out'
    level = null
  } else if (eligibility.level !== undefined) {
    scope = eligibility.level === null || eligibility.outOfScope ? 'out' : scope
    level = eligibility.level
  }
  if (scope === 'unclear') level = null

  const required = reg.requiredInformation.filter((r) => !r.optional).map((r) => r.id as InformationId)
  return {
    regulation: reg.id,
    scope,
    level,
    topic: topic ? { id: topic.id, clause: topic.clause, text: topic.quote } : null,
    confidence: chosen ? 1 : confidenceOf(top, second),
    candidates: scope === 'unclear' ? candidates : [],
    reasons,
    missing: missingInformation(text, required),
    warnings,
  }
}

function rank(index: TopicIndex, text: string, intent: Intent): TopicScore[] {
  return scoreTopics(index, stems(text))
    .map((s) => ({ ...s, score: s.score * intentFactor(s.profile.topic, intent) }))
    .sort((a, b) => b.score - a.score)
}

/** Asking for work leans to work topics; reporting a failure leans away from them. */
function intentFactor(topic: Topic, intent: Intent): number {
  const kind = topic.kind
  if (!kind) return 1
  if (intent.work && !intent.problem) return kind === 'work' ? 1.35 : 0.85
  if (intent.problem && !intent.work) return kind === 'problem' ? 1.25 : kind === 'work' ? 0.75 : 1
  if (intent.question && !intent.work && !intent.problem) return kind === 'question' ? 1.2 : kind === 'work' ? 0.85 : 1
  return 1
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

// Where a request moves on to another matter: list items and "а ещё / отдельно / also / separately".
const SEGMENT_MARKERS = new RegExp(
  [
    String.raw`(?:^|\s)\d{1,2}[.)]\s`,
    String.raw`\n\s*[-*•]\s`,
    String.raw`(?<!\p{L})(?:а|и|но)?\s*(?:еще|также|так же|кроме того|помимо этого|вдобавок|заодно|во-вторых|второй вопрос|другой вопрос|отдельный вопрос)(?!\p{L})`,
    String.raw`(?<!\p{L})(?:а\s+)?отдельно\s*[:,—–-]|(?<!\p{L})а\s+отдельно(?!\p{L})`,
    String.raw`\b(?:and\s+)?(?:also|separately|unrelated|secondly|another (?:issue|question|problem)|one more thing)\b`,
  ].join('|'),
  'giu',
)
/** the customer numbered the matters: "1) … 2) …" */
const NUMBERED = /(?:^|\s)1[.)]\s[\s\S]*\s2[.)]\s/
/** "два вопроса", "two issues": the customer says so. */
const ANNOUNCED =
  /(?<!\p{L})(?:два|две|2|несколько|пара|three|two|several|a couple of)\s+(?:вопроса|вопросов|проблемы|проблем|things|issues|questions|problems)(?!\p{L})/iu

/** The parts of a request that each state a problem, ask something or ask for work. */
export function separateMatters(text: string): string[] {
  return normalize(text)
    .split(SEGMENT_MARKERS)
    .map((p) => p.trim())
    .filter((p) => stems(p).length >= 2)
    .filter((p) => {
      const intent = detectIntent(p)
      return intent.problem || intent.question || intent.work
    })
}

/**
 * Two or more unrelated problems in one request: the parts of the text (split at list items and at
 * "ещё / также / второй вопрос") point at different topics, each with a clear score of its own.
 */
function detectWarnings(reg: Regulation, text: string, index: TopicIndex): Warning[] {
  const warnings: Warning[] = []
  const secrets = findSecrets(text)
  if (secrets.length)
    warnings.push({
      code: 'credentials_in_text',
      message: `the request contains access data (${[...new Set(secrets.map((s) => s.kind))].join(', ')}); it is masked in every output — ask the customer to change it after the work`,
    })
  const norm = normalize(text)
  const matters = separateMatters(text)
  if (matters.length >= 2) {
    const topics = new Set(
      matters.map((m) => {
        const [best] = rank(index, m, detectIntent(m))
        return best && best.score >= MIN_SCORE ? best.profile.topic.id : `?${m}`
      }),
    )
    if (topics.size >= 2 || ANNOUNCED.test(norm) || NUMBERED.test(norm))
      warnings.push({
        code: 'multiple_problems',
        message: `the request raises ${matters.length} separate problems${reg.onePerRequest ? `; §${reg.onePerRequest.clause} asks for one problem per request` : ''}: register one ticket per problem`,
      })
  }
  return warnings
}
