import { PassThrough } from 'node:stream'
import { Chalk } from 'chalk'
import type { IO } from '../../src/cli/io.js'
import { ENGLISH_SPEECH } from '../../src/cli/messages/index.js'

/**
 * An IO for tests: stdout and stderr recorded, no terminal, no colour, no prompts, English; `overrides` replace any
 * part (a terminal's columns, a stderr stream that records what a progress bar draws).
 */
export function recordingIO(overrides: Partial<IO> = {}) {
  let stdout = ''
  let stderr = ''
  const io: IO = {
    out: (t) => {
      stdout += t
    },
    err: (t) => {
      stderr += t
    },
    isStdoutTTY: false,
    canPrompt: false,
    isStdinTTY: false,
    color: new Chalk({ level: 0 }),
    columns: 80,
    stdin: new PassThrough(),
    stdout: new PassThrough(),
    prompts: new PassThrough(),
    showsProgress: false,
    speech: ENGLISH_SPEECH,
    ...overrides,
  }
  return { io, stdout: () => stdout, stderr: () => stderr }
}
