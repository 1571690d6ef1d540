import { decodeEntities } from '../data/html-entities.js'

/**
 * Text a helpdesk keeps as HTML (an Okdesk issue's description, a Usedesk comment) as plain text: line breaks kept,
 * tags dropped, character references decoded (data/html-entities.ts), so that triage reads words, masking finds the
 * access data in them and an agent reads the request as it was written.
 */
export function plainText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.trim()
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(text)
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
