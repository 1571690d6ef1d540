// Realistic ticket stores for the store benchmark, generated with a fixed seed.
//
// The requests are the project's triage evaluation set (test/fixtures/triage-cases.yaml: real
// wording across the five regulations), each triaged once by regdesk itself; every ticket takes
// one of them with its own receipt time, its deadline from the engine, credentials masked as
// `tickets add` masks them, and a lifecycle as in scripts/make-fixture-store.mjs: an answer after
// a share of the limit in working time (some late), customer replies and second answers where
// the regulation opens a window per reply, assignment, resolution and closing. Old tickets are
// mostly closed; the last weeks hold the open, pending and overdue ones.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import YAML from 'yaml'
import { clockFor } from '../dist/calendar/clock.js'
import { formatInstantIn } from '../dist/calendar/instant.js'
import { loadCalendar } from '../dist/calendar/load.js'
import { triageJson } from '../dist/cli/output/triage-json.js'
import { RegulationRegistry } from '../dist/regulation/load.js'
import { PARSERS } from '../dist/regulation/parsers.js'
import { computeDeadline } from '../dist/sla/deadline.js'
import { serializeStore } from '../dist/store/json-file/layout.js'
import { idPrefix } from '../dist/ticket/ids.js'
import { splitSecrets } from '../dist/ticket/secrets.js'
import { recordWindows } from '../dist/ticket/window-record.js'
import { findSecrets } from '../dist/triage/credentials.js'
import { triage } from '../dist/triage/triage.js'
import { ROOT, rng } from './lib.mjs'

/** `--now` of every store command in the benchmark */
export const NOW = '2026-12-01T12:00:00+03:00'
const NOW_MS = Date.parse(NOW)
const FROM_MS = Date.parse('2025-01-09T00:00:00+03:00')
const HOUR = 3_600_000
const DAY = 24 * HOUR

const AGENT_REPLIES = [
  'Здравствуйте! Приняли обращение, проверяем на тестовой копии вашего сайта.',
  'Добрый день. Пришлите, пожалуйста, скриншот ошибки и точную версию системы.',
  'Проблема воспроизводится, передали разработчикам, сообщим о результате.',
  'Ошибка была в настройках кэша, очистили его — проверьте, пожалуйста.',
  'Это вопрос доработки, он не входит в техническую поддержку; можем оценить работу отдельно.',
  'Обновили модуль до последней версии, корзина работает. Проверьте оформление заказа.',
]
const CUSTOMER_REPLIES = [
  'Спасибо, проверили — ошибка осталась, скриншот во вложении.',
  'Добрый день, версия 10.11, доступ к админке выслал в личном кабинете.',
  'Всё заработало, спасибо!',
  'А когда будет ответ? Сайт не работает со вчерашнего дня.',
]
const NOTES = ['Клиент просит перезвонить после 15:00', 'Похоже на конфликт модулей', 'Дубль обращения']
const AGENTS = ['anna', 'oleg', 'irina', 'pavel']

/** The pool: every request of the evaluation set, triaged once by regdesk. */
function requestPool(registry) {
  const cases = YAML.parse(readFileSync(join(ROOT, 'test/fixtures/triage-cases.yaml'), 'utf8')).cases
  const at = Date.parse('2026-03-02T12:00:00+03:00')
  return cases.map((c) => {
    const reg = registry.get(c.regulation)
    const clock = clockFor(reg.workingTime, loadCalendar(reg.workingTime.calendar, { parsers: PARSERS }))
    const facts = { receivedAt: at }
    for (const key of ['channel', 'tier', 'product', 'outdated', 'modified'])
      if (c.facts?.[key] !== undefined) facts[key] = c.facts[key]
    const result = triage(reg, clock, c.text, facts)
    return { reg, clock, text: c.text, facts, result, json: triageJson(reg, result) }
  })
}

const oneLine = (s, max) => {
  const line = s.replace(/\s+/g, ' ').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** Writes a store of `count` tickets to `file`; returns its size in bytes and the id of an open ticket. */
export function writeStore(count, file, seed = 20261201) {
  const registry = RegulationRegistry.withBuiltins(PARSERS)
  const pool = requestPool(registry)
  const random = rng(seed)
  const pick = (xs) => xs[Math.floor(random() * xs.length)]
  const tickets = []
  for (let i = 0; i < count; i++) {
    const p = pick(pool)
    const { reg, clock } = p
    const zone = reg.workingTime.timezone
    const at = (ms) => formatInstantIn(Math.round(ms / 60_000) * 60_000, zone)
    // receipt: any time, a little denser towards now (a growing team)
    const received = Math.round((FROM_MS + Math.sqrt(random()) * (NOW_MS - HOUR - FROM_MS)) / 60_000) * 60_000
    const level = p.result.level
    const limit = level ? reg.levels[level].limit : null
    const deadline = level ? computeDeadline(reg, clock, { receivedAt: received, level }) : null
    const assignee = random() < 0.85 ? pick(AGENTS) : null
    const events = [
      {
        type: 'received',
        at: at(received),
        author: 'anna',
        ...(p.facts.channel ? { message: `via ${p.facts.channel}` } : {}),
      },
    ]
    if (assignee)
      events.push({ type: 'assignment', at: at(received + 5 * 60_000), author: 'anna', from: null, to: assignee })
    const answerAfter = (from) => {
      const share = 0.1 + random() * 1.25
      if (limit?.unit === 'working_days')
        return clock.add(from, { amount: Math.max(1, Math.round(limit.amount * share)), unit: 'working_days' })
      const minutes = limit
        ? (limit.unit === 'working_hours' ? limit.amount * 60 : limit.amount) * share
        : 60 + random() * 1200
      return clock.add(from, { amount: Math.max(5, Math.round(minutes)), unit: 'working_minutes' })
    }
    const age = NOW_MS - received
    const agent = assignee ?? 'anna'
    let status = 'new'
    let last = received
    if (random() < (age > 30 * DAY ? 0.995 : 0.85)) {
      const answer = answerAfter(received)
      if (answer < NOW_MS) {
        events.push({ type: 'agent_response', at: at(answer), author: agent, message: pick(AGENT_REPLIES) })
        events.push({ type: 'status_change', at: at(answer), author: agent, from: 'new', to: 'open' })
        status = 'open'
        last = answer
        if (random() < 0.35) {
          const reply = last + (1 + random() * 30) * HOUR
          if (reply < NOW_MS) {
            events.push({ type: 'customer_reply', at: at(reply), author: 'customer', message: pick(CUSTOMER_REPLIES) })
            last = reply
            const second = answerAfter(reply)
            if (second < NOW_MS && random() < (age > 30 * DAY ? 0.99 : 0.8)) {
              events.push({ type: 'agent_response', at: at(second), author: agent, message: pick(AGENT_REPLIES) })
              last = second
            }
          }
        }
        if (random() < 0.1)
          events.push({ type: 'note', at: at(last + 10 * 60_000), author: agent, message: pick(NOTES) })
        const done = last + (2 + random() * 48) * HOUR
        if (done < NOW_MS && random() < (age > 30 * DAY ? 0.97 : 0.5)) {
          events.push({ type: 'status_change', at: at(done), author: agent, from: 'open', to: 'resolved' })
          status = 'resolved'
          if (done + 7 * DAY < NOW_MS) {
            events.push({
              type: 'status_change',
              at: at(done + 7 * DAY),
              author: 'regdesk',
              from: 'resolved',
              to: 'closed',
              rule: 'resolved-7-days',
            })
            status = 'closed'
          }
        }
      }
    }
    const body = splitSecrets(p.text, 'text', findSecrets(p.text))
    const ticket = {
      id: '',
      regulation: reg.id,
      level,
      tier: p.facts.tier ?? reg.tiers.find((t) => t.default)?.id ?? null,
      channel: p.facts.channel ?? null,
      product: p.facts.product ?? null,
      critical: random() < 0.03,
      subject: oneLine(body.text, 80),
      text: body.text,
      received_at: at(received),
      status,
      assignee,
      triage: {
        ...p.json,
        received_at: at(received),
        deadline: deadline?.deadline == null ? null : at(deadline.deadline),
        target: deadline?.target == null ? null : at(deadline.target),
      },
      events,
      ...(body.secrets.length ? { secrets: body.secrets } : {}),
    }
    // every window recorded as regdesk records it when it opens (store format 2)
    recordWindows(ticket, reg, clock)
    tickets.push(ticket)
  }
  tickets.sort((a, b) => Date.parse(a.received_at) - Date.parse(b.received_at))
  const numbers = new Map()
  for (const t of tickets) {
    const prefix = idPrefix(registry.get(t.regulation))
    const n = (numbers.get(prefix) ?? 0) + 1
    numbers.set(prefix, n)
    t.id = `${prefix}-${String(n).padStart(6, '0')}`
  }
  const text = serializeStore({ format: 2, tickets })
  writeFileSync(file, text, { mode: 0o600 })
  return { bytes: Buffer.byteLength(text), openId: tickets.findLast((t) => t.status === 'open')?.id }
}
