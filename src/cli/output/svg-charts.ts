import { esc } from './html-escape.js'

/**
 * Small charts as inline SVG for the printable report (report-html.ts). Deterministic: the same figures give the same
 * bytes (coordinates with one decimal, no random ids), so golden files hold. Greyscale-safe: each series has a fill
 * pattern as well as a colour (solid, hatched, cross-hatched, dotted), a legend in words, and values written beside
 * the bars. Every text is escaped (html-escape.ts); the markup is well-formed XML.
 */

/** How a series is filled: a colour and a pattern that still tells it apart on a greyscale printer. */
export type Fill = 'solid' | 'hatch' | 'cross' | 'light' | 'dots'

export interface Series {
  label: string
  fill: Fill
}

const COLOURS: Record<Fill, string> = {
  solid: '#2f6f4f',
  hatch: '#c77c02',
  cross: '#b03a2e',
  light: '#9fb7c9',
  dots: '#555555',
}

const FONT = 'font-family="DejaVu Sans, Arial, sans-serif"'

/** One decimal, no "-0.0": coordinates and sizes. */
function n(x: number): string {
  const s = x.toFixed(1)
  return s === '-0.0' ? '0.0' : s
}

/** A text cut to `max` characters with "…", whole in a tooltip elsewhere. */
function cut(text: string, max: number): string {
  const chars = [...text]
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text
}

/** The patterns of a chart's series, with ids of the chart so several charts in one page never share an id. */
function defs(id: string, fills: readonly Fill[]): string {
  const out = [...new Set(fills)].map((f) => {
    const c = COLOURS[f]
    const pid = `${id}-${f}`
    switch (f) {
      case 'solid':
      case 'light':
        return ''
      case 'hatch':
        return `<pattern id="${pid}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><path d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5" stroke="${c}" stroke-width="2"/></pattern>`
      case 'cross':
        return `<pattern id="${pid}" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="${c}"/><path d="M0,0 L5,5 M5,0 L0,5" stroke="#ffffff" stroke-width="1"/></pattern>`
      case 'dots':
        return `<pattern id="${pid}" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.5" fill="${c}"/></pattern>`
    }
    return ''
  })
  return out.some(Boolean) ? `<defs>${out.join('')}</defs>` : ''
}

function paint(id: string, f: Fill): string {
  return f === 'solid' || f === 'light' ? COLOURS[f] : `url(#${id}-${f})`
}

function svgOpen(id: string, width: number, height: number, title: string): string {
  return `<svg id="${id}" class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(title)}" ${FONT} font-size="11"><title>${esc(title)}</title>`
}

function legend(id: string, series: readonly Series[], x: number, y: number): string {
  let at = x
  return series
    .map((s) => {
      const item = `<rect x="${n(at)}" y="${n(y - 9)}" width="12" height="10" fill="${paint(id, s.fill)}" stroke="#333333" stroke-width="0.5"/><text x="${n(at + 16)}" y="${n(y)}">${esc(s.label)}</text>`
      // Cyrillic letters run wider than Latin ones in the sans-serif the page asks for
      at += 28 + [...s.label].length * 7
      return item
    })
    .join('')
}

export interface ColumnChart {
  id: string
  title: string
  /** one column per category, with a label under it (and a second line, e.g. a count) */
  columns: { label: string; sublabel?: string; value: number | null; text?: string; fill?: Fill }[]
  /** the top of the scale; values above it are drawn at it */
  max: number
  /** the scale's marks, e.g. 0, 0.5, 1 with their labels */
  ticks: { at: number; label: string }[]
  /** a vertical line between two columns (the limit): after column `after` */
  marker?: { after: number; label: string }
  fill: Fill
  /** the legend; none when a chart has one series named by its title */
  series?: readonly Series[]
  /** what a column without a value shows (e.g. "—") */
  empty?: string
}

/** Vertical bars, one per column, with the value written above each. */
export function columnChart(c: ColumnChart): string {
  const left = 44
  const top = c.series ? 28 : 14
  const plotH = 150
  const colW = Math.max(18, Math.min(56, 600 / Math.max(1, c.columns.length)))
  const width = left + colW * c.columns.length + 16
  const height = top + plotH + 40
  const y = (v: number) => top + plotH - (Math.min(Math.max(v, 0), c.max) / (c.max || 1)) * plotH
  const fills = [c.fill, ...c.columns.map((col) => col.fill ?? c.fill), ...(c.series ?? []).map((s) => s.fill)]
  const out = [svgOpen(c.id, width, height, c.title), defs(c.id, fills)]
  if (c.series) out.push(legend(c.id, c.series, left, 14))
  for (const t of c.ticks)
    out.push(
      `<line x1="${left}" y1="${n(y(t.at))}" x2="${n(width - 12)}" y2="${n(y(t.at))}" stroke="#bbbbbb" stroke-width="0.5"/><text x="${left - 4}" y="${n(y(t.at) + 4)}" text-anchor="end">${esc(t.label)}</text>`,
    )
  const labelEvery = Math.ceil(c.columns.length / 26)
  c.columns.forEach((col, i) => {
    const x = left + i * colW
    const mid = x + colW / 2
    if (col.value === null) {
      out.push(
        `<text x="${n(mid)}" y="${n(top + plotH - 4)}" text-anchor="middle" fill="#555555">${esc(c.empty ?? '')}</text>`,
      )
    } else {
      const yTop = y(col.value)
      out.push(
        `<rect x="${n(x + 3)}" y="${n(yTop)}" width="${n(colW - 6)}" height="${n(top + plotH - yTop)}" fill="${paint(c.id, col.fill ?? c.fill)}" stroke="#333333" stroke-width="0.5"/>`,
      )
      if (col.text && colW >= 26)
        out.push(`<text x="${n(mid)}" y="${n(yTop - 3)}" text-anchor="middle" font-size="9">${esc(col.text)}</text>`)
    }
    if (i % labelEvery === 0) {
      out.push(
        `<text x="${n(mid)}" y="${n(top + plotH + 13)}" text-anchor="middle" font-size="9">${esc(col.label)}</text>`,
      )
      if (col.sublabel)
        out.push(
          `<text x="${n(mid)}" y="${n(top + plotH + 25)}" text-anchor="middle" font-size="8" fill="#555555">${esc(col.sublabel)}</text>`,
        )
    }
  })
  out.push(
    `<line x1="${left}" y1="${n(top + plotH)}" x2="${n(width - 12)}" y2="${n(top + plotH)}" stroke="#333333" stroke-width="1"/>`,
  )
  if (c.marker) {
    const x = left + (c.marker.after + 1) * colW
    out.push(
      `<line x1="${n(x)}" y1="${n(top - 6)}" x2="${n(x)}" y2="${n(top + plotH)}" stroke="#000000" stroke-width="1.5" stroke-dasharray="5,3"/><text x="${n(x + 4)}" y="${n(top + 4)}" font-weight="bold">${esc(c.marker.label)}</text>`,
    )
  }
  out.push('</svg>')
  return out.join('')
}

export interface BarChart {
  id: string
  title: string
  /** one horizontal bar per row, its series stacked left to right */
  rows: { label: string; values: number[] }[]
  series: readonly Series[]
  /** the text at the end of each bar (e.g. its total) */
  total?: (values: number[]) => string
}

/** Horizontal stacked bars, a label on the left, the total on the right, a legend above. */
export function barChart(c: BarChart): string {
  const labelW = 210
  const barW = 340
  const rowH = 20
  const top = 26
  const width = labelW + barW + 70
  const height = top + rowH * c.rows.length + 6
  const max = Math.max(1, ...c.rows.map((r) => r.values.reduce((a, b) => a + b, 0)))
  const out = [
    svgOpen(c.id, width, height, c.title),
    defs(
      c.id,
      c.series.map((s) => s.fill),
    ),
  ]
  out.push(legend(c.id, c.series, labelW, 14))
  c.rows.forEach((r, i) => {
    const y = top + i * rowH
    out.push(`<text x="${labelW - 6}" y="${n(y + 13)}" text-anchor="end">${esc(cut(r.label, 34))}</text>`)
    let x = labelW
    r.values.forEach((v, k) => {
      const w = (v / max) * barW
      const s = c.series[k] as Series
      if (v > 0)
        out.push(
          `<rect x="${n(x)}" y="${n(y + 3)}" width="${n(w)}" height="${rowH - 6}" fill="${paint(c.id, s.fill)}" stroke="#333333" stroke-width="0.5"><title>${esc(`${r.label}: ${s.label} ${v}`)}</title></rect>`,
        )
      x += w
    })
    const total = c.total ? c.total(r.values) : String(r.values.reduce((a, b) => a + b, 0))
    out.push(`<text x="${n(x + 5)}" y="${n(y + 13)}">${esc(total)}</text>`)
  })
  out.push('</svg>')
  return out.join('')
}
