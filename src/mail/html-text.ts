import { decodeEntities } from '../data/html-entities.js'

/**
 * The text of an HTML-only message, for triage and the stored ticket: not a renderer, only what a person reads
 * (scripts, styles and the head dropped, block elements and <br> as line breaks, list items as "- ", a
 * <blockquote> as "> " lines — the quoted letter a mail client puts in a reply, kept out of triage as `>` lines are
 * (quotes.ts) —, tags stripped, entities decoded).
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    // in HTML a line break of the source is a space; breaks come from the markup
    .replace(/\s+/g, ' ')
    .replace(/<blockquote\b[^>]*>/gi, `${LINE}${QUOTE_START}${LINE}`)
    .replace(/<\/blockquote\s*>/gi, `${LINE}${QUOTE_END}${LINE}`)
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, `${LINE}- `)
    .replace(/<\/p\s*>/gi, PARAGRAPH)
    .replace(/<\/?(p|div|h[1-6]|ul|ol|li|tr|table|blockquote|pre|section|article|header|footer|hr)\b[^>]*>/gi, LINE)
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<[^>]*>/g, '')
  const plain = decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .replace(BREAKS, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
  return plain.includes(QUOTE_START) ? quotedLines(plain) : plain
}

/** The lines between the marks of a <blockquote> (each mark alone on its line) as "> " lines, "> > " when nested. */
function quotedLines(text: string): string {
  let depth = 0
  const lines: string[] = []
  for (const line of text.split('\n')) {
    // a mark shares no line with text: block boundaries surround it
    if (line.trim() === QUOTE_START) depth++
    else if (line.trim() === QUOTE_END) depth = Math.max(0, depth - 1)
    else lines.push(depth && line ? `${'> '.repeat(depth)}${line}` : line)
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Where a block element begins or ends (a line break) and where a paragraph ends (an empty line): private-use marks. */
const LINE = '\ue000'
const PARAGRAPH = '\ue001'
/** Where a <blockquote> begins and ends (quotedLines), each on a line of its own. */
const QUOTE_START = '\ue002'
const QUOTE_END = '\ue003'
/** A run of block boundaries (with the spaces and breaks between them) is one break. */
const BREAKS = /[ \t\n]*[\ue000\ue001][\ue000\ue001 \t\n]*/g
