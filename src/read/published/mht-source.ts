// A web page saved as one file (.mht, .mhtml: "Web archive, single file" in IE, Word and WPS): a MIME message whose
// HTML part is the page. The part is found and decoded (quoted-printable or base64, then its charset); the page is
// then read as any other.

/** The HTML of a web archive, or undefined when it holds none. */
export function mhtToHtml(buffer: Buffer): string | undefined {
  // MIME headers and boundaries are ASCII; the parts' bodies are decoded from their own bytes.
  const text = buffer.toString('latin1');
  const boundary = /boundary\s*=\s*"?([^";\r\n]+)"?/i.exec(text.slice(0, 8192))?.[1];
  const parts = boundary ? text.split(`--${boundary}`).slice(1) : [text];
  for (const part of parts) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const bytes =
      encoding === 'base64'
        ? Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
        : encoding === 'quoted-printable'
          ? quotedPrintable(body)
          : Buffer.from(body, 'latin1');
    const charset = /charset\s*=\s*"?([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    const label = charset && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(charset) ? 'gb18030' : (charset ?? 'utf-8');
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      return new TextDecoder('utf-8').decode(bytes);
    }
  }
  return undefined;
}

/** Quoted-printable (RFC 2045): `=XX` is a byte, `=` at a line's end joins it to the next. */
function quotedPrintable(body: string): Buffer {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const ch = joined.charCodeAt(i);
    if (ch === 0x3d && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch & 0xff);
  }
  return Buffer.from(bytes);
}
