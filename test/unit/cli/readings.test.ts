import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { parseRegulation } from '../../../src/regulation/parse.js'
import { runCli } from '../../support/in-process.js'

/**
 * Issue 15: the nine readings of the regulations, each through the CLI (`triage --json`, `deadline --json`) with the
 * verdict or deadline the corrected reading gives. --now is Fri 2026-11-20 15:00 Moscow (runCli's REGDESK_NOW).
 */

async function triage(args: string[]) {
  const r = await runCli(['triage', '--json', ...args])
  expect(r.exitCode, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

async function deadline(args: string[]) {
  const r = await runCli(['deadline', '--json', ...args])
  expect(r.exitCode, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

const IMAGECMS_OUT_NOTE = '«Как мы работаем (регламент)», п. 6'

describe('issue 15, item 1: imagecms consultations have a reaction time', () => {
  it('a consultation is due the next working day at the same time («до 24 часов», every ticket)', async () => {
    const d = await deadline(['-r', 'imagecms', '-l', 'consultation', '--received-at', '2026-11-20T15:00+03:00'])
    expect(d).toMatchObject({
      level: 'consultation',
      duration: { amount: 1, unit: 'working_days' },
      deadline: '2026-11-23T15:00:00+03:00',
      reason: null,
    })
  })

  it('a consultation question gets a deadline in triage, not "not regulated"', async () => {
    const v = await triage([
      '-r',
      'imagecms',
      '-t',
      'none',
      'Подскажите, как в админке добавить товар с вариантами цвета?',
    ])
    expect(v).toMatchObject({ scope: 'in', level: 'consultation', deadline: '2026-11-23T15:00:00+03:00' })
    expect(v.deadline_reason).toBeNull()
  })
})

describe('issue 15, item 2: imagecms unlicensed users go to consultations', () => {
  it('a technical request without a licence is out of support, at the consultation level with its deadline', async () => {
    const v = await triage(['-r', 'imagecms', '-t', 'none', 'при оформлении заказа ошибка 500, посмотрите пожалуйста'])
    expect(v).toMatchObject({ scope: 'out', level: 'consultation', deadline: '2026-11-23T15:00:00+03:00' })
    expect(v.reasons[0]).toMatchObject({ code: 'not_licensed', clause: IMAGECMS_OUT_NOTE })
  })
})

describe('issue 15, item 3: imagecms licences bought through a partner', () => {
  it('a technical request is refused with п. 5 and registered at the consultation level (п. 6: open to every user)', async () => {
    const v = await triage([
      '-r',
      'imagecms',
      '-t',
      'via-partner',
      'при оформлении заказа ошибка 500, посмотрите пожалуйста',
    ])
    expect(v).toMatchObject({ scope: 'out', level: 'consultation', deadline: '2026-11-23T15:00:00+03:00' })
    expect(v.reasons[0]).toMatchObject({ code: 'not_licensed', clause: '«Как мы работаем (регламент)», п. 5' })
  })

  it('a consultation is still served, at the consultation level', async () => {
    const v = await triage([
      '-r',
      'imagecms',
      '-t',
      'via-partner',
      'Подскажите, как в админке добавить товар с вариантами цвета?',
    ])
    expect(v).toMatchObject({ scope: 'in', level: 'consultation', deadline: '2026-11-23T15:00:00+03:00' })
    expect(v.reasons.map((r: { code: string }) => r.code)).not.toContain('not_licensed')
  })
})

describe('issue 15, item 4: advantshop modified code delays, it does not refuse', () => {
  it("a partner's «сайт упал» with --modified stays in at 3 working hours, with resolution_may_be_delayed", async () => {
    const v = await triage([
      '-r',
      'advantshop',
      '-t',
      'partner',
      '--modified',
      'сайт упал, срочно, восстановите работу',
    ])
    expect(v).toMatchObject({ scope: 'in', level: 'partner', deadline: '2026-11-20T18:00:00+03:00' })
    expect(v.reasons.map((r: { code: string }) => r.code)).not.toContain('code_modified')
    expect(v.warnings).toContainEqual({
      code: 'resolution_may_be_delayed',
      clause: '3.1, «Отсрочка или невозможность решения», п.7',
      message: expect.stringContaining('served at its level'),
    })
  })

  it('without --modified there is no such warning', async () => {
    const v = await triage(['-r', 'advantshop', '-t', 'partner', 'сайт упал, срочно, восстановите работу'])
    expect(v.warnings.map((w: { code: string }) => w.code)).not.toContain('resolution_may_be_delayed')
  })

  it('imagecms, whose source makes unmodified code a condition, keeps its refusal', async () => {
    const v = await triage([
      '-r',
      'imagecms',
      '-t',
      'pro',
      '--license-date',
      '2026-11-15',
      '--modified',
      'при оформлении заказа ошибка 500',
    ])
    expect(v).toMatchObject({ scope: 'out', level: null })
    expect(v.reasons[0]).toMatchObject({ code: 'code_modified', clause: '«Еще несколько важных замечаний»' })
  })
})

describe('issue 15, item 5: moguta free versions are not supported', () => {
  it('even a general usage question of a free version is refused under 3', async () => {
    const v = await triage(['-r', 'moguta', '-t', 'free', 'Подскажите, где в админке настраиваются способы доставки?'])
    expect(v).toMatchObject({ scope: 'out', level: null, deadline: null })
    expect(v.reasons[0]).toMatchObject({ code: 'not_licensed', clause: '3 «Круг решаемых задач»' })
  })

  it('a request of a free version that names no topic is refused too', async () => {
    const v = await triage(['-r', 'moguta', '-t', 'free', 'Здравствуйте'])
    expect(v).toMatchObject({ scope: 'out', level: null })
    expect(v.reasons[0]?.code).toBe('not_licensed')
  })

  it('the demo version keeps its general usage support (1.1)', async () => {
    const v = await triage(['-r', 'moguta', '-t', 'demo', 'Подскажите, где в админке настраиваются способы доставки?'])
    expect(v).toMatchObject({ scope: 'in', level: 'standard' })
  })
})

describe('issue 15, item 6: mst products outside 1.1 and the description it asks for', () => {
  it('«Fenix+ 4» given with --product is out with product_unsupported (1.1), not a usage error', async () => {
    const v = await triage(['-r', 'mst', '-p', 'Fenix+ 4', 'программа не запускается'])
    expect(v).toMatchObject({ scope: 'out', level: null, deadline: null })
    expect(v.reasons[0]).toMatchObject({ code: 'product_unsupported', clause: '1.1' })
    expect(v.reasons[0].message).toContain('Fenix+ 4')
  })

  it('a listed product is still served', async () => {
    const v = await triage(['-r', 'mst', '-p', 'fenix-plus-3', 'программа вылетает при открытии проекта'])
    expect(v.scope).toBe('in')
  })

  it('a regulation without a product list still refuses --product as a usage error', async () => {
    const r = await runCli(['triage', '-r', 'moguta', '-p', 'Fenix+ 4', 'не работает'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/moguta lists no products/)
  })

  it('steps are not asked for: a description is what 1.2 requires', async () => {
    const v = await triage(['-r', 'mst', '-p', 'fenix-plus-3', 'программа вылетает при открытии проекта'])
    expect(v.missing).not.toContain('steps')
  })
})

describe('issue 15, item 7: umi consulting counts weekdays only', () => {
  it('a consulting request received Friday 17:00 is due Wednesday 10:00, not Monday noon', async () => {
    const d = await deadline(['-r', 'umi', '-l', 'consulting', '--received-at', '2026-11-20T17:00+03:00', '--explain'])
    expect(d.deadline).toBe('2026-11-25T10:00:00+03:00')
    expect(d.steps.map((s: { date: string; minutes_counted: number }) => [s.date, s.minutes_counted])).toEqual([
      ['2026-11-20', 60],
      ['2026-11-21', 0],
      ['2026-11-22', 0],
      ['2026-11-23', 540],
      ['2026-11-24', 540],
      ['2026-11-25', 60],
    ])
  })

  it('an ad-hoc duration keeps the regulation hours (weekends 10–18 count)', async () => {
    const d = await deadline(['-r', 'umi', '-d', '20h', '--received-at', '2026-11-20T17:00+03:00'])
    expect(d.deadline).toBe('2026-11-23T12:00:00+03:00')
  })

  it('an out-of-scope request gets the consulting deadline in triage and in the ticket windows', async () => {
    const text = 'Нужно разработать модуль онлайн-бронирования с календарём и предоплатой. Возьмётесь?'
    const v = await triage(['-r', 'umi', '--received-at', '2026-11-20T17:00+03:00', text])
    expect(v).toMatchObject({ scope: 'out', level: 'consulting', deadline: '2026-11-25T10:00:00+03:00' })
    const t = await runCli([
      '--now',
      '2026-11-20T18:00+03:00',
      'tickets',
      'add',
      '--json',
      '-r',
      'umi',
      '--received-at',
      '2026-11-20T17:00+03:00',
      text,
    ])
    expect(t.exitCode, t.stderr).toBe(0)
    expect(JSON.parse(t.stdout).windows[0]).toMatchObject({
      level: 'consulting',
      deadline: '2026-11-25T10:00:00+03:00',
    })
  })

  it('the override is validated with positions like the rest of the file', () => {
    const umi = readFileSync(new URL('../../../regulations/umi.yaml', import.meta.url), 'utf8')
    const lines = umi.split('\n')
    const at = lines.findIndex((l) => l.includes('weekly: { sat: [], sun: [] }'))
    expect(at).toBeGreaterThan(0)
    const bad = umi.replace('weekly: { sat: [], sun: [] }', "weekly: { sat: ['25:00-26:00'], sun: [] }")
    const { issues } = parseRegulation(bad, 'umi.yaml', { fileId: 'umi', calendars: ['ru'] })
    expect(issues).toEqual([
      expect.objectContaining({
        line: at + 1,
        // the bad range itself, inside the list
        col: (lines[at]?.indexOf('sat: [') ?? 0) + 'sat: ['.length + 1,
        path: 'levels.consulting.workingTime.weekly.sat.0',
        message: expect.stringContaining('expected a time range'),
      }),
    ])
    const zone = parseRegulation(umi.replace('weekly: { sat: [], sun: [] }', 'timezone: Europe/Berlin'), 'umi.yaml', {
      fileId: 'umi',
      calendars: ['ru'],
    })
    expect(zone.issues[0]).toMatchObject({ line: at + 1, path: 'levels.consulting.workingTime.timezone' })
    expect(zone.issues[0]?.message).toContain('unknown key "timezone"')
    const closed = parseRegulation(
      umi.replace(
        'weekly: { sat: [], sun: [] }',
        'weekly: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }',
      ),
      'umi.yaml',
      { fileId: 'umi', calendars: ['ru'] },
    )
    expect(closed.issues[0]?.message).toContain('has no open hours')
  })
})

describe('issue 15, item 8: umi custom development and the contracted support limit', () => {
  it('custom-development says in its note that it is derived; support keeps no limit', async () => {
    const r = await runCli(['regulations', 'show', 'umi', '--json'])
    const reg = JSON.parse(r.stdout)
    expect(reg.topics.find((t: { id: string }) => t.id === 'custom-development').note_en).toMatch(/^Derived topic/)
    expect(reg.levels.support.limit).toBeNull()
    expect(reg.levels.consulting.workingTime).toMatchObject({ weekly: { sat: [], sun: [] }, holidays: 'closed' })
  })

  it('`regulations show` says how a team sets its contracted limit, and a copy in its own directory does it', async () => {
    const shown = await runCli(['regulations', 'show', 'umi'])
    expect(shown.stdout).toContain('set levels.support.limit')
    const dir = mkdtempSync(join(tmpdir(), 'regdesk-own-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const umi = readFileSync(new URL('../../../regulations/umi.yaml', import.meta.url), 'utf8')
    const own = umi.replace(
      /( {2}support:\n(?: {4}.*\n)*? {4})limit: null/,
      '$1limit: { amount: 8, unit: working_hours }',
    )
    expect(own).not.toBe(umi)
    writeFileSync(join(dir, 'umi.yaml'), own)
    const d = await runCli([
      '--regulations',
      dir,
      'deadline',
      '--json',
      '-r',
      'umi',
      '--received-at',
      '2026-11-20T15:00+03:00',
    ])
    expect(d.exitCode, d.stderr).toBe(0)
    // Fri 15–18 (3 h), Sat 10–15 (5 h): umi works weekends for support
    expect(JSON.parse(d.stdout)).toMatchObject({ level: 'support', deadline: '2026-11-21T15:00:00+03:00' })
  })
})

describe('issue 15, item 9: advantshop site development at the consulting level', () => {
  it("a partner's question about developing a site gets consulting (40 working hours)", async () => {
    const v = await triage([
      '-r',
      'advantshop',
      '-t',
      'partner',
      'Разрабатываем магазин клиенту на вашей платформе. С чего правильно начать свой шаблон и какие есть ограничения по доработкам?',
    ])
    expect(v).toMatchObject({ scope: 'in', level: 'consulting', topic: { id: 'site-development' } })
    // Fri 15–20 (5), Sat 9–18 (9), Sun 9–18 (9), Mon 8–20 (12), Tue 8–13 (5)
    expect(v.deadline).toBe('2026-11-24T13:00:00+03:00')
  })
})
