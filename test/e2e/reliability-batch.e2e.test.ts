import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa } from 'execa'
import { describe, expect, it } from 'vitest'
import { BIN, tempDir } from './regdesk.js'

/**
 * Issue 8, part 5: a 100,000-line `deadline --batch` with invalid lines mixed in. Every line
 * gets its answer or its own error, in order, and memory stays bounded (peak RSS from
 * /usr/bin/time). Not timed: the bound is on memory, the test timeout only catches a hang.
 */

const LINES = 100_000
const REGS = ['moguta', 'advantshop', 'umi', 'imagecms', 'mst']

/** Line i of the input, and the error expected for it (undefined: a deadline). */
function line(i: number): [string, RegExp | undefined] {
  const at = `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:15:00+03:00`
  switch (i % 20) {
    case 3:
      return [`not json ${i}`, /^not JSON at column 1: /]
    case 5:
      return [`[${i}]`, /^not a JSON object$/]
    case 7:
      return [JSON.stringify({ id: i, regulation: 'nope', received_at: at }), /^unknown regulation "nope"/]
    case 9:
      return [JSON.stringify({ id: i, regulation: 'umi', level: 'gold', received_at: at }), /^unknown level "gold"/]
    case 11:
      return [JSON.stringify({ id: i, regulation: 'moguta', received_at: '2026-02-30T10:00+03:00' }), /not a real date/]
    case 13:
      return [
        JSON.stringify({ id: i, regulation: 'moguta', received_at: ['25:00', 'yesterday', '', '1700000000'][i % 4] }),
        /expected an ISO 8601 instant/,
      ]
    case 15:
      return [JSON.stringify({ id: i, regulation: 'moguta' }), /^missing "received_at"/]
    case 17:
      return [
        JSON.stringify({ id: i, regulation: 'advantshop', duration: '8x', received_at: at }),
        /"duration" must be like/,
      ]
    case 19:
      return [`{"id": ${i}, "regulation": "moguta", "received_at": "${at}"`, /^not JSON at column \d+: unexpected end/]
    default:
      return [JSON.stringify({ id: i, regulation: REGS[i % REGS.length], received_at: at }), undefined]
  }
}

const hasTime = existsSync('/usr/bin/time')

describe.skipIf(!hasTime)('deadline --batch with 100,000 lines', () => {
  it('answers every line in order, each bad line with its own error, in bounded memory', {
    timeout: 180_000,
  }, async () => {
    const dir = tempDir()
    const input = join(dir, 'in.jsonl')
    const expected: (RegExp | undefined)[] = []
    const text: string[] = []
    for (let i = 0; i < LINES; i++) {
      const [l, err] = line(i)
      text.push(l)
      expected.push(err)
      // blank lines are skipped, not answered
      if (i % 1000 === 999) text.push('   ')
    }
    writeFileSync(input, `${text.join('\n')}\n`)
    const rssFile = join(dir, 'rss')
    const r = await execa(
      '/usr/bin/time',
      ['-f', '%M', '-o', rssFile, process.execPath, BIN, 'deadline', '--batch', '-'],
      {
        reject: false,
        extendEnv: false,
        inputFile: input,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          XDG_CONFIG_HOME: join(dir, 'config'),
          TZ: 'UTC',
          NO_COLOR: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      },
    )
    // some lines are bad on purpose: every line is answered, and the exit code says that some failed
    expect(r.exitCode, String(r.stderr)).toBe(1)
    expect(String(r.stderr)).not.toMatch(/internal error|\n\s+at /)
    const out = String(r.stdout).split('\n')
    expect(out).toHaveLength(LINES)
    let errors = 0
    out.forEach((l, i) => {
      const answer = JSON.parse(l) as { id: unknown; error?: string; deadline?: string | null }
      const err = expected[i]
      if (err) {
        errors++
        expect(answer.error, `line ${i}`).toMatch(err)
      } else {
        expect(answer.error, `line ${i}: ${answer.error}`).toBeUndefined()
        expect(answer.id).toBe(i)
        expect(answer).toHaveProperty('deadline')
      }
    })
    expect(errors).toBe(LINES * 0.45)
    const peakKb = Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1))
    // generous: about 110 MB measured (node itself is ~50 MB); an input held in memory would be far more
    expect(peakKb / 1024).toBeLessThan(300)
  })
})
