import { describe, expect, it } from 'vitest'
import { checkShippedBasics, shippedRegulation, sourceText } from './shipped.js'

// Facts of regulations/moguta.yaml, checked by hand against the source (../shared/seeds/moguta.txt).

const ID = 'moguta'
const { reg } = shippedRegulation(ID)

const { seed, noSeed } = sourceText(ID)

/** list items ("- " lines) between two headings, taken at their last occurrence (after the table of contents) */
function listItems(source: string, from: string, to: string): number {
  const start = source.lastIndexOf(from)
  const end = source.lastIndexOf(to)
  expect(start, `heading ${from}`).toBeGreaterThanOrEqual(0)
  expect(end, `heading ${to}`).toBeGreaterThan(start)
  return source
    .slice(start, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('- ')).length
}

const topics = (scope: 'in' | 'out', clause?: string) =>
  reg.topics.filter((t) => t.scope === scope && (clause === undefined || t.clause === clause))

describe('moguta regulation', () => {
  it('works Mon–Fri 10–19 Moscow time, closed on holidays, weekday hours on working weekends (2.1)', () => {
    const wt = reg.workingTime
    expect(wt.timezone).toBe('Europe/Moscow')
    expect(wt.calendar).toBe('ru')
    for (const d of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) expect(wt.weekly[d]).toEqual(['10:00-19:00'])
    expect(wt.weekly.sat).toEqual([])
    expect(wt.weekly.sun).toEqual([])
    expect(wt.holidays).toBe('closed')
    expect(wt.transferredDaysOff).toBe('closed')
    expect(wt.workingWeekends).toBe('mon')
    expect(wt.shortenedDayMinutes).toBe(60)
    expect(wt.clause).toBe('2.1')
  })

  it('has one level: at most 3 working days, usually 1 (2.1)', () => {
    expect(Object.keys(reg.levels)).toEqual(['standard'])
    const standard = reg.levels.standard
    expect(standard?.default).toBe(true)
    expect(standard?.limit).toEqual({ amount: 3, unit: 'working_days' })
    expect(standard?.target).toEqual({ amount: 1, unit: 'working_days' })
    expect(standard?.clause).toBe('2.1')
    expect(reg.reactionWindows.opens).toBe('first-request')
  })

  it('accepts only the feedback form (4.1) and rejects phone, Skype, email, forum, social networks (4.4)', () => {
    expect(reg.channels.accepted.map((c) => [c.id, c.address, c.clause])).toEqual([
      ['form', 'http://moguta.ru/feedback', '4.1'],
    ])
    expect(reg.channels.rejected.map((c) => c.id).sort()).toEqual(['email', 'forum', 'phone', 'skype', 'social'])
    for (const c of reg.channels.rejected) expect(c.clause).toBe('4.4')
  })

  it('serves licensed users (default), partners and demo users at the standard level (1.1); free versions not (3)', () => {
    expect(reg.tiers.map((t) => [t.id, t.level, t.default ?? false])).toEqual([
      ['licensed', 'standard', true],
      ['partner', 'standard', false],
      ['demo', 'standard', false],
      ['free', undefined, false],
    ])
  })

  it('limits demo users to general usage questions (1.1) and supports only the current version (3)', () => {
    expect(reg.eligibility.map((r) => r.rule)).toEqual(['not_licensed', 'not_licensed', 'version_outdated'])
    // issue 15, item 5: free versions get no topic at all
    const free = reg.eligibility[0]
    expect(free?.rule === 'not_licensed' && [free.tiers, free.allowedTopics, free.clause]).toEqual([
      ['free'],
      [],
      '3 «Круг решаемых задач»',
    ])
    expect(free?.quote).toBe('Поддержка устаревших и бесплатных версий Продукта не осуществляется.')
    const demo = reg.eligibility[1]
    expect(demo?.rule === 'not_licensed' && demo.tiers).toEqual(['demo'])
    expect(demo?.rule === 'not_licensed' && demo.allowedTopics).toEqual(['general-usage'])
    expect(demo?.clause).toBe('1.1')
    const general = reg.topics.find((t) => t.id === 'general-usage')
    expect([general?.scope, general?.kind, general?.clause]).toEqual(['in', 'question', '1.1'])
  })

  it('asks for key, domain, steps and screenshots if possible, page address and version (4.2)', () => {
    expect(reg.requiredInformation.map((r) => [r.id, r.optional ?? false])).toEqual([
      ['license_key', false],
      ['domain', false],
      ['steps', true],
      ['screenshot', true],
      ['page_url', false],
      ['version', false],
    ])
    for (const r of reg.requiredInformation) expect(r.clause).toBe('4.2')
  })

  it('disclaims access data 2 days after closure and asks to change it (4.3)', () => {
    expect(reg.lifecycle).toEqual([
      expect.objectContaining({
        rule: 'purge_credentials_after_close',
        after: { amount: 2, unit: 'calendar_days' },
        clause: '4.3',
      }),
      expect.objectContaining({ rule: 'ask_credentials_change_after_close', clause: '4.3' }),
    ])
  })

  it('serves requests in order of receipt, none out of turn (2.2); out of scope gets no level', () => {
    expect(reg.queue).toMatchObject({ order: 'received', criticalFirst: false, clause: '2.2' })
    expect(reg.queue.tierOrder).toBeUndefined()
    expect(reg.outOfScope.level).toBeNull()
    expect(reg.onePerRequest).toBeUndefined()
  })

  it('has a topic per list item of 3.1 and 3.2, plus general usage (1.1), project maintenance (1.3), hosting (1.4: general advice in, services out)', () => {
    expect(topics('in', '3.1')).toHaveLength(5)
    expect(topics('out', '3.2')).toHaveLength(6)
    expect(topics('in').map((t) => t.clause)).toEqual(['3.1', '3.1', '3.1', '3.1', '3.1', '1.1', '1.4'])
    expect(topics('out').map((t) => t.clause)).toEqual(['3.2', '3.2', '3.2', '3.2', '3.2', '3.2', '1.3', '1.4'])
  })

  it.skipIf(!seed)(`counts the list items of 3.1 and 3.2 in the source${seed ? '' : ` (${noSeed})`}`, () => {
    const source = seed ?? ''
    expect(topics('in', '3.1')).toHaveLength(
      listItems(source, '3.1. В рамках технической поддержки решаются', '3.2. В рамках технической поддержки НЕ'),
    )
    expect(topics('out', '3.2')).toHaveLength(
      listItems(source, '3.2. В рамках технической поддержки НЕ', '4. Порядок подачи'),
    )
  })
})

checkShippedBasics(ID)
