// Word and WPS documents (.docx written here as OOXML): the official template's tables, rows that skip grid columns,
// nested and split tables, content controls, tracked changes, hidden runs and fields. Truth is what Word shows: the
// grid decides columns, deleted and hidden text and field codes are not shown, a field's result is.
import { reportBlocks } from './document';
import { type DocxFlavor, docxBody, docxDocument, escapeXml, paragraphXml, runXml } from './docx';
import { type Block, copyGrid, type Grid, layout, splitGrid, truthOfBlocks } from './grid';
import { between, chance, pick, type Random, type Report, titleOf } from './random-report';
import type { Draft, WorldClass } from './sample';
import { officialTables } from './standard';
import { punctuationVariant } from './tables';

export function wordFile(
  blocks: readonly Block[],
  flavor: DocxFlavor,
  report: Report,
  title = titleOf(report),
): Buffer {
  return docxDocument(docxBody(blocks, flavor), { title, ...(flavor.landscape ? { landscape: true } : {}) });
}

const docx = (bytes: Buffer, truth: Map<string, number>, agency: string, extra: Partial<Draft> = {}): Draft => ({
  ext: 'docx',
  bytes,
  truth,
  agency,
  ...extra,
});

export function officialWord(random: Random, report: Report): { blocks: Block[]; flavor: DocxFlavor } {
  const blocks = reportBlocks(report, officialTables(random, report, { proactive: 'one-table' }));
  return { blocks, flavor: { font: pick(random, ['宋体', '仿宋_GB2312']), tableSize: pick(random, [18, 20, 21]) } };
}

const officialTemplate: WorldClass = {
  name: 'word-official-template',
  about:
    'the official Word template filled in: 二 one table, 三 with vMerge label columns, 四 with three header rows; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const { blocks, flavor } = officialWord(random, report);
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

/** Leading slots of a row that only continue merges from above (a row may skip them with w:gridBefore). */
function continuingLead(grid: Grid, row: number): number {
  const { slots } = layout(grid);
  const line = slots[row] ?? [];
  let count = 0;
  while (count < line.length) {
    const placed = line[count];
    if (placed && placed.row !== row && placed.column === count) count += placed.cell.colspan;
    else break;
  }
  return count;
}

const gridBeforeAfter: WorldClass = {
  name: 'word-grid-before-after',
  about:
    '三 without the 勾稽关系 corner: header rows start at grid column 3 (w:gridBefore=3, w:wBefore), result rows skip merged label columns with w:gridBefore instead of vMerge, rows end with w:gridAfter beside a 备注 column; truth follows the grid',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report, { proactive: 'one-table', requests: { noNote: true } });
    const blocks = reportBlocks(report, tables);
    const requests = tables.requests[0] as Grid;
    const flavor: DocxFlavor = {
      font: '宋体',
      gridBefore: (row, grid) => {
        if (grid !== requests) return 0;
        if (row < grid.headerRows) return 3;
        return chance(random, 0.8) ? continuingLead(grid, row) : 0;
      },
      extraColumns: 1,
      extraCell: (row, grid) => (grid !== requests ? '' : row === 0 ? '备注' : undefined),
    };
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

const nestedLayout: WorldClass = {
  name: 'word-nested-layout',
  about:
    'the whole report inside a layout table (a one-row table with margin columns), so every report table is nested in a cell; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const { blocks, flavor } = officialWord(random, report);
    const inner = docxBody(blocks, flavor);
    const margin = `<w:tc><w:tcPr><w:tcW w:w="200" w:type="dxa"/></w:tcPr><w:p/></w:tc>`;
    const body = `<w:tbl><w:tblPr><w:tblW w:w="9400" w:type="dxa"/><w:tblBorders><w:top w:val="none" w:sz="0" w:space="0" w:color="auto"/><w:left w:val="none" w:sz="0" w:space="0" w:color="auto"/><w:bottom w:val="none" w:sz="0" w:space="0" w:color="auto"/><w:right w:val="none" w:sz="0" w:space="0" w:color="auto"/><w:insideH w:val="none" w:sz="0" w:space="0" w:color="auto"/><w:insideV w:val="none" w:sz="0" w:space="0" w:color="auto"/></w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="200"/><w:gridCol w:w="9000"/><w:gridCol w:w="200"/></w:tblGrid><w:tr>${margin}<w:tc><w:tcPr><w:tcW w:w="9000" w:type="dxa"/></w:tcPr>${inner}<w:p/></w:tc>${margin}</w:tr></w:tbl><w:p/>`;
    return docx(docxDocument(body, { title: titleOf(report) }), truthOfBlocks(blocks), report.agency);
  },
};

const splitTable: WorldClass = {
  name: 'word-split-table',
  about:
    '三 split in two tables at a random row (a merged label goes on as an empty merge), with （续表） or a page break between, the second half repeating the header (w:tblHeader); truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report, { proactive: 'one-table' });
    const grid = tables.requests[0] as Grid;
    const at = between(random, grid.headerRows + 2, grid.rows.length - 2);
    const [first, second] = splitGrid(grid, at, chance(random, 0.7));
    const blocks: Block[] = [];
    for (const block of reportBlocks(report, tables)) {
      if (block.kind === 'table' && block.grid === grid) {
        blocks.push({ kind: 'table', grid: first });
        blocks.push({ kind: 'paragraph', text: chance(random, 0.5) ? '（续表）' : '续表：', align: 'center' });
        blocks.push({ kind: 'table', grid: second });
      } else blocks.push(block);
    }
    const pageBreak = chance(random, 0.5);
    const flavor: DocxFlavor = {
      rowProperties: (row, g) => (row < g.headerRows && g !== first ? '<w:tblHeader/>' : ''),
      paragraph: (block) =>
        pageBreak && block.kind === 'paragraph' && block.text.includes('续表')
          ? `<w:p><w:r><w:br w:type="page"/></w:r></w:p><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${runXml(block.text, '宋体', 21)}</w:p>`
          : undefined,
    };
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

const headerMidTable: WorldClass = {
  name: 'word-header-repeated-midtable',
  about:
    'the three header rows of 三 repeated inside the table before 三、本年度办理结果 or before 四、结转下年度继续办理 (rows marked w:tblHeader), as when a table is pasted together; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report, { proactive: 'one-table' });
    const grid = copyGrid(tables.requests[0] as Grid);
    const beforeKey = pick(random, ['results', 'carriedForward']);
    const at = grid.rows.findIndex((row) => row.some((c) => c.role === 'label' && c.key === beforeKey));
    const header = grid.rows.slice(0, grid.headerRows).map((row) => row.map((c) => ({ ...c })));
    grid.rows.splice(at, 0, ...header);
    tables.requests = [grid];
    const blocks = reportBlocks(report, tables);
    const flavor: DocxFlavor = {
      rowProperties: (row, g) =>
        g === grid && (row < g.headerRows || (row >= at && row < at + g.headerRows)) ? '<w:tblHeader/>' : '',
    };
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let start = 0; start < text.length; start += size) out.push(text.slice(start, start + size));
  return out;
}

const contentControls: WorldClass = {
  name: 'word-content-controls',
  about:
    'a form-like document: figures and labels inside w:sdt content controls, long labels typed over several w:p in one cell, 三 wrapped in a block-level w:sdt; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const { blocks } = officialWord(random, report);
    let id = 1000 + between(random, 0, 9000);
    const sdt = (inner: string, alias: string) =>
      `<w:sdt><w:sdtPr><w:alias w:val="${escapeXml(alias)}"/><w:tag w:val="f${id}"/><w:id w:val="${id++}"/><w:text/></w:sdtPr><w:sdtContent>${inner}</w:sdtContent></w:sdt>`;
    const flavor: DocxFlavor = {
      runs: (text, c) =>
        c.role === 'figure' || (c.role === 'label' && chance(random, 0.3))
          ? sdt(runXml(text, '宋体', 20), c.role === 'figure' ? '数值' : '项目')
          : runXml(text, '宋体', 20),
      cellParagraphs: (c, runs) => {
        const align = c.role === 'label' ? 'left' : 'center';
        if (c.role === 'label' && c.text.length > 10 && chance(random, 0.7)) {
          return chunks(c.text, between(random, 6, 10))
            .map((piece) => paragraphXml(runs(piece), align))
            .join('');
        }
        return paragraphXml(c.text ? runs(c.text) : '', align);
      },
      wrapTable: (xml, grid) =>
        grid.table === 'requests'
          ? `<w:sdt><w:sdtPr><w:alias w:val="收到和处理政府信息公开申请情况"/><w:id w:val="${id++}"/></w:sdtPr><w:sdtContent>${xml}</w:sdtContent></w:sdt>`
          : xml,
    };
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

const trackedChanges: WorldClass = {
  name: 'word-tracked-changes',
  about:
    'figures revised with tracked changes: w:del (old figure, not shown) beside w:ins (new figure, shown), a deleted paragraph holding a figure; truth = the text after the changes',
  cost: 'cheap',
  make(random, report) {
    const { blocks } = officialWord(random, report);
    let id = 1;
    const stamp = 'w:author="Administrator" w:date="2024-01-16T09:12:00Z"';
    const flavor: DocxFlavor = {
      runs: (text, c) => {
        if (c.role !== 'figure' || !chance(random, 0.35)) return runXml(text, '宋体', 20);
        const old = String(between(random, 0, 60));
        const deleted = `<w:del w:id="${id++}" ${stamp}><w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:delText>${old}</w:delText></w:r></w:del>`;
        const inserted = `<w:ins w:id="${id++}" ${stamp}>${runXml(text, '宋体', 20)}</w:ins>`;
        return chance(random, 0.5) ? `${deleted}${inserted}` : `${inserted}${deleted}`;
      },
      paragraph: (block) =>
        block.kind === 'heading' && block.text.startsWith('四、') && chance(random, 0.6)
          ? `<w:p><w:pPr><w:rPr><w:del w:id="${id++}" ${stamp}/></w:rPr></w:pPr><w:del w:id="${id++}" ${stamp}><w:r><w:delText>${between(random, 1, 9)}</w:delText></w:r></w:del></w:p><w:p><w:pPr><w:ind w:firstLine="640"/></w:pPr>${runXml(block.text, '黑体', 32)}</w:p>`
          : undefined,
    };
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

const hiddenFields: WorldClass = {
  name: 'word-hidden-fields',
  about:
    'hidden runs (w:vanish) with other digits beside figures; 三 row totals as =SUM(LEFT) fields (w:fldChar/w:instrText, or w:fldSimple) whose result is the total; truth = what Word shows (field results, no codes, no hidden runs)',
  cost: 'cheap',
  make(random, report) {
    const { blocks } = officialWord(random, report);
    // A row either has its total as a field or hidden digits, never both: LibreOffice and WPS recompute =SUM(LEFT)
    // on opening, and hidden digits in the row would change what they show.
    const fieldRows = new Map<string, boolean>();
    const isFieldRow = (row: string) => {
      let field = fieldRows.get(row);
      if (field === undefined) {
        field = row.startsWith('/requests') && chance(random, 0.5);
        fieldRows.set(row, field);
      }
      return field;
    };
    const flavor: DocxFlavor = {
      runs: (text, c) => {
        const shown = runXml(text, '宋体', 20);
        const pointer = c.figure?.pointer;
        if (c.role !== 'figure' || !pointer) return shown;
        const row = pointer.slice(0, pointer.lastIndexOf('/'));
        if (isFieldRow(row)) {
          if (!pointer.endsWith('/total')) return shown;
          return chance(random, 0.5)
            ? `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> =SUM(LEFT) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${shown}<w:r><w:fldChar w:fldCharType="end"/></w:r>`
            : `<w:fldSimple w:instr=" =SUM(LEFT) ">${shown}</w:fldSimple>`;
        }
        if (chance(random, 0.3)) {
          const hidden = runXml(String(between(random, 0, 99)), '宋体', 20, '<w:vanish/>');
          return chance(random, 0.5) ? `${hidden}${shown}` : `${shown}${hidden}`;
        }
        return shown;
      },
    };
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

const wpsTwoLabels: WorldClass = {
  name: 'wps-two-label-columns',
  about:
    'a WPS document: 三 with two label columns (三、本年度办理结果 its own row), header rows marked w:tblHeader, spaces around figures, label punctuation variants; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const relabel = punctuationVariant(random);
    const tables = officialTables(random, report, { proactive: 'per-item', relabel, requests: { labels: 'two' } });
    const blocks = reportBlocks(report, tables);
    const flavor: DocxFlavor = {
      font: '仿宋_GB2312',
      runs: (text, c) => runXml(c.role === 'figure' && chance(random, 0.4) ? ` ${text} ` : text, '仿宋_GB2312', 21),
      rowProperties: (row, grid) => (row < grid.headerRows ? '<w:tblHeader/><w:cantSplit/>' : '<w:cantSplit/>'),
    };
    return docx(wordFile(blocks, flavor, report), truthOfBlocks(blocks), report.agency);
  },
};

export const wordClasses: readonly WorldClass[] = [
  officialTemplate,
  gridBeforeAfter,
  nestedLayout,
  splitTable,
  headerMidTable,
  contentControls,
  trackedChanges,
  hiddenFields,
  wpsTwoLabels,
];
