import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'
import { BAD, OPTIONS } from '../unit/reliability/date-cases.js'

/**
 * Issue 8, part 2: every option that takes an instant or a date rejects impossible and
 * non-ISO values with exit 2 and the valid format, accepts any offset and Z, and says so on
 * stderr when a value without an offset is read in the regulation's timezone.
 */

const TEXT = 'после обновления не открывается админка'

let store: Record<string, string>

beforeAll(async () => {
  store = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
  const r = await regdesk(['tickets', 'add', '-r', 'moguta', TEXT, '--received-at', '2026-11-20T12:00+03:00'], store)
  expect(r.exitCode).toBe(0)
})

describe.concurrent('invalid dates and instants → exit 2 with the valid format (a sample of the unit matrix)', () => {
  // each option once, the bad values in turn: test/unit/reliability/dates.test.ts runs every pair in-process
  const cases = OPTIONS.map(([label, argv, format], i) => {
    const bad = BAD[i % 5] as string
    return [label, JSON.stringify(bad), argv(bad), format] as const
  })
  it.each(cases)('%s %s', async (_label, _shown, args, format) => {
    const r = await regdesk(args, store)
    expect(r.exitCode, r.stderr).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(r.stderr.split('\n')[0])
    expect(r.stderr).toContain(format)
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /)
  })
})

describe.concurrent('valid instants: any offset and Z, one instant', () => {
  it.each([
    '2026-11-20T12:00Z',
    '2026-11-20t12:00:00.000z',
    '2026-11-20T15:00+0300',
    '2026-11-20T07:00-05:00',
    '2026-11-21T01:45+13:45',
  ])('%s', async (at) => {
    const r = await regdesk(['deadline', '-r', 'moguta', '--received-at', at, '--json'])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    expect(JSON.parse(r.stdout).received_at).toBe('2026-11-20T15:00:00+03:00')
  })
})

describe.concurrent('a date or time without an offset is read in the regulation timezone, with a note', () => {
  const MOSCOW_MIDNIGHT = '2026-11-21T00:00:00+03:00'
  it.each([
    ['deadline --received-at', ['deadline', '-r', 'moguta', '--received-at', '2026-11-21', '--json'], 'received_at'],
    [
      'elapsed --from',
      ['elapsed', '-r', 'moguta', '--from', '2026-11-21', '--to', '2026-11-23T12:00Z', '--json'],
      'from',
    ],
    ['elapsed --to', ['elapsed', '-r', 'moguta', '--from', '2026-11-20T12:00Z', '--to', '2026-11-21', '--json'], 'to'],
    ['calendar check', ['calendar', 'check', 'moguta', '2026-11-21', '--json'], 'at'],
    ['triage --received-at', ['triage', '-r', 'moguta', '--received-at', '2026-11-21', '--json', TEXT], 'received_at'],
  ])('%s', async (_label, args, field) => {
    const r = await regdesk(args as string[])
    expect(r.exitCode, r.stderr).toBe(0)
    // a date alone: the note says it has no time of day and is read as the day's start
    expect(r.stderr).toMatch(/^note: .* has no time of day; read as 00:00, Europe\/Moscow time$/)
    expect(JSON.parse(r.stdout)[field as string]).toBe(MOSCOW_MIDNIGHT)
  })

  it('a date with an offset but no time of day is said as such, in both languages', async () => {
    const r = await regdesk(['deadline', '-r', 'moguta', '--received-at', '2026-11-21+03:00', '--json'])
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stderr).toBe('note: --received-at has no time of day; read as 00:00 at the offset it gives')
    expect(JSON.parse(r.stdout).received_at).toBe(MOSCOW_MIDNIGHT)
    const ru = await regdesk(['--lang', 'ru', 'deadline', '-r', 'moguta', '--received-at', '2026-11-21+03:00'])
    expect(ru.stderr).toBe(
      'примечание: --received-at указан без времени суток; считается 00:00 с указанным смещением от UTC',
    )
  })

  it('tickets add --received-at and tickets respond --at', async () => {
    const env = { REGDESK_STORE: join(tempDir(), 'tickets.json') }
    const added = await regdesk(
      ['tickets', 'add', '-r', 'moguta', TEXT, '--received-at', '2026-11-21', '--force', '--json'],
      env,
    )
    expect(added.stderr).toBe('note: --received-at has no time of day; read as 00:00, Europe/Moscow time')
    expect(JSON.parse(added.stdout).received_at).toBe(MOSCOW_MIDNIGHT)
    const responded = await regdesk(
      ['tickets', 'respond', 'MG-1', '--at', '2026-11-23T11:00', '--force', '--json'],
      env,
    )
    expect(responded.exitCode, responded.stderr).toBe(0)
    expect(responded.stderr).toBe('note: --at has no offset; read as Europe/Moscow time')
    expect(JSON.parse(responded.stdout).events.at(-1).at).toBe('2026-11-23T11:00:00+03:00')
  })

  it('--now and REGDESK_NOW (read in Moscow time: no regulation is known yet)', async () => {
    const r = await regdesk(['--now', '2026-11-21T10:00', 'calendar', 'check', 'moguta', '--json'])
    expect(r.stderr).toBe('note: --now has no offset; read as Europe/Moscow time')
    expect(JSON.parse(r.stdout).at).toBe('2026-11-21T10:00:00+03:00')
    const env = await regdesk(['calendar', 'check', 'moguta', '--json'], { REGDESK_NOW: '2026-11-21' })
    expect(env.stderr).toBe('note: REGDESK_NOW has no time of day; read as 00:00, Europe/Moscow time')
    expect(JSON.parse(env.stdout).at).toBe(MOSCOW_MIDNIGHT)
  })
})
