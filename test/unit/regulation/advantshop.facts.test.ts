import { describe, expect, it } from 'vitest'
import { checkShippedBasics, shippedRegulation, sourceText } from './shipped.js'

// Facts checked by hand against ../shared/seeds/advantshop.txt (Регламент работы службы
// технической поддержки ADVANTSHOP). Clause numbers in comments are the source's.

const ID = 'advantshop'
const { seed, seedPath } = sourceText(ID)
const skipNote = seed ? '' : ` (skipped: source ${seedPath} not found)`

const { reg } = shippedRegulation(ID)

describe('advantshop regulation facts', () => {
  it('works 08–20 on weekdays and 09–18 on weekends and holidays, Moscow time (3.1)', () => {
    const wt = reg.workingTime
    expect(wt.timezone).toBe('Europe/Moscow')
    expect(wt.calendar).toBe('ru')
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) expect(wt.weekly[d]).toEqual(['08:00-20:00'])
    for (const d of ['sat', 'sun'] as const) expect(wt.weekly[d]).toEqual(['09:00-18:00'])
    expect(wt.holidays).toEqual(['09:00-18:00'])
    expect(wt.transferredDaysOff).toEqual(['09:00-18:00'])
    expect(wt.workingWeekends).toBe('mon')
    // the source states no shortening of pre-holiday days; the file says so in a note
    expect(wt.shortenedDayMinutes).toBe(0)
    expect(wt.notes?.some((n) => /сокращ/i.test(n.note ?? ''))).toBe(true)
  })

  it('has four levels: 24 and 3 working hours, 24 working days, 40 working hours (3.2)', () => {
    expect(Object.keys(reg.levels).sort()).toEqual(['consulting', 'development', 'free', 'partner'])
    expect(reg.levels.free?.limit).toEqual({ amount: 24, unit: 'working_hours' })
    expect(reg.levels.free?.default).toBe(true)
    expect(reg.levels.partner?.limit).toEqual({ amount: 3, unit: 'working_hours' })
    expect(reg.levels.development?.limit).toEqual({ amount: 24, unit: 'working_days' })
    expect(reg.levels.consulting?.limit).toEqual({ amount: 40, unit: 'working_hours' })
    expect(Object.values(reg.levels).filter((l) => l.default)).toHaveLength(1)
  })

  it('reacts to additional information within the same maximum (3.1)', () => {
    expect(reg.reactionWindows.opens).toBe('every-customer-reply')
    expect(reg.reactionWindows.clause).toBe('3.1')
  })

  it('has the tiers free (default) and partner with their levels', () => {
    expect(reg.tiers.map((t) => [t.id, t.level, t.default ?? false])).toEqual([
      ['free', 'free', true],
      ['partner', 'partner', false],
    ])
  })

  it('accepts the form, portal, e-mail and phone, and rejects social networks, ICQ and Skype (1, 5)', () => {
    expect(reg.channels.accepted.map((c) => c.id)).toEqual(['form', 'portal', 'email', 'phone'])
    expect(reg.channels.rejected.map((c) => c.id)).toEqual(['social', 'icq', 'skype'])
    const byId = Object.fromEntries(reg.channels.accepted.map((c) => [c.id, c]))
    expect(byId.form?.address).toBe('https://www.advantshop.net/support')
    expect(byId.email?.address).toBe('support@advantshop.net')
    // section 5 lets clients as well as partners call: the phone is not restricted to a tier (see its note)
    expect(byId.phone?.tiers).toBeUndefined()
    expect(byId.phone?.note).toMatch(/партн/)
  })

  it('routes out-of-scope requests to consulting and serves requests in order, critical ones first', () => {
    expect(reg.outOfScope.level).toBe('consulting')
    expect(reg.queue).toMatchObject({ order: 'received', criticalFirst: true })
  })

  it('supports only the current, unmodified product; non-commercial users are served too (2, 3.1)', () => {
    expect(reg.eligibility.map((r) => r.rule)).toEqual(['version_outdated', 'code_modified'])
  })

  it('asks for steps, site address, version and screenshots (5); one problem per request (3.1)', () => {
    expect(reg.requiredInformation.map((r) => [r.id, r.optional ?? false])).toEqual([
      ['steps', true],
      ['site_url', false],
      ['version', false],
      ['screenshot', true],
    ])
    expect(reg.onePerRequest?.clause).toMatch(/^3\.1/)
    expect(reg.lifecycle).toEqual([])
  })

  // one topic per list item of section 2 and of each sub-list of section 4
  const lists: [string, 'in' | 'out', number][] = [
    ['2 «Общие положения», решаемые вопросы', 'in', 6],
    ['2 «Общие положения», не входящие вопросы', 'out', 6],
    ['4 «Круг решаемых задач», «Общие вопросы работы с системой», п.', 'in', 5],
    ['4 «Круг решаемых задач», «Вопросы установки и настройки», п.', 'in', 4],
    ['4 «Круг решаемых задач», «Вопросы установки и настройки», НЕ', 'out', 5],
    ['4 «Круг решаемых задач», «Вопросы улучшения производительности», п.', 'in', 3],
    ['4 «Круг решаемых задач», «Вопросы улучшения производительности», НЕ', 'out', 3],
    ['4 «Круг решаемых задач», «Вопросы обновления программного продукта», п.', 'in', 2],
    ['4 «Круг решаемых задач», «Вопросы обновления программного продукта», НЕ', 'out', 3],
    ['4 «Круг решаемых задач», «Ошибки программного продукта», п.', 'in', 2],
    ['4 «Круг решаемых задач», «Ошибки программного продукта», НЕ', 'out', 4],
    ['4 «Круг решаемых задач», «Вопросы разработки», п.', 'in', 2],
    ['4 «Круг решаемых задач», «Вопросы разработки», НЕ', 'out', 8],
    ['4 «Круг решаемых задач», «Теоретические вопросы работы с продуктом», п.', 'in', 4],
  ]

  // besides the lists, one topic of a level: a request the development department has taken over (3.2 «Разработка»)
  const listTopics = reg.topics.filter((t) => t.clause !== '3.2 «Разработка»')

  it('has one topic per item of every list: 28 in scope, 29 out of scope; and the development level its own', () => {
    expect(reg.topics.filter((t) => t.clause === '3.2 «Разработка»')).toMatchObject([
      { id: 'development-control', scope: 'in', level: 'development' },
    ])
    for (const [prefix, scope, count] of lists) {
      const items = listTopics.filter((t) => t.clause.startsWith(prefix))
      expect(
        items.map((t) => t.scope),
        prefix,
      ).toEqual(Array(count).fill(scope))
      expect(
        items.map((t) => t.clause.slice(t.clause.lastIndexOf('п.'))),
        prefix,
      ).toEqual(Array.from({ length: count }, (_, i) => `п.${i + 1}`))
    }
    expect(listTopics).toHaveLength(lists.reduce((n, [, , c]) => n + c, 0))
    expect(listTopics.filter((t) => t.scope === 'in')).toHaveLength(28)
    expect(listTopics.filter((t) => t.scope === 'out')).toHaveLength(29)
  })

  it.skipIf(!seed)(`counts the same number of list items in the source${skipNote}`, () => {
    const lines = (seed ?? '').split('\n')
    const from = lines.findIndex((l) => l.startsWith('Вопросы, решаемые службой'))
    const mid = lines.findIndex((l) => l.startsWith('3. Уровни обслуживания'))
    const start4 = lines.findIndex((l) => l.startsWith('4. Круг решаемых задач'))
    const end4 = lines.findIndex((l) => l.startsWith('5. Порядок подачи'))
    const numbered = [...lines.slice(from, mid), ...lines.slice(start4, end4)].filter((l) => /^\s+\d+\.\s/.test(l))
    expect(numbered).toHaveLength(listTopics.length)
  })
})

checkShippedBasics(ID)
