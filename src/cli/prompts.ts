import { createInterface } from 'node:readline'
import { input, select } from '@inquirer/prompts'
import { CancelledError } from '../errors.js'
import { findSecrets, maskSecrets } from '../triage/credentials.js'
import type { IO } from './io.js'

/** The questions interactive commands ask; the only importer of inquirer. */
export interface Prompter {
  select<T extends string>(
    message: string,
    choices: { value: T; name: string; description?: string }[],
    defaultValue?: T,
  ): Promise<T>
  text(message: string, validate?: (value: string) => string | true, defaultValue?: string): Promise<string>
  /** a text of several lines (a pasted letter): ends with a line holding a single "." or with Ctrl-D */
  letter(message: string): Promise<string>
}

/** Prompts and menus on the terminal's stderr, so that stdout carries only the result (`triage -i --json > out`). */
export function terminalPrompter(io: IO): Prompter {
  const context = { input: io.stdin, output: io.prompts, clearPromptOnDone: false }
  const theme = promptTheme(io)
  return {
    select: (message, choices, defaultValue) =>
      select(
        { message, choices, ...(defaultValue === undefined ? {} : { default: defaultValue }), pageSize: 12, theme },
        context,
      ),
    text: (message, validate, defaultValue) =>
      input(
        {
          message,
          ...(validate ? { validate } : {}),
          ...(defaultValue === undefined ? {} : { default: defaultValue }),
          theme,
        },
        context,
      ),
    letter: (message) => readLetter(io, message),
  }
}

/**
 * How the prompts look: in the colours of the interface (none with --no-color or NO_COLOR, as every output), the keys
 * of a menu named in its language. Inquirer's own colours follow the terminal alone.
 */
function promptTheme(io: IO) {
  const c = io.color
  const keys = io.speech.t.interactive.keys
  return {
    prefix: { idle: c.blue('?'), done: c.green('✔') },
    style: {
      answer: (text: string) => c.cyan(text),
      message: (text: string) => c.bold(text),
      error: (text: string) => c.red(`> ${text}`),
      defaultAnswer: (text: string) => c.dim(`(${text})`),
      help: (text: string) => c.dim(text),
      highlight: (text: string) => c.cyan(text),
      key: (text: string) => c.cyan(c.bold(`<${text}>`)),
      disabled: (text: string) => c.dim(`- ${text}`),
      description: (text: string) => c.cyan(text),
      keysHelpTip: (pairs: [string, string][]) =>
        pairs.map(([key, action]) => `${c.bold(key)} ${c.dim(keys[action] ?? action)}`).join(c.dim(' • ')),
    },
  }
}

/**
 * The terminal echoed the last line of the letter as typed: when it holds access data (found with the line before, so
 * a value on the line after its label counts too), the line is written again with the values masked, so a password
 * does not stay on the screen. Two lines, not the letter so far: a pasted letter is read once, not once a line.
 */
function maskEchoedLine(io: IO, lines: readonly string[]): void {
  const text = lines.slice(-2).join('\n')
  const line = lines[lines.length - 1] as string
  const start = text.length - line.length
  const spans = findSecrets(text)
    .filter((s) => s.end > start)
    .map((s) => ({ ...s, start: Math.max(s.start, start) - start, end: s.end - start }))
  if (!spans.length) return
  const columns = (io.prompts as { columns?: number }).columns || 80
  // the prompt's two spaces and the line, as the terminal wrapped them
  const rows = Math.max(1, Math.ceil((PROMPT.length + line.length) / columns))
  io.prompts.write(`\x1b[${rows}A\r\x1b[J${PROMPT}${maskSecrets(line, spans)}\n`)
}

/** The line that ends a letter typed or pasted at the prompt. */
export const END_OF_LETTER = '.'

/** What stands before each line of a letter being typed. */
const PROMPT = '  '

function readLetter(io: IO, message: string): Promise<string> {
  io.prompts.write(`? ${message}\n  ${io.speech.t.interactive.letterHint(END_OF_LETTER)}\n`)
  const rl = createInterface({ input: io.stdin, output: io.prompts, terminal: true, prompt: PROMPT })
  const lines: string[] = []
  return new Promise((resolve, reject) => {
    let done = false
    const finish = () => {
      if (done) return
      done = true
      rl.close()
      resolve(lines.join('\n'))
    }
    rl.on('line', (line) => {
      if (line.trim() === END_OF_LETTER) finish()
      else {
        lines.push(line)
        maskEchoedLine(io, lines)
        rl.prompt()
      }
    })
    rl.on('close', finish)
    rl.on('SIGINT', () => {
      done = true
      rl.close()
      reject(new CancelledError('cancelled'))
    })
    rl.prompt()
  })
}
