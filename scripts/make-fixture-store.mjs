// Writes test/fixtures/stores/report-fixture.json: a few hundred tickets across the five shipped
// regulations, generated with a fixed seed so the report snapshots are stable. Run after a build:
//   npm run build && node scripts/make-fixture-store.mjs [count] [out-file]
import { writeFileSync } from 'node:fs'
import { clockFor } from '../dist/calendar/clock.js'
import { formatInstantIn } from '../dist/calendar/instant.js'
import { loadCalendar } from '../dist/calendar/load.js'
import { RegulationRegistry } from '../dist/regulation/load.js'
import { PARSERS } from '../dist/regulation/parsers.js'
import { serializeStore } from '../dist/store/json-file/layout.js'
import { idPrefix } from '../dist/ticket/ids.js'

const count = Number(process.argv[2] ?? 300)
const out = process.argv[3] ?? new URL('../test/fixtures/stores/report-fixture.json', import.meta.url)

let seed = 20261130
const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const pick = (xs) => xs[Math.floor(random() * xs.length)]

const registry = RegulationRegistry.withBuiltins(PARSERS)
const levelsOf = {
  moguta: ['standard'],
  advantshop: ['free', 'free', 'partner', 'consulting'],
  mst: ['standard'],
  imagecms: ['support', 'support', 'consultation'],
  umi: ['support', 'consulting'],
}
const agents = ['anna', 'oleg', 'irina', null]
const FROM = Date.parse('2026-10-20T00:00:00+03:00')
const TO = Date.parse('2026-11-30T18:00:00+03:00')
const numbers = new Map()
const tickets = []

for (let i = 0; i < count; i++) {
  const reg = registry.get(pick(Object.keys(levelsOf)))
  const zone = reg.workingTime.timezone
  const clock = clockFor(reg.workingTime, loadCalendar(reg.workingTime.calendar, { parsers: PARSERS }))
  const at = (ms) => formatInstantIn(Math.round(ms / 60_000) * 60_000, zone)
  const level = pick(levelsOf[reg.id])
  const limit = reg.levels[level].limit
  const received = Math.round((FROM + random() * (TO - FROM)) / 60_000) * 60_000
  const prefix = idPrefix(reg)
  const n = (numbers.get(prefix) ?? 0) + 1
  numbers.set(prefix, n)
  const assignee = pick(agents)
  const events = [{ type: 'received', at: at(received), author: 'customer' }]
  // when the agent answers: a share of the limit in working time (over 1 is late), or some working hours
  const answerAfter = (from) => {
    const share = 0.1 + random() * 1.3
    if (limit?.unit === 'working_days')
      return clock.add(from, { amount: Math.max(1, Math.round(limit.amount * share)), unit: 'working_days' })
    const minutes = limit
      ? (limit.unit === 'working_hours' ? limit.amount * 60 : limit.amount) * share
      : 60 + random() * 1200
    return clock.add(from, { amount: Math.max(5, Math.round(minutes)), unit: 'working_minutes' })
  }
  let status = 'new'
  let last = received
  const now = Date.parse('2026-11-30T20:00:00+03:00')
  if (random() < 0.85) {
    const answer = answerAfter(received)
    if (answer < now) {
      events.push({ type: 'agent_response', at: at(answer), author: assignee ?? 'anna', message: 'смотрим' })
      events.push({ type: 'status_change', at: at(answer), author: assignee ?? 'anna', from: 'new', to: 'open' })
      status = 'open'
      last = answer
      if (reg.reactionWindows.opens === 'every-customer-reply' && random() < 0.4) {
        const reply = last + (1 + random() * 30) * 3_600_000
        if (reply < now) {
          events.push({
            type: 'customer_reply',
            at: at(reply),
            author: 'customer',
            message: 'дополнительная информация',
          })
          last = reply
          const second = answerAfter(reply)
          if (random() < 0.8 && second < now) {
            events.push({ type: 'agent_response', at: at(second), author: assignee ?? 'anna', message: 'ответ' })
            last = second
          }
        }
      }
      if (random() < 0.5) {
        const done = last + (2 + random() * 48) * 3_600_000
        if (done < now) {
          events.push({ type: 'status_change', at: at(done), author: assignee ?? 'anna', from: 'open', to: 'resolved' })
          status = 'resolved'
        }
      }
    }
  }
  const topic =
    random() < 0.2
      ? pick(reg.topics.filter((t) => t.scope === 'out'))
      : pick(reg.topics.filter((t) => t.scope === 'in'))
  tickets.push({
    id: `${prefix}-${String(n).padStart(6, '0')}`,
    regulation: reg.id,
    level,
    tier: reg.tiers.find((t) => t.default)?.id ?? null,
    channel: reg.channels.accepted[0].id,
    product: null,
    critical: random() < 0.05,
    subject: `Обращение ${i + 1}`,
    text: `Текст обращения ${i + 1}`,
    received_at: at(received),
    status,
    assignee,
    triage: {
      regulation: reg.id,
      scope: topic.scope,
      level,
      topic: { id: topic.id, clause: topic.clause, text: topic.quote },
      warnings: random() < 0.06 ? [{ code: 'multiple_problems', message: 'two problems' }] : [],
    },
    events,
  })
}
tickets.sort((a, b) => Date.parse(a.received_at) - Date.parse(b.received_at))
writeFileSync(out, serializeStore({ format: 1, tickets }))
console.error(`wrote ${tickets.length} tickets to ${out}`)
