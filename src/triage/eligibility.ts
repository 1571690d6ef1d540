import { addDays, isRealDate } from '../calendar/dates.js'
import { dateIn, parseIsoInstant } from '../calendar/instant.js'
import type { Regulation } from '../regulation/load.js'
import type { Topic } from '../regulation/schema.js'
import type { Reason, RequestFacts, Warning } from './types.js'

export interface EligibilityResult {
  /** the rules the request fails, most fundamental first */
  reasons: Reason[]
  warnings: Warning[]
  /** the level after the rules: undefined when no rule changed it */
  level?: string | null
  outOfScope?: boolean
}

/**
 * Whether the request can be served under the regulation at all: the channel it came through,
 * the product's support period, the licence, the version, modified code.
 */
export function checkEligibility(
  reg: Regulation,
  facts: RequestFacts,
  topic: Topic | null,
  level: string | null,
): EligibilityResult {
  const reasons: Reason[] = []
  const warnings: Warning[] = []
  /** the routing of the first rule the request fails */
  let routedTo: string | null | undefined
  const receivedDate = dateIn(facts.receivedAt, reg.workingTime.timezone)

  if (facts.channel) {
    const rejected = reg.channels.rejected.find((c) => c.id === facts.channel)
    const accepted = reg.channels.accepted.find((c) => c.id === facts.channel)
    const acceptedIds = reg.channels.accepted.map((c) => c.id).join(', ')
    if (rejected || !accepted) {
      reasons.push({
        code: 'channel_not_accepted',
        clause: (rejected ?? reg.channels.accepted[0])?.clause ?? null,
        quote: (rejected ?? reg.channels.accepted[0])?.quote ?? null,
        message: `requests through ${facts.channel} are not accepted; accepted: ${acceptedIds}`,
      })
    } else if (accepted.tiers && !(facts.tier && accepted.tiers.includes(facts.tier))) {
      reasons.push({
        code: 'channel_not_accepted',
        clause: accepted.clause,
        quote: accepted.quote,
        message: `${facts.channel} is accepted only from ${accepted.tiers.join(', ')} customers`,
      })
    } else if (accepted.emergencyOnly) {
      warnings.push({
        code: 'phone_emergency_only',
        message: `${facts.channel} is for emergencies only (§${accepted.clause}); other requests go through ${reg.channels.accepted
          .filter((c) => !c.emergencyOnly)
          .map((c) => c.id)
          .join(', ')}`,
        clause: accepted.clause,
      })
    }
  }

  for (const rule of reg.eligibility) {
    const before = reasons.length
    switch (rule.rule) {
      case 'product_unsupported': {
        if (facts.product === undefined) break
        const product = reg.products?.find((p) => p.id === facts.product)
        if (!product)
          // the rule's clause lists the supported products (mst 1.1); one it does not list is not supported
          reasons.push({
            code: 'product_unsupported',
            clause: rule.clause,
            quote: rule.quote,
            message: `${facts.product} is not among the supported products (${(reg.products ?? []).map((p) => p.name).join(', ')})`,
          })
        else if (product.supportedUntil && receivedDate > product.supportedUntil)
          reasons.push({
            code: 'product_unsupported',
            clause: product.clause,
            quote: product.quote,
            message: `${product.name} was supported until ${product.supportedUntil}`,
          })
        break
      }
      case 'support_period_expired': {
        if (!facts.licenseDate || !level || !rule.levels.includes(level)) break
        const end = periodEnd(facts.licenseDate, rule.period, reg.workingTime.timezone)
        if (end !== null && facts.receivedAt >= end)
          reasons.push({
            code: 'support_period_expired',
            clause: rule.clause,
            quote: rule.quote,
            message: `the ${rule.levels.join('/')} period of ${rule.period.amount} ${rule.period.unit.replace('_', ' ')} after the licence purchase (${facts.licenseDate}) has ended`,
          })
        break
      }
      case 'version_outdated':
        if (facts.outdated)
          reasons.push({
            code: 'version_outdated',
            clause: rule.clause,
            quote: rule.quote,
            message: 'only the current version is supported',
          })
        break
      case 'code_modified':
        if (!facts.modified) break
        if (rule.effect === 'delay')
          warnings.push({
            code: 'resolution_may_be_delayed',
            clause: rule.clause,
            message: `the product code was modified: §${rule.clause} names this among the causes of a delayed (or impossible) resolution; the request is served at its level`,
          })
        else
          reasons.push({
            code: 'code_modified',
            clause: rule.clause,
            quote: rule.quote,
            message: 'the product code was modified',
          })
        break
      case 'not_licensed': {
        if (!facts.tier || !rule.tiers.includes(facts.tier)) break
        const tier = reg.tiers.find((t) => t.id === facts.tier)?.name ?? facts.tier
        // no allowed topic: the tier is not served at all (moguta's free versions), whatever the request is about
        if (!rule.allowedTopics.length)
          reasons.push({
            code: 'not_licensed',
            clause: rule.clause,
            quote: rule.quote,
            message: `${tier} (tier ${facts.tier}) is not supported`,
          })
        else if (topic && !rule.allowedTopics.includes(topic.id))
          reasons.push({
            code: 'not_licensed',
            clause: rule.clause,
            quote: rule.quote,
            message: `${tier} (tier ${facts.tier}) is served only on ${rule.allowedTopics.join(', ')}`,
          })
        break
      }
    }
    if (reasons.length > before && routedTo === undefined)
      routedTo = rule.level === undefined ? reg.outOfScope.level : rule.level
  }

  const blocking = reasons.filter((r) => r.code !== 'channel_not_accepted')
  if (!blocking.length) return { reasons, warnings }
  return { reasons, warnings, level: routedTo ?? null, outOfScope: true }
}

/**
 * The first instant after a period that starts on the purchase date: a licence bought on
 * 2026-11-01 with 30 calendar days is served through 2026-12-01 and not from 2026-12-02.
 */
function periodEnd(date: string, period: { amount: number; unit: string }, zone: string): number | null {
  const start = parseIsoInstant(date, zone)
  if (!start.ok || !isRealDate(date)) return null
  switch (period.unit) {
    case 'calendar_days':
    case 'working_days': {
      // whole days on the wall calendar: a DST change in between does not shift the hour
      const end = parseIsoInstant(addDays(date, period.amount + 1), zone)
      return end.ok ? end.ms : null
    }
    case 'calendar_hours':
    case 'working_hours':
      return start.ms + period.amount * 3_600_000
    default:
      return start.ms + period.amount * 60_000
  }
}
