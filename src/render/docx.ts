// Translates the document tree into a DOCX (the only docx import): A4, the chosen style, real Word tables with merged cells.
import {
  AlignmentType,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { pinZipTimestamps } from '../output/pin-zip-timestamps';
import type { Block, ReportDocument, TableBlock, TableCell as TreeCell } from './document-tree';
import { type DocxStyle, type DocxStyleName, docxStyles } from './docx-styles';
import { NOT_VALIDATED_NOTICE } from './layout';

const A4 = { width: 11906, height: 16838 }; // twips
const twipsPerMm = 1440 / 25.4;
const mm = (value: number) => Math.round(value * twipsPerMm);
/** Pinned, so the same input gives the same bytes (docx stamps the clock into docProps/core.xml). */
const FIXED_TIMESTAMP = '2021-09-26T00:00:00Z';

type Font = DocxStyle['body'];
/** A style's font as docx run properties: Chinese and Latin faces, size in half-points. */
const fontProperties = (font: Font, bold = false) => ({
  font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin },
  size: Math.round(font.size * 2),
  ...(font.bold || bold ? { bold: true } : {}),
});
const runOptions = (text: string, font: Font, extra: { color?: string; bold?: boolean } = {}) => ({
  text,
  ...fontProperties(font, extra.bold),
  ...(extra.color ? { color: extra.color } : {}),
});
const run = (text: string, font: Font, extra: { color?: string; bold?: boolean } = {}) =>
  new TextRun(runOptions(text, font, extra));

/** A title too long for one line breaks after the agency, as 公文 titles do, not in the middle of a word. */
function titleLines(title: string, style: DocxStyle, textWidth: number): string[] {
  const charactersPerLine = Math.floor(textWidth / (style.title.size * 20));
  const split = title.search(/\d{4}年政府信息公开工作年度报告$/);
  return title.length <= charactersPerLine || split <= 0 ? [title] : [title.slice(0, split), title.slice(split)];
}

export async function renderDocx(
  document: ReportDocument,
  styleName: DocxStyleName,
  generator: string,
): Promise<Buffer> {
  const style = docxStyles[styleName];
  const textWidth = A4.width - mm(style.margins.left) - mm(style.margins.right);
  const spacing = style.lineSpacing ? { line: style.lineSpacing * 20, lineRule: LineRuleType.EXACT } : {};
  const indent = { firstLineChars: style.indentChars * 100, firstLine: style.indentChars * style.body.size * 20 };
  const paragraph = (
    text: string,
    font: Font,
    options: { indent?: boolean; color?: string; center?: boolean; keepNext?: boolean } = {},
  ) =>
    new Paragraph({
      children: [run(text, font, options.color ? { color: options.color } : {})],
      spacing,
      ...(options.keepNext ? { keepNext: true } : {}),
      ...(options.indent === false ? {} : { indent }),
      ...(options.center ? { alignment: AlignmentType.CENTER } : { alignment: AlignmentType.JUSTIFIED }),
    });

  const children: (Paragraph | Table)[] = [
    new Paragraph({
      children: titleLines(document.title, style, textWidth).map((line, index) =>
        index === 0 ? run(line, style.title) : new TextRun({ ...runOptions(line, style.title), break: 1 }),
      ),
      alignment: AlignmentType.CENTER,
      spacing: { ...spacing, after: style.lineSpacing ? style.lineSpacing * 20 : 240 },
    }),
  ];
  if (document.notValidated) {
    children.push(
      paragraph(NOT_VALIDATED_NOTICE, { ...style.body, bold: true }, { indent: false, color: 'C00000', center: true }),
    );
  }
  for (const block of document.blocks) children.push(...renderBlock(block));

  function renderBlock(block: Block): (Paragraph | Table)[] {
    switch (block.kind) {
      case 'heading':
        // A heading never ends a page: it stays with what follows.
        return [paragraph(block.text, block.level === 1 ? style.heading1 : style.heading2, { keepNext: true })];
      case 'paragraph':
        return [paragraph(block.text, style.body)];
      case 'table':
        return [renderTable(block, textWidth), new Paragraph({ children: [], spacing: { after: 120 } })];
    }
  }

  const [before, after] = style.pageNumber.format('#');
  const doc = new Document({
    styles: {
      paragraphStyles: [
        {
          id: 'TableText',
          name: 'Table Text',
          run: fontProperties(style.table),
          paragraph: { spacing: { line: 240 } },
        },
        { id: 'TableHeader', name: 'Table Header', basedOn: 'TableText', run: fontProperties(style.table, true) },
      ],
    },
    creator: 'report',
    lastModifiedBy: 'report',
    title: document.title,
    description: generator,
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: mm(style.margins.top),
              right: mm(style.margins.right),
              bottom: mm(style.margins.bottom),
              left: mm(style.margins.left),
              footer: mm(style.margins.bottom / 2),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [before.replace('#', ''), PageNumber.CURRENT, after],
                    font: {
                      eastAsia: style.pageNumber.eastAsia,
                      ascii: style.pageNumber.latin,
                      hAnsi: style.pageNumber.latin,
                    },
                    size: Math.round(style.pageNumber.size * 2),
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  const bytes = await Packer.toBuffer(doc, false, [
    { path: 'docProps/core.xml', data: coreProperties(document.title, generator) },
  ]);
  return pinZipTimestamps(bytes);
}

function renderTable(table: TableBlock, textWidth: number): Table {
  const total = table.widths.reduce((a, b) => a + b, 0);
  const columnWidths = table.widths.map((w) => Math.floor((w / total) * textWidth));
  const widthOf = (start: number, span: number) => columnWidths.slice(start, start + span).reduce((a, b) => a + b, 0);
  // Word needs each cell's width; track which grid columns are taken by row spans from rows above.
  const occupied: number[][] = [];
  const rows = [...table.head, ...table.body].map((cells, rowIndex) => {
    const taken = occupied[rowIndex] ?? [];
    let column = 0;
    const docxCells = cells.map((cell: TreeCell) => {
      while (taken.includes(column)) column++;
      const colSpan = cell.colSpan ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      for (let r = 1; r < rowSpan; r++) {
        occupied[rowIndex + r] ??= [];
        for (let c = 0; c < colSpan; c++) occupied[rowIndex + r]?.push(column + c);
      }
      const width = widthOf(column, colSpan);
      column += colSpan;
      const numeric = cell.pointer !== undefined;
      const alignment = numeric || cell.header !== 'row' ? AlignmentType.CENTER : AlignmentType.LEFT;
      return new TableCell({
        children: [
          // The font and size come from the TableText style: a cell carries only its text.
          new Paragraph({
            style: cell.header === 'col' || cell.header === 'colgroup' ? 'TableHeader' : 'TableText',
            alignment,
            children: [new TextRun(cell.text)],
          }),
        ],
        width: { size: width, type: WidthType.DXA },
        verticalAlign: VerticalAlignTable.CENTER,
        ...(colSpan > 1 ? { columnSpan: colSpan } : {}),
        ...(rowSpan > 1 ? { rowSpan } : {}),
      });
    });
    // Header rows repeat on every page; no data row is split across pages.
    return new TableRow({ children: docxCells, tableHeader: rowIndex < table.head.length, cantSplit: true });
  });
  return new Table({
    rows,
    columnWidths,
    width: { size: textWidth, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  );

function coreProperties(title: string, generator: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:description>${escapeXml(generator)}</dc:description><dc:creator>report</dc:creator><cp:lastModifiedBy>report</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_TIMESTAMP}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_TIMESTAMP}</dcterms:modified></cp:coreProperties>`;
}
