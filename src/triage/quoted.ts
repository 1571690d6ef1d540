import { QUOTE_PATTERNS as P } from '../data/quote-patterns.js'
import { pattern } from './lexicon/index.js'

/**
 * A reply that answers support's questions under each of them («> — какая у вас версия?» quoted, «11.2.5» on the next
 * line) read as what it is: the customer's facts, each a labelled field («какая у вас версия: 11.2.5»). Quoted, the
 * questions would be read as the customer's own questions, one matter each (a false multiple_problems), and an answer
 * alone on its line names nothing (a version «9.4» without the word «версия» before it). Questions quoted without an
 * answer between them (a forwarded list) stay as they are: those are the customer's matters. Only line breaks, quote
 * marks, bullets and question marks go, so every identifier and access datum is where it was.
 */
export function withAnsweredQuestions(text: string): string {
  if (!text.includes('>')) return text
  return text.replace(
    pattern('reply.answeredQuestion'),
    (whole: string, question: string) => `${whole.startsWith('\n') ? '\n' : ''}${question.trimEnd()}: `,
  )
}

/**
 * The request without the earlier letters a reply quotes: a quoted block («> …») that an attribution introduces
 * («18.11.2026 техподдержка пишет:», «On … wrote:», Yandex's «14.03.2025, 17:05, "Support" <s@x.ru>:»; itself quoted
 * or not), with that line. Support's earlier advice quoted under a reply («> … а также настройте SEO») is no matter
 * of the customer's. A quoted block without one (a list the customer forwards: «Пересылаю замечания:\n> — …») is his
 * request and stays. Undefined when nothing is left out.
 */
export function withoutQuotedLetters(text: string): string | undefined {
  if (!text.includes('>')) return undefined
  const lines = text.split('\n')
  const keep = lines.map(() => true)
  let dropped = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const next = lines[i + 1] ?? ''
    // an attribution a mailer wrapped onto two lines («… Moguta <» / «support@moguta.ru>:»)
    const wrapped =
      line.trim() !== '' &&
      !isAttribution(line) &&
      !isAttribution(next) &&
      (isAttribution(`${line} ${next}`) || isAttribution(line + next.trim()))
    if (!wrapped && !isAttribution(line)) continue
    let k = wrapped ? i + 2 : i + 1
    while (k < lines.length && !(lines[k] as string).trim()) k++
    if (k >= lines.length || !P.quoted.test(lines[k] as string)) continue
    keep[i] = false
    if (wrapped) keep[i + 1] = false
    for (; k < lines.length && (P.quoted.test(lines[k] as string) || !(lines[k] as string).trim()); k++) keep[k] = false
    dropped = true
    i = k - 1
  }
  return dropped ? lines.filter((_, i) => keep[i]).join('\n') : undefined
}

/** A line that introduces a quoted letter, quoted itself or not. */
function isAttribution(line: string): boolean {
  const bare = line.replace(/^[\s>]+/, '').trim()
  return bare.length > 0 && P.attributions.some((r) => r.test(bare))
}
