// WordprocessingML written by hand, the way Word and WPS save a report: tables on a grid with w:gridSpan and
// w:vMerge, rows that skip grid columns (w:gridBefore/w:gridAfter), header rows marked w:tblHeader, runs in 宋体 or
// 仿宋_GB2312. Classes hook into runs, cells and rows to add content controls, tracked changes, hidden runs and fields.
import { writeZip } from '../fuzz/zip-writer';
import { type Block, type Cell, type Grid, layout } from './grid';

export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface DocxFlavor {
  font?: string;
  /** Half-points. */
  tableSize?: number;
  /** The runs of a piece of cell text (default: one run). */
  runs?: (text: string, c: Cell) => string;
  /** The paragraphs of a cell (default: one per line of its text). */
  cellParagraphs?: (c: Cell, runs: (text: string) => string) => string;
  /** Leading grid columns a row leaves out (they must hold only continuing merges or nothing). */
  gridBefore?: (row: number, grid: Grid) => number;
  /** Extra grid columns at the right: a row either fills them with a cell of this text or skips them (w:gridAfter). */
  extraColumns?: number;
  extraCell?: (row: number, grid: Grid) => string | undefined;
  /** Extra w:trPr content of a row (w:tblHeader, w:cantSplit). */
  rowProperties?: (row: number, grid: Grid) => string;
  /** Wraps a finished w:tbl (a layout table around it, a content control). */
  wrapTable?: (xml: string, grid: Grid) => string;
  /** A paragraph's XML instead of the default. */
  paragraph?: (block: Block) => string | undefined;
  landscape?: boolean;
}

const W_NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" mc:Ignorable="w14"';

export function runXml(text: string, font = '宋体', size = 21, extra = ''): string {
  return `<w:r><w:rPr><w:rFonts w:hint="eastAsia" w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>${extra}<w:kern w:val="0"/><w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

export function paragraphXml(inner: string, jc = 'center'): string {
  return `<w:p><w:pPr><w:widowControl/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="${jc}"/></w:pPr>${inner}</w:p>`;
}

/** Column widths in twips: label columns wide, number columns narrow, summing to about the text width. */
function columnWidths(grid: Grid, width: number, total: number): number[] {
  const { slots } = layout(grid);
  const labelColumn = Array.from({ length: width }, (_, column) =>
    slots.some((row) => {
      const placed = row[column];
      return placed?.cell.role === 'label' && placed.column === column && placed.cell.colspan === 1;
    }),
  );
  const labels = labelColumn.filter(Boolean).length;
  const numberWidth = Math.floor((total * (labels ? 0.55 : 1)) / Math.max(1, width - labels));
  const labelWidth = labels ? Math.floor((total - numberWidth * (width - labels)) / labels) : 0;
  return labelColumn.map((isLabel) => (isLabel ? labelWidth : numberWidth));
}

export function docxTable(grid: Grid, flavor: DocxFlavor = {}, total = 9000): string {
  const { slots, width } = layout(grid);
  const extra = flavor.extraColumns ?? 0;
  const widths = [...columnWidths(grid, width, total - extra * 600), ...Array.from({ length: extra }, () => 600)];
  const font = flavor.font ?? '宋体';
  const size = flavor.tableSize ?? 20;
  const border =
    '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>';
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((s, w) => s + w, 0)}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${border}<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar></w:tblPr>`,
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  ];
  const runs = (c: Cell) => (text: string) => (flavor.runs ? flavor.runs(text, c) : runXml(text, font, size));
  const content = (c: Cell) => {
    if (flavor.cellParagraphs) return flavor.cellParagraphs(c, runs(c));
    const lines = c.text.split('\n');
    return lines
      .map((line) => paragraphXml(line === '' ? '' : runs(c)(line), c.role === 'label' ? 'left' : 'center'))
      .join('');
  };
  const span = (from: number, count: number) => widths.slice(from, from + count).reduce((s, w) => s + w, 0);
  grid.rows.forEach((_, r) => {
    const line = slots[r] ?? [];
    const before = flavor.gridBefore ? flavor.gridBefore(r, grid) : 0;
    const extraText = extra ? flavor.extraCell?.(r, grid) : undefined;
    const after = extra && extraText === undefined ? extra : 0;
    const trPr = `${before ? `<w:gridBefore w:val="${before}"/>` : ''}${after ? `<w:gridAfter w:val="${after}"/>` : ''}${before ? `<w:wBefore w:w="${span(0, before)}" w:type="dxa"/>` : ''}${after ? `<w:wAfter w:w="${span(width, after)}" w:type="dxa"/>` : ''}<w:trHeight w:val="360" w:hRule="atLeast"/><w:jc w:val="center"/>${flavor.rowProperties ? flavor.rowProperties(r, grid) : ''}`;
    const cells: string[] = [];
    let column = before;
    while (column < width) {
      const placed = line[column];
      if (!placed) {
        cells.push(`<w:tc><w:tcPr><w:tcW w:w="${span(column, 1)}" w:type="dxa"/></w:tcPr>${paragraphXml('')}</w:tc>`);
        column++;
        continue;
      }
      if (placed.column !== column) {
        column++;
        continue;
      }
      const c = placed.cell;
      const origin = placed.row === r;
      const merge = c.rowspan > 1 ? (origin ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>') : '';
      const gridSpan = c.colspan > 1 ? `<w:gridSpan w:val="${c.colspan}"/>` : '';
      cells.push(
        `<w:tc><w:tcPr><w:tcW w:w="${span(column, c.colspan)}" w:type="dxa"/>${gridSpan}${merge}<w:vAlign w:val="center"/></w:tcPr>${origin ? content(c) : paragraphXml('')}</w:tc>`,
      );
      column += c.colspan;
    }
    if (extraText !== undefined) {
      cells.push(
        `<w:tc><w:tcPr><w:tcW w:w="${span(width, extra)}" w:type="dxa"/>${extra > 1 ? `<w:gridSpan w:val="${extra}"/>` : ''}</w:tcPr>${paragraphXml(extraText ? runXml(extraText, font, size) : '')}</w:tc>`,
      );
    }
    out.push(`<w:tr><w:trPr>${trPr}</w:trPr>${cells.join('')}</w:tr>`);
  });
  out.push('</w:tbl>');
  const xml = out.join('');
  return flavor.wrapTable ? flavor.wrapTable(xml, grid) : xml;
}

export function docxBody(blocks: readonly Block[], flavor: DocxFlavor = {}): string {
  const font = flavor.font ?? '仿宋_GB2312';
  const parts: string[] = [];
  for (const block of blocks) {
    const custom = flavor.paragraph?.(block);
    if (custom !== undefined) {
      parts.push(custom);
      continue;
    }
    switch (block.kind) {
      case 'title':
        parts.push(
          `<w:p><w:pPr><w:spacing w:after="240"/><w:jc w:val="center"/></w:pPr>${runXml(block.text, '方正小标宋简体', 44)}</w:p>`,
        );
        break;
      case 'heading':
        parts.push(`<w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr>${runXml(block.text, '黑体', 32)}</w:p>`);
        break;
      case 'paragraph':
        parts.push(
          `<w:p><w:pPr>${block.align ? `<w:jc w:val="${block.align === 'right' ? 'right' : 'center'}"/>` : '<w:ind w:firstLine="640"/>'}<w:spacing w:line="560" w:lineRule="exact"/></w:pPr>${runXml(block.text, font, 32)}</w:p>`,
        );
        break;
      case 'table':
        if (block.caption)
          parts.push(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runXml(block.caption, font, 24)}</w:p>`);
        parts.push(docxTable(block.grid, flavor), '<w:p/>');
        break;
      case 'image':
        // The picture itself is not drawn: only the empty paragraph that held it remains.
        parts.push('<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>');
        break;
    }
  }
  return parts.join('');
}

export function docxDocument(body: string, options: { landscape?: boolean; title?: string } = {}): Buffer {
  const size = options.landscape
    ? '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="851" w:footer="992" w:gutter="0"/>'
    : '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>';
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W_NS}><w:body>${body}<w:sectPr>${size}<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="312"/></w:sectPr></w:body></w:document>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体" w:hAnsi="Times New Roman" w:cs="Times New Roman"/><w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="22"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style><w:style w:type="table" w:default="1" w:styleId="a1"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>`;
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    'word/document.xml': document,
    'word/styles.xml': styles,
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(options.title ?? '')}</dc:title><dc:creator>Administrator</dc:creator><cp:lastModifiedBy>Administrator</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2024-01-15T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-18T02:30:00Z</dcterms:modified></cp:coreProperties>`,
    'docProps/app.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>`,
  };
  return writeZip(Object.entries(files).map(([name, text]) => ({ name, content: Buffer.from(text, 'utf8') })));
}
