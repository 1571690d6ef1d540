/**
 * The one escape of the printable report (report-html.ts, svg-charts.ts): every text that comes from tickets,
 * regulation files or the catalogue goes through it, in element text, in attribute values and in SVG `<text>`.
 * It escapes the five characters that end a text or an attribute in HTML and XML, and replaces the characters XML
 * forbids (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/FFFF), so the document stays well-formed XHTML
 * whatever a subject holds: `<img src=x onerror=…>` becomes text, not an element.
 */
export function esc(text: string): string {
  return text.replace(UNSAFE, (c) => ENTITIES[c] ?? '\ufffd')
}

const UNSAFE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls XML forbids are what this replaces
  /[&<>"']|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
