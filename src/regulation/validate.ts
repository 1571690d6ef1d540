import { IANAZone } from 'luxon'
import type { Path } from '../data/locate.js'
import { levelWorkingTime } from './level-time.js'
import type { RegulationFile, WorkingTime } from './schema.js'

export type Report = (path: Path, message: string) => void

export interface ValidationContext {
  /** file name without extension: the id must match it */
  fileId?: string
  /** ids of the calendars that exist */
  calendars?: readonly string[]
}

/**
 * Rules the schema alone cannot express: cross references and facts about the world.
 * Each rule reports every problem it sees, so one run lists them all.
 */
export function validateRegulation(reg: RegulationFile, ctx: ValidationContext, report: Report): void {
  for (const rule of RULES) rule(reg, ctx, report)
}

type Rule = (reg: RegulationFile, ctx: ValidationContext, report: Report) => void

const idMatchesFileName: Rule = (reg, ctx, report) => checkId(reg.id, ctx, report)
const timezoneIsKnown: Rule = (reg, _ctx, report) => checkTimezone(reg.workingTime.timezone, report)
const calendarIsKnown: Rule = (reg, ctx, report) => checkCalendar(reg.workingTime.calendar, ctx, report)

function checkId(id: string, ctx: ValidationContext, report: Report): void {
  if (ctx.fileId !== undefined && id !== ctx.fileId)
    report(['id'], `the id "${id}" must match the file name "${ctx.fileId}"`)
}

function checkTimezone(zone: string, report: Report): void {
  if (!IANAZone.isValidZone(zone))
    report(['workingTime', 'timezone'], `unknown IANA timezone "${zone}" (e.g. "Europe/Moscow")`)
}

function checkCalendar(calendar: string, ctx: ValidationContext, report: Report): void {
  if (ctx.calendars && !ctx.calendars.includes(calendar))
    report(
      ['workingTime', 'calendar'],
      `unknown calendar "${calendar}"; available: ${ctx.calendars.join(', ') || 'none'}`,
    )
}

/**
 * The checks that need only a value of the file, run when its shape is refused, so that one run reports them too
 * (regulations/README.md: every problem in one run): the id against the file name, the timezone and the calendar.
 * A value that is not a text is the schema's to report.
 */
export function validateRegulationValues(data: unknown, ctx: ValidationContext, report: Report): void {
  const file = isMap(data) ? data : {}
  const workingTime = isMap(file.workingTime) ? file.workingTime : {}
  if (typeof file.id === 'string') checkId(file.id, ctx, report)
  if (typeof workingTime.timezone === 'string') checkTimezone(workingTime.timezone, report)
  if (typeof workingTime.calendar === 'string') checkCalendar(workingTime.calendar, ctx, report)
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const hasOpenHours: Rule = (reg, _ctx, report) => {
  if (!isEverOpen(reg.workingTime))
    report(['workingTime', 'weekly'], 'the working time has no open hours on any day: deadlines could never be reached')
}

function isEverOpen(wt: WorkingTime): boolean {
  return Object.values(wt.weekly).some((d) => d.length > 0) || Array.isArray(wt.holidays)
}

const levelWorkingTimeIsUsable: Rule = (reg, _ctx, report) => {
  for (const [id, l] of Object.entries(reg.levels)) {
    const own = l.workingTime
    if (!own) continue
    const { clause: _c, quote: _q, note: _n, note_en: _ne, ...keys } = own
    if (Object.values(keys).every((v) => v === undefined || (typeof v === 'object' && !Object.keys(v).length)))
      report(
        ['levels', id, 'workingTime'],
        'a level working time changes nothing: give weekly, holidays, transferredDaysOff, workingWeekends or shortenedDayMinutes',
      )
    else if (!isEverOpen(levelWorkingTime(reg, id)))
      report(
        ['levels', id, 'workingTime'],
        `the working time of level "${id}" has no open hours on any day: deadlines could never be reached`,
      )
  }
}

const delayingRuleDoesNotRoute: Rule = (reg, _ctx, report) => {
  reg.eligibility.forEach((r, i) => {
    if (r.rule === 'code_modified' && r.effect === 'delay' && r.level !== undefined)
      report(
        ['eligibility', i, 'level'],
        'a rule with `effect: delay` keeps the request at its level: drop `level` (it routes refused requests)',
      )
  })
}

const oneDefaultLevel: Rule = (reg, _ctx, report) => {
  const defaults = Object.entries(reg.levels).filter(([, l]) => l.default)
  if (defaults.length === 0 && Object.keys(reg.levels).length > 1)
    report(['levels'], 'expected one level marked `default: true`')
  for (const [id] of defaults.slice(1)) report(['levels', id, 'default'], 'only one level may be the default')
}

const targetWithinLimit: Rule = (reg, _ctx, report) => {
  for (const [id, l] of Object.entries(reg.levels)) {
    if (l.target && !l.limit) report(['levels', id, 'target'], 'a level with a target must also have a limit')
    if (l.target && l.limit && l.target.unit === l.limit.unit && l.target.amount > l.limit.amount)
      report(
        ['levels', id, 'target', 'amount'],
        `the target (${l.target.amount}) exceeds the limit (${l.limit.amount})`,
      )
  }
}

const workingDaysAreWhole: Rule = (reg, _ctx, report) => {
  for (const [id, l] of Object.entries(reg.levels))
    for (const key of ['limit', 'target'] as const) {
      const d = l[key]
      if (d?.unit === 'working_days' && !Number.isInteger(d.amount))
        report(
          ['levels', id, key, 'amount'],
          `working days must be whole, got ${d.amount}; use working_hours for parts of a day`,
        )
    }
}

const levelWithoutLimitHasNote: Rule = (reg, _ctx, report) => {
  for (const [id, l] of Object.entries(reg.levels))
    if (l.limit === null && !l.note)
      report(['levels', id], 'a level without a reaction time must say why in a `note` (the source is silent?)')
}

const referencesKnownLevels: Rule = (reg, _ctx, report) => {
  const known = (lvl: string | null | undefined, path: Path) => {
    // own keys only: «constructor» is in every object, and no level
    if (lvl && !Object.hasOwn(reg.levels, lvl))
      report(path, `unknown level "${lvl}"; levels: ${Object.keys(reg.levels).join(', ')}`)
  }
  reg.tiers.forEach((t, i) => known(t.level, ['tiers', i, 'level']))
  reg.topics.forEach((t, i) => known(t.level, ['topics', i, 'level']))
  known(reg.outOfScope.level, ['outOfScope', 'level'])
  reg.eligibility.forEach((r, i) => {
    known(r.level, ['eligibility', i, 'level'])
    if (r.rule === 'support_period_expired') r.levels.forEach((l, j) => known(l, ['eligibility', i, 'levels', j]))
  })
}

const oneFallbackTopic: Rule = (reg, _ctx, report) => {
  const fallbacks = reg.topics.flatMap((t, i) => (t.fallback ? [i] : []))
  for (const i of fallbacks.slice(1)) report(['topics', i, 'fallback'], 'only one topic may be the fallback')
  for (const i of fallbacks) {
    const t = reg.topics[i]
    if (t && (t.scope !== 'in' || t.kind !== 'problem'))
      report(
        ['topics', i, 'fallback'],
        'the fallback topic is an in-scope topic of kind problem (errors of the product)',
      )
  }
}

const oneModifiedUpdatesTopic: Rule = (reg, _ctx, report) => {
  const marked = reg.topics.flatMap((t, i) => (t.modifiedUpdates ? [i] : []))
  for (const i of marked.slice(1))
    report(['topics', i, 'modifiedUpdates'], 'only one topic may be the topic of updates after modifications')
}

const delayCausesOnce: Rule = (reg, _ctx, report) => {
  const seen = new Set<string>()
  reg.delayCauses?.forEach((d, i) => {
    if (seen.has(d.cause)) report(['delayCauses', i, 'cause'], `the cause ${d.cause} is named twice`)
    seen.add(d.cause)
  })
}

const failuresAreErrorsOnQuestions: Rule = (reg, _ctx, report) => {
  reg.topics.forEach((t, i) => {
    if (t.failuresAreErrors && (t.scope !== 'in' || t.kind !== 'question' || t.level === undefined))
      report(
        ['topics', i, 'failuresAreErrors'],
        'failuresAreErrors goes on an in-scope topic of kind question with a level of its own (a consultation)',
      )
  })
}

const referencesKnownTiers: Rule = (reg, _ctx, report) => {
  const tiers = reg.tiers.map((t) => t.id)
  const known = (tier: string, path: Path) => {
    if (!tiers.includes(tier)) report(path, `unknown tier "${tier}"; tiers: ${tiers.join(', ') || 'none'}`)
  }
  for (const kind of ['accepted', 'rejected'] as const)
    reg.channels[kind].forEach((c, i) => c.tiers?.forEach((t, j) => known(t, ['channels', kind, i, 'tiers', j])))
  reg.eligibility.forEach((r, i) => {
    if (r.rule === 'not_licensed') r.tiers.forEach((t, j) => known(t, ['eligibility', i, 'tiers', j]))
  })
  reg.queue.tierOrder?.forEach((t, i) => known(t, ['queue', 'tierOrder', i]))
  if (reg.tiers.filter((t) => t.default).length > 1) report(['tiers'], 'only one tier may be the default')
}

const referencesKnownTopics: Rule = (reg, _ctx, report) => {
  const topics = reg.topics.map((t) => t.id)
  reg.eligibility.forEach((r, i) => {
    if (r.rule === 'not_licensed')
      r.allowedTopics.forEach((t, j) => {
        if (!topics.includes(t)) report(['eligibility', i, 'allowedTopics', j], `unknown topic "${t}"`)
      })
  })
}

const idsAreUnique: Rule = (reg, _ctx, report) => {
  const unique = (ids: string[], path: (i: number) => Path, what: string) => {
    const seen = new Set<string>()
    ids.forEach((id, i) => {
      if (seen.has(id)) report(path(i), `duplicate ${what} id "${id}"`)
      seen.add(id)
    })
  }
  unique(
    reg.topics.map((t) => t.id),
    (i) => ['topics', i, 'id'],
    'topic',
  )
  unique(
    reg.tiers.map((t) => t.id),
    (i) => ['tiers', i, 'id'],
    'tier',
  )
  unique(
    (reg.products ?? []).map((p) => p.id),
    (i) => ['products', i, 'id'],
    'product',
  )
  unique(
    reg.requiredInformation.map((r) => r.id),
    (i) => ['requiredInformation', i, 'id'],
    'required information',
  )
  const accepted = new Set(reg.channels.accepted.map((c) => c.id))
  reg.channels.rejected.forEach((c, i) => {
    if (accepted.has(c.id)) report(['channels', 'rejected', i, 'id'], `channel "${c.id}" is both accepted and rejected`)
  })
}

const productRuleNeedsProducts: Rule = (reg, _ctx, report) => {
  reg.eligibility.forEach((r, i) => {
    if (r.rule === 'product_unsupported' && !(reg.products ?? []).some((p) => p.supportedUntil))
      report(['eligibility', i], 'product_unsupported needs products with a `supportedUntil` date')
  })
}

const RULES: Rule[] = [
  idMatchesFileName,
  timezoneIsKnown,
  calendarIsKnown,
  hasOpenHours,
  levelWorkingTimeIsUsable,
  delayingRuleDoesNotRoute,
  oneDefaultLevel,
  targetWithinLimit,
  workingDaysAreWhole,
  levelWithoutLimitHasNote,
  referencesKnownLevels,
  referencesKnownTiers,
  referencesKnownTopics,
  oneFallbackTopic,
  failuresAreErrorsOnQuestions,
  oneModifiedUpdatesTopic,
  delayCausesOnce,
  idsAreUnique,
  productRuleNeedsProducts,
]
