import { decodeEntities } from '../data/html-entities.js'

/**
 * The text of an HTML-only message, for triage and the stored ticket: not a renderer, only what a person reads
 * (scripts, styles and the head dropped, block elements and <br> as line breaks, list items as "- ", tags
 * stripped, entities decoded).
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    // in HTML a line break of the source is a space; breaks come from the markup
    .replace(/\s+/g, ' ')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, `${LINE}- `)
    .replace(/<\/p\s*>/gi, PARAGRAPH)
    .replace(/<\/?(p|div|h[1-6]|ul|ol|li|tr|table|blockquote|pre|section|article|header|footer|hr)\b[^>]*>/gi, LINE)
    .replace(/<\/t[dh]\s*>/gi, '\t')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .replace(BREAKS, (run) => (run.includes(PARAGRAPH) ? '\n\n' : '\n'))
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n[ \t]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/[ \t]{2,}/g, ' ')
    .trim()
}

/** Where a block element begins or ends (a line break) and where a paragraph ends (an empty line): private-use marks. */
const LINE = '\ue000'
const PARAGRAPH = '\ue001'
/** A run of block boundaries (with the spaces and breaks between them) is one break. */
const BREAKS = /[ \t\n]*[\ue000\ue001][\ue000\ue001 \t\n]*/g
