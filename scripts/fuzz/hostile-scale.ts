// The hostile inputs of issue 22: lists and strings of a valid report grown to 10⁵–10⁶ (each the shape of a failure
// once seen: a stack overflow, 13 s and 780 MB for one file), and reports whose agency, text or figures carry terminal
// control characters. Each is made by code from the seeds; the fuzzer runs every one through `validate`, `import`,
// `build` and `convert` as whole processes (processes.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { openZip } from '../../src/read/zip-container';
import type { HostileCase } from './hostile';
import { layOutText, makeCjkPdf } from './pdf-writer';
import { makePdfDrawing, type Seed } from './seeds';
import { writeZip } from './zip-writer';

/**
 * What a hostile report puts in its agency: OSC 52 (sets the clipboard), clear screen, concealed text, a right-to-left
 * override, a C1 CSI (U+009B) and a newline. None of it may reach the terminal raw.
 */
export const CONTROLS = '\u001b]52;c;ZWNobyBoaQ==\u0007\u001b[2J\u001b[8m\u202e\u009b31m\n';

/** Forty figures in ten columns, as a table's body stands: enough for a reader to look for a table on the page. */
const FIGURES = Array.from(
  { length: 40 },
  (_, i) => `BT /F1 8 Tf ${50 + (i % 10) * 50} ${700 - ((i / 10) | 0) * 12} Td (${i}) Tj ET\n`,
).join('');

export interface NamedHostile extends HostileCase {
  group: 'scale' | 'control';
}

const file =
  (name: string, bytes: Buffer | string) =>
  (dir: string): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

export function scaledHostileCases(seeds: readonly Seed[]): NamedHostile[] {
  const seed = (name: string) => seeds.find((candidate) => candidate.name === name)?.bytes ?? Buffer.alloc(0);
  const text = seed('published.txt').toString('utf8');
  const page = seed('published.html').toString('utf8');
  const model = () => JSON.parse(seed('example-2021.json').toString('utf8')) as Record<string, unknown>;
  const json = (edit: (model: Record<string, unknown>) => void) => {
    const value = model();
    edit(value);
    return JSON.stringify(value);
  };
  const firstRowEnd = page.indexOf('</tr>') + '</tr>'.length;
  const scale: NamedHostile[] = [
    {
      name: 'text with a line of 200,000 |',
      make: file('pipes.txt', `${text}\n${'|'.repeat(200_000)}\n`),
    },
    {
      name: 'text with a row of 200,000 | after its label',
      make: file(
        'pipes-row.txt',
        text.replace(/^(.*?)\t.*$/m, (_, label: string) => `${label}${'|'.repeat(200_000)}`),
      ),
    },
    { name: 'page of 140,000 <tr> (560 kB)', make: file('rows-140k.html', `<table>${'<tr>'.repeat(140_000)}</table>`) },
    {
      name: 'report page with 140,000 <tr> in a table of its own',
      make: file('report-rows-140k.html', page.replace('</body>', `<table>${'<tr>'.repeat(140_000)}</table></body>`)),
    },
    {
      name: 'report page with 140,000 empty rows after its first row',
      make: file(
        'report-rows-after.html',
        page.slice(0, firstRowEnd) + '<tr></tr>'.repeat(140_000) + page.slice(firstRowEnd),
      ),
    },
    {
      name: 'report page with a row of 100,000 cells',
      make: file(
        'report-cells-100k.html',
        page.slice(0, firstRowEnd - 5) + '<td>1</td>'.repeat(100_000) + page.slice(firstRowEnd - 5),
      ),
    },
    {
      name: 'PDF drawing 130,000 tiny lines in a loop after a heading',
      make: file(
        'tiny-lines.pdf',
        makeCjkPdf([
          ...layOutText(text),
          (code) =>
            `BT /F1 10 Tf 1 0 0 1 40 820 Tm ${code('三、收到和处理政府信息公开申请情况')} Tj /F1 0.005 Tf 0.006 TL 1 0 0 1 40 800 Tm ${`${code('1')} ' `.repeat(130_000)}ET`,
        ]),
      ),
    },
    {
      name: 'PDF drawing 130,000 tiny lines in a loop (6 kB)',
      make: file(
        'tiny-lines-ascii.pdf',
        makePdfDrawing(`BT /F1 0.01 Tf 0.01 TL 40 800 Td ${"(1) ' ".repeat(130_000)}ET`),
      ),
    },
    // The shapes as issue 22's own tests write them (test/safe-reading.test.ts on main).
    {
      name: 'text of a heading and one row of 200,000 |',
      make: file('heading-pipes.txt', `二、主动公开政府信息情况\n${'|'.repeat(200_000)}\n`),
    },
    {
      name: 'page of a heading and 140,000 rows of one figure',
      make: file(
        'heading-rows-140k.html',
        `<html><body><h2>三、收到和处理政府信息公开申请情况</h2><table>${'<tr><td>1</td></tr>'.repeat(140_000)}</table></body></html>`,
      ),
    },
    {
      name: 'PDF page of 130,000 tiny line segments among figures',
      make: file(
        'segments-130k.pdf',
        makePdfDrawing(
          Array.from(
            { length: 130_000 },
            (_, i) => `${i % 500} ${(i / 500) | 0} m ${(i % 500) + 1} ${(i / 500) | 0} l S\n`,
          ).join('') + FIGURES,
        ),
      ),
    },
    { name: 'PDF of 5,000 pages of figures', make: file('pages-5000.pdf', makePdfDrawing(FIGURES, { pages: 5000 })) },
    {
      name: 'JSON with 200,000 paragraphs (valid)',
      make: file(
        'paragraphs-200k.json',
        json((value) => {
          value.overview = Array.from({ length: 200_000 }, (_, i) => `第${i + 1}段。`);
        }),
      ),
    },
    {
      name: 'JSON whose overview holds 400,000 numbers',
      make: file(
        'overview-400k-numbers.json',
        json((value) => {
          value.overview = Array.from({ length: 400_000 }, (_, i) => i);
        }),
      ),
    },
    {
      name: 'JSON with 100,000 objects where a count goes',
      make: file(
        'count-objects.json',
        json((value) => {
          const requests = value.requests as Record<string, Record<string, unknown>>;
          if (requests.newReceived) requests.newReceived.natural = Array.from({ length: 100_000 }, () => ({}));
        }),
      ),
    },
    {
      name: 'JSON with an agency of 10^6 characters',
      make: file(
        'agency-1m.json',
        json((value) => {
          value.agency = '局'.repeat(1_000_000);
        }),
      ),
    },
    {
      name: 'DOCX with 100,000 paragraphs',
      make: file('paragraphs-100k.docx', docxParagraphs(seed('example-2021.docx'))),
    },
    { name: 'xlsx with 100,000 rows', make: file('rows-100k.xlsx', xlsxRows(seed('example-2021.xlsx'), 100_000)) },
    {
      name: 'ods asking for 10^6 repeated rows',
      make: file('repeated-rows.ods', odsRepeated(seed('example-2021.ods'))),
    },
  ].map((entry) => ({ ...entry, group: 'scale' as const }));

  const xlsx = XLSX.read(seed('example-2021.xlsx'), { type: 'buffer' });
  const intro = xlsx.Sheets[xlsx.SheetNames[0] as string];
  if (intro) intro.B3 = { t: 's', v: `某市${CONTROLS}商务局` };
  const requests = xlsx.Sheets[xlsx.SheetNames[3] as string];
  const firstCount = requests
    ? Object.keys(requests).find((address) => !address.startsWith('!') && requests[address]?.t === 'n')
    : undefined;
  if (requests && firstCount) requests[firstCount] = { t: 's', v: '\u001b[2J5' };
  const controlPage = page
    .replace(/<title>/, `<title>某市\u001b]52;c;ZWNobyBoaQ==\u0007&#x1b;[2J\u202e`)
    .replace('某市商务局', `某市${CONTROLS}商务局`)
    .replace(/(<td\b[^>]*>)(\d+)(<\/td>)/, '$1\u001b[8m$2$3');
  const control: NamedHostile[] = [
    {
      name: 'JSON whose agency holds terminal controls',
      make: file(
        'controls-agency.json',
        json((value) => {
          value.agency = `某市${CONTROLS}商务局`;
        }),
      ),
    },
    {
      name: 'JSON whose counts hold terminal controls',
      make: file(
        'controls-count.json',
        json((value) => {
          const requests = value.requests as Record<string, Record<string, unknown>>;
          if (requests.newReceived) {
            requests.newReceived.natural = '\u001b[2J5';
            requests.newReceived.commercial = `${CONTROLS}1`;
          }
          value.year = `\u001b[8m${CONTROLS}`;
        }),
      ),
    },
    { name: 'page whose title, agency and a figure hold terminal controls', make: file('controls.html', controlPage) },
    {
      name: 'text whose title and a figure hold terminal controls',
      make: file(
        'controls.txt',
        text.replace('某市商务局', `某市${CONTROLS.replace('\n', '')}商务局`).replace(/\t(\d+)\t/, '\t\u001b[2J$1\t'),
      ),
    },
    {
      name: 'workbook whose agency and a count hold terminal controls',
      make: file('controls.xlsx', XLSX.write(xlsx, { type: 'buffer', bookType: 'xlsx' }) as Buffer),
    },
    {
      name: 'DOCX whose agency holds terminal controls',
      make: file('controls.docx', docxAgency(seed('example-2021.docx'))),
    },
  ].map((entry) => ({ ...entry, group: 'control' as const }));
  return [...scale, ...control];
}

type Entries = { name: string; content: Buffer }[];
const entriesOf = (bytes: Buffer): Entries =>
  [...openZip(bytes, 'seed')].map(([name, content]) => ({ name, content: content as Buffer }));

function editEntry(bytes: Buffer, name: string, edit: (xml: string) => string): Buffer {
  const entries = entriesOf(bytes);
  for (const entry of entries)
    if (entry.name === name) entry.content = Buffer.from(edit(entry.content.toString('utf8')));
  return writeZip(entries);
}

function docxParagraphs(docx: Buffer): Buffer {
  return editEntry(docx, 'word/document.xml', (xml) => {
    const paragraph = /<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/.exec(xml);
    if (!paragraph) return xml;
    const at = paragraph.index + paragraph[0].length;
    const short = '<w:p><w:r><w:t>段落</w:t></w:r></w:p>';
    return xml.slice(0, at) + short.repeat(100_000) + xml.slice(at);
  });
}

function docxAgency(docx: Buffer): Buffer {
  // Raw controls are not allowed in XML 1.0, so a reader may refuse the file; character references are the other way.
  return editEntry(docx, 'word/document.xml', (xml) =>
    xml.replace('某市商务局', `某市${CONTROLS}商务局`).replace('某市商务局', '某市&#x202E;&#x9B;31m商务局'),
  );
}

function xlsxRows(xlsx: Buffer, rows: number): Buffer {
  return editEntry(xlsx, 'xl/worksheets/sheet4.xml', (xml) => {
    const parts: string[] = [];
    for (let i = 0; i < rows; i++) {
      const r = 200 + i;
      parts.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>合计</t></is></c><c r="B${r}"><v>1</v></c></row>`);
    }
    return xml.replace('</sheetData>', `${parts.join('')}</sheetData>`);
  });
}

function odsRepeated(ods: Buffer): Buffer {
  return editEntry(ods, 'content.xml', (xml) => {
    // The last row of the figures' sheet, asked for a million times.
    const at = xml.lastIndexOf('<table:table-row>');
    if (at < 0) return xml;
    return `${xml.slice(0, at)}<table:table-row table:number-rows-repeated="1000000">${xml.slice(at + '<table:table-row>'.length)}`;
  });
}
