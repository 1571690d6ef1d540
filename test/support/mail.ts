import iconv from 'iconv-lite'

/**
 * Raw e-mails for the tests, byte for byte as mailers write them: headers in CRLF lines, RFC 2047 encoded words,
 * bodies in a charset and a transfer encoding, multiparts. Nothing here parses: the tests read these with regdesk.
 */

export type Bytes = Buffer

/** text in a charset (iconv-lite names: utf-8, windows-1251, koi8-r, iso-8859-5) */
export function encode(text: string, charset: string): Buffer {
  return iconv.encode(text, charset)
}

/** An RFC 2047 encoded word (B: base64, Q: quoted-printable with `_` for space). */
export function word(text: string, charset: string, kind: 'B' | 'Q' = 'B'): string {
  const bytes = encode(text, charset)
  if (kind === 'B') return `=?${charset}?B?${bytes.toString('base64')}?=`
  let q = ''
  for (const b of bytes)
    q += b === 0x20 ? '_' : /[A-Za-z0-9]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `=${hex(b)}`
  return `=?${charset}?Q?${q}?=`
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0')
}

/** Quoted-printable (RFC 2045 6.7), lines kept under 76 characters with soft breaks. */
export function quotedPrintable(bytes: Buffer): string {
  const out: string[] = []
  let line = ''
  for (const b of bytes) {
    if (b === 0x0a) {
      out.push(line)
      line = ''
      continue
    }
    if (b === 0x0d) continue
    const piece = (b >= 33 && b <= 126 && b !== 61) || b === 0x20 ? String.fromCharCode(b) : `=${hex(b)}`
    if (line.length + piece.length > 75) {
      out.push(`${line}=`)
      line = ''
    }
    line += piece
  }
  out.push(line)
  return out.join('\r\n')
}

export function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')
}

export type Encoding = '7bit' | '8bit' | 'quoted-printable' | 'base64'

/** A text body in a charset and a transfer encoding, with its Content-Type and Content-Transfer-Encoding lines. */
export function textBody(
  text: string,
  opts: { charset?: string | null; encoding?: Encoding; type?: string } = {},
): { headers: string[]; body: Buffer } {
  const charset = opts.charset === undefined ? 'utf-8' : opts.charset
  const bytes = encode(text.replace(/\r?\n/g, '\r\n'), charset ?? 'windows-1251')
  const encoding = opts.encoding ?? '8bit'
  const type = `${opts.type ?? 'text/plain'}${charset ? `; charset=${charset}` : ''}`
  const body =
    encoding === 'base64'
      ? Buffer.from(base64Lines(bytes))
      : encoding === 'quoted-printable'
        ? Buffer.from(quotedPrintable(bytes))
        : bytes
  return { headers: [`Content-Type: ${type}`, `Content-Transfer-Encoding: ${encoding}`], body }
}

/** A whole message or a MIME part: header lines (strings or raw bytes), an empty line, the body. */
export function message(headers: (string | Buffer)[], body: Buffer | string): Buffer {
  const lines = headers.map((h) => (typeof h === 'string' ? Buffer.from(h) : h))
  const parts: Buffer[] = []
  for (const l of lines) parts.push(l, Buffer.from('\r\n'))
  parts.push(Buffer.from('\r\n'), typeof body === 'string' ? Buffer.from(body) : body)
  return Buffer.concat(parts)
}

/** A multipart body with its Content-Type line; `end: false` leaves out the closing boundary (a truncated letter). */
export function multipart(
  subtype: string,
  parts: Buffer[],
  opts: { boundary?: string; end?: boolean } = {},
): { headers: string[]; body: Buffer } {
  const boundary = opts.boundary ?? `=_b${subtype}${parts.length}`
  const chunks: Buffer[] = []
  for (const p of parts) chunks.push(Buffer.from(`--${boundary}\r\n`), p, Buffer.from('\r\n'))
  if (opts.end !== false) chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    headers: ['MIME-Version: 1.0', `Content-Type: multipart/${subtype}; boundary="${boundary}"`],
    body: Buffer.concat(chunks),
  }
}

/** An attachment part of `size` bytes, base64. */
export function attachment(name: string, type: string, size: number): Buffer {
  const content = Buffer.alloc(size, 0x41)
  return message(
    [
      `Content-Type: ${type}; name="${name}"`,
      'Content-Transfer-Encoding: base64',
      `Content-Disposition: attachment; filename="${name}"`,
    ],
    base64Lines(content),
  )
}

/** The usual envelope headers; `extra` come after them. */
export function envelope(
  opts: { subject?: string; from?: string; date?: string | null; id?: string | null },
  extra: string[] = [],
): string[] {
  const h: string[] = []
  if (opts.from !== undefined) h.push(`From: ${opts.from}`)
  h.push('To: support@example.ru')
  if (opts.subject !== undefined) h.push(`Subject: ${opts.subject}`)
  if (opts.date !== null) h.push(`Date: ${opts.date ?? 'Fri, 20 Nov 2026 10:15:00 +0300'}`)
  if (opts.id !== null) h.push(`Message-ID: <${opts.id ?? 'letter-1@shop.ru'}>`)
  return [...h, ...extra]
}

/** A simple letter: envelope + one text body. */
export function letter(
  opts: Parameters<typeof envelope>[0] & { text: string; charset?: string | null; encoding?: Encoding; type?: string },
): Buffer {
  const t = textBody(opts.text, opts)
  return message([...envelope(opts), 'MIME-Version: 1.0', ...t.headers], t.body)
}

/** A letter with a text and one attached file (screen.png, image/png, 3,000 bytes unless said). */
export function letterWithFile(
  opts: Parameters<typeof envelope>[0] & { text: string; file?: { name: string; type: string; size: number } },
): Buffer {
  const t = textBody(opts.text)
  const f = opts.file ?? { name: 'screen.png', type: 'image/png', size: 3000 }
  const mixed = multipart('mixed', [message(t.headers, t.body), attachment(f.name, f.type, f.size)])
  return message([...envelope(opts), ...mixed.headers], mixed.body)
}

/** An mboxrd mailbox: a `From ` line before each message, `From ` lines of bodies (and `>From `) quoted once more. */
export function mbox(messages: Buffer[]): Buffer {
  const out: Buffer[] = []
  for (const m of messages) {
    const text = m.toString('latin1').replace(/\r\n/g, '\n')
    const quoted = text.replace(/^(>*From )/gm, '>$1')
    out.push(Buffer.from(`From sender@example.ru Fri Nov 20 10:15:00 2026\n${quoted}\n\n`, 'latin1'))
  }
  return Buffer.concat(out)
}
