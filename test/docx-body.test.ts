// The hand-written parts of the DOCX writer: the zip container and the body serialised from the layout tree.
import { getEdition } from '../src/editions';
import type { TableBlock, TableCell } from '../src/render/document-tree';
import { type BodyLook, columnTwips, documentBody, tableXml, xmlText } from '../src/render/docx-body';
import { layoutReport } from '../src/render/layout';
import { readZip, writeZip, zipEntry } from '../src/render/zip';
import { readJsonFixture } from './helpers';

const run = '<w:rPr/>';
const look: BodyLook = {
  textWidth: 8845,
  titleSize: 22,
  bodySize: 16,
  tableSize: 10,
  cellPadding: 80,
  runProperties: {
    Title: run,
    Notice: run,
    Body: run,
    Heading1: run,
    Heading2: run,
    TableText: run,
    TableHeader: run,
    TableFigure: run,
    Signature: run,
  },
  signatureIndentChars: 4,
};

describe('the zip container', () => {
  it('reads back what it wrote, names and bytes, with one fixed timestamp', () => {
    const texts = ['<a/>', '中文 text '.repeat(500), ''];
    const zip = writeZip(texts.map((text, index) => zipEntry(`part/${index}.xml`, text)));
    expect(readZip(zip).map((entry) => [entry.name, new TextDecoder().decode(entry.content)])).toEqual(
      texts.map((text, index) => [`part/${index}.xml`, text]),
    );
    expect(writeZip(texts.map((text, index) => zipEntry(`part/${index}.xml`, text)))).toEqual(zip);
  });
});

describe('the body from the layout tree', () => {
  const tables = (id: '2019' | '2021') =>
    layoutReport(readJsonFixture(`example-${id}`), getEdition(id)).blocks.filter(
      (block): block is TableBlock => block.kind === 'table',
    );

  it.each(['2019', '2021'] as const)('%s: every row of every table covers the whole grid', (id) => {
    for (const table of tables(id)) {
      const xml = tableXml(table, look);
      const grid = (xml.match(/<w:gridCol /g) ?? []).length;
      expect(grid).toBe(table.columnCount);
      for (const row of xml.split('<w:tr>').slice(1)) {
        const spans = [
          ...row.matchAll(/<w:tc><w:tcPr><w:tcW w:w="\d+" w:type="dxa"\/>(?:<w:gridSpan w:val="(\d+)"\/>)?/g),
        ];
        expect(spans.reduce((sum, match) => sum + Number(match[1] ?? 1), 0)).toBe(grid);
      }
      // The columns fill the type area exactly, none narrower than its text.
      const widths = columnTwips(table, look);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(look.textWidth);
      table.columns.forEach((column, index) => {
        expect(widths[index]).toBeGreaterThanOrEqual(column.em * look.tableSize * 20 + look.cellPadding);
      });
    }
  });

  it('drops what XML cannot hold and escapes markup', () => {
    expect(xmlText('a<b>&c\u0000\u0008\ud800d\ufffe')).toBe('a&lt;b&gt;&amp;cd');
    const document = layoutReport({ ...readJsonFixture('example-2021'), overview: ['x\u0001<y>'] }, getEdition('2021'));
    expect(documentBody(document, look)).toContain('x&lt;y&gt;');
  });
});

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rectangle {
  row: number;
  column: number;
  rowSpan: number;
  colSpan: number;
  text: string;
}

/** A grid cut into random rectangles, filled in reading order: the shapes of merged headers and label columns. */
function randomTable(seed: number): { table: TableBlock; rectangles: Rectangle[] } {
  const next = random(seed);
  const rowCount = 1 + Math.floor(next() * 12);
  const columnCount = 1 + Math.floor(next() * 10);
  const taken = Array.from({ length: rowCount }, () => Array<boolean>(columnCount).fill(false));
  const rectangles: Rectangle[] = [];
  const rows: TableCell[][] = Array.from({ length: rowCount }, () => []);
  for (let row = 0; row < rowCount; row++) {
    for (let column = 0; column < columnCount; column++) {
      if (taken[row]?.[column]) continue;
      let colSpan = 1;
      const wantColumns = 1 + Math.floor(next() * 3);
      while (colSpan < wantColumns && column + colSpan < columnCount && !taken[row]?.[column + colSpan]) colSpan++;
      const rowSpan = Math.min(1 + Math.floor(next() * 3), rowCount - row);
      for (let r = row; r < row + rowSpan; r++)
        for (let c = column; c < column + colSpan; c++) (taken[r] as boolean[])[c] = true;
      const text = `${'格'.repeat(Math.floor(next() * 4))}${rectangles.length}`;
      rectangles.push({ row, column, rowSpan, colSpan, text });
      rows[row]?.push({
        text,
        ...(rowSpan > 1 ? { rowSpan } : {}),
        ...(colSpan > 1 ? { colSpan } : {}),
        ...(next() < 0.5 ? { pointer: `/x/${rectangles.length}` } : { header: next() < 0.5 ? 'col' : 'row' }),
      });
    }
  }
  const head = Math.floor(next() * rowCount);
  const table: TableBlock = {
    kind: 'table',
    id: 'generated',
    caption: '',
    columnCount,
    columns: Array.from({ length: columnCount }, () => ({
      em: 1 + Math.floor(next() * 6),
      grow: next() < 0.7 ? 1 : 0,
    })),
    head: rows.slice(0, head),
    body: rows.slice(head),
  };
  return { table, rectangles };
}

/** The rectangles a Word table's XML describes, read back the way Word does: cells left to right, vMerge downwards. */
function rectanglesOf(xml: string): Rectangle[] {
  const found: Rectangle[] = [];
  const open = new Map<number, Rectangle>(); // by starting column: a vertical merge still running
  xml
    .split('<w:tr>')
    .slice(1)
    .forEach((rowXml, row) => {
      let column = 0;
      for (const cell of rowXml.split('<w:tc>').slice(1)) {
        const colSpan = Number(/<w:gridSpan w:val="(\d+)"\/>/.exec(cell)?.[1] ?? 1);
        if (cell.includes('<w:vMerge/>')) {
          const above = open.get(column);
          if (!above || above.colSpan !== colSpan || above.row + above.rowSpan !== row)
            throw new Error(`row ${row}, column ${column}: a merge continues nothing above it`);
          above.rowSpan++;
        } else {
          const text = /<w:t xml:space="preserve">([^<]*)<\/w:t>/.exec(cell)?.[1] ?? '';
          const rectangle = { row, column, rowSpan: 1, colSpan, text };
          found.push(rectangle);
          if (cell.includes('<w:vMerge w:val="restart"/>')) open.set(column, rectangle);
          else open.delete(column);
        }
        column += colSpan;
      }
    });
  return found;
}

describe('tables with merged cells, generated', () => {
  it.each(Array.from({ length: 300 }, (_, index) => index + 1))(
    'seed %i: the XML read back cell by cell gives the same merged rectangles',
    (seed) => {
      const { table, rectangles } = randomTable(seed);
      const xml = tableXml(table, look);
      expect(rectanglesOf(xml)).toEqual(rectangles);
      // Header rows repeat on every page; every row stays whole.
      expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(table.head.length);
      expect((xml.match(/<w:cantSplit\/>/g) ?? []).length).toBe(
        rectangles.reduce((n, r) => Math.max(n, r.row + r.rowSpan), 0),
      );
    },
  );
});

/** XML 1.0's Char production: tab, line breaks, and everything from space up but surrogates, U+FFFE and U+FFFF. */
const isXmlChar = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  code >= 0x10000;

describe('text as XML character data, generated', () => {
  const ALPHABET = [
    'a',
    ' ',
    '1',
    '中',
    '&',
    '<',
    '>',
    '"',
    '\u0000',
    '\u0009',
    '\u000b',
    '\u001f',
    '\ud83d\ude00',
    '\ud800',
    '\udc00',
    '\ufffe',
    '\uffff',
    '\u3000',
  ];
  it('keeps every character XML can hold, escapes markup and drops the rest, over 500 strings', () => {
    const next = random(2026);
    for (let index = 0; index < 500; index++) {
      const length = Math.floor(next() * 12);
      const input = Array.from({ length }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join('');
      const output = xmlText(input);
      expect(output).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      const kept = Array.from(input)
        .filter((ch) => isXmlChar(ch.codePointAt(0) ?? 0))
        .join('');
      expect(output.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')).toBe(kept);
    }
  });
});
