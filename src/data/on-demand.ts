import { createRequire } from 'node:module'

/**
 * Libraries a command loads only when it needs them (docs/ARCHITECTURE.md, "Start-up"). With the shipped zones'
 * offset tables built in, most commands never need luxon, and loading it is a tenth of their start-up. Loaded with
 * require: the bundled program runs as a vm.Script, which has no `import()`.
 */
const nodeRequire = createRequire(import.meta.url)

let luxonModule: typeof import('luxon') | undefined

export function luxon(): typeof import('luxon') {
  luxonModule ??= nodeRequire('luxon') as typeof import('luxon')
  return luxonModule
}

type PostalMime = typeof import('postal-mime').default
let postalMimeModule: PostalMime | undefined

/** The MIME parser, for the commands that read e-mail (src/mail/message.ts). */
export function postalMime(): PostalMime {
  postalMimeModule ??= nodeRequire('postal-mime') as PostalMime
  return postalMimeModule
}

/** postal-mime's decoder of RFC 2047 encoded words (=?charset?B|Q?…?=) in a header value. */
export function decodeMailWords(value: string): string {
  return (postalMime() as unknown as { decodeWords: (value: string) => string }).decodeWords(value)
}
