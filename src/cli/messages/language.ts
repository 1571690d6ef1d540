import { UsageError } from '../../errors.js'

export const LANGUAGES = ['ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value)
}

/**
 * The interface language (README.md, "Language"): --lang, else config `lang`, else the locale as POSIX orders it
 * (LC_ALL over LC_MESSAGES over LANG: the first one set decides); Russian for a locale starting with `ru`, English
 * otherwise (`C`, `POSIX`, `en_US.UTF-8`, none).
 */
export function languageOf(argv: readonly string[], env: NodeJS.ProcessEnv, configured: string | undefined): Language {
  const given = langOption(argv)
  if (given !== undefined) {
    if (!isLanguage(given)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}, got "${given}"`)
    return given
  }
  if (configured !== undefined && isLanguage(configured)) return configured
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^ru([_.@-]|$)/i.test(locale) ? 'ru' : 'en'
}

/** `--lang ru` or `--lang=ru` anywhere before `--` (commander parses it again, for help and errors) */
function langOption(argv: readonly string[]): string | undefined {
  let found: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') break
    if (arg === '--lang') found = argv[i + 1] ?? ''
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length)
  }
  return found
}
