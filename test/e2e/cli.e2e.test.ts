import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { BIN, regdesk, tempDir } from './regdesk.js'

const FIXTURES = new URL('../fixtures/regulations/', import.meta.url).pathname

describe('regdesk (root)', () => {
  it('prints its version', async () => {
    const r = await regdesk(['--version'])
    expect(r).toMatchObject({ exitCode: 0, stderr: '' })
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const r = await execa('sh', ['-c', `"${process.execPath}" "${BIN}" regulations show advantshop | head -1`], {
      reject: false,
    })
    expect(r.stdout).toBe('AdvantShop.NET (advantshop)')
    expect(r.stderr).toBe('')
  })

  // a file size limit of 0 (ulimit -f) fails every write with EFBIG, as a full disk under `> report.csv` fails with ENOSPC
  it('output that cannot be written is one sentence and exit 1, never a stack trace', async () => {
    for (const lang of ['en', 'ru']) {
      const out = join(tempDir(), 'out.txt')
      const r = await execa(
        'sh',
        ['-c', `ulimit -f 0; exec "${process.execPath}" "${BIN}" --lang ${lang} regulations show moguta > "${out}"`],
        { reject: false },
      )
      expect(r.exitCode).toBe(1)
      expect(r.stderr).toBe(
        lang === 'en'
          ? 'error: the output cannot be written (EFBIG: the file is larger than allowed)'
          : 'ошибка: не удаётся записать вывод (EFBIG: файл больше допустимого)',
      )
    }
  })

  it('lists the exit codes in --help', async () => {
    const r = await regdesk(['--help'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('Exit codes:')
    expect(r.stdout).toContain('3    invalid data')
  })

  it('exits 2 for an unknown command', async () => {
    const r = await regdesk(['frobnicate'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain("unknown command 'frobnicate'")
    expect(r.stdout).toBe('')
  })

  it('exits 2 for an unknown option of a nested command', async () => {
    const r = await regdesk(['regulations', 'list', '--bogus'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toContain("unknown option '--bogus'")
  })

  it.each([['2026-02-30'], ['yesterday'], [''], ['25:00'], ['1700000000']])(
    'rejects --now %j with exit 2 and the format',
    async (now) => {
      const r = await regdesk(['--now', now, 'config', 'list'])
      expect(r.exitCode).toBe(2)
      expect(r.stderr).toMatch(/^error: --now: .*ISO 8601 instant like/)
      expect(r.stderr).not.toMatch(/\n\s+at /)
    },
  )

  it.each([
    'regulations',
    'regulations list',
    'regulations show',
    'regulations validate',
    'regulations lint',
    'config',
  ])('`%s --help` shows an example', async (command) => {
    const r = await regdesk([...command.split(' '), '--help'])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('$ regdesk ')
  })
})

describe('regdesk config', () => {
  it('sets, gets, lists and unsets a key in the user config', async () => {
    const env = { XDG_CONFIG_HOME: join(tempDir(), 'config') }
    expect((await regdesk(['config', 'set', 'agent', 'Ирина'], env)).exitCode).toBe(0)
    expect(await regdesk(['config', 'get', 'agent'], env)).toMatchObject({ exitCode: 0, stdout: 'Ирина' })
    const list = await regdesk(['config', 'list', '--json'], env)
    expect(JSON.parse(list.stdout)).toEqual({
      regulation: null,
      agent: 'Ирина',
      store: null,
      regulationsDir: null,
      lang: null,
    })
    expect((await regdesk(['config', 'unset', 'agent'], env)).exitCode).toBe(0)
    expect((await regdesk(['config', 'get', 'agent', '--json'], env)).stdout).toContain('"value": null')
    expect((await regdesk(['config', 'path'], env)).stdout).toContain(
      join(env.XDG_CONFIG_HOME, 'regdesk', 'config.json'),
    )
  })

  it('refuses an unknown key with exit 2 and the valid keys', async () => {
    const r = await regdesk(['config', 'set', 'colour', 'red'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toBe(
      'error: unknown config key "colour"; valid keys: regulation, agent, store, regulationsDir, lang',
    )
  })

  it('refuses an unknown default regulation', async () => {
    const r = await regdesk(['config', 'set', 'regulation', 'nope'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/unknown regulation "nope"; available: /)
  })
})

describe('regdesk regulations validate', () => {
  it('accepts a valid file', async () => {
    const r = await regdesk(['regulations', 'validate', join(FIXTURES, 'valid/acme.yaml')])
    expect(r.exitCode).toBe(0)
    expect(r.stderr).toContain('acme.yaml: ok')
  })

  it('reports every problem of an invalid file at file:line:column and exits 3', async () => {
    const file = join(FIXTURES, 'invalid/acme.yaml')
    const r = await regdesk(['regulations', 'validate', file])
    expect(r.exitCode).toBe(3)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n')).toEqual([
      `${file}:9:3: error: workingTime.calendar: missing required key "calendar" (expected a text)`,
      `${file}:10:3: error: workingTime.calender: unknown key "calender"`,
      `${file}:13:11: error: workingTime.weekly.tue.0: expected a time range like "09:00-18:00", got "25:00-26:00"`,
      'error: 3 problems in 1 file',
    ])
  })

  it('gives the issues as JSON with --json', async () => {
    const r = await regdesk(['regulations', 'validate', '--json', join(FIXTURES, 'invalid/acme.yaml')])
    expect(r.exitCode).toBe(3)
    const doc = JSON.parse(r.stdout)
    expect(doc.valid).toBe(false)
    expect(doc.issues[2]).toMatchObject({ line: 13, col: 11, path: 'workingTime.weekly.tue.0', severity: 'error' })
  })

  it('fails with exit 3 when a --regulations directory holds a broken file', async () => {
    const r = await regdesk(['--regulations', join(FIXTURES, 'invalid'), 'regulations', 'show', 'acme'])
    expect(r.exitCode).toBe(3)
    expect(r.stderr).toContain('acme.yaml:13:11: error:')
  })

  it('loads extra regulations from --regulations', async () => {
    const r = await regdesk(['--regulations', join(FIXTURES, 'valid'), 'regulations', 'show', 'acme', '--json'])
    expect(r.exitCode).toBe(0)
    expect(JSON.parse(r.stdout).levels.p1).toEqual({
      name: 'Критичный',
      default: false,
      limit: { amount: 4, unit: 'working_hours' },
      target: null,
      note: null,
      note_en: null,
      clause: '3.1',
      quote: '4 рабочих часа',
      workingTime: null,
    })
  })

  it('exits 2 for an unknown regulation id, listing the known ones', async () => {
    const r = await regdesk(['regulations', 'show', 'nope'])
    expect(r.exitCode).toBe(2)
    expect(r.stderr).toMatch(/^error: unknown regulation "nope"; available: /)
  })
})

describe('the clock', () => {
  it("without --now, a ticket's receipt is stored to the second, as people write times", async () => {
    const store = join(tempDir(), 't.json')
    const r = await regdesk(['tickets', 'add', '-r', 'moguta', 'Не работает корзина', '--json'], {
      REGDESK_NOW: '',
      REGDESK_STORE: store,
    })
    expect(r.exitCode, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).received_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
  })
})

describe('Ctrl-C outside a prompt', () => {
  /** triage waiting for the text on stdin (a command busy with nothing a prompt would catch), interrupted */
  async function interrupted(json: boolean) {
    // a process signalled before it has set its handler dies of the signal: wait longer on a slow machine
    for (const wait of [500, 2_000, 8_000]) {
      const child = execa(process.execPath, [BIN, 'triage', '-r', 'moguta', '-', ...(json ? ['--json'] : [])], {
        reject: false,
        env: { NO_COLOR: '1', REGDESK_NOW: '2026-11-20T15:00:00+03:00' },
      })
      await new Promise((resolve) => setTimeout(resolve, wait))
      child.kill('SIGINT')
      const r = await child
      if (r.exitCode !== undefined) return r
    }
    throw new Error('the process never got to handle SIGINT')
  }

  it('taking in a mailbox, interrupted between its batches: what was stored is said, and the store is left unlocked', async () => {
    const dir = tempDir()
    const box = join(dir, 'big.mbox')
    const letters: string[] = []
    for (let i = 0; i < 6000; i++)
      letters.push(
        `From x Fri Nov 20 09:00:00 2026\nFrom: c${i}@d.ru\nSubject: n${i}\nMessage-ID: <m${i}@d>\nDate: Fri, 20 Nov 2026 09:00:00 +0300\n\nНе работает корзина ${i}\n`,
      )
    writeFileSync(box, letters.join('\n'))
    // interrupted at three moments after its first batch is stored: a lock taken or given back then was left behind
    for (const after of [0, 40, 120]) {
      const store = join(dir, `t${after}.json`)
      const child = execa(process.execPath, [BIN, 'tickets', 'add', '-r', 'advantshop', '--mbox', box], {
        reject: false,
        env: { NO_COLOR: '1', REGDESK_NOW: '2026-11-20T15:00:00+03:00', REGDESK_STORE: store },
      })
      while (!existsSync(store) && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 10))
      await new Promise((resolve) => setTimeout(resolve, after))
      child.kill('SIGINT')
      const r = await child
      if (r.exitCode === 0) continue // the machine took all 6,000 in first: nothing to interrupt
      expect(r.exitCode).toBe(130)
      expect(r.stderr).toMatch(/cancelled\nnote: at least \d+ message\(s\) were taken in before the interruption/)
      expect(existsSync(`${store}.lock`)).toBe(false)
    }
  }, 120_000)

  it('importing a file, interrupted while its records are read: it stops there and stores nothing', async () => {
    const dir = tempDir()
    const file = join(dir, 'big.jsonl')
    const rows: string[] = []
    for (let i = 0; i < 40_000; i++)
      rows.push(
        JSON.stringify({ external_id: `B${i}`, created_at: '2026-11-18T10:00:00+03:00', body: 'Не работает корзина' }),
      )
    writeFileSync(file, `${rows.join('\n')}\n`)
    const store = join(dir, 't.json')
    const child = execa(process.execPath, [BIN, 'tickets', 'import', file, '--from', 'jsonl', '-r', 'moguta'], {
      reject: false,
      env: { NO_COLOR: '1', REGDESK_NOW: '2026-11-20T15:00:00+03:00', REGDESK_STORE: store },
    })
    // a second in, the records (triaged, 40,000 of them) are still being read
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    child.kill('SIGINT')
    const r = await child
    if (r.exitCode === 0) return // the machine read and stored all 40,000 within the second: nothing to interrupt
    expect(r.exitCode).toBe(130)
    expect(r.stderr).toContain('cancelled')
    expect(existsSync(store)).toBe(false)
    expect(existsSync(`${store}.lock`)).toBe(false)
  }, 60_000)

  it('says "cancelled", exits 130 and, under --json, gives the error document on stdout', async () => {
    const plain = await interrupted(false)
    expect(plain).toMatchObject({ exitCode: 130, stdout: '' })
    expect(plain.stderr).toContain('cancelled')
    const json = await interrupted(true)
    expect(json.exitCode).toBe(130)
    expect(JSON.parse(json.stdout)).toEqual({ error: { code: 'cancelled', message: 'cancelled', exit_code: 130 } })
  }, 30_000)
})
