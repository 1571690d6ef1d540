import { input, select } from '@inquirer/prompts'
import type { IO } from './io.js'

/** The questions interactive commands ask; the only importer of inquirer. */
export interface Prompter {
  select<T extends string>(
    message: string,
    choices: { value: T; name: string; description?: string }[],
    defaultValue?: T,
  ): Promise<T>
  text(message: string, validate?: (value: string) => string | true): Promise<string>
}

export function terminalPrompter(io: IO): Prompter {
  const context = { input: io.stdin, output: io.stdout, clearPromptOnDone: false }
  return {
    select: (message, choices, defaultValue) =>
      select(
        { message, choices, ...(defaultValue === undefined ? {} : { default: defaultValue }), pageSize: 12 },
        context,
      ),
    text: (message, validate) => input({ message, ...(validate ? { validate } : {}) }, context),
  }
}
