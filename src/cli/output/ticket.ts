import { assumedLevel, describeDuration } from '../../regulation/describe.js'
import { formatMinutes } from '../../sla/duration.js'
import type { Ticket } from '../../ticket/ticket.js'
import type { Context } from '../context.js'
import { type IO, printable } from '../io.js'
import { levelCell, oneLine, paintStatus, type TicketViews } from '../tickets.js'
import { informationItems } from './information-items.js'
import { writeJson } from './json.js'
import { attachmentsLine } from './mail.js'
import { renderFields, renderList } from './table.js'

/** A ticket as `show` prints it (also after a change, by the event commands). */
export function printTicket(ctx: Context, views: TicketViews, ticket: Ticket): void {
  const view = views.json(ticket)
  for (const w of views.warnings()) ctx.io.err(`warning: ${w}\n`)
  if (ctx.json) {
    writeJson(ctx.io, view)
    return
  }
  ctx.io.out(renderTicket(views, ticket, view, ctx.io))
}

/** The verdict triage gave at intake: scope, topic with its clause, why, what to ask for, what to watch out for. */
function renderTriage(t: Ticket, io: IO): string {
  const v = t.triage
  if (!v) return ''
  const c = io.color
  const { t: words, phrases } = io.speech
  const w = words.ticket
  const scopeWord = words.scopeWord[v.scope]
  const scope = v.scope === 'in' ? c.green(scopeWord) : v.scope === 'out' ? c.red(scopeWord) : c.yellow(scopeWord)
  const decided = v.decided_by ? c.dim(` (${w.decidedBy(words.verdict.decider[v.decided_by] ?? v.decided_by)})`) : ''
  const pairs: [string, string][] = [[w.scope, `${scope}${decided}`]]
  if (v.topic) pairs.push([w.topic, `${v.topic.id}${v.topic.clause ? ` (§${v.topic.clause})` : ''}`])
  for (const [i, r] of (v.reasons ?? []).entries())
    pairs.push([
      i === 0 ? w.why : '',
      `${printable(phrases.say(r.message))}${r.clause ? c.dim(` (§${r.clause})`) : ''}`,
    ])
  if (v.missing?.length) pairs.push([w.askFor, c.yellow(informationItems(v.missing, io))])
  for (const [i, warning] of v.warnings.entries())
    pairs.push([
      i === 0 ? w.warnings : '',
      c.yellow(`${warning.code}${warning.message ? `: ${printable(phrases.say(warning.message))}` : ''}`),
    ])
  return `\n${c.bold(w.triage)}\n${renderFields(pairs, io)}`
}

function renderTicket(views: TicketViews, t: Ticket, view: ReturnType<TicketViews['json']>, io: IO): string {
  const c = io.color
  const { t: words, lang } = io.speech
  const w = words.ticket
  const reg = views.regulation(t.regulation)
  const level = t.level
    ? `${t.level}${reg?.levels[t.level] ? ` (${describeDuration(reg.levels[t.level]?.limit, lang)})` : ''}`
    : !view.needs_level
      ? w.noLevelRefused
      : reg
        ? c.yellow(w.noLevelSet(assumedLevel(reg)))
        : w.none
  const pairs: [string, string][] = [
    [w.ticket, c.bold(t.id)],
    [w.regulation, t.regulation],
    [w.subject, printable(view.subject)],
    [w.status, words.status[t.status] ?? t.status],
    [w.level, level],
    [w.tier, t.tier ?? '—'],
    [w.channel, t.channel ?? '—'],
    ...(t.product ? [[w.product, t.product] as [string, string]] : []),
    [w.critical, t.critical ? c.red(w.yes) : w.no],
    ...(t.license_date ? [[w.licenseDate, t.license_date] as [string, string]] : []),
    ...(t.customer ? [[w.customer, printable(t.customer)] as [string, string]] : []),
    ...(t.attachments?.length ? [[w.attachments, attachmentsLine(t.attachments, io)] as [string, string]] : []),
    [w.assignee, t.assignee ?? '—'],
    [w.received, t.received_at],
    ...(t.origin
      ? [[io.speech.t.imported.origin, printable(`${t.origin.source} ${t.origin.external_id}`)] as [string, string]]
      : []),
    ...(t.helpdesk_deadline ? [[io.speech.t.imported.helpdeskDeadline, t.helpdesk_deadline] as [string, string]] : []),
    [
      w.sla,
      `${paintStatus(view.sla, io, !t.level && !view.needs_level)}${view.deadline ? ` (${w.deadline(view.deadline)})` : ''}`,
    ],
  ]
  let out = renderFields(pairs, io)
  out += renderTriage(t, io)
  out += `\n${c.bold(w.windows)}\n`
  out +=
    renderList(
      view.windows ?? [],
      [
        { header: '#', value: (w) => (view.windows ?? []).indexOf(w) + 1 },
        { header: 'OPENED', value: (w) => w.opened_at },
        { header: 'BY', value: (w) => w.opened_by, human: (w) => words.event[w.opened_by] ?? w.opened_by },
        { header: 'LEVEL', value: (w) => w.level, human: (w, io) => levelCell(w.level, w.level_assumed, io) },
        { header: 'TARGET', value: (w) => w.target },
        { header: 'DEADLINE', value: (w) => w.deadline },
        { header: 'RESPONDED', value: (w) => w.responded_at },
        {
          header: 'REACTION',
          value: (w) => (w.reaction_working_minutes === null ? null : formatMinutes(w.reaction_working_minutes)),
          human: (w, io) =>
            w.reaction_working_minutes === null ? '—' : io.speech.t.value.hm(w.reaction_working_minutes),
        },
        { header: 'STATUS', value: (w) => w.status, human: (w, io) => paintStatus(w.status, io) },
      ],
      io,
    ) || `${c.dim(`  ${w.noWindows}`)}\n`
  out += `\n${c.bold(w.timeline)}\n`
  out += renderList(
    view.events,
    [
      { header: 'AT', value: (e) => e.at },
      { header: 'EVENT', value: (e) => e.type, human: (e) => words.event[e.type] ?? e.type },
      { header: 'BY', value: (e) => e.author },
      {
        header: 'DETAIL',
        value: (e) => eventDetail(e),
        // a person reads the rule and regdesk's own words (the receipt's "via form") in the interface's language
        human: (e) =>
          eventDetail(e, {
            field: (name) => words.editField[name] ?? name,
            status: (code) => (words.status as Record<string, string>)[code] ?? code,
            rule: (code) => words.rule[code] ?? code,
            message: (text) => (e.type === 'received' ? io.speech.phrases.say(text) : text),
          }),
      },
    ],
    io,
  )
  out += `\n${c.bold(w.text)}${view.secrets_masked ? c.dim(` ${w.secretsMasked}`) : ''}\n${printable(view.text.replace(/\r\n?/g, '\n'))}\n`
  return out
}

type ViewEvent = ReturnType<TicketViews['json']>['events'][number]

/**
 * An event's detail: the field changed, from → to, the rule, the message (one line); the rule and the message as
 * stored unless readers for a person are given.
 */
function eventDetail(e: ViewEvent, read: Partial<EventReaders> = {}): string {
  const { field = same, status = same, rule = same, message = same } = read
  // a status change's ends are statuses; a field's or a level's, values as stored
  const end = (x: string | null | undefined) => (x == null ? '—' : e.type === 'status_change' ? status(x) : x)
  return [
    'field' in e && e.field ? `${field(e.field)}:` : '',
    'from' in e || 'to' in e ? `${end(e.from)} → ${end(e.to)}` : '',
    e.rule ? `(${rule(e.rule)})` : '',
    e.message ? oneLine(message(e.message), 200) : '',
  ]
    .filter(Boolean)
    .join(' ')
}

/** How a person reads an event's parts in the interface language (eventDetail): the codes as stored otherwise. */
interface EventReaders {
  field: (name: string) => string
  status: (code: string) => string
  rule: (code: string) => string
  message: (text: string) => string
}

const same = (text: string): string => text
