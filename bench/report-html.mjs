// 6. The printable report (issue 17): `report --format html` against `report --format json` on the same store and
// period, interleaved, medians (the HTML's charts are gathered in the report's own pass: src/report/figures.ts).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { BIN, childEnv, DATA, fmtMs, fmtRatio, int, interleaved, row } from './lib.mjs'
import { NOW, writeStore } from './store-data.mjs'

export function benchReportHtml({ quick }) {
  const count = quick ? 10_000 : 100_000
  const file = join(DATA, `html-${count}.tickets`) // not .json: the project's lint walks bench/**
  for (const f of [file, `${file}.meta`, `${file}.summary`]) rmSync(f, { force: true })
  writeStore(count, file)
  const env = childEnv({ REGDESK_STORE: file, REGDESK_NOW: NOW })
  const period = ['report', '--from', '2025-01-01', '--to', '2026-12-31']
  const html = join(DATA, 'report.html')
  const [json, printable] = interleaved(
    [
      { args: [BIN, ...period, '--format', 'json'], opts: { env } },
      { args: [BIN, ...period, '-o', html], opts: { env } },
    ],
    quick ? 3 : 5,
  )
  row(
    'report',
    `${int(count)} tickets: report --format html (-o FILE), the whole period, store written by regdesk`,
    fmtMs(printable),
    `${fmtRatio(printable / json)} of report --format json (${fmtMs(json)})`,
    '≤ 1.2 × the JSON report',
    quick ? undefined : printable <= 1.2 * json,
  )
}
