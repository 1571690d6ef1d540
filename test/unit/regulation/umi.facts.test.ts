import { describe, expect, it } from 'vitest'
import { checkShippedBasics, shippedRegulation, sourceText } from './shipped.js'

// Facts checked by hand against ../shared/seeds/umi.txt (Регламент работы технической
// поддержки ООО «Юми»). The source numbers sections 1–8; its lists are unnumbered bullets.

const ID = 'umi'
const { seed, seedPath } = sourceText(ID)
const skipNote = seed ? '' : ` (skipped: source ${seedPath} not found)`

const { reg } = shippedRegulation(ID)

describe('umi regulation facts', () => {
  it('works 09–18 on weekdays and 10–18 on weekends and holidays, Moscow time (2)', () => {
    const wt = reg.workingTime
    expect(wt.timezone).toBe('Europe/Moscow')
    expect(wt.calendar).toBe('ru')
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) expect(wt.weekly[d]).toEqual(['09:00-18:00'])
    for (const d of ['sat', 'sun'] as const) expect(wt.weekly[d]).toEqual(['10:00-18:00'])
    // «Так же поддержка работает в праздничные дни» gives no hours: weekend hours, with a note
    expect(wt.holidays).toEqual(['10:00-18:00'])
    expect(wt.transferredDaysOff).toEqual(['10:00-18:00'])
    expect(wt.notes?.some((n) => n.quote.includes('праздничные дни') && /часов не называет/.test(n.note ?? ''))).toBe(
      true,
    )
    expect(wt.workingWeekends).toBe('mon')
    expect(wt.shortenedDayMinutes).toBe(0)
    expect(wt.notes?.some((n) => /сокращ/i.test(n.note ?? ''))).toBe(true)
  })

  it('gives a reaction time only for consulting: 20 working hours (4); none for support and development (2, 5)', () => {
    expect(Object.keys(reg.levels).sort()).toEqual(['consulting', 'development', 'support'])
    expect(reg.levels.consulting?.limit).toEqual({ amount: 20, unit: 'working_hours' })
    expect(reg.levels.support?.limit).toBeNull()
    expect(reg.levels.support?.note).toBeDefined()
    expect(reg.levels.support?.default).toBe(true)
    expect(reg.levels.development?.limit).toBeNull()
    expect(reg.levels.development?.quote).toBe('Максимальное время реакции не регламентировано.')
  })

  it('reacts to additional information within the same maximum (2)', () => {
    expect(reg.reactionWindows.opens).toBe('every-customer-reply')
  })

  it('serves clients (default) and partners alike (1)', () => {
    expect(reg.tiers.map((t) => [t.id, t.level, t.default ?? false])).toEqual([
      ['client', 'support', true],
      ['partner', 'support', false],
    ])
  })

  it('accepts the web interface (as portal and form), chat and e-mail, and the phone for emergencies only (3)', () => {
    expect(reg.channels.accepted.map((c) => c.id)).toEqual(['portal', 'form', 'chat', 'email', 'phone'])
    expect(reg.channels.rejected).toEqual([])
    const byId = Object.fromEntries(reg.channels.accepted.map((c) => [c.id, c]))
    expect(byId.email?.address).toBe('support@umi.ru')
    expect(byId.phone?.emergencyOnly).toBe(true)
    expect(reg.channels.accepted.filter((c) => c.emergencyOnly).map((c) => c.id)).toEqual(['phone'])
  })

  it('routes out-of-scope requests to consulting; serves in order, critical ones first (2, 4)', () => {
    expect(reg.outOfScope.level).toBe('consulting')
    expect(reg.queue).toMatchObject({ order: 'received', criticalFirst: true })
  })

  it('states no eligibility conditions', () => {
    expect(reg.eligibility).toEqual([])
  })

  it('requires contact, URL, error text, screenshots, steps and recent changes; one problem per request (3)', () => {
    expect(reg.requiredInformation.map((r) => [r.id, r.optional ?? false])).toEqual([
      ['contact', false],
      ['site_url', false],
      ['error_text', false],
      ['screenshot', false],
      ['steps', false],
      ['recent_changes', false],
    ])
    expect(reg.onePerRequest?.quote).toBe('В одном обращении может решаться только одна проблема.')
  })

  it('asks customers to change credentials after closure (6)', () => {
    expect(reg.lifecycle.map((r) => r.rule)).toEqual(['ask_credentials_change_after_close'])
  })

  // section 6 lists what is solved and what is not; section 4 adds general programming questions (consulting level)
  const section6 = reg.topics.filter((t) => t.clause.startsWith('6 '))

  it('has one topic per bullet of section 6: 12 in scope, 6 out of scope', () => {
    const inScope = section6.filter((t) => t.scope === 'in')
    const outScope = section6.filter((t) => t.scope === 'out')
    expect(inScope.map((t) => t.clause)).toEqual(
      Array.from({ length: 12 }, (_, i) => `6 «Решаемые задачи», решаются, п.${i + 1}`),
    )
    expect(outScope.map((t) => t.clause)).toEqual(
      Array.from({ length: 6 }, (_, i) => `6 «Решаемые задачи», НЕ решаются, п.${i + 1}`),
    )
  })

  it.skipIf(!seed)(`counts the same number of bullets in section 6 of the source${skipNote}`, () => {
    const lines = (seed ?? '').split('\n')
    const from = lines.findIndex((l) => l.startsWith('6. Решаемые задачи'))
    const to = lines.findIndex((l) => l.startsWith('Сразу после закрытия проблемы'))
    const mid = lines.findIndex((l) => l.startsWith('В рамках технической поддержки НЕ решаются'))
    const bullets = (a: number, b: number) => lines.slice(a, b).filter((l) => /^\s+•\s/.test(l)).length
    expect(bullets(from, mid)).toBe(section6.filter((t) => t.scope === 'in').length)
    expect(bullets(mid, to)).toBe(section6.filter((t) => t.scope === 'out').length)
  })

  it('gives general programming questions (section 4) the consulting level, beyond technical support', () => {
    expect(reg.topics.find((t) => t.id === 'programming-general')).toMatchObject({
      scope: 'out',
      level: 'consulting',
      clause: '4 «Консультирование по общим вопросам»',
    })
  })
})

checkShippedBasics(ID)
