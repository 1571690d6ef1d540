import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../support/in-process.js'

/**
 * Issue 13: triage through the CLI — the verdict's new fields, the deciding clause first, and every defect the issue
 * found trying it as a new user would. --now is Fri 2026-11-20 15:00 Moscow (runCli's REGDESK_NOW).
 */

async function triage(args: string[], env: Record<string, string> = {}) {
  const r = await runCli(['triage', '--json', ...args], env)
  expect(r.exitCode, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'regdesk-triage-'))
  dirs.push(d)
  return d
}

describe('the verdict says what decided it', () => {
  it('gives the model’s P(in) and what decided the scope', async () => {
    const v = await triage(['-r', 'moguta', 'после обновления на всех страницах белый экран'])
    expect(v).toMatchObject({ scope: 'in', decided_by: 'model', topic: { id: 'update-failure' } })
    expect(v.scope_probability).toBeGreaterThan(0.7)
    expect(v.reasons[0]).toMatchObject({
      code: 'topic_in_scope',
      clause: '3.1',
      quote: expect.stringContaining('обновлени'),
    })
  })

  it('a refused channel is decided by eligibility, and the human output cites its clause first', async () => {
    const v = await triage(['-r', 'moguta', '-c', 'email', 'после обновления белый экран'])
    expect(v).toMatchObject({ scope: 'out', level: null, decided_by: 'eligibility' })
    expect(v.reasons[0]).toMatchObject({ code: 'channel_not_accepted', clause: '4.4' })
    const r = await runCli(['triage', '-r', 'moguta', '-c', 'email', 'после обновления белый экран'])
    const clause = r.stdout.split('\n').find((l) => l.startsWith('clause'))
    expect(clause).toContain('§4.4 «Техническая поддержка НЕ оказывается по другим каналам')
    expect(r.stdout.indexOf('§4.4')).toBeLessThan(r.stdout.indexOf('topic'))
  })
})

describe('defect 1: the same facts give the same verdict, defaulted or given', () => {
  it.each([
    ['Не работает фильтр в каталоге', 'out', 'not_licensed'],
    ['Где в админке поменять телефон в шапке сайта?', 'in', 'topic_in_scope'],
    // a failure told about a function the default tier may ask about: a consultation, given or defaulted
    ['Сравнение товаров не работает: кнопка нажимается, а товар не добавляется', 'in', 'topic_in_scope'],
  ])('imagecms "%s": %s either way', async (text, scope, reason) => {
    const defaulted = await triage(['-r', 'imagecms', text])
    const given = await triage(['-r', 'imagecms', '-t', 'none', text])
    for (const v of [defaulted, given]) expect(v).toMatchObject({ scope, level: 'consultation' })
    expect(given.reasons[0].code).toBe(reason)
    expect({ ...defaulted, received_at: null }).toEqual({ ...given, received_at: null })
  })

  it('a none-tier how-to is the consultation topic open to every user', async () => {
    const v = await triage(['-r', 'imagecms', '-t', 'none', 'Где в админке поменять телефон в шапке сайта?'])
    expect(v.topic.id).toBe('admin-usage')
  })
})

describe('defect 2: short Russian typed in Latin letters is read', () => {
  it('the README’s "ne rabotaet korzina, chto delat?" is a product error under umi', async () => {
    const v = await triage(['-r', 'umi', 'ne rabotaet korzina, chto delat?'])
    expect(v).toMatchObject({ scope: 'in', level: 'support', topic: { id: 'product-bugs' } })
    expect(v.confidence).toBeGreaterThan(0)
  })

  it('an English request is left English', async () => {
    const v = await triage(['-r', 'umi', 'the cart page is broken since this morning, customers cannot pay'])
    expect(v.scope).toBe('in')
  })
})

describe('defect 3: what a request contains', () => {
  it.each([
    ['Версия 9.3, не работает корзина на сайте shop.ru'],
    ['Версия: 4.12, не работает корзина на сайте shop.ru'],
  ])('"%s" gives its version', async (text) => {
    const v = await triage(['-r', 'imagecms', '-t', 'pro', '--license-date', '2026-11-10', text])
    expect(v.missing).not.toContain('version')
  })

  it('«502 Bad Gateway» is error text', async () => {
    const v = await triage(['-r', 'umi', 'на главной 502 Bad Gateway с утра, сайт shop.ru'])
    expect(v.missing).not.toContain('error_text')
  })

  it('the host of ftp://user:pass@shop.ru is the domain', async () => {
    const v = await triage(['-r', 'moguta', 'после обновления белый экран, доступ ftp://user:pass@shop.ru'])
    expect(v.missing).not.toContain('domain')
    expect(v.warnings.map((w: { code: string }) => w.code)).toContain('credentials_in_text')
  })

  it('a pre-sales licence question is asked for nothing, a how-to question only for who the customer is', async () => {
    const presales = await triage(['-r', 'imagecms', 'Сколько стоит лицензия Premium и можно ли оплатить по счёту?'])
    expect(presales.missing).toEqual([])
    const howTo = await triage(['-r', 'umi', 'Как в админке создать новую страницу?'])
    expect(howTo.missing).not.toContain('steps')
    expect(howTo.missing).not.toContain('error_text')
    expect(howTo.missing).toContain('site_url')
  })
})

describe('defect 4: keys are masked', () => {
  const text =
    'не проходит оплата. ключ API: 8f14e45fceea167a5a36dedd4bea2543, в настройках модуля sk_live_51HqLyjWDarjtT1zdp7dcXYZ'
  it('in triage: a credentials warning, and the secret never printed', async () => {
    const r = await runCli(['triage', '-r', 'umi', text])
    expect(r.stdout + r.stderr).toContain('credentials_in_text')
    expect(r.stdout + r.stderr).not.toContain('8f14e45f')
    expect(r.stdout + r.stderr).not.toContain('sk_live_51')
  })

  it('in the stored ticket', async () => {
    const r = await runCli(['tickets', 'add', '-r', 'umi', '--json', text])
    expect(r.exitCode, r.stderr).toBe(0)
    const t = JSON.parse(r.stdout)
    expect(t.text).toBe('не проходит оплата. ключ API: ••••••, в настройках модуля ••••••')
  })
})

describe('defect 5: tickets say why', () => {
  it('add: a refused channel says why and suggests no level', async () => {
    const r = await runCli(['tickets', 'add', '-r', 'moguta', '-c', 'email', 'после обновления белый экран'])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toContain('why: requests through email are not accepted; accepted: form (§4.4)')
    expect(r.stdout).not.toContain('set one')
  })

  it('add: an unclear request suggests setting a level', async () => {
    const r = await runCli(['tickets', 'add', '-r', 'umi', 'помогите'])
    expect(r.stdout).toMatch(/unclear · no level \(set one: regdesk tickets level UM-000001 support\)/)
  })

  it('show: topic, reasons, missing information and warnings', async () => {
    const store = join(tempDir(), 'tickets.json')
    const env = { REGDESK_STORE: store }
    const add = await runCli(['tickets', 'add', '-r', 'moguta', 'после обновления белый экран, пароль Qwe123!'], env)
    expect(add.exitCode, add.stderr).toBe(0)
    const r = await runCli(['tickets', 'show', 'MG-1'], env)
    const triageSection = r.stdout.slice(r.stdout.indexOf('Triage'), r.stdout.indexOf('Windows'))
    expect(triageSection).toContain('in scope (decided by model)')
    expect(triageSection).toContain('update-failure (§3.1)')
    expect(triageSection).toContain('in scope: Проблемы после некорректно установленного обновления (§3.1)')
    expect(triageSection).toContain('license_key, domain')
    expect(triageSection).toContain('credentials_in_text')
    expect(triageSection).not.toContain('Qwe123')
  })
})

describe('defect 6: verdicts that were clearly wrong', () => {
  it.each([
    [['-r', 'umi'], 'Как добавить новый товар в каталог на сайте?', 'in', 'support'],
    [['-r', 'moguta'], 'Where can I download the latest version of Moguta?', 'in', 'standard'],
    [
      ['-r', 'imagecms', '-t', 'pro', '--license-date', '2026-11-10'],
      'Помогите установить ImageCMS на наш VPS, не получается',
      'in',
      'support',
    ],
    [['-r', 'advantshop'], 'Как изменить текст на главной странице?', 'in', 'free'],
  ])('%j "%s" is %s at %s', async (args, text, scope, level) => {
    const v = await triage([...args, text])
    expect(v).toMatchObject({ scope, level })
  })

  it('not as content filling, payment scripts, server configuration or markup consulting', async () => {
    expect((await triage(['-r', 'umi', 'Как добавить новый товар в каталог на сайте?'])).topic.id).not.toBe(
      'content-filling',
    )
    expect((await triage(['-r', 'moguta', 'Where can I download the latest version of Moguta?'])).topic.id).toBe(
      'general-usage',
    )
    expect((await triage(['-r', 'advantshop', 'Как изменить текст на главной странице?'])).topic.id).toBe(
      'product-usage',
    )
  })

  // The scope model is unsure of this one (P(in) 0.45 trained on 44 sets, 0.62 on 46): served or left open as the
  // training data grows, its topic is the rules' clear one; the defect was refusing it as payment script work.
  it('a payment failure is a product error, never refused as payment script work', async () => {
    const v = await triage([
      '-r',
      'advantshop',
      'Здравствуйте, зайдите и посмотрите, почему не работает оплата через ЮKassa',
    ])
    expect(v.scope).not.toBe('out')
    const topic = v.scope === 'in' ? v.topic.id : v.candidates[0].id
    expect(topic).toBe('product-errors')
    expect(await triage(['-r', 'advantshop', 'Почему не работает оплата через ЮKassa?'])).toMatchObject({
      scope: 'in',
      level: 'free',
      topic: { id: 'product-errors' },
    })
  })
})

describe('a regulation the build did not see', () => {
  it('is trained from its match data on first use, told once on stderr, and kept in the cache', async () => {
    const regs = tempDir()
    const cache = tempDir()
    // the moguta file with one more example: its topics differ from the shipped ones, so the build's model is not used
    const text = readFileSync(new URL('../../../regulations/moguta.yaml', import.meta.url), 'utf8').replace(
      '        - При установке пишет, что не хватает какого-то расширения PHP, хотя хостер говорит, что всё включено.\n',
      '        - При установке пишет, что не хватает какого-то расширения PHP, хотя хостер говорит, что всё включено.\n        - Установщик просит права на запись в папку uploads.\n',
    )
    writeFileSync(join(regs, 'moguta.yaml'), text)
    const env = { REGDESK_REGULATIONS: regs, REGDESK_CACHE_DIR: cache }
    const first = await runCli(['triage', '--json', '-r', 'moguta', 'после обновления белый экран'], env)
    expect(first.exitCode, first.stderr).toBe(0)
    expect(first.stderr).toMatch(/^note: training the triage model for moguta from its match data/)
    expect(first.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    expect(readdirSync(cache)).toEqual([expect.stringMatching(/^scope-model-moguta-[0-9a-f]{16}\.json$/)])
    const v = JSON.parse(first.stdout)
    expect(v).toMatchObject({ scope: 'in', topic: { id: 'update-failure' } })
    expect(v.scope_probability).toBeGreaterThan(0.5)
    const second = await runCli(['triage', '--json', '-r', 'moguta', 'после обновления белый экран'], env)
    expect(second.stderr).toBe('')
    expect(JSON.parse(second.stdout).scope_probability).toBe(v.scope_probability)
  })
})
