import { describe, expect, it } from 'vitest'
import { checkShippedBasics, shippedRegulation, sourceText } from './shipped.js'

// Facts of regulations/imagecms.yaml, checked by hand against the source (../shared/seeds/imagecms.txt).

const ID = 'imagecms'
const { reg } = shippedRegulation(ID)

/** the file ends with an unrelated blog post: the regulation stops before it */
const BLOG_POST = 'Звоню позавчера родителям'
const { seed, noSeed } = sourceText(ID, BLOG_POST)

/** bullet lines ("•") between two headings */
function bullets(source: string, from: string, to: string): number {
  const start = source.indexOf(from)
  const end = source.indexOf(to, start)
  expect(start, `heading ${from}`).toBeGreaterThanOrEqual(0)
  expect(end, `heading ${to}`).toBeGreaterThan(start)
  return source
    .slice(start, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('•')).length
}

const CONSULTATION = '«Консультация»'
const SUPPORT = '«Техническая поддержка включает»'
const NOT_COVERED = '«Услуги, которые не покрывает Техническая поддержка»'
const topics = (scope: 'in' | 'out', clause?: string) =>
  reg.topics.filter((t) => t.scope === scope && (clause === undefined || t.clause === clause))

describe('imagecms regulation', () => {
  it('works Mon–Fri 10–18 Moscow time, closed on holidays', () => {
    const wt = reg.workingTime
    expect(wt.timezone).toBe('Europe/Moscow')
    expect(wt.calendar).toBe('ru')
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) expect(wt.weekly[d]).toEqual(['10:00-18:00'])
    expect(wt.weekly.sat).toEqual([])
    expect(wt.weekly.sun).toEqual([])
    expect(wt.holidays).toBe('closed')
    expect(wt.transferredDaysOff).toBe('closed')
    expect(wt.workingWeekends).toBe('mon')
    expect(wt.shortenedDayMinutes).toBe(60)
  })

  it('reacts to every ticket within 1 working day ("до 24 часов"), consultations too (issue 15, item 1)', () => {
    expect(Object.keys(reg.levels).sort()).toEqual(['consultation', 'support'])
    expect(reg.levels.support?.default).toBe(true)
    expect(reg.levels.support?.limit).toEqual({ amount: 1, unit: 'working_days' })
    expect(reg.levels.support?.quote).toContain('до 24 часов')
    expect(reg.levels.support?.note).toMatch(/24/)
    expect(reg.levels.consultation?.default).toBeUndefined()
    expect(reg.levels.consultation?.limit).toEqual({ amount: 1, unit: 'working_days' })
    expect(reg.levels.consultation?.quote).toBe('Время реакции на каждый отдельный билет составляет до 24 часов.')
    expect(reg.levels.consultation?.note).toMatch(/каждый отдельный билет/)
    expect(reg.reactionWindows.opens).toBe('first-request')
  })

  it('has tiers Premium and Pro (support), none (consultation, the default) and licences bought through a partner', () => {
    expect(reg.tiers.map((t) => [t.id, t.level, t.default ?? false])).toEqual([
      ['premium', 'support', false],
      ['pro', 'support', false],
      ['none', 'consultation', true],
      ['via-partner', 'consultation', false],
    ])
    expect(reg.tiers.at(-1)?.clause).toBe('«Как мы работаем (регламент)», п. 5')
  })

  it('accepts tickets only in the personal cabinet (item 2)', () => {
    expect(reg.channels.accepted.map((c) => [c.id, c.clause])).toEqual([
      ['portal', '«Как мы работаем (регламент)», п. 2'],
    ])
    expect(reg.channels.accepted[0]?.quote).toContain('только на странице')
    expect(reg.channels.rejected).toEqual([])
  })

  it('ends technical support 30 calendar days after purchase, keeps consultations for everyone', () => {
    const period = reg.eligibility.find((r) => r.rule === 'support_period_expired')
    expect(period?.rule === 'support_period_expired' && [period.period, period.levels]).toEqual([
      { amount: 30, unit: 'calendar_days' },
      ['support'],
    ])
    const unlicensed = reg.eligibility.find((r) => r.rule === 'not_licensed')
    expect(unlicensed?.rule === 'not_licensed' && unlicensed.tiers).toEqual(['none'])
    // issue 15, item 2: a technical request without a licence goes to the consultation department
    expect(unlicensed?.level).toBe('consultation')
    const viaPartner = reg.eligibility.filter((r) => r.rule === 'not_licensed')[1]
    // refused under п. 5 and, as every user may ask the consultation department (п. 6), registered at its level
    expect(viaPartner?.rule === 'not_licensed' && [viaPartner.tiers, viaPartner.level, viaPartner.clause]).toEqual([
      ['via-partner'],
      'consultation',
      '«Как мы работаем (регламент)», п. 5',
    ])
    expect(viaPartner?.rule === 'not_licensed' && viaPartner.allowedTopics).toEqual(
      unlicensed?.rule === 'not_licensed' && unlicensed.allowedTopics,
    )
    const allowed = unlicensed?.rule === 'not_licensed' ? [...unlicensed.allowedTopics].sort() : []
    expect(allowed).toEqual(
      topics('in', CONSULTATION)
        .map((t) => t.id)
        .sort(),
    )
    expect(reg.eligibility.map((r) => r.rule)).toEqual([
      'support_period_expired',
      'not_licensed',
      'not_licensed',
      'code_modified',
      'version_outdated',
    ])
  })

  it('closes resolved tickets after 7 days of inactivity and unanswered ones after 30 days', () => {
    expect(reg.lifecycle.map((r) => [r.rule, 'after' in r ? r.after : undefined])).toEqual([
      ['close_resolved_after_inactivity', { amount: 7, unit: 'calendar_days' }],
      ['close_without_customer_answer', { amount: 30, unit: 'calendar_days' }],
    ])
  })

  it('orders Premium before Pro, then by the last customer comment; one problem per ticket', () => {
    expect(reg.queue).toMatchObject({
      order: 'tier-then-last-customer-comment',
      criticalFirst: false,
      tierOrder: ['premium', 'pro', 'none', 'via-partner'],
    })
    expect(reg.onePerRequest?.clause).toBe('«Как мы работаем (регламент)», п. 7')
  })

  it('asks for a description with steps, the version, the domain, and screenshots if possible', () => {
    expect(reg.requiredInformation.map((r) => [r.id, r.optional ?? false])).toEqual([
      ['steps', false],
      ['version', false],
      ['domain', false],
      ['screenshot', true],
    ])
  })

  it('sends paid extra work through the consultation department', () => {
    expect(reg.outOfScope.level).toBe('consultation')
    expect(reg.outOfScope.quote).toContain('в раздел консультаций')
  })

  it('has a topic per list item: 7 consultations and 6 support items in scope, 11 services out', () => {
    expect(topics('in', CONSULTATION)).toHaveLength(7)
    expect(topics('in', SUPPORT)).toHaveLength(6)
    expect(topics('in')).toHaveLength(13)
    expect(topics('out', NOT_COVERED)).toHaveLength(11)
    expect(topics('out')).toHaveLength(11)
    for (const t of topics('in', CONSULTATION)) expect(t.level, t.id).toBe('consultation')
    for (const t of topics('in', SUPPORT)) expect(t.level, t.id).toBeUndefined()
  })

  it.skipIf(!seed)(`counts the list items in the source${seed ? '' : ` (${noSeed})`}`, () => {
    const source = seed ?? ''
    expect(topics('in', CONSULTATION)).toHaveLength(
      bullets(source, 'Мы предоставляем следующие виды консультаций:', 'Техническая поддержка доступна'),
    )
    expect(topics('in', SUPPORT)).toHaveLength(
      bullets(source, 'Техническая поддержка включает:', 'Как мы работаем (регламент)'),
    )
    expect(topics('out', NOT_COVERED)).toHaveLength(
      bullets(source, 'Услуги, которые не покрывает Техническая поддержка*:', '*Данные услуги можно заказать'),
    )
  })
})

checkShippedBasics(ID, BLOG_POST)
