import { describe, expect, it } from 'vitest'
import { checkShippedBasics, shippedRegulation, sourceText } from './shipped.js'

// Facts of regulations/mst.yaml, checked by hand against the source (../shared/seeds/mst.txt).

const ID = 'mst'
const { reg } = shippedRegulation(ID)

const { seed, noSeed } = sourceText(ID)

/** lines matching `item` between two headings (`to` absent: up to the end) */
function listItems(source: string, from: string, to: string | undefined, item: RegExp): number {
  const start = source.indexOf(from)
  const end = to === undefined ? source.length : source.indexOf(to, start)
  expect(start, `heading ${from}`).toBeGreaterThanOrEqual(0)
  expect(end, `heading ${to}`).toBeGreaterThan(start)
  return source
    .slice(start, end)
    .split('\n')
    .filter((l) => item.test(l.trim())).length
}

const topics = (scope: 'in' | 'out') => reg.topics.filter((t) => t.scope === scope)

describe('mst regulation', () => {
  it('works Mon–Thu 9–18 and Fri 9–17, closed on weekends and holidays (1.3)', () => {
    const wt = reg.workingTime
    expect(wt.timezone).toBe('Europe/Moscow')
    expect(wt.calendar).toBe('ru')
    for (const d of ['mon', 'tue', 'wed', 'thu'] as const) expect(wt.weekly[d]).toEqual(['09:00-18:00'])
    expect(wt.weekly.fri).toEqual(['09:00-17:00'])
    expect(wt.weekly.sat).toEqual([])
    expect(wt.weekly.sun).toEqual([])
    expect(wt.holidays).toBe('closed')
    expect(wt.transferredDaysOff).toBe('closed')
    expect(wt.workingWeekends).toBe('mon')
    expect(wt.shortenedDayMinutes).toBe(60)
    expect(wt.clause).toBe('1.3')
    // the source is silent on working weekends: say so
    expect(wt.notes?.some((n) => /silent on a weekend day made working/.test(n.note_en ?? ''))).toBe(true)
  })

  it('states no reaction time: one level without a limit, with a note', () => {
    expect(Object.keys(reg.levels)).toEqual(['standard'])
    const standard = reg.levels.standard
    expect(standard?.default).toBe(true)
    expect(standard?.limit).toBeNull()
    expect(standard?.target).toBeUndefined()
    expect(standard?.note_en).toMatch(/no reaction/)
    expect(reg.reactionWindows.opens).toBe('first-request')
  })

  it('accepts email, the okdesk portal and the Telegram bot (1.2), rejects nothing by name', () => {
    expect(reg.channels.accepted.map((c) => [c.id, c.address, c.clause])).toEqual([
      ['email', '01@mst.su', '1.2'],
      ['portal', 'https://mst24.okdesk.ru/', '1.2'],
      ['telegram', '@MstSupport', '1.2'],
    ])
    expect(reg.channels.rejected).toEqual([])
  })

  it('has no tiers', () => {
    expect(reg.tiers).toEqual([])
  })

  it('supports eight products, Fenix+ and Fenix+ 2 until 2021-12-31 (1.1)', () => {
    const products = reg.products ?? []
    expect(products.map((p) => [p.id, p.name, p.supportedUntil])).toEqual([
      ['fenix-plus', 'Fenix+', '2021-12-31'],
      ['fenix-plus-2', 'Fenix+ 2', '2021-12-31'],
      ['fenix-plus-3', 'Fenix+ 3', undefined],
      ['fenix-plus-academy', 'Fenix+ Academy', undefined],
      ['fireguard-2', 'FireGuard 2', undefined],
      ['fireguard-3', 'FireGuard 3', undefined],
      ['fenix-server', 'Fenix Server', undefined],
      ['fenix-server-academy', 'Fenix Server Academy', undefined],
    ])
    const aliases = (id: string) => products.find((p) => p.id === id)?.aliases ?? []
    expect(aliases('fenix-plus-2')).toEqual(expect.arrayContaining(['Fenix 2', 'Феникс+ 2']))
    expect(aliases('fireguard-2')).toContain('FireGuard2')
    // a name or alias designates one product only, case-insensitively
    const names = products.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => n.toLowerCase()))
    expect(new Set(names).size).toBe(names.length)
  })

  it('refuses unsupported products and asks for one request per problem (1.1, 1.2)', () => {
    expect(reg.eligibility.map((r) => [r.rule, r.clause])).toEqual([['product_unsupported', '1.1']])
    expect(reg.onePerRequest?.clause).toBe('1.2')
    expect(reg.onePerRequest?.quote).toBe('По каждой проблеме необходимо создавать отдельную заявку.')
  })

  it('asks for a detailed description (steps optional); has no lifecycle rules; out of scope gets no level', () => {
    // issue 15, item 6: «максимально подробно описать возникшую проблему» asks for a description, not for steps
    expect(reg.requiredInformation.map((r) => [r.id, r.optional ?? false, r.clause])).toEqual([['steps', true, '1.2']])
    expect(reg.lifecycle).toEqual([])
    expect(reg.outOfScope.level).toBeNull()
    expect(reg.queue).toMatchObject({ order: 'received', criticalFirst: false })
  })

  // installation help is given «при соответствии целевой системы минимальным системным требованиям»: the condition is a
  // topic of its own (install-below-requirements), out of scope, beside the list's three
  const listed = (scope: 'in' | 'out') => topics(scope).filter((t) => t.id !== 'install-below-requirements')

  it('has a topic per list item of 1.4: six in scope, three out, and installation below the requirements out', () => {
    expect(topics('in')).toHaveLength(6)
    expect(listed('out')).toHaveLength(3)
    expect(topics('out').map((t) => t.id)).toContain('install-below-requirements')
    for (const t of reg.topics) expect(t.clause, t.id).toBe('1.4')
  })

  it.skipIf(!seed)(
    `counts the list items of 1.4 and the products of 1.1 in the source${seed ? '' : ` (${noSeed})`}`,
    () => {
      const source = seed ?? ''
      const inScope = 'В оказываемую техническую поддержку входят следующие вопросы:'
      const outScope = 'В оказываемую техническую поддержку не входят следующие вопросы:'
      expect(topics('in')).toHaveLength(listItems(source, inScope, outScope, /^- /))
      expect(listed('out')).toHaveLength(listItems(source, outScope, undefined, /^- /))
      expect(reg.products).toHaveLength(
        listItems(source, 'для следующих программных продуктов:', '1.2. Способ регистрации заявок', /^\d+\.\s/),
      )
    },
  )
})

checkShippedBasics(ID)
