// Benchmark of the ticket store on 100,000 tickets (not a test; figures in the report).
// Usage: npm run build && node test/unit/store/store-speed.mjs [count]
// Compares `overdue --json` and `tickets list --json` with the floor (node start-up + read +
// JSON.parse of the same file + one scan), and times `tickets add` (first: full validation path;
// then: the append path).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { serializeStore } from '../../../dist/store/json-file/layout.js'
import { splitSecrets } from '../../../dist/ticket/secrets.js'
import { findSecrets } from '../../../dist/triage/credentials.js'

const COUNT = Number(process.argv[2] ?? 100_000)
const BIN = new URL('../../../bin/regdesk.js', import.meta.url).pathname
const dir = mkdtempSync(join(tmpdir(), 'regdesk-speed-'))
const file = join(dir, 'tickets.json')
const regs = [
  ['moguta', 'MG', 'standard'],
  ['advantshop', 'AS', 'free'],
  ['umi', 'UM', 'consulting'],
  ['imagecms', 'IC', 'support'],
]
const text =
  'Здравствуйте! После обновления до версии 10.2 перестала работать корзина на сайте shop.example.ru: при оформлении заказа ошибка 500. Пароль: qwerty123. Что делать? '
const iso = (ms) => new Date(ms + 3 * 3600_000).toISOString().replace('.000Z', '+03:00')
const start = Date.parse('2026-01-12T10:00:00+03:00')
const tickets = []
for (let i = 0; i < COUNT; i++) {
  const [regulation, prefix, level] = regs[i % regs.length]
  const received = start + i * 5 * 60_000
  const body = splitSecrets(text, 'text', findSecrets(text))
  const events = [{ type: 'received', at: iso(received), author: 'anna' }]
  if (i % 3)
    events.push({
      type: 'agent_response',
      at: iso(received + 3600_000),
      author: 'boris',
      message: 'Смотрим, ответим сегодня',
    })
  if (i % 3 === 2)
    events.push({ type: 'customer_reply', at: iso(received + 7200_000), author: 'anna', message: 'Спасибо, жду' })
  if (i % 5 === 0)
    events.push({ type: 'status_change', at: iso(received + 9000_000), author: 'boris', from: 'open', to: 'resolved' })
  tickets.push({
    id: `${prefix}-${String(Math.floor(i / regs.length) + 1).padStart(6, '0')}`,
    regulation,
    level,
    tier: null,
    channel: 'email',
    product: null,
    critical: i % 50 === 0,
    subject: body.text.slice(0, 60),
    text: body.text,
    received_at: iso(received),
    status: i % 5 === 0 ? 'resolved' : i % 3 ? 'open' : 'new',
    assignee: i % 2 ? 'boris' : null,
    triage: {
      regulation,
      scope: 'in',
      level,
      topic: { id: 'update-failure', clause: '3.1', text: 'Оказывается помощь' },
      confidence: 0.8,
      missing: ['version'],
    },
    events,
    secrets: body.secrets,
  })
}
writeFileSync(file, serializeStore({ format: 1, tickets }), { mode: 0o600 })
const size = statSync(file).size
console.log(`${COUNT} tickets, ${(size / 1e6).toFixed(1)} MB (${Math.round(size / COUNT)} bytes/ticket)`)

const env = { ...process.env, REGDESK_STORE: file, REGDESK_NOW: '2027-06-01T12:00:00+03:00', NO_COLOR: '1' }
function time(label, args, runs = 3) {
  const times = []
  for (let r = 0; r < runs; r++) {
    const t = performance.now()
    execFileSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 })
    times.push(performance.now() - t)
  }
  const best = Math.min(...times)
  console.log(`${label.padEnd(34)} ${best.toFixed(0).padStart(6)} ms (best of ${runs})`)
  return best
}
const floorScript = `const d = JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8')); let n = 0; for (const t of d.tickets) if (t.status !== 'closed' && t.events.length) n++; console.log(n)`
const floor = time('floor (node + read + parse + scan)', ['-e', floorScript])
const overdue = time('regdesk overdue --json', [BIN, 'overdue', '--json'])
const list = time('regdesk tickets list --json', [BIN, 'tickets', 'list', '--json'])
console.log(`overdue / floor = ${(overdue / floor).toFixed(2)}, list / floor = ${(list / floor).toFixed(2)}`)
time('tickets add (full validation)', [BIN, 'tickets', 'add', '-r', 'moguta', 'Не работает корзина'], 1)
time('tickets add (append path)', [BIN, 'tickets', 'add', '-r', 'moguta', 'Не работает корзина'], 3)
time('tickets respond (read-validate-write)', [BIN, 'tickets', 'respond', 'MG-000002'], 1)
