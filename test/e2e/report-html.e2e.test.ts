import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { execa, execaSync } from 'execa'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from './regdesk.js'

/**
 * The printable report of a 10,000-ticket store opened in a real browser (issue 17): headless Chromium (Debian's
 * `chromium`, which .ci/run installs) takes a screenshot and prints it to PDF, and its DOM holds every section.
 */

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => execaSync('sh', ['-c', `command -v ${name}`], { reject: false }).exitCode === 0,
)

/** Runs headless Chromium on a file (as root it needs --no-sandbox); its profile goes in a temporary directory. */
function chromium(args: string[], page: string) {
  return execa(
    CHROMIUM as string,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      `--user-data-dir=${tempDir()}`,
      ...args,
      `file://${page}`,
    ],
    { reject: false, timeout: 60_000 },
  )
}

describe('the HTML report in a browser', () => {
  it('opens a 10,000-ticket report: screenshot and print to PDF succeed, every section is there', async () => {
    expect(CHROMIUM, 'no chromium on this machine: apt-get install -y chromium (.ci/run does)').toBeDefined()
    const dir = tempDir()
    // the benchmark's generator: realistic tickets with recorded windows (a .mjs file: imported by path)
    const generator = '../../bench/store-data.mjs'
    const { writeStore } = (await import(generator)) as { writeStore: (count: number, file: string) => unknown }
    const store = join(dir, 'tickets.json')
    writeStore(10_000, store)
    const page = join(dir, 'report.html')
    const r = await regdesk(['--lang', 'ru', 'report', '--from', '2026-06-01', '--to', '2026-11-30', '-o', page], {
      REGDESK_STORE: store,
      REGDESK_NOW: '2026-12-01T12:00:00+03:00',
    })
    expect(r.exitCode, r.stderr).toBe(0)

    const png = join(dir, 'report.png')
    const pdf = join(dir, 'report.pdf')
    const [shot, print, dom] = await Promise.all([
      chromium([`--screenshot=${png}`, '--window-size=1000,3000'], page),
      chromium([`--print-to-pdf=${pdf}`, '--no-pdf-header-footer'], page),
      chromium(['--dump-dom'], page),
    ])
    expect(shot.exitCode, shot.stderr).toBe(0)
    expect(print.exitCode, print.stderr).toBe(0)
    expect(existsSync(png) && readFileSync(png).subarray(1, 4).toString()).toBe('PNG')
    const bytes = readFileSync(pdf)
    expect(bytes.subarray(0, 4).toString()).toBe('%PDF')
    // A4 pages with a section on each: more than one page
    expect((bytes.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThan(3)
    expect(dom.exitCode).toBe(0)
    for (const id of ['compliance', 'weekly', 'reaction', 'breaches', 'groups', 'backlog', 'scope'])
      expect(dom.stdout, id).toContain(`id="${id}"`)
    expect(dom.stdout).toContain('<svg')
  }, 120_000)
})
