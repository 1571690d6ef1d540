import { describe, expect, it } from 'vitest'
import { regdesk, tempDir, tempStore } from '../support/in-process.js'

/**
 * Editing after intake (issue 16): `tickets edit` corrects the facts of a ticket, each change an
 * event with who and when; a corrected tier re-levels the window still open and moves the ticket
 * in the queue; `tickets note` writes a note. Both show in `tickets show`.
 */

const RECEIVED = '2026-11-19T11:00+03:00'

/** A store of its own, events authored by anna (config `agent`). */
async function storeEnv(): Promise<Record<string, string>> {
  const env = { REGDESK_STORE: tempStore(), XDG_CONFIG_HOME: tempDir() }
  expect((await regdesk(['config', 'set', 'agent', 'anna'], env)).exitCode).toBe(0)
  return env
}

async function imagecms(
  env: Record<string, string>,
  tier: string,
  text = 'Где в админке поменять телефон в шапке сайта?',
) {
  const r = await regdesk(
    ['tickets', 'add', '-r', 'imagecms', '-t', tier, text, '--received-at', RECEIVED, '--json'],
    env,
  )
  expect(r.exitCode, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}

const show = async (env: Record<string, string>, id: string) =>
  JSON.parse((await regdesk(['tickets', 'show', id, '--json'], env)).stdout)
const queueIds = async (env: Record<string, string>) =>
  JSON.parse((await regdesk(['tickets', 'queue', '-r', 'imagecms', '--json'], env)).stdout).map(
    (r: { id: string }) => r.id,
  )

describe('tickets edit', () => {
  it('a tier corrected from none to premium re-levels the open window and moves the ticket up the queue', async () => {
    const env = await storeEnv()
    const pro = await imagecms(env, 'pro')
    // a technical problem: without a licence a consultation, with premium the support department's
    const none = await imagecms(env, 'none', 'После обновления не работает фильтр в каталоге, ошибка 500')
    expect(none.level).toBe('consultation')
    expect(await queueIds(env)).toEqual([pro.id, none.id])
    const r = await regdesk(
      [
        'tickets',
        'edit',
        none.id,
        '--tier',
        'premium',
        '--license-date',
        '2026-11-10',
        '--at',
        '2026-11-20T10:00+03:00',
      ],
      env,
    )
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/edited tier, license_date · level support/)
    const after = await show(env, none.id)
    expect(after).toMatchObject({ tier: 'premium', level: 'support' })
    expect(after.windows).toHaveLength(1)
    expect(after.windows[0]).toMatchObject({ level: 'support', opened_at: '2026-11-19T11:00:00+03:00', recorded: true })
    expect(after.events.slice(-3)).toMatchObject([
      { type: 'field_change', field: 'tier', from: 'none', to: 'premium', at: '2026-11-20T10:00:00+03:00' },
      { type: 'field_change', field: 'license_date', from: null, to: '2026-11-10' },
      { type: 'level_change', from: 'consultation', to: 'support', rule: 'tier_corrected' },
    ])
    // the verdict is the one the corrected facts give at intake
    expect(after.triage).toMatchObject({ scope: 'in', reasons: [{ code: 'topic_in_scope' }] })
    expect(await queueIds(env)).toEqual([none.id, pro.id])
    const report = JSON.parse(
      (await regdesk(['report', '--json', '--by', 'level', '--from', '2026-11-01', '--to', '2026-11-30'], env)).stdout,
    )
    // the pro ticket's question is a consultation by its topic; the corrected one counts under support
    expect(report.groups.map((g: { key: { level: string }; windows: number }) => [g.key.level, g.windows])).toEqual([
      ['consultation', 1],
      ['support', 1],
    ])
  })

  it('a fact corrected after intake gives the verdict it gives at intake: moguta corrected to the free tier is refused', async () => {
    const env = await storeEnv()
    const add = [
      'tickets',
      'add',
      '-r',
      'moguta',
      'После обновления не работает корзина, ошибка 500',
      '--received-at',
      RECEIVED,
      '--json',
    ]
    const licensed = JSON.parse((await regdesk(add, env)).stdout)
    const free = JSON.parse((await regdesk([...add, '-t', 'free'], env)).stdout)
    expect(free.triage.scope).toBe('out')
    expect(
      (await regdesk(['tickets', 'edit', licensed.id, '--tier', 'free', '--at', '2026-11-19T12:00+03:00'], env))
        .exitCode,
    ).toBe(0)
    const edited = await show(env, licensed.id)
    expect(edited).toMatchObject({ tier: 'free', level: free.level })
    expect(edited.triage.scope).toBe('out')
    expect(edited.triage.reasons[0].code).toBe(free.triage.reasons[0].code)
    expect(edited.windows[0]).toMatchObject({ deadline: null })
    // a level an agent set by hand stays theirs
    await regdesk(['tickets', 'level', free.id, 'standard', '--at', '2026-11-19T12:00+03:00'], env)
    await regdesk(['tickets', 'edit', free.id, '--channel', 'email', '--at', '2026-11-19T12:30+03:00'], env)
    expect((await show(env, free.id)).level).toBe('standard')
  })

  it('an unclear request held to the assumed level and refused by a corrected fact is due nothing: not overdue, no breach', async () => {
    const env = await storeEnv()
    const unclear = JSON.parse(
      (await regdesk(['tickets', 'add', '-r', 'moguta', 'Здравствуйте', '--received-at', RECEIVED, '--json'], env))
        .stdout,
    )
    expect(unclear).toMatchObject({ level: null, triage: { scope: 'unclear' } })
    expect((await show(env, unclear.id)).windows[0]).toMatchObject({ level_assumed: true, level: 'standard' })
    expect((await regdesk(['tickets', 'edit', unclear.id, '--tier', 'free'], env)).exitCode).toBe(0)
    const edited = await show(env, unclear.id)
    expect(edited.triage.scope).toBe('out')
    expect(edited.windows[0]).toMatchObject({ level: null, level_assumed: false, deadline: null })
    const late = { ...env, REGDESK_NOW: '2026-12-10T12:00:00+03:00' }
    expect((await regdesk(['overdue', '--check'], late)).exitCode).toBe(0)
    const report = JSON.parse((await regdesk(['report', '--json', '--from', '2026-11-01'], late)).stdout)
    expect(report.breaches).toEqual([])
  })

  it('an edit entered late (--force, before the last event) takes its place in time, as a late respond does', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'none', 'После обновления не работает фильтр в каталоге, ошибка 500')
    const at = '2026-11-20T15:00+03:00'
    expect((await regdesk(['tickets', 'respond', t.id, '--at', at], env)).exitCode).toBe(0)
    const edit = [
      'tickets',
      'edit',
      t.id,
      '--tier',
      'premium',
      '--license-date',
      '2026-11-10',
      '--at',
      '2026-11-19T12:00+03:00',
    ]
    const refused = await regdesk(edit, env)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toMatch(/before the last event of IC-000001/)
    const late = await regdesk([...edit, '--force'], env)
    expect(late.exitCode, late.stderr).toBe(0)
    expect(late.stderr).toBe('note: entered at its time, before later events of IC-000001')
    const after = await show(env, t.id)
    expect(after.events.map((e: { type: string; at: string }) => [e.type, e.at])).toEqual([
      ['received', '2026-11-19T11:00:00+03:00'],
      ['field_change', '2026-11-19T12:00:00+03:00'],
      ['field_change', '2026-11-19T12:00:00+03:00'],
      ['level_change', '2026-11-19T12:00:00+03:00'],
      ['agent_response', '2026-11-20T15:00:00+03:00'],
      ['status_change', '2026-11-20T15:00:00+03:00'],
    ])
    // the response after it still decides the status
    expect(after).toMatchObject({ status: 'open', tier: 'premium', level: 'support' })
    const ru = await regdesk([...edit.slice(0, 3), '--tier', 'pro', '--at', '2026-11-19T13:00+03:00', '--force'], {
      ...env,
      LANG: 'ru_RU.UTF-8',
    })
    expect(ru.stderr).toBe('примечание: записано в своё время, раньше более поздних событий IC-000001')
  })

  it('records who and when for every field; show lists the changes; the same values change nothing', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'pro')
    const r = await regdesk(
      [
        'tickets',
        'edit',
        t.id,
        '--channel',
        'email',
        '--customer',
        'Иван Петров <ivan@example.ru>',
        '--subject',
        'Телефон в шапке',
        '--license-date',
        '2026-11-01',
        '--json',
      ],
      env,
    )
    expect(r.exitCode, r.stderr).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc).toMatchObject({
      channel: 'email',
      customer: 'Иван Петров <ivan@example.ru>',
      subject: 'Телефон в шапке',
      license_date: '2026-11-01',
    })
    const edits = doc.events.filter((e: { type: string }) => e.type === 'field_change')
    expect(edits.map((e: { field: string }) => e.field)).toEqual(['channel', 'license_date', 'subject', 'customer'])
    for (const e of edits) expect(e).toMatchObject({ author: 'anna', at: '2026-11-20T15:00:00+03:00' })
    const table = (await regdesk(['tickets', 'show', t.id], env)).stdout
    expect(table).toContain('customer')
    expect(table).toMatch(/field_change\s+anna\s+channel: — → email/)
    const again = await regdesk(['tickets', 'edit', t.id, '--channel', 'email'], env)
    expect(again.exitCode).toBe(0)
    expect(again.stderr).toMatch(/already has these values/)
    expect((await show(env, t.id)).events).toHaveLength(doc.events.length)
  })

  it('--tier none sets the tier none where the regulation has it (imagecms): the licence taken back re-levels the ticket', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'pro', 'После обновления не работает фильтр в каталоге, ошибка 500')
    expect(t.level).toBe('support')
    const r = await regdesk(['tickets', 'edit', t.id, '--tier', 'none', '--json'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject({ tier: 'none', level: 'consultation' })
  })

  it('a subject that showed a masked password is corrected; the password stays with the text only', async () => {
    const env = await storeEnv()
    const added = await regdesk(
      ['tickets', 'add', '-r', 'moguta', 'Корзина пароль: Zz12345', '--received-at', RECEIVED, '--json'],
      env,
    )
    const t = JSON.parse(added.stdout)
    expect(t.subject).toBe('Корзина пароль: ••••••')
    const r = await regdesk(['tickets', 'edit', t.id, '--subject', 'Корзина после обновления', '--json'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    const doc = await show(env, t.id)
    expect(doc.subject).toBe('Корзина после обновления')
    const revealed = JSON.parse((await regdesk(['tickets', 'show', t.id, '--json', '--show-secrets'], env)).stdout)
    expect(revealed.text).toContain('Zz12345')
    expect(revealed.subject).toBe('Корзина после обновления')
  })

  it('--customer with access data in it is refused, as --subject is: nothing is stored', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'pro')
    const r = await regdesk(['tickets', 'edit', t.id, '--customer', 'Иван пароль: Qq55555'], env)
    expect(r).toMatchObject({
      exitCode: 2,
      stderr: 'error: --customer holds access data; give the name or address only',
    })
    expect(JSON.stringify(await show(env, t.id))).not.toContain('Qq55555')
  })

  it('--critical with --no-critical is a usage error, not the last one winning', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'pro')
    const r = await regdesk(['tickets', 'edit', t.id, '--critical', '--no-critical'], env)
    expect(r).toMatchObject({ exitCode: 2, stderr: 'error: give --critical or --no-critical, not both' })
  })

  it('a licence date after the ticket was received is refused, as at intake, though it is before today', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'pro')
    // --now (the fixture's clock) is 2026-11-20; the ticket arrived on 2026-11-19
    const r = await regdesk(['tickets', 'edit', t.id, '--license-date', '2026-11-19'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    const late = await regdesk(['tickets', 'edit', t.id, '--license-date', '2026-11-20'], env)
    expect(late.exitCode).toBe(2)
    expect(late.stderr).toMatch(/--license-date 2026-11-20 is after the request was received \(2026-11-19\)/)
    expect((await show(env, t.id)).license_date).toBe('2026-11-19')
  })

  it('--critical and --no-critical move the ticket in and out of turn (advantshop)', async () => {
    const env = await storeEnv()
    const add = async () =>
      JSON.parse(
        (
          await regdesk(
            ['tickets', 'add', '-r', 'advantshop', 'не работает корзина', '--received-at', RECEIVED, '--json'],
            env,
          )
        ).stdout,
      ).id
    const first = await add()
    const second = await add()
    const order = async () =>
      JSON.parse((await regdesk(['tickets', 'queue', '-r', 'advantshop', '--json'], env)).stdout).map(
        (r: { id: string }) => r.id,
      )
    expect(await order()).toEqual([first, second])
    expect((await regdesk(['tickets', 'edit', second, '--critical'], env)).exitCode).toBe(0)
    expect(await order()).toEqual([second, first])
    expect((await regdesk(['tickets', 'edit', second, '--no-critical'], env)).exitCode).toBe(0)
    expect(await order()).toEqual([first, second])
  })

  it('refuses values the regulation does not know, in one sentence listing the accepted ones (exit 2)', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'pro')
    const tier = await regdesk(['tickets', 'edit', t.id, '--tier', 'gold'], env)
    expect(tier.exitCode).toBe(2)
    expect(tier.stderr).toBe('error: unknown tier "gold" for imagecms; tiers: premium, pro, none, via-partner')
    const critical = await regdesk(['tickets', 'edit', t.id, '--critical'], env)
    expect(critical.exitCode).toBe(2)
    expect(critical.stderr).toMatch(/imagecms takes no request out of turn; drop --critical/)
    const nothing = await regdesk(['tickets', 'edit', t.id], env)
    expect(nothing.exitCode).toBe(2)
    expect(nothing.stderr).toMatch(/nothing to edit/)
    expect((await show(env, t.id)).events).toHaveLength(1)
  })
})

describe('tickets note', () => {
  it('writes a note event (credentials masked) shown in tickets show', async () => {
    const env = await storeEnv()
    const t = await imagecms(env, 'pro')
    const r = await regdesk(['tickets', 'note', t.id, 'клиент прислал пароль: Qwe123!xyz, ждёт звонка'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    const doc = await show(env, t.id)
    expect(doc.events.at(-1)).toMatchObject({ type: 'note', author: 'anna' })
    expect(doc.events.at(-1).message).not.toContain('Qwe123')
    expect((await regdesk(['tickets', 'show', t.id], env)).stdout).toMatch(/note\s+anna\s+клиент прислал/)
    expect((await regdesk(['tickets', 'note', t.id, '  '], env)).exitCode).toBe(2)
  })
})
