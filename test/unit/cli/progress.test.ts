import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { startProgress, stopAllProgress } from '../../../src/cli/output/progress.js'
import { recordingIO } from '../../support/test-io.js'

/** An IO whose stderr is a terminal of 80 columns (or not), recording what is drawn there and written to stdout. */
function terminalIO(showsProgress: boolean) {
  const stderr = Object.assign(new PassThrough(), { isTTY: true, columns: 80 })
  let drawn = ''
  stderr.on('data', (chunk: Buffer) => {
    drawn += chunk.toString()
  })
  const { io, stdout } = recordingIO({ prompts: stderr, showsProgress })
  return { io, drawn: () => drawn, stdout }
}

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_000_000
  return { clock: () => now, advance: (ms: number) => (now += ms) }
}

describe('progress on stderr', () => {
  it('draws nothing for a quick run, then a bar with the share done on the terminal; stdout stays clean', () => {
    const t = terminalIO(true)
    const c = manualClock()
    const p = startProgress(t.io, 'copying tickets', 200, c.clock)
    p.update(10)
    c.advance(300)
    p.update(40)
    expect(t.drawn()).toBe('')
    c.advance(600)
    p.update(100)
    expect(t.drawn()).toContain('copying tickets')
    expect(t.drawn()).toContain('50% 100/200')
    p.stop()
    expect(t.stdout()).toBe('')
  })

  it('counts when the total is unknown (a batch read from a pipe)', () => {
    const t = terminalIO(true)
    const c = manualClock()
    const p = startProgress(t.io, 'lines answered', undefined, c.clock)
    c.advance(1000)
    for (let i = 0; i < 5; i++) p.increment()
    expect(t.drawn()).toContain('lines answered')
    expect(t.drawn()).not.toContain('%')
    p.stop()
  })

  it('draws nothing when stderr is not a terminal or in CI (io.showsProgress false)', () => {
    const t = terminalIO(false)
    const c = manualClock()
    const p = startProgress(t.io, 'report', 3, c.clock)
    c.advance(5000)
    p.update(2)
    p.stop()
    expect(t.drawn()).toBe('')
  })

  it('a bar left drawn by a failing command is cleared before the error is written', () => {
    const t = terminalIO(true)
    const c = manualClock()
    const p = startProgress(t.io, 'report', 3, c.clock)
    c.advance(1000)
    p.update(1)
    const before = t.drawn().length
    stopAllProgress()
    // cli-progress clears the line it drew (clearOnComplete): the error then starts on a clean line
    expect(t.drawn().length).toBeGreaterThan(before)
    const after = t.drawn().length
    p.stop()
    expect(t.drawn().length).toBe(after)
  })
})
