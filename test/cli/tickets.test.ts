import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'
import { describePg, freshDatabase } from '../support/postgres.js'

const envFor = () => ({ REGDESK_STORE: join(tempDir(), 'tickets.json'), REGDESK_NOW: '2026-11-30T12:00:00+03:00' })

describe('regdesk tickets', () => {
  it('add → respond → wait → reply → resolve → close → reopen: statuses, events, windows', async () => {
    const env = envFor()
    const added = await regdesk(
      [
        'tickets',
        'add',
        '-r',
        'moguta',
        'После обновления не работает корзина',
        '--received-at',
        '2026-11-20T18:00+03:00',
        '--json',
      ],
      env,
    )
    expect(added.exitCode).toBe(0)
    const t = JSON.parse(added.stdout)
    expect(t).toMatchObject({
      id: 'MG-000001',
      regulation: 'moguta',
      level: 'standard',
      status: 'new',
      received_at: '2026-11-20T18:00:00+03:00',
      triage: { scope: 'in', level: 'standard', deadline: '2026-11-25T18:00:00+03:00' },
      windows: [
        {
          opened_at: '2026-11-20T18:00:00+03:00',
          target: '2026-11-23T18:00:00+03:00',
          deadline: '2026-11-25T18:00:00+03:00',
          status: 'overdue',
          responded_at: null,
        },
      ],
      events: [{ type: 'received', at: '2026-11-20T18:00:00+03:00' }],
    })
    const steps: [string[], string][] = [
      [
        ['respond', 'MG-000001', '--at', '2026-11-23T11:00+03:00', '--now', '2026-11-23T11:00+03:00', '-m', 'смотрим'],
        'open',
      ],
      [['wait', 'mg-1', '--at', '2026-11-23T11:05+03:00', '--now', '2026-11-23T11:05+03:00'], 'waiting_customer'],
      [
        [
          'reply',
          'MG-1',
          '--at',
          '2026-11-24T10:00+03:00',
          '--now',
          '2026-11-24T10:00+03:00',
          '-m',
          'доступы отправил',
        ],
        'open',
      ],
      [['resolve', 'MG-1', '--at', '2026-11-25T10:00+03:00', '--now', '2026-11-25T10:00+03:00'], 'resolved'],
      [['close', 'MG-1', '--at', '2026-11-26T10:00+03:00', '--now', '2026-11-26T10:00+03:00'], 'closed'],
      [['reopen', 'MG-1', '--at', '2026-11-27T10:00+03:00', '--now', '2026-11-27T10:00+03:00'], 'open'],
    ]
    for (const [args, status] of steps) {
      const r = await regdesk(['tickets', ...args, '--json'], { ...env, XDG_CONFIG_HOME: tempDir() })
      expect(r.exitCode, `${args.join(' ')}: ${r.stderr}`).toBe(0)
      expect(JSON.parse(r.stdout).status).toBe(status)
    }
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'MG-000001', '--json'], env)).stdout)
    expect(shown.windows).toEqual([
      expect.objectContaining({
        status: 'met',
        responded_at: '2026-11-23T11:00:00+03:00',
        reaction_working_minutes: 120,
      }),
    ])
    expect(shown.events.map((e: { type: string }) => e.type)).toEqual([
      'received',
      'agent_response',
      'status_change',
      'status_change',
      'customer_reply',
      'status_change',
      'status_change',
      'status_change',
      'status_change',
    ])
    expect(shown.events.every((e: { author: string }) => typeof e.author === 'string' && e.author)).toBe(true)
    const text = await regdesk(['tickets', 'show', 'MG-1'], env)
    expect(text.stdout).toContain('Windows')
    expect(text.stdout).toContain('Timeline')
  })

  it('advantshop: a customer reply opens a new window; a level change applies to the next one', async () => {
    const env = envFor()
    await regdesk(
      [
        'tickets',
        'add',
        '-r',
        'advantshop',
        'Ошибка 500 при оформлении заказа',
        '--received-at',
        '2026-11-23T10:00+03:00',
      ],
      env,
    )
    await regdesk(
      ['tickets', 'respond', 'AS-1', '--at', '2026-11-23T11:00+03:00', '--now', '2026-11-23T11:00+03:00'],
      env,
    )
    await regdesk(
      ['tickets', 'level', 'AS-1', 'development', '--at', '2026-11-23T12:00+03:00', '--now', '2026-11-23T12:00+03:00'],
      env,
    )
    const r = await regdesk(
      ['tickets', 'reply', 'AS-1', '--at', '2026-11-23T15:00+03:00', '--now', '2026-11-23T15:00+03:00', '--json'],
      env,
    )
    const t = JSON.parse(r.stdout)
    expect(t.windows.map((w: { level: string; status: string }) => [w.level, w.status])).toEqual([
      ['free', 'met'],
      ['development', 'pending'],
    ])
    expect(t.level).toBe('development')
  })

  it('a refused request has no reaction time because it was refused: its SLA says so, not "not regulated"', async () => {
    const env = envFor()
    expect(
      (await regdesk(['tickets', 'add', '-r', 'moguta', '-c', 'email', 'Не работает корзина'], env)).exitCode,
    ).toBe(0)
    expect((await regdesk(['tickets', 'show', 'MG-1'], env)).stdout).toMatch(/^sla +none \(refused\)$/m)
    const ru = await regdesk(['tickets', 'show', 'MG-1'], { ...env, LANG: 'ru_RU.UTF-8' })
    expect(ru.stdout).toMatch(/^SLA +срока нет \(вне регламента\)$/m)
    // a script reads the state as it is
    expect(JSON.parse((await regdesk(['tickets', 'list', '--json'], env)).stdout)[0].sla).toBe('not_regulated')
  })

  it('store copy from a store that does not exist is a failure, not "copied 0 ticket(s)"', async () => {
    const env = envFor()
    const target = join(tempDir(), 'copy.json')
    const r = await regdesk(['store', 'copy', join(tempDir(), 'typo.json'), target], env)
    expect(r).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(/^error: there is no ticket store at .*typo\.json; nothing was copied$/),
    })
    expect(await regdesk(['store', 'copy', '', target], env)).toMatchObject({ exitCode: 2 })
    expect(existsSync(target)).toBe(false)
  })

  it('store copy into a store that holds it already is a no-op; another store of the same ids points to export and import', async () => {
    const laptop = join(tempDir(), 'laptop.json')
    const team = join(tempDir(), 'team.json')
    await regdesk(['--store', laptop, 'tickets', 'add', '-r', 'moguta', 'не работает корзина'], envFor())
    expect((await regdesk(['store', 'copy', laptop, team], envFor())).exitCode).toBe(0)
    await regdesk(['--store', team, 'tickets', 'add', '-r', 'umi', 'не работает форма'], envFor())
    // the team store has the laptop's ticket and one more: copying again adds nothing and needs no --merge
    expect(await regdesk(['store', 'copy', laptop, team], envFor())).toMatchObject({
      exitCode: 0,
      stdout: expect.stringMatching(/^copied 0 ticket\(s\) .*\(1 already there, unchanged\)/),
    })
    const other = join(tempDir(), 'other.json')
    await regdesk(['--store', other, 'tickets', 'add', '-r', 'moguta', 'ошибка 500 в админке'], envFor())
    expect(await regdesk(['store', 'copy', other, team, '--merge'], envFor())).toMatchObject({
      exitCode: 1,
      stderr: expect.stringMatching(
        /different content \(MG-000001\); nothing was copied\. .*export them \(tickets export\) and import them/,
      ),
    })
  })

  it('add: a receipt after --now needs --force, as an event does; an empty --subject is refused', async () => {
    const env = envFor()
    const future = ['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--received-at', '2027-06-01T10:00+03:00']
    expect(await regdesk(future, env)).toMatchObject({
      exitCode: 2,
      stderr:
        'error: --received-at 2027-06-01T10:00+03:00 is in the future: now is 2026-11-30T12:00:00+03:00; pass --force to store it anyway',
    })
    expect(existsSync(env.REGDESK_STORE)).toBe(false)
    expect((await regdesk([...future, '--force'], env)).exitCode).toBe(0)
    expect(await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина', '-s', ' '], env)).toMatchObject({
      exitCode: 2,
      stderr: 'error: --subject is empty',
    })
  })

  it('an event entered late (--force, before the last one) takes its place in time and changes no status since', async () => {
    const env = envFor()
    const add = ['tickets', 'add', '-r', 'advantshop', '-t', 'partner', '-c', 'email', 'Не работает оплата, x.ru']
    expect((await regdesk([...add, '--received-at', '2026-11-20T10:00+03:00'], env)).exitCode).toBe(0)
    expect((await regdesk(['tickets', 'resolve', 'AS-1', '--at', '2026-11-20T11:00+03:00'], env)).exitCode).toBe(0)
    const late = await regdesk(
      ['tickets', 'reply', 'AS-1', '--at', '2026-11-20T10:30+03:00', '-m', 'доп', '--force'],
      env,
    )
    expect(late).toMatchObject({
      exitCode: 0,
      stdout: expect.stringContaining('reply at 2026-11-20T10:30:00+03:00 · resolved'),
      stderr: 'note: entered at its time, before later events of AS-000001: the status they recorded stays resolved',
    })
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'AS-1', '--json'], env)).stdout)
    expect(shown.status).toBe('resolved')
    expect(shown.events.map((e: { type: string; at: string }) => [e.type, e.at])).toEqual([
      ['received', '2026-11-20T10:00:00+03:00'],
      ['customer_reply', '2026-11-20T10:30:00+03:00'],
      ['status_change', '2026-11-20T11:00:00+03:00'],
    ])
    // at the end of the history, a reply reopens the resolved ticket as before
    const reply = await regdesk(['tickets', 'reply', 'AS-1', '--at', '2026-11-20T12:00+03:00'], env)
    expect(reply).toMatchObject({ exitCode: 0, stderr: '' })
    expect(JSON.parse((await regdesk(['tickets', 'show', 'AS-1', '--json'], env)).stdout).status).toBe('open')
  })

  it('an empty -r is an unknown regulation for every command, a default set or not; an empty REGDESK_NOW is unset', async () => {
    const env = { ...envFor(), XDG_CONFIG_HOME: join(tempDir(), 'config') }
    await regdesk(['config', 'set', 'regulation', 'moguta'], env)
    for (const args of [
      ['triage', '-r', '', 'не работает корзина'],
      ['tickets', 'list', '-r', ''],
    ])
      expect(await regdesk(args, env)).toMatchObject({
        exitCode: 2,
        stderr: expect.stringContaining('error: unknown regulation ""; available:'),
      })
    const now = await regdesk(['deadline', '--json'], { ...env, REGDESK_NOW: '' })
    expect(now.exitCode, now.stderr).toBe(0)
  })

  it('a mistyped store URL is refused, masked, and makes no file of its name', async () => {
    const dir = tempDir()
    const env = { ...envFor(), XDG_CONFIG_HOME: join(tempDir(), 'config') }
    for (const url of [
      'postgress://agent:S3cretPw@127.0.0.1:25432/nu2',
      'pg://agent:S3cretPw@h/db',
      'postgres:/agent:S3cretPw@h/db',
      'postgres//agent:S3cretPw@h/db',
    ]) {
      for (const args of [
        ['--store', url, 'tickets', 'add', '-r', 'moguta', 'не работает корзина'],
        ['config', 'set', 'store', url],
      ]) {
        const r = await regdesk(args, { ...env, PWD: dir })
        expect(r.exitCode).toBe(2)
        expect(r.stderr).toContain('not a postgres:// or postgresql:// URL')
        expect(r.stdout + r.stderr).not.toContain('S3cretPw')
      }
    }
  })

  it('config set store keeps a team store URL as it is and never prints its password', async () => {
    // an empty REGDESK_STORE is unset: the configured store is used
    const env = { ...envFor(), REGDESK_STORE: '', XDG_CONFIG_HOME: join(tempDir(), 'config') }
    const url = 'postgres://anna:TopSecret@127.0.0.1:1/support'
    // a URL the driver cannot read is refused now, as --store refuses it, not at the next command
    const bad = await regdesk(['config', 'set', 'store', 'postgres://anna:TopSecret@127.0.0.1:99999/support'], env)
    // named as the setting the user typed, not as --store
    expect(bad).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('error: store postgres://anna:***@') })
    expect(bad.stderr).toContain('not a valid postgres:// URL')
    expect(bad.stderr).not.toContain('TopSecret')
    const set = await regdesk(['config', 'set', 'store', url], env)
    expect(set.exitCode).toBe(0)
    expect(set.stderr).toContain('set store = postgres://anna:***@127.0.0.1:1/support (')
    for (const args of [
      ['config', 'get', 'store'],
      ['config', 'get', 'store', '--json'],
      ['config', 'list', '--json'],
    ]) {
      const r = await regdesk(args, env)
      expect(r.stdout).toContain('postgres://anna:***@127.0.0.1:1/support')
      expect(r.stdout + r.stderr).not.toContain('TopSecret')
    }
    // the setting is the URL itself: regdesk goes to the team store (unreachable here), not a file named after it
    const info = await regdesk(['store', 'info'], { ...env, PGCONNECT_TIMEOUT: '1' })
    expect(info.exitCode).toBe(1)
    expect(info.stderr).toContain('postgres://anna:***@127.0.0.1:1/support')
    expect(info.stdout + info.stderr).not.toContain('TopSecret')
  })

  it('agent from config, else the OS user', async () => {
    const env = { ...envFor(), XDG_CONFIG_HOME: join(tempDir(), 'config') }
    await regdesk(['config', 'set', 'agent', 'anna'], env)
    const r = await regdesk(['tickets', 'add', '-r', 'umi', 'Не работает форма', '--json'], env)
    expect(JSON.parse(r.stdout).events[0].author).toBe('anna')
  })

  it.each([
    [['respond', 'MG-1', '--at', 'yesterday'], 2, /--at: expected an ISO 8601 instant/],
    [['respond', 'MG-1', '--at', '2026-11-01T10:00+03:00'], 2, /is before MG-000001 was received/],
    [['respond', 'MG-9'], 1, /no ticket MG-000009/],
    [['respond', 'nonsense!'], 2, /expected a ticket id/],
    [['level', 'MG-1', 'platinum'], 2, /unknown level "platinum" for moguta; levels: standard/],
    [['reopen', 'MG-1'], 1, /cannot move MG-000001 from new to open/],
    [['list', '--status', 'done'], 2, /unknown status "done"; valid: new, open/],
    [['list', '--bogus'], 2, /unknown option '--bogus'/],
    // a misspelt mandatory option is said as unknown, with the right one suggested, not as missing
    [['import', 'x.jsonl', '--frm', 'jsonl'], 2, /^error: unknown option '--frm'\n\(Did you mean --from\?\)/],
    [['import', 'x.jsonl'], 2, /^error: required option '--from <format>' not specified/],
    [['recompute'], 2, /^error: required option '--since <date>' not specified/],
  ])('%j → exit %i', async (args, code, message) => {
    const env = envFor()
    await regdesk(
      ['tickets', 'add', '-r', 'moguta', 'Не работает корзина', '--received-at', '2026-11-20T12:00+03:00'],
      env,
    )
    const r = await regdesk(['tickets', ...args], env)
    expect(r.exitCode).toBe(code)
    expect(r.stderr).toMatch(message)
  })

  it('an empty --store is a usage error; an empty REGDESK_STORE is unset (the default store)', async () => {
    const env = envFor()
    expect(await regdesk(['--store', '', 'tickets', 'list', '--json'], env)).toMatchObject({
      exitCode: 2,
      stderr: expect.stringMatching(/--store is empty: give a file or a postgres:\/\/ URL/),
    })
    // read only: the user's default store is listed, never written
    const r = await regdesk(['tickets', 'list', '--json'], { ...env, REGDESK_STORE: '' })
    expect(r.exitCode).toBe(0)
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true)
  })

  it('add keeps the product the request names when none is given, the one the verdict was made for', async () => {
    const env = envFor()
    const named = await regdesk(
      ['tickets', 'add', '-r', 'mst', '--json', 'Феникс+ 2 не запускается после обновления'],
      env,
    )
    expect(JSON.parse(named.stdout)).toMatchObject({ product: 'fenix-plus-2', triage: { scope: 'out' } })
    const given = await regdesk(
      ['tickets', 'add', '-r', 'mst', '--product', 'fenix-plus-3', '--json', 'Феникс+ 2 не запускается'],
      env,
    )
    expect(JSON.parse(given.stdout).product).toBe('fenix-plus-3')
  })

  it('a store path with no file says so on stderr (a mistyped --store), and makes no file; once written, no note', async () => {
    const env = envFor()
    const list = await regdesk(['tickets', 'list', '--json'], env)
    expect(list).toMatchObject({ exitCode: 0, stdout: '[]' })
    expect(list.stderr).toMatch(/^note: there is no ticket store .*tickets\.json yet: the first ticket added makes it/)
    expect(existsSync(env.REGDESK_STORE)).toBe(false)
    expect((await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина'], env)).stderr).toBe('')
    expect((await regdesk(['tickets', 'list', '--json'], env)).stderr).toBe('')
  })

  it('assigning a ticket to the agent who has it, or unassigning an unassigned one, changes nothing and exits 0', async () => {
    const env = envFor()
    await regdesk(['tickets', 'add', '-r', 'moguta', 'Не работает корзина'], env)
    const none = await regdesk(['tickets', 'assign', 'MG-1', 'none'], env)
    expect(none.stderr).toBe('MG-000001 is already unassigned')
    // the ticket's state, and no "assign at" of an assignment that did not happen
    expect(none.stdout).toMatch(/^MG-000001 {2}new · sla pending/)
    expect((await regdesk(['tickets', 'assign', 'MG-1', 'anna'], env)).exitCode).toBe(0)
    const again = await regdesk(['tickets', 'assign', 'MG-1', 'anna', '--json'], env)
    expect(again).toMatchObject({ exitCode: 0, stderr: 'MG-000001 is already assigned to anna' })
    expect(JSON.parse(again.stdout)).toMatchObject({ id: 'MG-000001', assignee: 'anna' })
    const shown = JSON.parse((await regdesk(['tickets', 'show', 'MG-1', '--json'], env)).stdout)
    expect(shown.events.filter((e: { type: string }) => e.type === 'assignment')).toHaveLength(1)
    // another agent's ticket is still refused without --reassign
    expect((await regdesk(['tickets', 'assign', 'MG-1', 'oleg'], env)).exitCode).toBe(1)
  })

  it('list filters; an empty result exits 0 with [] (and nothing piped)', async () => {
    const env = envFor()
    expect(await regdesk(['tickets', 'list', '--json'], env)).toMatchObject({ exitCode: 0, stdout: '[]' })
    expect(await regdesk(['tickets', 'list'], env)).toMatchObject({ exitCode: 0, stdout: '' })
    await regdesk(
      ['tickets', 'add', '-r', 'moguta', 'Не работает корзина', '--received-at', '2026-11-20T12:00+03:00'],
      env,
    )
    await regdesk(['tickets', 'add', '-r', 'umi', 'Не работает форма', '--received-at', '2026-11-20T12:00+03:00'], env)
    await regdesk(['tickets', 'assign', 'UM-1', 'boris'], env)
    const ids = async (...args: string[]) =>
      JSON.parse((await regdesk(['tickets', 'list', '--json', ...args], env)).stdout).map((t: { id: string }) => t.id)
    expect(await ids()).toEqual(['MG-000001', 'UM-000001'])
    expect(await ids('--regulation', 'umi')).toEqual(['UM-000001'])
    expect(await ids('--assignee', 'boris')).toEqual(['UM-000001'])
    expect(await ids('--assignee', 'none')).toEqual(['MG-000001'])
    expect(await ids('--overdue')).toEqual(['MG-000001'])
    expect(await ids('--status', 'open,closed')).toEqual([])
    const piped = await regdesk(['tickets', 'list'], env)
    expect(piped.stdout.split('\n')[0]?.split('\t').slice(0, 5)).toEqual([
      'MG-000001',
      'moguta',
      'new',
      'standard',
      'overdue',
    ])
    expect(piped.stdout).not.toContain('\u001b[')
  })

  it('a --store in a folder whose parent does not exist is refused, and no folder is made; its own folder is made', async () => {
    const root = tempDir()
    const typo = join(root, 'no-such', 'dir', 'tickets.json')
    const r = await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--store', typo], envFor())
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/there is no folder .*no-such for the store .*: check the path \(--store\)/)
    expect(existsSync(join(root, 'no-such'))).toBe(false)
    // reading it and store info say so too, rather than promise a store the first ticket would make
    const list = await regdesk(['tickets', 'list', '--store', typo], envFor())
    expect(list.stderr).toMatch(/there is no ticket store .*tickets\.json, nor the folder .*no-such to make it in/)
    expect((await regdesk(['store', 'info', '--store', typo], envFor())).stdout).toMatch(
      /exists\s+no, and there is no folder .*no-such to make it in/,
    )
    const fresh = join(root, 'desk', 'tickets.json')
    expect((await regdesk(['tickets', 'list', '--store', fresh], envFor())).stderr).toMatch(
      /the first ticket added makes it/,
    )
    expect(
      (await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--store', fresh], envFor())).exitCode,
    ).toBe(0)
    expect(existsSync(fresh)).toBe(true)
  })

  it('a store file emptied outside regdesk is refused while its sidecar counts tickets; a file never written is a new store', async () => {
    const env = envFor()
    const add = ['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--received-at', '2026-11-10T12:00+03:00']
    expect((await regdesk(add, env)).exitCode).toBe(0)
    writeFileSync(env.REGDESK_STORE, '')
    for (const args of [add, ['tickets', 'list'], ['report', '--json']]) {
      const r = await regdesk(args, env)
      expect(r.exitCode, args.join(' ')).toBe(3)
      expect(r.stderr).toMatch(/the ticket store is empty, yet regdesk last wrote it with 1 ticket\(s\)/)
    }
    expect(readFileSync(env.REGDESK_STORE, 'utf8')).toBe('')
    const touched = envFor()
    writeFileSync(touched.REGDESK_STORE, '')
    expect((await regdesk(add, touched)).exitCode).toBe(0)
  })

  it('a --store that names a folder is a usage error that says so', async () => {
    const dir = `${tempDir()}/new/`
    const r = await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина', '--store', dir], envFor())
    expect(r).toMatchObject({
      exitCode: 2,
      stderr: `error: --store ${dir} names a folder; give the store's file, e.g. ${dir}tickets.json`,
    })
  })

  it('a subject carrying terminal escapes (from --subject or an import) reaches no table as escapes', async () => {
    const env = envFor()
    const evil = 'Корзина \u001b[2J\u001b[41mEVIL\u001b[0m'
    await regdesk(
      [
        'tickets',
        'add',
        '-r',
        'moguta',
        '--subject',
        evil,
        'Не работает корзина',
        '--received-at',
        '2026-11-10T12:00+03:00',
      ],
      env,
    )
    for (const args of [['tickets', 'list'], ['tickets', 'queue'], ['overdue']]) {
      const table = await regdesk(args, env, undefined, { columns: 160 })
      expect(table.stdout, args.join(' ')).toContain('Корзина')
      expect(table.stdout, args.join(' ')).not.toContain('\u001b')
    }
  })

  it('a text written on Windows (CRLF) shows its lines as lines, with no � for the carriage returns', async () => {
    const env = envFor()
    const add = await regdesk(
      ['tickets', 'add', '-r', 'advantshop', '-', '--json'],
      env,
      'Добрый день!\r\nНе работает корзина.\r\n',
    )
    const id = JSON.parse(add.stdout).id
    const shown = await regdesk(['tickets', 'show', id], env, undefined, { columns: 120 })
    expect(shown.stdout).toContain('Добрый день!\nНе работает корзина.')
    expect(shown.stdout).not.toContain('�')
    // the stored text keeps what was written
    expect(JSON.parse((await regdesk(['tickets', 'show', id, '--json'], env)).stdout).text).toContain('\r\n')
  })

  it('on a terminal a long subject stays on its row, cut with …, however narrow the terminal', async () => {
    const env = envFor()
    const subject = 'После обновления не работает корзина на сайте shop.example.ru, ошибка 500 при оформлении заказа'
    await regdesk(['tickets', 'add', '-r', 'moguta', subject, '--received-at', '2026-11-10T12:00+03:00'], env)
    for (const columns of [120, 160]) {
      const table = (await regdesk(['tickets', 'list'], env, undefined, { columns })).stdout
      const rows = table.split('\n').filter((line) => line.includes('MG-000001'))
      expect(rows, `${columns} columns`).toHaveLength(1)
      expect(rows[0]).toMatch(/│ После обновления[^│]*… │$/)
      // the line under it is the table's border, not the rest of the subject
      const next = table.split('\n')[table.split('\n').indexOf(rows[0] as string) + 1]
      expect(next).toMatch(/^└/)
      expect(Math.max(...table.split('\n').map((l) => l.length))).toBeLessThanOrEqual(columns)
    }
    // emoji are cut between characters, never inside one (a lone half of a surrogate pair shows as �)
    await regdesk(
      [
        'tickets',
        'add',
        '-r',
        'moguta',
        `Корзина не работает ${'😀'.repeat(40)}`,
        '--received-at',
        '2026-11-10T13:00+03:00',
      ],
      env,
    )
    for (const columns of [120, 200]) {
      const table = (await regdesk(['tickets', 'list'], env, undefined, { columns })).stdout
      // at 200 columns some fit, each two columns wide; at 120 none does
      if (columns === 200)
        expect(table.split('\n').filter((line) => line.includes('│ MG-000002'))[0]).toMatch(/😀… +│$/)
      expect(
        table.split('\n').filter((line) => line.includes('│ MG-000002') || line.startsWith('│     ')),
      ).toHaveLength(1)
      expect(table).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/)
    }
  })

  it('queue: critical first for advantshop; imagecms premium before pro', async () => {
    const env = envFor()
    const add = async (reg: string, at: string, ...extra: string[]) => {
      const r = await regdesk(
        ['tickets', 'add', '-r', reg, 'Сайт не работает, ошибка 500', '--received-at', at, ...extra],
        env,
      )
      expect(r, r.stderr).toMatchObject({ exitCode: 0 })
    }
    await add('advantshop', '2026-11-23T10:00+03:00')
    await add('advantshop', '2026-11-23T11:00+03:00', '--critical')
    await add('imagecms', '2026-11-23T10:00+03:00', '--tier', 'pro')
    await add('imagecms', '2026-11-23T11:00+03:00', '--tier', 'premium')
    const q = JSON.parse((await regdesk(['tickets', 'queue', '--json'], env)).stdout)
    expect(q.map((e: { id: string; position: number }) => `${e.position}:${e.id}`)).toEqual([
      '1:AS-000002',
      '2:AS-000001',
      '1:IC-000002',
      '2:IC-000001',
    ]) // on a terminal the critical column says yes or no, never a blank
    const table = await regdesk(['tickets', 'queue', '-r', 'advantshop'], env, undefined, { columns: 200 })
    expect(table.stdout).toMatch(/│ 1 +│ AS-000002 +│ advantshop +│ free +│ yes/)
    expect(table.stdout).toMatch(/│ 2 +│ AS-000001 +│ advantshop +│ free +│ no /)
  })

  it('autoclose (imagecms): resolved + 7 calendar days → closed, listed; --dry-run changes nothing', async () => {
    const env = envFor()
    await regdesk(
      ['tickets', 'add', '-r', 'imagecms', 'Ошибка в корзине', '--received-at', '2026-11-02T10:00+03:00'],
      env,
    )
    await regdesk(
      ['tickets', 'resolve', 'IC-1', '--at', '2026-11-03T10:00+03:00', '--now', '2026-11-03T10:00+03:00'],
      env,
    )
    const dry = await regdesk(['tickets', 'autoclose', '--dry-run', '--json'], env)
    expect(JSON.parse(dry.stdout)).toMatchObject([
      { id: 'IC-000001', rule: 'close_resolved_after_inactivity', dry_run: true },
    ])
    const done = await regdesk(['tickets', 'autoclose', '--json'], env)
    expect(JSON.parse(done.stdout)).toMatchObject([{ id: 'IC-000001', status: 'closed' }])
    const t = JSON.parse((await regdesk(['tickets', 'show', 'IC-1', '--json'], env)).stdout)
    expect(t.status).toBe('closed')
    expect(t.events.at(-1)).toMatchObject({
      type: 'status_change',
      to: 'closed',
      rule: 'close_resolved_after_inactivity',
    })
    expect(JSON.parse((await regdesk(['tickets', 'autoclose', '--json'], env)).stdout)).toEqual([])
  })

  it.each([
    'tickets',
    'tickets add',
    'tickets list',
    'tickets show',
    'tickets respond',
    'tickets reply',
    'tickets wait',
    'tickets resolve',
    'tickets close',
    'tickets reopen',
    'tickets assign',
    'tickets level',
    'tickets queue',
    'tickets autoclose',
    'tickets purge-secrets',
    'overdue',
  ])('`%s --help` shows an example', async (command) => {
    const r = await regdesk([...command.split(' '), '--help'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('$ regdesk ')
  })
})

describePg('a team store database without regdesk tables', () => {
  it('reads as empty, with a note that says so (a mistyped database name is not silent)', async () => {
    const db = await freshDatabase()
    try {
      const env = { REGDESK_STORE: db.url }
      const list = await regdesk(['tickets', 'list', '--json'], env)
      expect(list).toMatchObject({ exitCode: 0, stdout: '[]' })
      expect(list.stderr).toMatch(
        /^note: the PostgreSQL store \S+ has no regdesk tables yet: the first ticket added makes them/,
      )
      expect((await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина'], env)).exitCode).toBe(0)
      expect((await regdesk(['tickets', 'list', '--json'], env)).stderr).toBe('')
    } finally {
      await db.drop()
    }
  })
})

describe('store info on a store of a newer regdesk', () => {
  it('says its format, newer than this regdesk reads, instead of refusing it (the other commands refuse it)', async () => {
    const file = join(tempDir(), 'newer.json')
    writeFileSync(file, '{"format": 9, "tickets": [\n{"id":"MG-000001"}\n]}\n')
    const env = { REGDESK_STORE: file }
    const info = await regdesk(['store', 'info'], env)
    expect(info.exitCode, info.stderr).toBe(0)
    expect(info.stdout).toMatch(/format\s+9 \(newer than this regdesk: 2\)/)
    expect((await regdesk(['--lang', 'ru', 'store', 'info'], env)).stdout).toMatch(
      /9 \(новее, чем знает этот regdesk: 2\)/,
    )
    expect(JSON.parse((await regdesk(['store', 'info', '--json'], env)).stdout)).toMatchObject({
      version: 9,
      tickets: null,
    })
    expect((await regdesk(['tickets', 'list'], env)).exitCode).toBe(3)
  })

  it('gives the size of a small store in bytes or KB, not as 0.0 MB', async () => {
    const file = join(tempDir(), 'small.json')
    writeFileSync(file, `{"format": 9, "tickets": [\n${'{"id":"MG-000001"},\n'.repeat(200)}{"id":"MG-000002"}\n]}\n`)
    const env = { REGDESK_STORE: file }
    expect((await regdesk(['store', 'info'], env)).stdout).toMatch(/size\s+4 KB\n/)
    expect((await regdesk(['--lang', 'ru', 'store', 'info'], env)).stdout).toMatch(/размер\s+4 КБ\n/)
  })
})

describePg('store info on the team store', () => {
  it('says whether the tables exist, once, in the interface language', async () => {
    const db = await freshDatabase()
    try {
      const env = { REGDESK_STORE: db.url }
      const en = await regdesk(['store', 'info'], env)
      expect(en.stdout).toMatch(/tables\s+not created yet \(made by the first write, which needs the CREATE right/)
      expect(en.stdout.match(/^schema /gm)).toHaveLength(1)
      const ru = await regdesk(['--lang', 'ru', 'store', 'info'], env)
      expect(ru.stdout).toMatch(/таблицы\s+ещё не созданы/)
      await regdesk(['tickets', 'add', '-r', 'moguta', 'не работает корзина'], env)
      expect((await regdesk(['--lang', 'ru', 'store', 'info'], env)).stdout).toMatch(/таблицы\s+созданы/)
    } finally {
      await db.drop()
    }
  })
})
