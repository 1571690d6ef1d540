// 5. Helpdesk import (docs/IMPORT.md): `tickets import --from jsonl` of generated generic rows into an empty JSON
// file store, against the floor of reading and parsing the same file in a bare Node process (both wall times with
// start-up, medians). The target (issue 16) is for --no-triage, the import's own work; with triage each request is
// also triaged (about half a millisecond each once loaded: bench/triage.mjs), measured on a tenth of the rows.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { BIN, childEnv, DATA, fmtMs, fmtRatio, int, median, rng, row, runNode } from './lib.mjs'

const START = Date.parse('2025-01-09T09:00:00+03:00')
const SUBJECTS = [
  'Не работает корзина после обновления',
  'Ошибка 500 в админке',
  'Как поменять телефон в шапке?',
  'Не приходят письма о заказах',
  'Сделайте нам дизайн главной страницы',
]

/** `count` generic records of moguta's desk: about a third answered, a third resolved, one in five with events. */
function writeRows(count, file) {
  const random = rng(16)
  const at = (ms) => new Date(ms).toISOString().replace('Z', '+00:00')
  const lines = []
  for (let i = 0; i < count; i++) {
    // every time before the bench's now (2026-12-01): a later one is a bad row
    const created = START + Math.floor(random() * 680 * 86_400_000)
    const answered = created + Math.floor(random() * 4 * 86_400_000)
    const r = {
      source: 'desk',
      external_id: `D-${i + 1}`,
      created_at: at(created),
      subject: SUBJECTS[i % SUBJECTS.length],
      body: `${SUBJECTS[i % SUBJECTS.length]}. Сайт shop${i % 97}.ru, версия 9.${i % 12}.`,
      requester: `client${i % 500}@shop.ru`,
      channel: 'form',
      tier: 'licensed',
      assignee: ['anna', 'petr', 'irina'][i % 3],
    }
    if (i % 3 !== 0) r.first_response_at = at(answered)
    if (i % 3 === 2) r.resolved_at = at(answered + 3_600_000)
    if (i % 5 === 0) r.events = [{ type: 'note', at: at(created + 60_000), author: 'anna', message: 'проверить логи' }]
    lines.push(JSON.stringify(r))
  }
  writeFileSync(file, `${lines.join('\n')}\n`)
}

const FLOOR = `const t = require('node:fs').readFileSync(process.argv[1], 'utf8'); let n = 0; for (const l of t.split('\\n')) if (l) { JSON.parse(l); n++ } process.stdout.write(String(n))`

export function benchImport({ quick }) {
  const count = quick ? 10_000 : 100_000
  const file = join(DATA, `import-${count}.jsonl`)
  writeRows(count, file)
  const store = join(DATA, 'import-store.json')
  const clean = () => {
    for (const f of [store, `${store}.meta`, `${store}.summary`, `${store}.lock`])
      rmSync(f, { force: true, recursive: true })
  }
  const env = childEnv({ REGDESK_STORE: store, REGDESK_NOW: '2026-12-01T12:00:00+03:00' })
  const floor = []
  const imports = []
  for (let r = 0; r < 3; r++) {
    floor.push(runNode(['-e', FLOOR, file]).ms)
    clean()
    const run = runNode([BIN, 'tickets', 'import', file, '--from', 'jsonl', '-r', 'moguta', '--no-triage', '--json'], {
      env,
    })
    imports.push(run.ms)
    if (JSON.parse(run.stdout).added !== count) throw new Error('the import lost rows')
  }
  // again into the store it made: every row unchanged
  const again = runNode([BIN, 'tickets', 'import', file, '--from', 'jsonl', '-r', 'moguta', '--no-triage', '--json'], {
    env,
  })
  if (JSON.parse(again.stdout).unchanged !== count) throw new Error('the second import changed rows')
  const f = median(floor)
  const m = median(imports)
  row(
    'import',
    `tickets import --from jsonl --no-triage, ${int(count)} generic rows into an empty JSON file store, median of 3`,
    fmtMs(m),
    `${fmtRatio(m / f)} of reading and parsing the file (${fmtMs(f)}); again (all unchanged) ${fmtMs(again.ms)}`,
    '≤ 3 × the floor',
    quick ? undefined : m <= 3 * f,
  )
  // with triage, on a tenth of the rows
  const tenth = Math.round(count / 10)
  const small = join(DATA, `import-${tenth}.jsonl`)
  writeRows(tenth, small)
  clean()
  const triaged = runNode([BIN, 'tickets', 'import', small, '--from', 'jsonl', '-r', 'moguta', '--json'], { env })
  row(
    'import',
    `tickets import --from jsonl with triage, ${int(tenth)} rows`,
    fmtMs(triaged.ms),
    `${(triaged.ms / tenth).toFixed(2)} ms a row`,
  )
  clean()
}
