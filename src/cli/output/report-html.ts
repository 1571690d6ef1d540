import { describeDuration } from '../../regulation/describe.js'
import type { ReportFigures, ShareBin } from '../../report/figures.js'
import type { Report } from '../../report/summarize.js'
import type { IO } from '../io.js'
import { esc } from './html-escape.js'
import {
  backlogSections,
  breachCells,
  breachHeads,
  percent,
  plainIO,
  type ReportHeader,
  type Section,
  titleOf,
  topicName,
  windowSections,
} from './report.js'
import { barChart, columnChart, type Series } from './svg-charts.js'

/**
 * The printable report (`report --format html`): one self-contained document (inline CSS and SVG; no script, font,
 * image, link or stylesheet from elsewhere) that prints on A4, with the same Report as the other formats and the
 * figures of report/figures.ts for its charts. Every text goes through `esc` (html-escape.ts); the markup is
 * well-formed XHTML, so an XML parser reads the whole document (test/cli/report-html.test.ts does).
 *
 * Sections have ids a reader (or a test) can find: compliance, weekly, reaction, breaches, groups, backlog, scope.
 */

/** Rows of the breach table on paper; the JSON report lists them all. */
const BREACHES_PRINTED = 200
/** Agents drawn in the breach chart; the rest are summed in a line under it. */
const AGENTS_DRAWN = 15

const STYLE = `
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; box-sizing: border-box; }
html { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #111111; background: #ffffff; }
body { margin: 0 auto; max-width: 186mm; }
h1 { font-size: 17pt; margin: 0 0 6pt; }
h2 { font-size: 13.5pt; border-bottom: 1.5pt solid #333333; padding-bottom: 2pt; margin: 0 0 8pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
section { break-before: page; padding-top: 2pt; }
section#compliance { break-before: auto; margin-top: 12pt; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: 2pt 10pt; margin: 0; }
dl.meta dt { font-weight: bold; }
dl.meta dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 6pt; font-size: 8.5pt; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #888888; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #e6e6e6; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.time { white-space: nowrap; }
table.breaches { font-size: 7.5pt; }
tr.total td { font-weight: bold; }
figure { margin: 6pt 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 3pt; }
svg.chart { max-width: 100%; height: auto; display: block; }
.note { font-size: 8pt; color: #444444; margin: 2pt 0 8pt; }
.headline { display: flex; gap: 18pt; align-items: baseline; margin: 4pt 0 8pt; }
.headline .value { font-size: 30pt; font-weight: bold; white-space: nowrap; }
@media screen { body { padding: 12px; } section { border-top: 1px dashed #bbbbbb; margin-top: 18px; } }
`

export function reportHtml(report: Report, figures: ReportFigures, header: ReportHeader, io: IO): string {
  const plain = plainIO(io)
  const tables = windowSections(report, plain)
  const [windows, reaction, outOfScope] = tables
  const [backlog, resolve] = backlogSections(report, plain)
  const body = [
    headerOf(report, figures, header, io),
    complianceSection(report, io),
    weeklySection(figures, io),
    reactionSection(figures, io),
    breachesSection(report, figures, io),
    section('groups', io.speech.t.report.html.words['Windows by group'], [
      ...[windows, reaction].map((s) => (s ? sectionTable(s, io) : '')),
    ]),
    section('backlog', io.speech.t.report.html.words['Backlog and time to resolve'], [
      backlog ? sectionTable(backlog, io) : '',
      backlogChart(report, io),
      resolve ? sectionTable(resolve, io) : '',
    ]),
    scopeSection(figures, outOfScope, io),
  ]
  return [
    '<!DOCTYPE html>',
    `<html lang="${io.speech.lang}">`,
    '<head>',
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>${esc(titleOf(report, io))}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function section(id: string, title: string, parts: string[]): string {
  return `<section id="${id}">\n<h2>${esc(title)}</h2>\n${parts.filter(Boolean).join('\n')}\n</section>`
}

function headerOf(report: Report, figures: ReportFigures, header: ReportHeader, io: IO): string {
  const w = io.speech.t.report.html.words
  const regs = report.regulations.length
    ? report.regulations
        .map((r) => {
          const name = figures.regulation_names[r.id]
          return `${esc(r.id)}${name ? ` — ${esc(name)}` : ''} (${esc(r.timezone)})`
        })
        .join('<br/>')
    : esc(io.speech.t.report.words['no tickets in the store'])
  return [
    '<header id="summary">',
    `<h1>${esc(titleOf(report, io))}</h1>`,
    '<dl class="meta">',
    `<dt>${esc(w.Period)}</dt><dd>${esc(report.period.from)} – ${esc(report.period.to)}</dd>`,
    `<dt>${esc(w.Regulations)}</dt><dd>${regs}</dd>`,
    `<dt>${esc(w['As of'])}</dt><dd>${esc(header.now)}</dd>`,
    '</dl>',
    '</header>',
  ].join('\n')
}

const OUTCOMES: { key: 'met' | 'late' | 'overdue' | 'pending' | 'not_regulated'; fill: Series['fill'] }[] = [
  { key: 'met', fill: 'solid' },
  { key: 'late', fill: 'hatch' },
  { key: 'overdue', fill: 'cross' },
  { key: 'pending', fill: 'light' },
  { key: 'not_regulated', fill: 'dots' },
]

function complianceSection(report: Report, io: IO): string {
  const t = io.speech.t.report
  const w = t.words
  const h = t.html.words
  const s = report.totals
  const label = (k: (typeof OUTCOMES)[number]['key']) => (k === 'not_regulated' ? h['not regulated'] : w[k])
  const share = (x: number) => percent(s.windows ? Math.round((x / s.windows) * 10_000) / 10_000 : null, io)
  const rows = OUTCOMES.map((o) => [label(o.key), num(s[o.key]), num(share(s[o.key]))])
  return section('compliance', h.Compliance, [
    `<div class="headline"><span class="value">${esc(percent(s.compliance, io))}</span><span>${esc(h.Compliance)}: ${esc(w.met)} / (${esc(w.met)} + ${esc(w.late)} + ${esc(w.overdue)}) · ${esc(t.html.windowsOf(s.windows))} (${esc(h['reaction windows opened in the period'])})</span></div>`,
    table([w.windows, h.count, w.share], rows, [false, true, true]),
    figure(
      h['Outcome of the windows'],
      barChart({
        id: 'chart-outcomes',
        title: h['Outcome of the windows'],
        rows: [{ label: w.windows, values: OUTCOMES.map((o) => s[o.key]) }],
        series: OUTCOMES.map((o) => ({ label: label(o.key), fill: o.fill })),
      }),
    ),
  ])
}

function weeklySection(figures: ReportFigures, io: IO): string {
  const t = io.speech.t.report
  const w = t.words
  const h = t.html.words
  const chart = columnChart({
    id: 'chart-weekly',
    title: h['Compliance by week'],
    columns: figures.weeks.map((x) => ({
      label: x.week.slice(5),
      sublabel: String(x.met + x.late + x.overdue),
      value: x.compliance,
      text: percent(x.compliance, io),
    })),
    max: 1,
    ticks: [0, 0.25, 0.5, 0.75, 1].map((at) => ({ at, label: `${Math.round(at * 100)} %` })),
    fill: 'solid',
    empty: '—',
  })
  const rows = figures.weeks.map((x) => [
    esc(x.week),
    `${esc(x.first_day)} – ${esc(x.last_day)}`,
    num(x.met + x.late + x.overdue),
    num(x.met),
    num(x.late),
    num(x.overdue),
    num(percent(x.compliance, io)),
  ])
  return section('weekly', h['Compliance by week'], [
    figure(h['Compliance by week'], chart),
    `<p class="note">${esc(h["compliance = met / (met + late + overdue) of the windows opened in the week, in the regulation's timezone; a week without such a window has no bar"])}</p>`,
    table([h.week, h.Period, h['decided windows'], w.met, w.late, w.overdue, w.compliance], rows, [
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]),
  ])
}

function binLabel(b: ShareBin): string {
  return b.to === null ? `>${b.from}` : `≤${b.to}`
}

function reactionSection(figures: ReportFigures, io: IO): string {
  const t = io.speech.t.report
  const w = t.words
  const h = t.html.words
  const r = figures.reaction
  const top = niceMax(Math.max(0, ...r.bins.map((b) => b.count)))
  const limitAt = r.bins.findIndex((b) => b.to === 1)
  const chart = columnChart({
    id: 'chart-reaction',
    title: `${h['Reaction time against the limit']} (${h['share of the limit']})`,
    columns: r.bins.map((b) => ({
      label: binLabel(b),
      value: b.count,
      text: String(b.count),
      fill: b.over ? 'cross' : 'solid',
    })),
    max: top,
    ticks: [0, top / 2, top].map((at) => ({ at, label: String(at) })),
    marker: { after: limitAt, label: h.limit },
    fill: 'solid',
    series: [
      { label: `${w.met} (≤1)`, fill: 'solid' },
      { label: `${w.late} (>1)`, fill: 'cross' },
    ],
  })
  const lang = io.speech.lang
  const rows = r.levels.map((l) => [
    esc(l.regulation),
    `${esc(l.level)}${l.level_name ? ` — ${esc(l.level_name)}` : ''}`,
    esc(l.limit ? describeDuration(l.limit, lang) : '—'),
    num(l.answered),
    num(l.met),
    num(share(l.median_share)),
    num(share(l.p90_share)),
  ])
  return section('reaction', h['Reaction time against the limit'], [
    figure(`${h['share of the limit']} · ${h['answered windows']}: ${r.answered}`, chart),
    `<p class="note">${esc(h['working time to the answer over working time from opening to the deadline; 1 = answered at the deadline; a late answer outside working hours counts past the limit'])}</p>`,
    table(
      [w.regulation, w.level, h.limit, h['answered windows'], h['within limit'], h['median share'], h['p90 share']],
      rows,
      [false, false, false, true, true, true, true],
    ),
  ])
}

function breachesSection(report: Report, figures: ReportFigures, io: IO): string {
  const t = io.speech.t.report
  const w = t.words
  const h = t.html.words
  const series: Series[] = [
    { label: w.late, fill: 'hatch' },
    { label: w.overdue, fill: 'cross' },
  ]
  const byLevel = figures.breaches.by_level
  const agents = figures.breaches.by_agent
  const drawn = agents.slice(0, AGENTS_DRAWN)
  const rest = agents.slice(AGENTS_DRAWN)
  const parts = [
    byLevel.length
      ? figure(
          h['Breaches by level'],
          barChart({
            id: 'chart-breaches-level',
            title: h['Breaches by level'],
            rows: byLevel.map((l) => ({ label: `${l.regulation} · ${l.level ?? '—'}`, values: [l.late, l.overdue] })),
            series,
          }),
        )
      : '',
    agents.length
      ? figure(
          h['Breaches by agent'],
          barChart({
            id: 'chart-breaches-agent',
            title: h['Breaches by agent'],
            rows: drawn.map((a) => ({ label: a.agent ?? h['(unassigned)'], values: [a.late, a.overdue] })),
            series,
          }),
        )
      : '',
    rest.length
      ? `<p class="note">${esc(
          t.html.othersAgents(
            rest.length,
            rest.reduce((n, a) => n + a.late + a.overdue, 0),
          ),
        )}</p>`
      : '',
    agents.length
      ? `<p class="note">${esc(h['late: by who answered; overdue: by the assignee (nobody answered yet)'])}</p>`
      : '',
    `<h3>${esc(t.breachesHeading(report.breaches.length))}</h3>`,
  ]
  if (report.breaches.length) {
    const heads = breachHeads(io)
    const rows = report.breaches.slice(0, BREACHES_PRINTED).map((b) =>
      breachCells(b, io).map((cell, i) =>
        i === 0
          ? `<span class="time">${esc(cell)}</span>`
          : // an instant may break before its time ("2026-10-05" / "T23:05:00+03:00"): the table fits A4
            i >= 3 && i <= 5
            ? esc(cell).replace('T', '<wbr/>T')
            : i === 6
              ? num(cell)
              : esc(cell),
      ),
    )
    parts.push(table(heads, rows, [false, false, false, false, false, false, true, false], false, [], 'breaches'))
    if (report.breaches.length > BREACHES_PRINTED)
      parts.push(`<p class="note">${esc(t.more(report.breaches.length - BREACHES_PRINTED))}</p>`)
  } else parts.push(`<p>${esc(w['None: every reaction window with a deadline was met or is not yet due.'])}</p>`)
  return section('breaches', h.Breaches, parts)
}

function backlogChart(report: Report, io: IO): string {
  const h = io.speech.t.report.html.words
  const top = niceMax(Math.max(0, ...report.backlog.by_age.map((a) => a.count)))
  return figure(
    h['Open tickets by age'],
    columnChart({
      id: 'chart-backlog',
      title: h['Open tickets by age'],
      columns: report.backlog.by_age.map((a) => ({
        label: io.speech.t.report.ageBucket(a.bucket),
        value: a.count,
        text: String(a.count),
      })),
      max: top,
      ticks: [0, top / 2, top].map((at) => ({ at, label: String(at) })),
      fill: 'light',
    }),
  )
}

function scopeSection(figures: ReportFigures, outOfScope: Section | undefined, io: IO): string {
  const t = io.speech.t.report
  const w = t.words
  const h = t.html.words
  const kinds = [
    { label: w['out of scope'], s: figures.out_of_scope, fill: 'cross' as const },
    { label: h.unclear, s: figures.unclear, fill: 'hatch' as const },
  ]
  const parts = [
    table(
      [h['received in the period'], h.tickets, w.share],
      [
        [esc(h['received in the period']), num(figures.received), ''],
        ...kinds.map((k) => [esc(k.label), num(k.s.tickets), num(percent(k.s.share, io))]),
      ],
      [false, true, true],
      true,
    ),
  ]
  for (const k of kinds) {
    if (!k.s.topics.length) continue
    parts.push(`<h3>${esc(k.label)}: ${esc(h['top topics'])}</h3>`)
    parts.push(
      table(
        [w.regulation, `${h.reason} / ${h.topic}`, '', h.count],
        k.s.topics.map((x) => [
          esc(x.regulation),
          x.id === null
            ? esc(h['(no topic)'])
            : `${esc(x.kind === 'reason' ? h.reason : h.topic)}: ${esc(topicName({ id: x.id, kind: x.kind }, io))}`,
          esc(x.title ?? ''),
          num(x.count),
        ]),
        [false, false, false, true],
      ),
    )
  }
  parts.push(
    `<p class="note">${esc(h['Out of scope: the refusing reason (eligibility) or the out-of-scope topic. Unclear: the topic the verdict leaned to.'])}</p>`,
  )
  if (outOfScope) parts.push(sectionTable(outOfScope, io))
  return section('scope', h['Incoming requests: out of scope and unclear'], parts)
}

/** A section of the other formats (report.ts) as a heading, a table and its note. */
function sectionTable(s: Section, io: IO): string {
  const total = io.speech.t.report.words.total
  const numeric = s.head.map((_, i) => i > 0 && s.rows.every((r) => FIGURE.test(r[i] ?? '')))
  const rows = s.rows.map((r) => r.map((cell, i) => (numeric[i] ? num(cell) : esc(cell).replaceAll('\n', '<br/>'))))
  const totals = s.rows.map((r) => r[0] === total)
  return [
    `<h3>${esc(s.title)}</h3>`,
    table(s.head, rows, numeric, false, totals),
    s.note ? `<p class="note">${esc(s.note)}</p>` : '',
  ].join('\n')
}

/** A cell of figures: counts, shares, durations, or "—" (as report.ts reads them). */
const FIGURE = /^[\d\s.,%hmdчмин—-]*$/

/**
 * A table: headings escaped here, cells already escaped (they may hold markup of this file: <br/>, spans).
 * `numeric` right-aligns a column; `firstIsHead` makes the first column row headings.
 */
function table(
  head: string[],
  rows: string[][],
  numeric: boolean[],
  firstIsHead = false,
  totals: boolean[] = [],
  className?: string,
): string {
  const cls = (i: number) => (numeric[i] ? ' class="num"' : '')
  const out = [
    className ? `<table class="${className}">` : '<table>',
    `<thead><tr>${head.map((x, i) => `<th${cls(i)}>${esc(x)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
  ]
  rows.forEach((r, k) => {
    const cells = r.map((x, i) => (i === 0 && firstIsHead ? `<th>${x}</th>` : `<td${cls(i)}>${x}</td>`))
    out.push(`<tr${totals[k] ? ' class="total"' : ''}>${cells.join('')}</tr>`)
  })
  out.push('</tbody>', '</table>')
  return out.join('\n')
}

function figure(caption: string, svg: string): string {
  return `<figure><figcaption>${esc(caption)}</figcaption>${svg}</figure>`
}

/** A number or a figure as the text of a cell, escaped. */
function num(x: number | string): string {
  return esc(String(x))
}

function share(x: number | null): string {
  return x === null ? '—' : x.toFixed(2)
}

/** The top of a count scale: 1, 2 or 5 times a power of ten, at least the largest count. */
function niceMax(max: number): number {
  if (max <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(max))
  for (const m of [1, 2, 5, 10]) if (m * p >= max) return m * p
  return 10 * p
}
