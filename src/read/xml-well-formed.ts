// A linear check that an XML part is well formed, before SheetJS sees it. SheetJS reads workbook XML with regular
// expressions that assume it: given an unclosed <table:table-row>, its ODS reader scans the rest of the document again
// for each cell, and an 11 KB .ods ran past 60 s (fuzz seed 31). Every program that writes workbooks writes well-formed
// XML, so a part that is not is damaged, and is refused in one pass instead of being parsed.

/** Deeper than any workbook part (they nest about a dozen elements); a parser's recursion is never tried past it. */
export const MAX_XML_DEPTH = 256;

/** Why a part is not well formed, or undefined when it is. */
export function xmlProblem(xml: string): string | undefined {
  const open: string[] = [];
  let roots = 0;
  let at = xml.indexOf('<');
  while (at >= 0) {
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at + 4);
      if (end < 0) return 'unclosed comment';
      at = xml.indexOf('<', end + 3);
      continue;
    }
    if (xml.startsWith('<![CDATA[', at)) {
      const end = xml.indexOf(']]>', at + 9);
      if (end < 0) return 'unclosed CDATA';
      at = xml.indexOf('<', end + 3);
      continue;
    }
    if (xml.startsWith('<?', at)) {
      const end = xml.indexOf('?>', at + 2);
      if (end < 0) return 'unclosed processing instruction';
      at = xml.indexOf('<', end + 2);
      continue;
    }
    if (xml.startsWith('<!', at)) {
      // A DOCTYPE, its internal subset in brackets.
      const end = declarationEnd(xml, at + 2);
      if (end < 0) return 'unclosed declaration';
      at = xml.indexOf('<', end + 1);
      continue;
    }
    const end = tagEnd(xml, at + 1);
    if (end < 0) return 'unclosed tag';
    if (xml[at + 1] === '/') {
      const name = xml.slice(at + 2, end).trim();
      if (open.pop() !== name) return `</${name.slice(0, 40)}> closes nothing open`;
    } else {
      const selfClosing = xml[end - 1] === '/';
      const name = /^[^\s/>]+/.exec(xml.slice(at + 1, Math.min(end, at + 200)))?.[0];
      if (!name) return 'a tag without a name';
      if (open.length === 0 && ++roots > 1) return 'more than one root element';
      if (!selfClosing) {
        open.push(name);
        if (open.length > MAX_XML_DEPTH) return `elements nested over ${MAX_XML_DEPTH} deep`;
      }
    }
    at = xml.indexOf('<', end + 1);
  }
  return open.length > 0 ? `<${(open.at(-1) ?? '').slice(0, 40)}> never closed` : undefined;
}

/** The index of the `>` ending a tag that starts before `from`, quotes in attribute values skipped; -1 if none. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i;
    else if (ch === '<') return -1;
  }
  return -1;
}

/** The `>` ending a `<!…>` declaration, an internal subset in [ ] and quoted strings skipped; -1 if none. */
function declarationEnd(xml: string, from: number): number {
  let quote = '';
  let brackets = 0;
  for (let i = from; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '[') brackets++;
    else if (ch === ']') brackets--;
    else if (ch === '>' && brackets <= 0) return i;
  }
  return -1;
}
