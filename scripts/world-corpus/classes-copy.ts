// Copies people make of a report's tables: a spreadsheet range pasted as TAB-separated text, a web page's text copy
// (one cell per line), a PDF viewer's copy simulated (a row's figures run together, labels broken, page numbers and
// lone zeros between), Markdown pipes; and hand-made workbooks. A copy that keeps positions keeps every figure; one
// that loses them keeps only rows none of whose cells vanished.
import { reportBlocks } from './document';
import { type Block, truthOfBlocks } from './grid';
import { mixedStyle } from './numbers';
import { between, chance, pick, type Random } from './random-report';
import type { Draft, WorldClass } from './sample';
import { officialTables } from './standard';
import { proactiveGrids, reorderedColumns } from './tables';
import { cellPerLine, markdownLines, pdfCopyLines, positionLosingTruth, textDocument, tsvRows } from './text';
import { workbook } from './workbook';

const text = (body: string, truth: Map<string, number>, agency: string, extra: Partial<Draft> = {}): Draft => ({
  ext: 'txt',
  bytes: Buffer.from(body, 'utf8'),
  truth,
  agency,
  ...extra,
});

const tsv = (rows: string[][]) => rows.map((fields) => fields.join('\t'));

const excelCopy: WorldClass = {
  name: 'excel-copy-tsv',
  about:
    'each table copied from Excel and pasted as TAB-separated rows (header rows included, a merged area’s text in its first field, blank cells as empty fields, zero sometimes blank or —, now and then a 总计 left blank beside non-zero parts), the text around as lines; truth = every field (positions kept) but the blank totals',
  cost: 'cheap',
  make(random, report) {
    const style = mixedStyle(random, { marks: ['', '—', '0'], blankTotals: 0.1 });
    const blocks = reportBlocks(report, officialTables(random, report, { style }));
    return text(
      textDocument(blocks, (grid) => tsv(tsvRows(grid))),
      truthOfBlocks(blocks),
      report.agency,
    );
  },
};

const wpsCopyReordered: WorldClass = {
  name: 'wps-copy-tsv-reordered',
  about:
    'TAB-separated rows copied from a WPS sheet whose 三 columns stand in another order (总计 first, organisations shuffled), zeros blank; truth by header (positions kept)',
  cost: 'cheap',
  make(random, report) {
    const style = mixedStyle(random, { marks: [''] });
    const blocks = reportBlocks(
      report,
      officialTables(random, report, {
        style,
        requests: { order: reorderedColumns(random), labels: pick(random, ['official', 'one'] as const) },
      }),
    );
    return text(
      textDocument(blocks, (grid) => tsv(tsvRows(grid))),
      truthOfBlocks(blocks),
      report.agency,
    );
  },
};

const webCopyCells: WorldClass = {
  name: 'webpage-copy-cell-lines',
  about:
    'a web page’s text copy with one cell per line ending in " |" (the seed report’s shape), empty cells vanished; truth = rows none of whose cells was blank',
  cost: 'cheap',
  make(random, report) {
    const style = mixedStyle(random, { marks: chance(random, 0.5) ? [''] : ['0'] });
    const blocks = reportBlocks(report, officialTables(random, report, { style }));
    return text(
      textDocument(blocks, (grid) => cellPerLine(grid, { bar: chance(random, 0.7) })),
      positionLosingTruth(blocks),
      report.agency,
    );
  },
};

/** Lines a PDF copy carries between rows: page numbers, a lone 0 before the next heading. */
function withStrays(random: Random, lines: readonly string[]): string[] {
  const out: string[] = [];
  let page = between(random, 2, 5);
  for (const line of lines) {
    if (/^[四五]、/.test(line) && chance(random, 0.6)) out.push('0');
    out.push(line);
    if (chance(random, 0.04)) out.push(pick(random, [`- ${page} -`, `— ${page} —`, `${page}`]), '');
    if (/^- \d+ -$/.test(line)) page++;
  }
  return out;
}

const pdfCopySimulated: WorldClass = {
  name: 'pdfviewer-copy-simulated',
  about:
    'a PDF viewer’s copy: a row’s label and its figures on one line separated by single spaces, long labels broken over lines, page numbers (- 3 -) and a lone 0 between rows; truth = every figure (no cell blank)',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report, { proactive: 'one-table' }));
    const width = between(random, 8, 16);
    const body = textDocument(blocks, (grid) => pdfCopyLines(grid, width));
    return text(withStrays(random, body.split('\n')).join('\n'), positionLosingTruth(blocks), report.agency);
  },
};

const markdownRaw: WorldClass = {
  name: 'markdown-raw-txt',
  about:
    'the report as raw Markdown text: each table as | … | lines with |---| under its header rows, merged areas as empty fields; truth = every field',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report));
    return text(
      textDocument(blocks, (grid) => ['', ...markdownLines(grid), '']),
      truthOfBlocks(blocks),
      report.agency,
    );
  },
};

const markdownCut: WorldClass = {
  name: 'markdown-cut-after-separator',
  about:
    'raw Markdown whose text stops right after 四’s |---| line (a CMS length limit): 四’s header is there, its figure row is not; truth = 二 and 三 — incomplete',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report));
    const lines: string[] = [];
    for (const block of blocks) {
      if (block.kind === 'table' && block.grid.table === 'appeals') {
        lines.push(...markdownLines(block.grid).slice(0, block.grid.headerRows + 1));
        break;
      }
      lines.push(
        ...(block.kind === 'table'
          ? ['', ...markdownLines(block.grid), '']
          : block.kind === 'image'
            ? []
            : [block.text]),
      );
    }
    const truth = truthOfBlocks(blocks.filter((block) => !(block.kind === 'table' && block.grid.table === 'appeals')));
    return text(`${lines.join('\n')}\n`, truth, report.agency, { complete: false });
  },
};

// ---------------------------------------------------------------- workbooks

const xlsx = (bytes: Buffer, truth: Map<string, number>, agency: string): Draft => ({
  ext: 'xlsx',
  bytes,
  truth,
  agency,
});

const excelHandmade: WorldClass = {
  name: 'excel-handmade-workbook',
  about:
    'a hand-made .xlsx laid out like the tables on one sheet: merged cells, 三 columns reordered, an extra 其他主动公开文件 row in 二, a margin column, a 单位：件 note right of each table; truth by header (the extra row is no model figure)',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report, {
      requests: { order: chance(random, 0.7) ? reorderedColumns(random) : undefined },
    });
    tables.proactive = proactiveGrids(report, { layout: 'one-table', extraRows: ['其他主动公开文件'] });
    const blocks = reportBlocks(report, tables);
    const bytes = workbook([{ name: 'Sheet1', blocks, offset: between(random, 0, 1), note: '单位：件' }]);
    return xlsx(bytes, truthOfBlocks(blocks), report.agency);
  },
};

const wpsSheets: WorldClass = {
  name: 'wps-workbook-sheets',
  about:
    'a WPS .xlsx with the title and text on one sheet and 二, 三, 四 each on its own sheet (named 表一…表三 or by section), blank cells for zeros; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const style = mixedStyle(random, { marks: [''] });
    const tables = officialTables(random, report, { style });
    const blocks = reportBlocks(report, tables);
    const text: Block[] = blocks.filter((block) => block.kind !== 'table');
    const section = (table: 'proactive' | 'requests' | 'appeals', heading: string): Block[] => [
      { kind: 'heading', text: heading },
      ...blocks.filter((block) => block.kind === 'table' && block.grid.table === table),
    ];
    const named = chance(random, 0.5);
    const bytes = workbook([
      { name: '报告', blocks: text },
      { name: named ? '主动公开' : '表一', blocks: section('proactive', '二、主动公开政府信息情况') },
      { name: named ? '依申请公开' : '表二', blocks: section('requests', '三、收到和处理政府信息公开申请情况') },
      { name: named ? '复议诉讼' : '表三', blocks: section('appeals', '四、政府信息公开行政复议、行政诉讼情况') },
    ]);
    return xlsx(bytes, truthOfBlocks(blocks), report.agency);
  },
};

export const copyClasses: readonly WorldClass[] = [
  excelCopy,
  wpsCopyReordered,
  webCopyCells,
  pdfCopySimulated,
  markdownRaw,
  markdownCut,
  excelHandmade,
  wpsSheets,
];
