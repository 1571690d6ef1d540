import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

/** Issue 18, "Pipes and scripts": what a script reads on stdout and from the exit code. */
describe('scripts read JSON, errors included', () => {
  it('--version --json prints the version as JSON', async () => {
    for (const args of [
      ['--version', '--json'],
      ['--json', '-V'],
    ]) {
      const r = await regdesk(args)
      expect(r.exitCode).toBe(0)
      expect(JSON.parse(r.stdout)).toEqual({ version: expect.stringMatching(/^\d+\.\d+\.\d+/) })
    }
  })

  it.each([
    [['--json', 'tickets', 'show', 'MG-99'], 1, 'not_found'],
    [['--json', 'triage', '--bogus'], 2, 'usage'],
    [['--json', 'deadline', '-r', 'moguta', '--received-at', '2026-02-30'], 2, 'usage'],
    [['--json', 'regulations', 'show', 'nope'], 2, 'usage'],
  ])('under --json an error is also JSON on stdout: %j', async (args, exitCode, code) => {
    const r = await regdesk(args)
    expect(r.exitCode).toBe(exitCode)
    const { error } = JSON.parse(r.stdout)
    expect(error).toMatchObject({ code, exit_code: exitCode, message: expect.any(String) })
    expect(r.stderr).toMatch(/^error: /)
  })

  it('an invalid regulation file under --json gives its issues', async () => {
    const r = await regdesk([
      '--json',
      '--regulations',
      new URL('../fixtures/regulations/invalid', import.meta.url).pathname,
      'triage',
      '-r',
      'acme',
      'x',
    ])
    expect(r.exitCode).toBe(3)
    const { error } = JSON.parse(r.stdout)
    expect(error.code).toBe('invalid_data')
    expect(error.issues[0]).toMatchObject({ file: expect.stringContaining('acme.yaml'), line: expect.any(Number) })
  })
})

describe('overdue --check', () => {
  it('says how many tickets are overdue, without "error:", and exits 4', async () => {
    // a store of two tickets received ten days before --now, never answered
    const store = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
    for (const text of ['не работает корзина', 'ошибка 500 на главной'])
      expect(
        (await regdesk(['tickets', 'add', '-r', 'moguta', '--received-at', '2026-11-10T12:00+03:00', text], store))
          .exitCode,
      ).toBe(0)
    const r = await regdesk(['overdue', '--check'], store)
    expect(r.exitCode).toBe(4)
    expect(r.stderr).toBe('2 tickets are overdue')
    const { rmSync } = await import('node:fs')
    for (const suffix of ['', '.meta', '.summary', '.lock'])
      rmSync(`${store.REGDESK_STORE}${suffix}`, { force: true, recursive: true })
  })
})
