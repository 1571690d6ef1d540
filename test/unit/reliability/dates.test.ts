import { beforeAll, describe, expect, it } from 'vitest'
import { runCli, tempStore } from '../../support/in-process.js'
import { BAD, INSTANT_FORMAT, OPTIONS } from './date-cases.js'

/**
 * Issue 8, part 2, the whole matrix in-process: every option that takes an instant or a date ×
 * every kind of bad value → exit 2 with the valid format. reliability-dates.e2e.test.ts runs a
 * sample of it, the offsets and the timezone notes through the built CLI.
 */

let store: Record<string, string>

beforeAll(async () => {
  store = { REGDESK_STORE: tempStore() }
  const r = await runCli(
    [
      'tickets',
      'add',
      '-r',
      'moguta',
      'после обновления не открывается админка',
      '--received-at',
      '2026-11-20T12:00+03:00',
    ],
    store,
  )
  expect(r.exitCode, r.stderr).toBe(0)
})

describe('every instant and date option × every bad value → exit 2 with the valid format', () => {
  const cases = OPTIONS.flatMap(([label, argv, format]) =>
    BAD.map((bad) => [label, JSON.stringify(bad), argv(bad), format] as const),
  )
  it.each(cases)('%s %s', async (_label, _shown, args, format) => {
    const r = await runCli(args, store)
    expect(r.exitCode, r.stderr).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(format)
  })

  it('REGDESK_NOW too', async () => {
    // an empty REGDESK_NOW is unset (as every REGDESK_ variable), not a bad instant
    for (const bad of BAD.filter((b) => b !== '')) {
      const r = await runCli(['overdue'], { ...store, REGDESK_NOW: bad })
      expect(r.exitCode).toBe(2)
      expect(r.stderr).toContain(`REGDESK_NOW: `)
      expect(r.stderr).toContain(INSTANT_FORMAT)
    }
  })
})
