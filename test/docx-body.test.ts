// The hand-written parts of the DOCX writer: the zip container and the body serialised from the layout tree.
import { getEdition } from '../src/editions';
import { readZip, writeZip, zipEntry } from '../src/output/zip';
import type { TableBlock } from '../src/render/document-tree';
import { type BodyLook, columnTwips, documentBody, tableXml, xmlText } from '../src/render/docx-body';
import { layoutReport } from '../src/render/layout';
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
    expect(readZip(zip).map((entry) => [entry.name, entry.content.toString('utf8')])).toEqual(
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
