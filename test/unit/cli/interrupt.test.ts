import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { madeBeforeInterrupt, madeSoFar } from '../../../src/cli/interrupt.js'
import { cancelled, runProgram } from '../../../src/cli/run.js'
import { regdesk, tempDir } from '../../support/in-process.js'
import { recordingIO } from '../../support/test-io.js'

describe('Ctrl-C after a command has made something for good', () => {
  it('says what stays made beside "cancelled" (exit 130); with nothing made, "cancelled" alone', () => {
    madeSoFar(undefined)
    const plain = recordingIO()
    expect(cancelled(plain.io, [])).toBe(130)
    expect(plain.stderr()).toBe('cancelled\n')
    madeSoFar('the 5000 ticket(s) were copied to t.json before the interruption')
    const after = recordingIO()
    expect(cancelled(after.io, ['--json'])).toBe(130)
    expect(after.stderr()).toBe('cancelled\nnote: the 5000 ticket(s) were copied to t.json before the interruption\n')
    expect(JSON.parse(after.stdout())).toMatchObject({ error: { code: 'cancelled' } })
    madeSoFar(undefined)
  })

  it('a store copy that has been checked says so; the next run starts with nothing made', async () => {
    const from = join(tempDir(), 'laptop.json')
    const to = join(tempDir(), 'copy.json')
    await regdesk(['--store', from, 'tickets', 'add', '-r', 'moguta', 'не работает корзина'])
    // a Ctrl-C while the result is printed: the copy is whole, and stdout keeps its one document
    const late = recordingIO()
    const env = { env: { REGDESK_NOW: '2026-11-20T15:00:00+03:00' }, clock: () => 0 }
    expect(await runProgram(late.io, env, ['node', 'regdesk', '--json', 'store', 'copy', from, to])).toBe(0)
    expect(madeBeforeInterrupt()).toBe(
      `the copy to ${to} is complete and checked (1 ticket(s) there); only its output was cut short`,
    )
    expect(cancelled(late.io, ['--json'])).toBe(130)
    expect(JSON.parse(late.stdout())).toMatchObject({ verified: true })
    madeSoFar('something')
    await regdesk(['--version'])
    expect(madeBeforeInterrupt()).toBeUndefined()
  })
})
