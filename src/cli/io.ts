import type { Writable } from 'node:stream'
import { isatty } from 'node:tty'
import { Chalk, type ChalkInstance } from 'chalk'
import { ENGLISH_SPEECH, type Speech } from './messages/index.js'

/** Everything a command may write to, and what it knows about the terminal. */
export interface IO {
  out(text: string): void
  err(text: string): void
  isStdoutTTY: boolean
  /** prompts only when the agent can see and answer them: stdin and stderr are terminals */
  canPrompt: boolean
  /** stdin is a terminal: text read with "-" comes from the keyboard */
  isStdinTTY: boolean
  color: ChalkInstance
  columns: number
  /** for streaming commands (batch): raw input and output with back-pressure */
  stdin: NodeJS.ReadableStream
  stdout: Writable
  /** where prompts and menus are drawn: the terminal (stderr), so stdout carries only the result */
  prompts: Writable
  /** progress bars are drawn on `prompts`: stderr is a terminal and this is not a CI run (src/cli/output/progress.ts) */
  showsProgress: boolean
  /** the interface language's words (src/cli/messages/): set by src/cli/run.ts before the program runs */
  speech: Speech
}

export interface IOOptions {
  color?: boolean
}

export function processIO(opts: IOOptions = {}): IO {
  const isStdoutTTY = Boolean(process.stdout.isTTY)
  // no-color.org: a NO_COLOR that is set and not empty
  const noColor = opts.color === false || Boolean(process.env.NO_COLOR) || !isStdoutTTY
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    isStdoutTTY,
    canPrompt: isatty(0) && isatty(2),
    isStdinTTY: isatty(0),
    color: new Chalk({ level: noColor ? 0 : 1 }),
    columns: process.stdout.columns || 100,
    // on first use: creating process.stdin sets up a stream (and for a pipe, the network module)
    get stdin() {
      return process.stdin
    },
    stdout: process.stdout,
    prompts: process.stderr,
    showsProgress: Boolean(process.stderr.isTTY) && !process.env.CI,
    speech: ENGLISH_SPEECH,
  }
}

/** Strips control characters and ANSI escapes from text that came from users or files. */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  return text.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�')
}
