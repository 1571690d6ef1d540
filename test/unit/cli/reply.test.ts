import { describe, expect, it } from 'vitest'
import { RegulationRegistry } from '../../../src/regulation/load.js'
import { PARSERS } from '../../../src/regulation/parsers.js'
import { runCli, tempDir } from '../../support/in-process.js'

/** Issue 18: reply drafts (`triage --reply`, `tickets draft`) for the four cases, in all five regulations. */

const registry = RegulationRegistry.withBuiltins(PARSERS)

async function reply(args: string[]): Promise<string> {
  const r = await runCli(['triage', '--reply', ...args])
  expect(r.exitCode, r.stderr).toBe(0)
  return r.stdout
}

// a request each regulation takes in scope, one it refuses by topic, and a channel it does not accept
const CASES = {
  moguta: {
    facts: [],
    inScope: 'после обновления белый экран',
    outOfScope: 'установите нам движок на хостинг',
    channel: 'email',
  },
  advantshop: {
    facts: [],
    inScope: 'в корзине ошибка 500',
    outOfScope: 'перенесите магазин на новый сервер',
    channel: 'social',
  },
  mst: {
    facts: [],
    inScope: 'программа вылетает при расчёте',
    outOfScope: 'проверьте наш расчёт перед экспертизой и устраните замечания экспертизы',
    channel: 'phone',
  },
  imagecms: {
    facts: ['-t', 'pro', '--license-date', '2026-11-10'],
    inScope: 'на витрине не работает фильтр по цене, ползунок не двигается',
    outOfScope: 'разработайте нам дизайн сайта',
    channel: 'email',
  },
  umi: {
    facts: [],
    inScope: 'не работает корзина на сайте',
    outOfScope: 'наполните каталог товарами, вот прайс',
    channel: 'telegram',
  },
} as const

describe.each(Object.entries(CASES))('reply drafts under %s', (id, c) => {
  const reg = registry.get(id)
  const greeting = 'Здравствуйте!'

  it('in scope with information missing: exactly those items, in the regulation’s words', async () => {
    const v = JSON.parse((await runCli(['triage', '--json', '-r', id, ...c.facts, c.inScope])).stdout)
    expect(v.scope).toBe('in')
    const text = await reply(['-r', id, ...c.facts, c.inScope])
    expect(text.startsWith(greeting)).toBe(true)
    expect(text).toContain('Ваше обращение принято')
    // mst asks for nothing a text can lack (its one item, a detailed description, is optional: regulations/mst.yaml)
    if (!reg.requiredInformation.some((r) => !r.optional)) expect(text).not.toContain('пришлите')
    else expect(v.missing.length).toBeGreaterThan(0)
    if (v.missing.length) expect(text).toContain('пришлите, пожалуйста')
    for (const item of v.missing) {
      const required = reg.requiredInformation.find((r) => r.id === item)
      expect(text).toContain(
        required?.quote
          .replace(/[\s.;,:…]+$/, '')
          .replace(/^[…\s]+/, '')
          .slice(0, 20),
      )
    }
    expect(text.trimEnd().endsWith(reg.vendor)).toBe(true)
  })

  it('out of scope: a polite refusal with the clause quoted and the route', async () => {
    const v = JSON.parse((await runCli(['triage', '--json', '-r', id, ...c.facts, c.outOfScope])).stdout)
    expect(v.scope).toBe('out')
    const text = await reply(['-r', id, ...c.facts, c.outOfScope])
    expect(text).toContain('К сожалению')
    expect(text).toContain(v.reasons[0].quote.replace(/[\s.;,:…]+$/, '').slice(0, 30))
    if (v.level) expect(text).toContain(`«${reg.levels[v.level]?.name}»`)
    else if (reg.replies?.outOfScopeRoute) expect(text).toContain(reg.replies.outOfScopeRoute)
  })

  it('a refused channel: the accepted channels with their addresses', async () => {
    const text = await reply(['-r', id, ...c.facts, '-c', c.channel, c.inScope])
    expect(text).toContain('принимаются только так')
    for (const ch of reg.channels.accepted) if (ch.address) expect(text).toContain(ch.address)
    // a list as Russian writes one: «;» after each item, a full stop after the last; the rule a paragraph of its own
    const items = text.split('\n').filter((l) => l.startsWith('— '))
    expect(items.length).toBe(reg.channels.accepted.length)
    expect(items.slice(0, -1).every((l) => l.endsWith(';'))).toBe(true)
    expect(items.at(-1)).toMatch(/\.$/)
    expect(text).toMatch(/\.\n\nТак требует регламент/)
  })

  it('credentials in the text: the advice, never the secret', async () => {
    const text = await reply([
      '-r',
      id,
      ...c.facts,
      `${c.inScope}. доступ в админку: логин admin, пароль Sup3r-Secret!`,
    ])
    expect(text).toContain('данные доступа')
    expect(text).not.toContain('Sup3r-Secret')
    const advice = reg.lifecycle.filter((r) => r.rule.includes('credentials'))
    for (const r of advice) expect(text).toContain(r.quote.replace(/[\s.;,:…]+$/, '').slice(0, 30))
    if (!advice.length) expect(text).toContain('смените эти пароли')
  })
})

describe('reply drafts: the JSON field and a stored ticket', () => {
  it('--json puts the draft in `reply`', async () => {
    const r = await runCli(['triage', '--json', '--reply', '-r', 'moguta', 'после обновления белый экран'])
    const v = JSON.parse(r.stdout)
    expect(v.scope).toBe('in')
    expect(v.reply).toMatch(/^Здравствуйте!\n/)
  })

  it('tickets draft gives the draft of a stored ticket', async () => {
    const env = { REGDESK_STORE: `${tempDir()}/tickets.json` }
    const add = await runCli(['tickets', 'add', '-r', 'advantshop', '-c', 'social', 'в корзине ошибка 500'], env)
    expect(add.exitCode, add.stderr).toBe(0)
    const r = await runCli(['tickets', 'draft', 'AS-1'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toContain('support@advantshop.net')
    const { rmSync } = await import('node:fs')
    for (const suffix of ['', '.meta', '.summary', '.lock'])
      rmSync(`${env.REGDESK_STORE}${suffix}`, { force: true, recursive: true })
  })
})

describe('reply drafts: a deadline that has passed', () => {
  it('is not promised: the draft apologises for the wait, in triage and for a stored ticket', async () => {
    const now = '2026-11-25T12:00+03:00'
    const text = 'после обновления белый экран'
    const received = (at: string) => ['-r', 'moguta', '--received-at', at, text]
    const late = await reply(['--now', now, ...received('2026-11-02T10:00+03:00')])
    expect(late).toContain('Ваше обращение принято. Извините, что отвечаем позже срока')
    expect(late).not.toContain('ответим до')
    const due = await reply(['--now', now, ...received('2026-11-25T10:00+03:00')])
    expect(due).toContain('Ваше обращение принято, ответим до 30.11.2026 10:00 (UTC+03:00).')
    const env = { REGDESK_STORE: `${tempDir()}/tickets.json`, REGDESK_NOW: now }
    expect((await runCli(['tickets', 'add', ...received('2026-11-02T10:00+03:00')], env)).exitCode).toBe(0)
    const draft = await runCli(['tickets', 'draft', 'MG-1'], env)
    expect(draft.stdout).toContain('Извините, что отвечаем позже срока')
    expect(draft.stdout).not.toContain('ответим до')
    // answered in time: neither a date nor an apology
    expect((await runCli(['tickets', 'add', ...received('2026-11-10T10:00+03:00')], env)).exitCode).toBe(0)
    expect((await runCli(['tickets', 'respond', 'MG-2', '--at', '2026-11-10T12:00+03:00'], env)).exitCode).toBe(0)
    const met = await runCli(['tickets', 'draft', 'MG-2'], env)
    expect(met.stdout).toContain('Ваше обращение принято.')
    expect(met.stdout).not.toContain('Извините')
    expect(met.stdout).not.toContain('ответим до')
  })
})

describe('reply drafts: a product the regulation does not support', () => {
  it('names the products it does support, since the clause quoted ends where its list begins', async () => {
    for (const product of ['Fenix+ 4', 'Fenix+ 2']) {
      const text = await reply(['-r', 'mst', '-p', product, 'не работает расчёт'])
      expect(text).toContain('по этому обращению мы не можем оказать техническую поддержку')
      expect(text).toContain('Техническая поддержка оказывается для продуктов: Fenix+ 3, Fenix+ Academy,')
      expect(text).not.toMatch(/продуктов:[^.]*Fenix\+ 2/)
    }
  })
})
