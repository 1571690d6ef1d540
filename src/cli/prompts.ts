import { createInterface } from 'node:readline'
import { input, select } from '@inquirer/prompts'
import { CancelledError } from '../errors.js'
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
  return {
    select: (message, choices, defaultValue) =>
      select(
        { message, choices, ...(defaultValue === undefined ? {} : { default: defaultValue }), pageSize: 12 },
        context,
      ),
    text: (message, validate, defaultValue) =>
      input(
        {
          message,
          ...(validate ? { validate } : {}),
          ...(defaultValue === undefined ? {} : { default: defaultValue }),
        },
        context,
      ),
    letter: (message) => readLetter(io, message),
  }
}

/** The line that ends a letter typed or pasted at the prompt. */
export const END_OF_LETTER = '.'

function readLetter(io: IO, message: string): Promise<string> {
  io.prompts.write(
    `? ${message}\n  (paste or type it; finish with a line holding a single "${END_OF_LETTER}", or Ctrl-D)\n`,
  )
  const rl = createInterface({ input: io.stdin, output: io.prompts, terminal: true, prompt: '  ' })
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
