// PDFs written by hand with Chinese text a reader can extract: a Type0 font (Identity-H, two bytes a character) whose
// ToUnicode map gives each code its character, no font program embedded (pdfjs extracts the text all the same). A page
// is either runs of text placed at their points or a content stream written by the caller (a drawing in a loop).
import { deflateSync } from 'node:zlib';

export interface PdfRun {
  x: number;
  /** From the bottom of the page, as PDF has it. */
  y: number;
  size: number;
  text: string;
}

/** A page: runs of text, or a content stream made with `code`, which turns text into the font's hex string. */
export type PdfPage = readonly PdfRun[] | ((code: (text: string) => string) => string);

export function makeCjkPdf(
  pages: readonly PdfPage[],
  /** Many more pages after these that all draw one content stream (5,000 pages in a few kB). */
  options: { shared?: { pages: number; content: (code: (text: string) => string) => string } } = {},
): Buffer {
  const codes = new Map<string, number>();
  const code = (text: string) =>
    `<${[...text]
      .map((character) => {
        let id = codes.get(character);
        if (id === undefined) {
          id = codes.size + 1;
          codes.set(character, id);
        }
        return id.toString(16).padStart(4, '0');
      })
      .join('')}>`;
  const shared = options.shared ? options.shared.content(code) : undefined;
  const contents = pages.map((page) =>
    typeof page === 'function'
      ? page(code)
      : `BT ${page.map((run) => `/F1 ${run.size} Tf 1 0 0 1 ${run.x} ${run.y} Tm ${code(run.text)} Tj`).join(' ')} ET`,
  );
  const pairs = [...codes].map(
    ([character, id]) =>
      `<${id.toString(16).padStart(4, '0')}> <${Buffer.from(character, 'utf16le').swap16().toString('hex')}>`,
  );
  let cmap =
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange\n';
  for (let i = 0; i < pairs.length; i += 100) {
    const part = pairs.slice(i, i + 100);
    cmap += `${part.length} beginbfchar\n${part.join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap CMapName currentdict /CMap defineresource pop end end';

  const objects: (string | Buffer)[] = [];
  const add = (object: string | Buffer) => objects.push(object);
  const stream = (data: string) => {
    const deflated = deflateSync(Buffer.from(data, 'latin1'), { level: 9 });
    return Buffer.concat([
      Buffer.from(`<< /Length ${deflated.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      deflated,
      Buffer.from('\nendstream', 'latin1'),
    ]);
  };
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add(''); // the page tree, once the pages are numbered
  const toUnicode = add(stream(cmap));
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /CIDToGIDMap /Identity >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
  );
  const kids: number[] = [];
  const addPage = (contentObject: number) =>
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${contentObject} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`,
    );
  for (const content of contents) kids.push(addPage(add(stream(content))));
  if (shared !== undefined && options.shared) {
    const contentObject = add(stream(shared));
    for (let i = 0; i < options.shared.pages; i++) kids.push(addPage(contentObject));
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((kid) => `${kid} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  return assemble(objects);
}

/** Numbers the objects, then writes the cross-reference table and trailer. */
export function assemble(objects: readonly (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((object, index) => {
    offsets.push(length);
    const body = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`, 'latin1'),
      typeof object === 'string' ? Buffer.from(object, 'latin1') : object,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    parts.push(body);
    length += body.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
    'trailer',
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    'startxref',
    String(length),
    '%%EOF',
    '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

/**
 * A published report's plain text (TAB between table cells) laid out on A4 pages: paragraphs wrapped at 40 characters,
 * a table row's label at the left and its figures in columns 34 points apart, as a printed table stands.
 */
export function layOutText(text: string): PdfRun[][] {
  const pages: PdfRun[][] = [];
  let runs: PdfRun[] = [];
  let y = 800;
  const next = () => {
    y -= 14;
    if (y < 40) {
      pages.push(runs);
      runs = [];
      y = 800;
    }
  };
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const cells = line.split('\t').filter((cell) => cell.trim() !== '');
    if (cells.length > 1) {
      cells.forEach((cell, i) => {
        runs.push({ x: i === 0 ? 40 : 250 + (i - 1) * 34, y, size: 8, text: cell.trim().slice(0, i === 0 ? 26 : 8) });
      });
      next();
      continue;
    }
    for (let at = 0; at < line.length; at += 40) {
      runs.push({ x: 40, y, size: 10, text: line.slice(at, at + 40).trim() });
      next();
    }
  }
  if (runs.length) pages.push(runs);
  return pages;
}
