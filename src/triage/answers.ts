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
