import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
import { describe, expect, it } from 'vitest'
import { regdesk, tempDir } from '../support/in-process.js'

/**
 * The printable report (issue 17): golden files of a small store in both languages, text from tickets and regulation
 * files that never becomes markup, a file that needs nothing from outside, and charts that are well-formed SVG.
 * test/e2e/report-html.e2e.test.ts opens a big one in a real browser.
 */

const TEXT = 'Здравствуйте! После обновления не работает корзина на сайте shop.ru, ошибка 500.'
const PERIOD = ['--now', '2026-12-01T12:00+03:00', 'report', '--from', '2026-11-01', '--to', '2026-11-30']

/** two tickets of moguta: one answered late, one unanswered and overdue; `agent` is who has them */
async function store(agent = 'anna', regulations?: string): Promise<Record<string, string>> {
  const env: Record<string, string> = { REGDESK_STORE: `${tempDir()}/tickets.json` }
  if (regulations) env.REGDESK_REGULATIONS = regulations
  for (const at of ['2026-11-16T10:00+03:00', '2026-11-18T12:00+03:00']) {
    const add = await regdesk(['tickets', 'add', '-r', 'moguta', TEXT, '--received-at', at, '--json'], env)
    expect(add.exitCode, add.stderr).toBe(0)
    const id = JSON.parse(add.stdout).id
    expect((await regdesk(['tickets', 'assign', id, agent, '--at', at], env)).exitCode).toBe(0)
  }
  const late = await regdesk(['tickets', 'respond', 'MG-1', '--at', '2026-11-20T12:00+03:00'], env)
  expect(late.exitCode, late.stderr).toBe(0)
  return env
}

/** Every element and attribute of a document that must be well-formed XML (the report is written so). */
function parse(html: string): { elements: string[]; attributes: [string, string][] } {
  const elements: string[] = []
  const attributes: [string, string][] = []
  const parser = new SaxesParser()
  parser.on('error', (e) => {
    throw e
  })
  parser.on('opentag', (tag) => {
    elements.push(tag.name.toLowerCase())
    for (const [name, value] of Object.entries(tag.attributes)) attributes.push([name.toLowerCase(), String(value)])
  })
  parser.write(html).close()
  return { elements, attributes }
}

describe('report --format html', () => {
  it.each(['ru', 'en'])('a small store in %s (golden)', async (lang) => {
    const env = await store()
    const r = await regdesk(['--lang', lang, ...PERIOD, '--format', 'html'], env)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/)
    await expect(`${r.stdout}\n`).toMatchFileSnapshot(`./__golden__/report.${lang}.html`)
  })

  it('-o FILE.html infers the format and writes the file whole; --json with it is a usage error', async () => {
    const env = await store()
    const file = join(tempDir(), 'sla.html')
    const r = await regdesk([...PERIOD, '-o', file], env)
    expect(r.exitCode, r.stderr).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(file)
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\n$/)
    const both = await regdesk(['--json', ...PERIOD, '-o', join(tempDir(), 'x.html')], env)
    expect(both.exitCode).toBe(2)
    // --json with a .json file: the report in the file, where it went on stdout (one JSON document, as always)
    const json = join(tempDir(), 'sla.json')
    const written = await regdesk(['--json', ...PERIOD, '-o', json], env)
    expect(written.exitCode, written.stderr).toBe(0)
    expect(JSON.parse(written.stdout)).toEqual({ file: json, format: 'json' })
    expect(JSON.parse(readFileSync(json, 'utf8'))).toHaveProperty('totals')
    // a document regdesk does not write is refused, not filled with a table
    const pdf = join(tempDir(), 'sla.pdf')
    const refused = await regdesk([...PERIOD, '-o', pdf], env)
    expect(refused.exitCode).toBe(2)
    expect(refused.stderr).toBe(
      `error: regdesk does not write .pdf files; write the page with -o ${pdf.replace(/pdf$/, 'html')} (a browser prints it to PDF) or give --format`,
    )
    expect(existsSync(pdf)).toBe(false)
    // a spreadsheet: the CSV for Excel is what regdesk writes for one
    const xlsx = join(tempDir(), 'sla.xlsx')
    expect((await regdesk([...PERIOD, '-o', xlsx], env)).stderr).toBe(
      `error: regdesk does not write .xlsx files; write -o ${xlsx.replace(/xlsx$/, 'csv')} --excel (Excel opens it)`,
    )
  })

  it('-o names: a format its extension contradicts is refused, .markdown is Markdown, -o - is stdout', async () => {
    const env = await store()
    const json = join(tempDir(), 'r.json')
    const contradicted = await regdesk([...PERIOD, '--format', 'html', '-o', json], env)
    expect(contradicted).toMatchObject({
      exitCode: 2,
      stderr: `error: --format html would write html into ${json}; give a file ending in .html or leave --format out`,
    })
    expect(existsSync(json)).toBe(false)
    expect(await regdesk([...PERIOD, '--format', 'table', '-o', json], env)).toMatchObject({
      exitCode: 2,
      stderr: `error: --format table is for the terminal; leave --format out to write ${json} as json`,
    })
    const md = join(tempDir(), 'r.markdown')
    expect((await regdesk([...PERIOD, '-o', md], env)).exitCode).toBe(0)
    expect(readFileSync(md, 'utf8')).toMatch(/^# /)
    const long = await regdesk([...PERIOD, '--format', 'markdown'], env)
    expect(long.stdout.trim()).toBe(readFileSync(md, 'utf8').trim())
    const dash = await regdesk([...PERIOD, '--format', 'csv', '-o', '-'], env)
    expect(dash).toMatchObject({ exitCode: 0, stdout: expect.stringMatching(/^regulation,/) })
    expect(existsSync(join(process.cwd(), '-'))).toBe(false)
  })

  it('needs nothing from outside: no script, no external reference; each chart is well-formed SVG', async () => {
    const env = await store()
    const html = (await regdesk([...PERIOD, '--format', 'html'], env)).stdout
    const { elements, attributes } = parse(html)
    expect(elements).not.toContain('script')
    expect(elements).not.toContain('link')
    expect(elements).not.toContain('iframe')
    expect(elements.filter((e) => e === 'svg').length).toBeGreaterThanOrEqual(3)
    for (const [name, value] of attributes)
      if (name === 'src' || name === 'href' || name === 'xlink:href') expect(value, name).toMatch(/^#/)
    expect(html).not.toMatch(/@import|url\((?!#)|https?:\/\/|\/\/[a-z]/i)
    for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) expect(() => parse(svg)).not.toThrow()
  })

  it('text from tickets and regulation files renders as text: no live element or handler from it', async () => {
    // a regulation whose name is markup, beside agents whose names are markup and formulas
    const dir = tempDir()
    const moguta = readFileSync(join(import.meta.dirname, '../../regulations/moguta.yaml'), 'utf8')
    writeFileSync(
      join(dir, 'moguta.yaml'),
      moguta.replace(/^name: .*$/m, `name: '</svg><script>alert(1)</script><img src=x onerror=alert(2)>'`),
    )
    const env = await store('<img src=x onerror=alert(3)>" onmouseover="alert(4)', dir)
    // an agent whose name is a formula answers MG-2 (late): `--by agent` puts the name in a CSV cell
    const config = { ...env, XDG_CONFIG_HOME: tempDir() }
    const set = await regdesk(['config', 'set', 'agent', '=HYPERLINK("http://evil")'], config)
    expect(set.exitCode, set.stderr).toBe(0)
    const respond = await regdesk(
      ['--now', '2026-12-01T12:00+03:00', 'tickets', 'respond', 'MG-2', '--at', '2026-11-30T12:00+03:00'],
      config,
    )
    expect(respond.exitCode, respond.stderr).toBe(0)
    const html = await regdesk([...PERIOD, '--format', 'html', '--by', 'agent'], env)
    expect(html.exitCode, html.stderr).toBe(0)
    const { elements, attributes } = parse(html.stdout)
    expect(elements).not.toContain('script')
    expect(elements).not.toContain('img')
    expect(attributes.map(([name]) => name).filter((name) => name.startsWith('on'))).toEqual([])
    // the payloads are there, as text
    expect(html.stdout).toContain('&lt;img src=x onerror=alert(3)&gt;')
    expect(html.stdout).toContain('&lt;/svg&gt;&lt;script&gt;')
    expect(html.stdout).toContain('=HYPERLINK(')
    // and the CSV of the same store runs no formula
    const csv = await regdesk([...PERIOD, '--format', 'csv', '--by', 'agent'], env)
    expect(csv.exitCode, csv.stderr).toBe(0)
    expect(csv.stdout).toContain('HYPERLINK')
    for (const line of csv.stdout.split(/\r?\n/))
      for (const cell of line.split(',')) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/)
  })
})
