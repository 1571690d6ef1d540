import { z } from 'zod'

/**
 * The regulation file format (regulations/README.md is its written spec).
 * Every object is strict: an unknown key is an error, so a typo never passes silently.
 */

import { regulationReplies } from './replies-schema.js'
import { CHANNELS, DELAY_CAUSES, DURATION_UNITS, INFORMATION_IDS, WEEKDAYS, type Weekday } from './vocabulary.js'

export {
  CHANNELS,
  DELAY_CAUSES,
  DURATION_UNITS,
  INFORMATION_IDS,
  REASON_CODES,
  WARNING_CODES,
  WEEKDAYS,
} from './vocabulary.js'

const ID = /^[a-z0-9][a-z0-9-]*$/
const INTERVAL = /^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$/

const id = () => z.string().regex(ID, { error: 'expected a lowercase id like "update-failure"' })
const text = () => z.string().trim().min(1, { error: 'expected a non-empty text' })

/** A time range of one day, "HH:MM-HH:MM", end after start ("24:00" allowed as an end). */
export const interval = z
  .string({ error: (issue) => `expected a time range like "09:00-18:00", got ${describe(issue.input)}` })
  .regex(INTERVAL, { error: (issue) => `expected a time range like "09:00-18:00", got ${describe(issue.input)}` })
  .refine((s) => minutesOf(s.slice(0, 5)) < minutesOf(s.slice(6)), {
    error: (issue) => `the range ${describe(issue.input)} ends before it starts`,
  })

export const dayHours = z.array(interval).superRefine((ranges, ctx) => {
  const sorted = ranges
    .filter((r) => INTERVAL.test(r))
    .map((r) => [minutesOf(r.slice(0, 5)), minutesOf(r.slice(6)), r] as const)
    .sort((a, b) => a[0] - b[0])
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]
    const cur = sorted[i]
    if (prev && cur && cur[0] < prev[1]) {
      ctx.addIssue({ code: 'custom', message: `the ranges "${prev[2]}" and "${cur[2]}" overlap` })
    }
  }
})

/**
 * Where a rule comes from: the clause number as the source writes it, and a short quote; a reader's note on how the
 * source was read, in Russian (`note`) and English (`note_en`), shown in the interface language (regulations/README.md).
 */
const cited = {
  clause: text(),
  quote: text(),
  note: text().optional(),
  note_en: text().optional(),
}

export const duration = z.strictObject({
  amount: z
    .number({ error: (issue) => `expected a number of units, got ${describe(issue.input)}` })
    .positive({ error: 'expected a positive amount' })
    .max(100_000, { error: 'expected an amount of at most 100000' }),
  unit: z.enum(DURATION_UNITS, {
    error: (issue) => `expected one of ${DURATION_UNITS.join(', ')}, got ${describe(issue.input)}`,
  }),
})

const closedOrHours = z.union([z.literal('closed'), dayHours], {
  error: (issue) => `expected "closed" or a list of time ranges, got ${describe(issue.input)}`,
})

const workingWeekends = z.union([z.enum(WEEKDAYS), dayHours], {
  error: (issue) => `expected a weekday (mon…sun) or a list of time ranges, got ${describe(issue.input)}`,
})

/** minutes by which the last range of a shortened pre-holiday day ends earlier (0: not shortened) */
const shortenedDayMinutes = z
  .number()
  .int()
  .min(0)
  .max(24 * 60)

export const workingTime = z.strictObject({
  timezone: text(),
  calendar: id(),
  weekly: z.strictObject(Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours])) as Record<Weekday, typeof dayHours>),
  /** art. 112 holidays (and the other non-working days of the calendar) */
  holidays: closedOrHours,
  /** weekdays made days off by transfer */
  transferredDaysOff: closedOrHours,
  /** a weekend day made working: the hours of a named weekday, or explicit ranges */
  workingWeekends,
  shortenedDayMinutes,
  ...cited,
  notes: z.array(z.strictObject(cited)).optional(),
})

/**
 * A level's own working time (umi: consultations count weekdays only): the keys it gives replace
 * the regulation's, per weekday for `weekly`. The timezone and calendar stay the regulation's, so
 * one request is always read in one zone.
 */
export const workingTimeOverride = z.strictObject({
  weekly: z
    .strictObject(
      Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours.optional()])) as Record<
        Weekday,
        z.ZodOptional<typeof dayHours>
      >,
    )
    .optional(),
  holidays: closedOrHours.optional(),
  transferredDaysOff: closedOrHours.optional(),
  workingWeekends: workingWeekends.optional(),
  shortenedDayMinutes: shortenedDayMinutes.optional(),
  ...cited,
})

export const level = z.strictObject({
  name: text(),
  default: z.boolean().optional(),
  /** the maximum reaction time; null when the source states none (then `note` says so) */
  limit: duration.nullable(),
  target: duration.nullable().optional(),
  description: text().optional(),
  /** the level counts its limit in hours of its own (regulations/README.md, "Keys") */
  workingTime: workingTimeOverride.optional(),
  /**
   * where the source says a request at this level may take longer to resolve (advantshop and umi: development, a
   * question handed to the developers), so a request served at it gets the warning resolution_may_be_delayed
   */
  delays: z.strictObject(cited).optional(),
  ...cited,
})

export const channel = z.strictObject({
  id: z.enum(CHANNELS, { error: (issue) => `expected one of ${CHANNELS.join(', ')}, got ${describe(issue.input)}` }),
  address: text().optional(),
  /** accepted only for these tiers (e.g. advantshop: phone for partners) */
  tiers: z.array(id()).optional(),
  /** accepted for emergencies only: a request on it gets the phone_emergency_only warning */
  emergencyOnly: z.boolean().optional(),
  ...cited,
})

export const tier = z.strictObject({
  id: id(),
  name: text(),
  default: z.boolean().optional(),
  /** the level this tier's in-scope requests get */
  level: id().optional(),
  ...cited,
})

export const product = z.strictObject({
  id: id(),
  name: text(),
  aliases: z.array(text()).optional(),
  /** last day of support, inclusive */
  supportedUntil: z.iso.date({ error: 'expected a date like "2021-12-31"' }).optional(),
  ...cited,
})

export const topicMatch = z.strictObject({
  /** multi-word phrases that strongly indicate the topic (any language, colloquial, typo'd) */
  phrases: z.array(text()).optional(),
  /** single words whose stems indicate the topic */
  keywords: z.array(text()).optional(),
  /** whole sample requests */
  examples: z.array(text()).optional(),
  /** words that argue against the topic */
  negative: z.array(text()).optional(),
})

export const topic = z.strictObject({
  id: id(),
  scope: z.enum(['in', 'out'], { error: (issue) => `expected "in" or "out", got ${describe(issue.input)}` }),
  title: text(),
  /** what the request asks for: fix/explain something (problem, question) or do work for the customer (work) */
  kind: z.enum(['problem', 'question', 'work']).optional(),
  /** the level this topic gives, overriding the tier's level (e.g. imagecms consultation) */
  level: id().optional(),
  /**
   * the topic of a failure report whose words name no topic clearly: the source's own "errors of the product"
   * clause (one in-scope problem topic per regulation)
   */
  fallback: z.literal(true).optional(),
  /**
   * a question topic at a level of its own whose subject is a function of the product (imagecms: the admin, the
   * storefront, the modules, consultations): a report that it is broken is an error of the product, served at the
   * customer's own level by a problem topic of that level
   */
  failuresAreErrors: z.literal(true).optional(),
  /**
   * the topic of updating a product whose code the customer modified (one per regulation; advantshop: «Вопросы
   * обновления продукта после внесенных модификации»): a failure report that speaks of updating the product, from a
   * customer whose code was modified (the request's `modified` fact), is this topic, whatever failure its words name
   */
  modifiedUpdates: z.literal(true).optional(),
  match: topicMatch.optional(),
  ...cited,
})

/** where a request that fails the rule goes: a level, null for none; absent: the regulation's outOfScope level */
const routing = { level: id().nullable().optional() }

const eligibilityRule = z.discriminatedUnion(
  'rule',
  [
    z.strictObject({ rule: z.literal('product_unsupported'), ...routing, ...cited }),
    z.strictObject({
      rule: z.literal('support_period_expired'),
      ...routing,
      period: duration,
      /** levels that end with the period; the others stay available */
      levels: z.array(id()),
      ...cited,
    }),
    z.strictObject({ rule: z.literal('version_outdated'), ...routing, ...cited }),
    z.strictObject({
      rule: z.literal('code_modified'),
      ...routing,
      /**
       * refuse (default): the request cannot be served; delay: it is served at its level, with the warning
       * that the resolution may be delayed (advantshop §3.1 lists modified code among the causes of delay)
       */
      effect: z
        .enum(['refuse', 'delay'], { error: (issue) => `expected "refuse" or "delay", got ${describe(issue.input)}` })
        .optional(),
      ...cited,
    }),
    z.strictObject({
      rule: z.literal('not_licensed'),
      ...routing,
      tiers: z.array(id()),
      /** topics these tiers may still ask about */
      allowedTopics: z.array(id()),
      ...cited,
    }),
  ],
  {
    error: (issue) =>
      `expected a rule, one of product_unsupported, support_period_expired, version_outdated, code_modified, not_licensed${issue.input === undefined ? '' : `, got ${describe((issue.input as { rule?: unknown })?.rule)}`}`,
  },
)

export const requiredInformation = z.strictObject({
  id: z.enum(INFORMATION_IDS, {
    error: (issue) => `expected one of ${INFORMATION_IDS.join(', ')}, got ${describe(issue.input)}`,
  }),
  /** the source asks for it "if possible" */
  optional: z.boolean().optional(),
  ...cited,
})

const lifecycleRule = z.discriminatedUnion(
  'rule',
  [
    z.strictObject({ rule: z.literal('close_resolved_after_inactivity'), after: duration, ...cited }),
    z.strictObject({ rule: z.literal('close_without_customer_answer'), after: duration, ...cited }),
    z.strictObject({ rule: z.literal('purge_credentials_after_close'), after: duration, ...cited }),
    z.strictObject({ rule: z.literal('ask_credentials_change_after_close'), ...cited }),
  ],
  {
    error: () =>
      'expected a rule, one of close_resolved_after_inactivity, close_without_customer_answer, purge_credentials_after_close, ask_credentials_change_after_close',
  },
)

export const queue = z.strictObject({
  order: z.enum(['received', 'tier-then-last-customer-comment']),
  /** critical "restore a broken site" requests go out of turn */
  criticalFirst: z.boolean(),
  /** tiers first to last, for tier ordering */
  tierOrder: z.array(id()).optional(),
  ...cited,
})

export const regulationSchema = z.strictObject({
  schemaVersion: z.literal(1, { error: 'expected schemaVersion: 1' }),
  id: id(),
  name: text(),
  vendor: text(),
  /** the prefix of its ticket ids ("MG" → MG-000124); default: the first two letters of the id */
  ticketPrefix: z
    .string()
    .regex(/^[A-Z]{1,4}$/, { error: 'expected one to four capital Latin letters, like "MG"' })
    .optional(),
  /**
   * the names customers call the product by, one word each ("Moguta", "Могута"): every request may name it, so triage
   * reads no topic into them
   */
  productNames: z.array(text()).optional(),
  source: z.strictObject({ title: text(), file: text(), url: text().optional() }),
  workingTime,
  /** how reaction windows open: only the first request, or also every customer reply after an agent response */
  reactionWindows: z.strictObject({
    opens: z.enum(['first-request', 'every-customer-reply']),
    ...cited,
  }),
  levels: z.record(id(), level).refine((l) => Object.keys(l).length > 0, { error: 'expected at least one level' }),
  tiers: z.array(tier),
  products: z.array(product).optional(),
  channels: z.strictObject({ accepted: z.array(channel).min(1), rejected: z.array(channel) }),
  topics: z.array(topic).min(1),
  /**
   * where an out-of-scope request goes: a level (advantshop, umi: consulting) or none; `delays`: where the source says
   * such a request may take longer to resolve (a served one gets the warning resolution_may_be_delayed)
   */
  outOfScope: z.strictObject({ level: id().nullable(), delays: z.strictObject(cited).optional(), ...cited }),
  eligibility: z.array(eligibilityRule),
  requiredInformation: z.array(requiredInformation),
  /** one problem per request; `effect: delay`: the source names several problems only as a cause of delay (advantshop) */
  onePerRequest: z.strictObject({ ...cited, effect: z.enum(['delay']).optional() }).optional(),
  /**
   * what a served request may say that the source names among the causes of a delayed (or impossible) resolution
   * (advantshop §3.1: a third-party service's function, no access to the site): it gets resolution_may_be_delayed
   */
  delayCauses: z.array(z.strictObject({ cause: z.enum(DELAY_CAUSES), ...cited })).optional(),
  lifecycle: z.array(lifecycleRule),
  queue,
  notes: z.array(z.strictObject({ ...cited })).optional(),
  /** the regulation's own wording of reply drafts (src/regulation/replies-schema.ts) */
  replies: regulationReplies.optional(),
})

export type { Channel, DurationUnit, Weekday } from './vocabulary.js'
export type Duration = z.infer<typeof duration>
export type RegulationFile = z.infer<typeof regulationSchema>
export type WorkingTime = z.infer<typeof workingTime>
export type Level = z.infer<typeof level>
export type WorkingTimeOverride = z.infer<typeof workingTimeOverride>
export type Topic = z.infer<typeof topic>
export type Tier = z.infer<typeof tier>
export type Product = z.infer<typeof product>
export type EligibilityRule = z.infer<typeof eligibilityRule>
export type LifecycleRule = z.infer<typeof lifecycleRule>

export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'null'
  if (typeof value === 'object') return 'a map'
  return String(value)
}
