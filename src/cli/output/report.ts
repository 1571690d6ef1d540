import { stripVTControlCharacters } from 'node:util'
import Table from 'cli-table3'
import type { Breach, GroupKey, Report, Stats } from '../../report/summarize.js'
import type { IO } from '../io.js'
import { csvDocument } from './csv.js'
import { fitLine, fitWidths, isTimeColumn, longestLine, renderFields } from './table.js'

export interface ReportHeader {
  /** the --now used, in the report's zone */
  now: string
  regulation: string | null
}

/** A section of the report: a heading and a table, rendered for a terminal or as Markdown. */
export interface Section {
  title: string
  head: string[]
  rows: string[][]
  note?: string
}

const BREACHES_SHOWN = 20

/** The report's sections; cells may carry colour (terminal) or none (Markdown). */
function sections(report: Report, io: IO): Section[] {
  return [...windowSections(report, io), ...backlogSections(report, io)]
}

/** Reaction windows and reaction time by group, then out of scope where any group has some. */
export function windowSections(report: Report, io: IO): Section[] {
  const c = io.color
  const w = io.speech.t.report.words
  const groups = [
    ...report.groups.map((g) => ({ label: labelOf(g.key, io), s: g as Stats })),
    { label: c.bold(w.total), s: report.totals },
  ]
  const out: Section[] = [
    {
      title: w['Reaction windows'],
      head: [
        w.group,
        w.received,
        w.windows,
        w.met,
        w.late,
        w.overdue,
        w.pending,
        w['n/r'],
        w.compliance,
        w['in target'],
      ],
      rows: groups.map(({ label, s }) => [
        label,
        String(s.received),
        String(s.windows),
        String(s.met),
        String(s.late),
        String(s.overdue),
        String(s.pending),
        String(s.not_regulated),
        paintCompliance(s.compliance, io),
        percent(s.within_target.share, io),
      ]),
      note: w[
        "n/r: no reaction time (the regulation sets none, or the request was refused) · compliance = met / (met + late + overdue) · in target: answered within the level's target"
      ],
    },
    {
      title: w['Reaction time (responded windows)'],
      head: [w.group, w.answered, w['working median'], w.p90, w.max, w['clock median'], w.p90, w.max],
      rows: groups.map(({ label, s }) => [
        label,
        String(s.reaction_working_minutes.count),
        ...minutes(s.reaction_working_minutes, io),
        ...minutes(s.reaction_minutes, io),
      ]),
      note: w["working time counts open hours only (the regulation's, or a level's own); percentiles by nearest rank"],
    },
  ]
  const scoped = groups.filter(({ s }) => s.out_of_scope.tickets || s.multiple_problems)
  if (scoped.length)
    out.push({
      title: w['Out of scope and one-problem-per-request'],
      head: [w.group, w['out of scope'], w.share, w['why: reason or topic (clause)'], w['several problems']],
      rows: scoped.map(({ label, s }) => [
        label,
        String(s.out_of_scope.tickets),
        percent(s.out_of_scope.share, io),
        s.out_of_scope.topics
          .slice(0, 3)
          .map((t) => `${topicName(t, io)} ×${t.count}${t.clause ? ` (§${t.clause})` : ''}`)
          .join('\n') || '—',
        String(s.multiple_problems),
      ]),
    })
  const h = report.helpdesk_deadlines
  if (h.windows)
    out.push({
      title: w["Helpdesk deadlines (imported tickets' first windows)"],
      head: [w.windows, w['deadlines differ'], w['met by regdesk'], w['met by the helpdesk'], w.disagree],
      rows: [[h.windows, h.differ, h.met_by_regdesk, h.met_by_helpdesk, h.disagree].map(String)],
      note: w[
        "the helpdesk's own reaction deadline (Okdesk planned_reaction_at) beside the regulation's; disagree: met by one, missed by the other"
      ],
    })
  return out
}

/** Backlog and time to resolve: one row each, for the whole report. */
export function backlogSections(report: Report, io: IO): Section[] {
  const { backlog: b, resolution: r } = report
  const t = io.speech.t.report
  const w = t.words
  // the oldest in the note, where its id and time wrap whole: a table cell could cut them
  const hm = io.speech.t.value.hm
  const oldest = b.oldest ? t.oldest(b.oldest.id, b.oldest.received_at, hm(b.oldest.age_minutes)) : ''
  return [
    {
      title: t.backlogTitle(report.generated_at),
      head: [w.open, ...b.by_age.map((a) => t.ageBucket(a.bucket)), w.new, w['open (status)'], w['waiting customer']],
      rows: [
        [
          String(b.open),
          ...b.by_age.map((a) => String(a.count)),
          String(b.by_status.new),
          String(b.by_status.open),
          String(b.by_status.waiting_customer),
        ],
      ],
      note: t.ageNote(oldest),
    },
    {
      title: w['Time to resolve (tickets received in the period)'],
      head: [w.resolved, w['working median'], w.p90, w.max, w['clock median'], w.p90, w.max],
      rows: [[String(r.resolved), ...minutes(r.working_minutes, io), ...minutes(r.minutes, io)]],
      note: t.resolveNote(report.generated_at),
    },
  ]
}

function minutes(d: Stats['reaction_minutes'], io: IO): string[] {
  return [d.median, d.p90, d.max].map((m) => (m === null ? '—' : io.speech.t.value.hm(m)))
}

/** The report for a terminal or paper: header, sections with totals, then the breaches. */
export function reportTable(report: Report, header: ReportHeader, io: IO): string {
  // the terminal's width: header and notes wrap to it, as the tables do
  const fit = (text: string) => wrapCell(text, Math.max(io.columns, 40) - 1).join('\n')
  const out = [io.color.bold(titleOf(report, io)), fit(subtitleOf(report, header, io))]
  for (const section of sections(report, io)) {
    out.push('', io.color.bold(section.title), table(section.head, section.rows, io))
    if (section.note) out.push(io.color.dim(fit(section.note)))
  }
  out.push(...breachLines(report.breaches, io))
  return `${out.join('\n')}\n`
}

/** The same report as a Markdown document a lead can paste into a wiki. */
export function reportMarkdown(report: Report, header: ReportHeader, io: IO): string {
  const plain = plainIO(io)
  const t = io.speech.t.report
  const w = t.words
  // several items of a cell (topics) are separated as on the terminal, where each has its line
  const row = (cells: string[]) => `| ${cells.map((x) => x.replace(/\|/g, '\\|').replace(/\n/g, '; ')).join(' | ')} |`
  const lines = [`# ${titleOf(report, io)}`, '', subtitleOf(report, header, io)]
  for (const section of sections(report, plain)) {
    lines.push('', `## ${section.title}`, '', row(section.head), row(section.head.map(() => '---')))
    for (const r of section.rows) lines.push(row(r.map((cell) => (cell === w.total ? `**${w.total}**` : cell))))
    if (section.note) lines.push('', `_${section.note}_`)
  }
  lines.push('', `## ${t.breachesHeading(report.breaches.length)}`, '')
  if (report.breaches.length) {
    const heads = breachHeads(io)
    lines.push(row(heads), row(heads.map(() => '---')))
    for (const b of report.breaches) lines.push(row(breachCells(b, io)))
  } else lines.push(w['None: every reaction window with a deadline was met or is not yet due.'])
  return `${lines.join('\n')}\n`
}

/** The IO of a renderer without colour (Markdown, HTML): its words, no escape codes. */
export function plainIO(io: IO): IO {
  return { color: new Proxy({}, { get: () => (s: string) => s }), speech: io.speech } as unknown as IO
}

const CSV_COLUMNS = [
  'regulation',
  'level',
  'agent',
  'channel',
  'week',
  'received',
  'windows',
  'met',
  'late',
  'overdue',
  'pending',
  'not_regulated',
  'compliance',
  'reaction_working_median',
  'reaction_working_p90',
  'reaction_working_max',
  'reaction_median',
  'reaction_p90',
  'reaction_max',
  'target_windows',
  'within_target',
  'within_target_share',
  'out_of_scope',
  'out_of_scope_share',
  'multiple_problems',
  'backlog_open',
  'backlog_lt_1d',
  'backlog_1_3d',
  'backlog_3_7d',
  'backlog_7_30d',
  'backlog_gt_30d',
  'resolved',
  'resolve_working_median',
  'resolve_working_p90',
  'resolve_median',
  'resolve_p90',
] as const

/**
 * One row per group, the same columns whatever the grouping (RFC 4180); with `totals`, a last
 * row whose regulation is "total" and whose other key cells are empty.
 */
export function reportCsv(report: Report, opts: { totals?: boolean; excel?: boolean } = {}): string {
  const all: { key: GroupKey | null; s: Stats }[] = report.groups.map((g) => ({ key: g.key, s: g }))
  if (opts.totals) all.push({ key: null, s: report.totals })
  const rows = all.map(({ key, s: g }) => ({
    regulation: key ? key.regulation : 'total',
    level: key?.level ?? '',
    agent: key?.agent ?? '',
    channel: key?.channel ?? '',
    week: key?.week ?? '',
    received: g.received,
    windows: g.windows,
    met: g.met,
    late: g.late,
    overdue: g.overdue,
    pending: g.pending,
    not_regulated: g.not_regulated,
    compliance: g.compliance ?? '',
    reaction_working_median: g.reaction_working_minutes.median ?? '',
    reaction_working_p90: g.reaction_working_minutes.p90 ?? '',
    reaction_working_max: g.reaction_working_minutes.max ?? '',
    reaction_median: g.reaction_minutes.median ?? '',
    reaction_p90: g.reaction_minutes.p90 ?? '',
    reaction_max: g.reaction_minutes.max ?? '',
    target_windows: g.within_target.windows,
    within_target: g.within_target.within,
    within_target_share: g.within_target.share ?? '',
    out_of_scope: g.out_of_scope.tickets,
    out_of_scope_share: g.out_of_scope.share ?? '',
    multiple_problems: g.multiple_problems,
    // the backlog and time to resolve are the whole report's: on the totals row only
    ...(key ? {} : backlogCells(report)),
  }))
  return csvDocument(rows, CSV_COLUMNS, { excel: opts.excel === true })
}

function backlogCells(report: Report): Record<string, number | string> {
  const { backlog: b, resolution: r } = report
  const [lt1 = 0, d3 = 0, d7 = 0, d30 = 0, gt30 = 0] = b.by_age.map((a) => a.count)
  return {
    backlog_open: b.open,
    backlog_lt_1d: lt1,
    backlog_1_3d: d3,
    backlog_3_7d: d7,
    backlog_7_30d: d30,
    backlog_gt_30d: gt30,
    resolved: r.resolved,
    resolve_working_median: r.working_minutes.median ?? '',
    resolve_working_p90: r.working_minutes.p90 ?? '',
    resolve_median: r.minutes.median ?? '',
    resolve_p90: r.minutes.p90 ?? '',
  }
}

export function titleOf(report: Report, io: IO): string {
  return io.speech.t.report.title(report.period.from, report.period.to)
}

function subtitleOf(report: Report, header: ReportHeader, io: IO): string {
  const t = io.speech.t.report
  const regs = report.regulations.map((r) => `${r.id} (${r.timezone})`).join(', ') || t.words['no tickets in the store']
  return t.subtitle(!header.regulation, regs, report.by, header.now)
}

function labelOf(key: GroupKey, io: IO): string {
  // a window nobody answered has no agent (null in JSON, empty in CSV)
  const agent = key.agent === null ? io.speech.t.report.words['(nobody answered)'] : key.agent
  // a request stored without a channel (null in JSON, empty in CSV)
  const channel = key.channel === null ? io.speech.t.report.words['(no channel)'] : key.channel
  const rest = [key.level, agent, channel, key.week].filter((x) => x !== undefined)
  return [key.regulation, ...rest].join(' · ')
}

/**
 * Every window should meet its deadline (the regulations state maxima, not averages): 100 % is
 * green, 90 % and above yellow, less red.
 */
function paintCompliance(value: number | null, io: IO): string {
  if (value === null) return '—'
  const text = percent(value, io)
  return value >= 1 ? io.color.green(text) : value >= 0.9 ? io.color.yellow(text) : io.color.red(text)
}

export function percent(share: number | null, io: IO): string {
  return share === null
    ? '—'
    : `${io.speech.t.value.decimal((share * 100).toFixed(share === 1 || share === 0 ? 0 : 1))} %`
}

/** The headings of breachCells' columns on paper (Markdown, HTML). */
export function breachHeads(io: IO): string[] {
  const w = io.speech.t.report.words
  return [w.ticket, w.regulation, w.level, w.opened, w.deadline, w.responded, w['late by (working)'], w.assignee]
}

export function breachCells(b: Breach, io: IO): string[] {
  return [
    b.id,
    b.regulation,
    b.level ?? '—',
    b.opened_at,
    b.deadline,
    b.responded_at ?? io.speech.t.report.words['no response'],
    io.speech.t.value.hm(b.late_working_minutes),
    b.assignee ?? '—',
  ]
}

function breachLines(breaches: readonly Breach[], io: IO): string[] {
  const t = io.speech.t.report
  const w = t.words
  if (!breaches.length) return ['', io.color.green(w['No breached windows.'])]
  const shown = breaches.slice(0, BREACHES_SHOWN)
  const lines = ['', io.color.bold(t.breaches(breaches.length))]
  const head = [w.ticket, w.regulation, w.level, w.opened, w.deadline, w.responded, w['late by'], w.assignee]
  const rows = shown.map((b) => breachCells(b, io))
  if (fits(head, rows, io.columns)) lines.push(table(head, rows, io, 1))
  else {
    // three times side by side are wider than the terminal: one above the other, never cut
    const stacked = rows.map(([id = '', reg = '', level = '', opened = '', deadline = '', responded = '', ...rest]) => [
      id,
      reg,
      level,
      `${opened}\n${deadline}\n${responded}`,
      ...rest,
    ])
    lines.push(
      table(
        [w.ticket, w.regulation, w.level, w['opened/deadline/responded'], w['late by'], w.assignee],
        stacked,
        io,
        1,
      ),
    )
  }
  if (breaches.length > shown.length) lines.push(io.color.dim(t.more(breaches.length - shown.length)))
  return lines
}

/** Whether a table's natural widths fit the terminal: nothing would be wrapped or cut. */
function fits(head: string[], rows: string[][], columns: number): boolean {
  return naturalWidths(head, rows).reduce((a, w) => a + w + 3, 1) <= Math.max(columns, 40)
}

/**
 * A table as wide as the terminal at most. The first `ids` columns (ticket ids) and the columns of
 * ISO times are never cut: free text (group labels, topics, names) wraps instead.
 */
function table(head: string[], rows: string[][], io: IO, ids = 0): string {
  const width = io.columns
  let cells = rows
  let natural = naturalWidths(head, cells)
  const keep = head.map((_, i) => i < ids || isTimeColumn(rows.flatMap((r) => (r[i] ?? '').split('\n'))))
  if (fitWidths(natural, width, keep).some((w, i) => w < (natural[i] as number) + 2)) {
    // too wide: a group label "advantshop · (nobody answered)" goes on two lines rather than being cut
    cells = rows.map(([first = '', ...rest]) => [first.replaceAll(' · ', '\n· '), ...rest])
    natural = naturalWidths(head, cells)
  }
  // figures ("68.5 %", "186h 2m") are never broken; they may be narrower than their heading, whose
  // words then break over lines; text (names, levels) gives way down to a few characters, then "…"
  // and a heading breaks between its words only ("answe|red" read as two words)
  const floor = head.map((h, i) => {
    const column = cells.map((r) => r[i] ?? '')
    const figures = column.every((cell) => FIGURE.test(stripVTControlCharacters(cell)))
    const data = figures ? Math.max(3, ...column.map(longestLine)) : Math.min(6, Math.max(...column.map(longestWord)))
    return Math.max(data, longestWord(h)) + 2
  })
  // figures and ids alone are wider than the terminal (a phone's): one block of fields per row, as `tickets list` and
  // `overdue` do, rather than a table wider than the screen with its headings broken inside words
  const least = natural.map((w, i) => (keep[i] ? w + 2 : Math.min(w + 2, floor[i] as number)))
  if (least.reduce((a, w) => a + w, 0) > Math.max(width, 40) - (head.length + 1)) return blocks(head, rows, io)
  const widths = fitWidths(natural, width, keep, floor)
  const t = new Table({
    head: head.map((h, i) => io.color.bold(breakWords(h, (widths[i] as number) - 2))),
    style: { head: [], border: [], compact: true },
    // wrapped here, see below
    wordWrap: false,
    colWidths: widths,
  })
  // a cell of several lines becomes several rows (no separators in between: it reads the same):
  // cli-table3 measures multi-line cells character by character, seconds for a year of weeks
  for (const r of cells) {
    const lines = r.map((cell, i) => wrapCell(cell, (widths[i] as number) - 2))
    const height = Math.max(...lines.map((l) => l.length))
    for (let k = 0; k < height; k++) t.push(lines.map((l) => l[k] ?? ''))
  }
  return t.toString()
}

/**
 * A cell's text as lines of at most `width` columns on screen, broken at spaces; a longer word is cut with "…" (a
 * CJK character or an emoji in an agent's or a channel's name takes two columns).
 */
function wrapCell(text: string, width: number): string[] {
  if (longestLine(text) <= width) return text.split('\n')
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(' ')) {
      const fitted = longestLine(word) > width ? fitLine(word, width) : word
      if (line && longestLine(line) + 1 + longestLine(fitted) <= width) line += ` ${fitted}`
      else {
        if (line) lines.push(line)
        line = fitted
      }
    }
    lines.push(line)
  }
  return lines
}

/** A cell of figures: counts, shares, durations, or "—". */
const FIGURE = /^[\d\s.,%hmd—-]*$/

function longestWord(text: string): number {
  return Math.max(0, ...text.split(/[ \n]/).map(longestLine))
}

/** Rows as blocks of «heading  value» lines (renderFields), one block a row. */
function blocks(head: readonly string[], rows: readonly string[][], io: IO): string {
  return rows
    .map((r) =>
      renderFields(
        head.map((h, i) => [h, r[i] ?? ''] as const),
        io,
      ).trimEnd(),
    )
    .join('\n\n')
}

/** A heading in lines of at most `width` characters: a longer word is broken, not cut (it is no data). */
function breakWords(text: string, width: number): string {
  const lines: string[] = []
  for (const word of text.split(' ')) {
    const chars = [...word]
    for (let i = 0; i < chars.length; i += width) {
      const piece = chars.slice(i, i + width).join('')
      const last = lines.at(-1)
      if (i === 0 && last !== undefined && [...last].length + 1 + piece.length <= width)
        lines[lines.length - 1] = `${last} ${piece}`
      else lines.push(piece)
    }
  }
  return lines.join('\n')
}

function naturalWidths(head: readonly string[], rows: readonly string[][]): number[] {
  return head.map((h, i) => rows.reduce((max, r) => Math.max(max, longestLine(r[i] ?? '')), h.length))
}

/** A refusal as a report names it: a reason in words (its code in JSON and CSV), a topic by its id. */
export function topicName(topic: { id: string; kind: 'reason' | 'topic' }, io: IO): string {
  return (topic.kind === 'reason' && io.speech.t.report.reasons[topic.id]) || topic.id
}
