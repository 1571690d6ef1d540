/** Letters of the scripts requests are written in: Latin (with its accented letters) and Cyrillic. */
const LETTERS = String.raw`a-zA-Z\u00C0-\u024F\u0400-\u052F`
const DIGITS = '0-9'

/**
 * A RegExp in which `\p{L}` and `\p{N}` stand for the letters and digits of Latin and Cyrillic
 * text. V8 takes about 2 ms to compile each Unicode property class; across the triage's patterns
 * that was a third of a `regdesk triage` run, while requests in Russian and English need no other
 * script.
 */
export function scriptRegExp(source: string, flags = ''): RegExp {
  const converted = scriptRegExpSource(source, flags)
  return new RegExp(converted.source, converted.flags)
}

/** What scriptRegExp would construct, without constructing it (the lexicon's compiler checks it first). */
export function scriptRegExpSource(source: string, flags = ''): { source: string; flags: string } {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string
    if (ch === '\\') {
      const property = /^p\{([LN])\}/.exec(source.slice(i + 1, i + 5))
      if (property) {
        const set = property[1] === 'L' ? LETTERS : DIGITS
        out += inClass ? set : `[${set}]`
        i += 4
      } else {
        out += source.slice(i, i + 2)
        i++
      }
      continue
    }
    if (ch === '[' && !inClass) inClass = true
    else if (ch === ']' && inClass) inClass = false
    out += ch
  }
  // without \p{…} left, the unicode flag only makes V8 compile surrogate-pair handling for every
  // class and lookbehind; requests are BMP text, where both modes match alike
  return { source: out, flags: /\\[pPu]\{/.test(out) ? flags : flags.replace('u', '') }
}
