/**
 * A regulation's note in the interface language: `note` is Russian, `note_en` English (regulations/README.md,
 * "Notes"); a file that gives one only is shown as written.
 */
export function noteIn(
  rule: { note?: string | undefined; note_en?: string | undefined } | undefined,
  lang: 'ru' | 'en',
): string {
  if (!rule) return ''
  return (lang === 'en' ? (rule.note_en ?? rule.note) : (rule.note ?? rule.note_en)) ?? ''
}
