import { shippedReplies } from '../../triage/reply.js'
import type { IO } from '../io.js'

/**
 * The required information a request lacks, as a person reads it: in Russian by the names the reply drafts use
 * (regulations/replies/ru.yaml, `items`: «номер лицензионного ключа»), in English by its ids (license_key), as
 * `--json` gives them.
 */
export function informationItems(ids: readonly string[], io: IO): string {
  if (io.speech.lang !== 'ru') return ids.join(', ')
  const names = shippedReplies().items as Record<string, string>
  // «адрес страницы, на которой видна проблема» has a comma of its own: the items are parted by semicolons
  return ids.map((id) => names[id] ?? id).join('; ')
}
