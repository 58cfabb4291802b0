// A linear check that an XML part is well formed, before SheetJS sees it. SheetJS reads workbook XML with regular
// expressions that assume it: given an unclosed <table:table-row>, its ODS reader scans the rest of the document again
// for each cell, and an 11 KB .ods ran past 60 s (fuzz seed 31). Every program that writes workbooks writes well-formed
// XML, so a part that is not is damaged, and is refused in one pass instead of being parsed.

/** Deeper than any workbook part (they nest about a dozen elements); a parser's recursion is never tried past it. */
export const MAX_XML_DEPTH = 256;

const LESS_THAN = 0x3c;
const GREATER_THAN = 0x3e;
const SLASH = 0x2f;
const EXCLAMATION = 0x21;
const QUESTION = 0x3f;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** XML's blanks (#x20, #x9, #xD, #xA), which end a name as `/` and `>` do. */
const isBlank = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

const bytesOf = (text: string) => new TextEncoder().encode(text);
const COMMENT = bytesOf('<!--');
const COMMENT_END = bytesOf('-->');
const CDATA = bytesOf('<![CDATA[');
const CDATA_END = bytesOf(']]>');
const INSTRUCTION_END = bytesOf('?>');

/**
 * Why a part is not well formed, or undefined when it is. It runs on every part of every workbook read, so it scans
 * the bytes as they are: every mark it looks for is ASCII, and no byte of a multi-byte UTF-8 character is, so the
 * bytes say what the decoded text would, without decoding 100 KB of text a workbook.
 */
export function xmlProblem(xml: string | Uint8Array): string | undefined {
  // A plain view: a Node Buffer's own indexOf costs a call into C++ for each search, the typed array's does not.
  const bytes = typeof xml === 'string' ? bytesOf(xml) : new Uint8Array(xml.buffer, xml.byteOffset, xml.byteLength);
  const text = (from: number, to: number) => new TextDecoder().decode(bytes.subarray(from, to)).trim().slice(0, 40);
  /** Where each open element's name starts and ends. */
  const open: [number, number][] = [];
  let roots = 0;
  let at = bytes.indexOf(LESS_THAN);
  while (at >= 0) {
    const next = bytes[at + 1];
    if (next === EXCLAMATION || next === QUESTION) {
      let after: number;
      if (startsWith(bytes, COMMENT, at)) {
        const end = find(bytes, COMMENT_END, at + 4);
        if (end < 0) return 'unclosed comment';
        after = end + 3;
      } else if (startsWith(bytes, CDATA, at)) {
        const end = find(bytes, CDATA_END, at + 9);
        if (end < 0) return 'unclosed CDATA';
        after = end + 3;
      } else if (next === QUESTION) {
        const end = find(bytes, INSTRUCTION_END, at + 2);
        if (end < 0) return 'unclosed processing instruction';
        after = end + 2;
      } else {
        // A DOCTYPE, its internal subset in brackets.
        const end = declarationEnd(bytes, at + 2);
        if (end < 0) return 'unclosed declaration';
        after = end + 1;
      }
      at = bytes.indexOf(LESS_THAN, after);
      continue;
    }
    const end = tagEnd(bytes, at + 1);
    if (end < 0) return 'unclosed tag';
    if (next === SLASH) {
      const name = open.pop();
      if (!name || !closes(bytes, name, at + 2, end)) return `</${text(at + 2, end)}> closes nothing open`;
    } else {
      let nameEnd = at + 1;
      while (nameEnd < end && !isBlank(bytes[nameEnd] as number) && bytes[nameEnd] !== SLASH) nameEnd++;
      if (nameEnd === at + 1) return 'a tag without a name';
      if (open.length === 0 && ++roots > 1) return 'more than one root element';
      if (bytes[end - 1] !== SLASH) {
        open.push([at + 1, nameEnd]);
        if (open.length > MAX_XML_DEPTH) return `elements nested over ${MAX_XML_DEPTH} deep`;
      }
    }
    at = bytes.indexOf(LESS_THAN, end + 1);
  }
  const last = open.at(-1);
  return last ? `<${text(last[0], last[1])}> never closed` : undefined;
}

/** Whether `</…>` between `from` and `end` names the element opened at `name`, blanks allowed after the name. */
function closes(bytes: Uint8Array, [start, stop]: [number, number], from: number, end: number): boolean {
  const length = stop - start;
  if (from + length > end) return false;
  for (let i = 0; i < length; i++) if (bytes[from + i] !== bytes[start + i]) return false;
  for (let i = from + length; i < end; i++) if (!isBlank(bytes[i] as number)) return false;
  return true;
}

function startsWith(bytes: Uint8Array, mark: Uint8Array, at: number): boolean {
  for (let i = 0; i < mark.length; i++) if (bytes[at + i] !== mark[i]) return false;
  return true;
}

/** Where `mark` first occurs at or after `from`; -1 if nowhere. */
function find(bytes: Uint8Array, mark: Uint8Array, from: number): number {
  for (let at = bytes.indexOf(mark[0] as number, from); at >= 0; at = bytes.indexOf(mark[0] as number, at + 1))
    if (startsWith(bytes, mark, at)) return at;
  return -1;
}

/** The index of the `>` ending a tag that starts before `from`, quoted attribute values skipped; -1 if none. */
function tagEnd(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte === GREATER_THAN) return i;
    if (byte === LESS_THAN) return -1;
    if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) {
      i = bytes.indexOf(byte, i + 1);
      if (i < 0) return -1;
    }
  }
  return -1;
}

/** The `>` ending a `<!…>` declaration, an internal subset in [ ] and quoted strings skipped; -1 if none. */
function declarationEnd(bytes: Uint8Array, from: number): number {
  let quote = 0;
  let brackets = 0;
  for (let i = from; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (quote) {
      if (byte === quote) quote = 0;
    } else if (byte === DOUBLE_QUOTE || byte === SINGLE_QUOTE) quote = byte;
    else if (byte === 0x5b) brackets++;
    else if (byte === 0x5d) brackets--;
    else if (byte === GREATER_THAN && brackets <= 0) return i;
  }
  return -1;
}
