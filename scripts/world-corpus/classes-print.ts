// Files made by real programs: LibreOffice converting a DOCX or an HTML page (to PDF, DOCX, DOC, RTF), Chromium
// printing a page to PDF under varied CSS, and a PDF viewer's copy of those PDFs (pdftotext with and without -layout).
// Truth is what the source shows; a PDF missing its last pages shows the rows before the page it lost.

import { officialWord, wordFile } from './classes-word';
import { cutBlocks, reportBlocks } from './document';
import { docxBody, docxDocument } from './docx';
import { keepPages, pdfPages } from './external';
import { type Block, type Grid, splitGrid, truthOfBlocks } from './grid';
import { escapeHtml, htmlBlocks, msoFlavor, ueditorFlavor } from './html';
import { between, pick, type Random, type Report, titleOf } from './random-report';
import type { Draft, Finished, WorldClass } from './sample';
import { officialTables, portalPage } from './standard';
import { sequentialTruth } from './text';

const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** The label a data row of a grid is known by (its last label cell). */
function rowLabel(grid: Grid, row: number): string {
  const labels = (grid.rows[row] ?? []).filter((c) => c.role === 'label');
  return labels[labels.length - 1]?.text ?? '';
}

/**
 * The number of pages before the first page (from `after`'s page on) on which `label` starts (its first four characters:
 * a copied label may be broken by the figures of its row).
 */
function pagesBefore(pages: readonly string[], label: string, after: string): number {
  const start = pages.findIndex((page) => squeeze(page).includes(squeeze(after)));
  const head = squeeze(label).slice(0, 4);
  const found = pages.findIndex((page, index) => index >= Math.max(0, start) && squeeze(page).includes(head));
  if (found < 1) throw new Error(`page cut: "${label}" not found after page 1 (${pages.length} pages)`);
  return found;
}

// ---------------------------------------------------------------- LibreOffice

const loDocxPdf: WorldClass = {
  name: 'libreoffice-docx-pdf',
  about: 'the official-template DOCX converted to PDF by LibreOffice (soffice --convert-to pdf); truth = every cell',
  cost: 'office',
  make(random, report) {
    const { blocks, flavor } = officialWord(random, report);
    return {
      ext: 'pdf',
      truth: truthOfBlocks(blocks),
      agency: report.agency,
      office: { input: wordFile(blocks, flavor, report), inputExt: 'docx', to: 'pdf', outExt: 'pdf' },
    };
  },
};

function cmsHtml(random: Random, report: Report): { page: string; blocks: Block[] } {
  const blocks = reportBlocks(report, officialTables(random, report));
  const flavor = pick(random, [msoFlavor, ueditorFlavor])(random);
  return { page: portalPage(random, report, htmlBlocks(blocks, flavor), { layoutDepth: 1 }), blocks };
}

const loHtmlPdf: WorldClass = {
  name: 'libreoffice-html-pdf',
  about:
    'a portal page (Word-pasted or UEditor markup, layout table, breadcrumb, footer) converted to PDF by LibreOffice; truth = every cell',
  cost: 'office',
  make(random, report) {
    const { page, blocks } = cmsHtml(random, report);
    const truth = truthOfBlocks(blocks);
    return {
      ext: 'pdf',
      truth,
      agency: report.agency,
      office: { input: Buffer.from(page), inputExt: 'html', to: 'pdf', outExt: 'pdf', infilter: 'HTML (StarWriter)' },
      finish: (output) => clippedLayout(output, truth),
    };
  },
};

/**
 * LibreOffice cannot split a table row over pages: a page laid out in a layout table whose article cell is taller
 * than a page is clipped at the page's foot, and what follows is not in the PDF at all. The sections whose heading
 * the PDF's text lacks are not shown; the section the clip cut into is shown in part (its figures ambiguous).
 */
function clippedLayout(pdf: Buffer, truth: Map<string, number>): Finished {
  const text = squeeze(pdfPages(pdf).join(''));
  const headings: [string, string][] = [
    ['/proactive/', '二、主动公开政府信息情况'],
    ['/requests/', '三、收到和处理政府信息公开申请情况'],
    ['/appeals/', '四、'],
  ];
  const sectionsShown = ['五、', '六、其他需要报告的事项'].every((heading) => text.includes(heading));
  if (sectionsShown) return { bytes: pdf };
  const kept = new Map<string, number>();
  const ambiguous = new Set<string>();
  headings.forEach(([prefix, heading], index) => {
    const next = headings[index + 1]?.[1] ?? '五、';
    const shown = text.includes(heading);
    const whole = shown && text.indexOf(next, text.indexOf(heading)) >= 0;
    for (const [pointer, value] of truth) {
      if (!pointer.startsWith(prefix)) continue;
      if (whole) kept.set(pointer, value);
      else if (shown) ambiguous.add(pointer);
    }
  });
  return { bytes: pdf, truth: kept, ambiguous, complete: false };
}

const loHtmlDocx: WorldClass = {
  name: 'libreoffice-html-docx',
  about:
    'a portal page saved as DOCX by LibreOffice (HTML (StarWriter) → MS Word 2007 XML), layout table and all; truth = every cell',
  cost: 'office',
  make(random, report) {
    const { page, blocks } = cmsHtml(random, report);
    return {
      ext: 'docx',
      truth: truthOfBlocks(blocks),
      agency: report.agency,
      office: {
        input: Buffer.from(page),
        inputExt: 'html',
        to: 'docx:MS Word 2007 XML',
        outExt: 'docx',
        infilter: 'HTML (StarWriter)',
      },
    };
  },
};

const loDoc: WorldClass = {
  name: 'libreoffice-docx-doc',
  about: 'the official-template DOCX saved as legacy Word 97 .doc by LibreOffice; truth = every cell',
  cost: 'office-read',
  make(random, report) {
    const { blocks, flavor } = officialWord(random, report);
    return {
      ext: 'doc',
      truth: truthOfBlocks(blocks),
      agency: report.agency,
      office: { input: wordFile(blocks, flavor, report), inputExt: 'docx', to: 'doc:MS Word 97', outExt: 'doc' },
    };
  },
};

const loRtf: WorldClass = {
  name: 'libreoffice-docx-rtf',
  about: 'the official-template DOCX saved as RTF by LibreOffice; truth = every cell',
  cost: 'office-read',
  make(random, report) {
    const { blocks, flavor } = officialWord(random, report);
    return {
      ext: 'rtf',
      truth: truthOfBlocks(blocks),
      agency: report.agency,
      office: { input: wordFile(blocks, flavor, report), inputExt: 'docx', to: 'rtf', outExt: 'rtf' },
    };
  },
};

/** Blocks with 三 split before a row by a page break; the PDF is cut to the pages before that row's page. */
function cutAtRow(random: Random, report: Report, tables: ReturnType<typeof officialTables>) {
  const grid = tables.requests[0] as Grid;
  const at = between(random, grid.headerRows + 3, grid.rows.length - 1);
  const label = rowLabel(grid, at);
  const kept = cutBlocks(reportBlocks(report, tables), 'requests', 0, at);
  const finish = (pdf: Buffer): Finished => {
    const keep = pagesBefore(pdfPages(pdf), label, '收到和处理政府信息公开申请情况');
    return { bytes: keepPages(pdf, keep), truth: truthOfBlocks(kept), complete: false };
  };
  return { grid, at, finish };
}

const loPdfCut: WorldClass = {
  name: 'libreoffice-pdf-pages-missing',
  about:
    'a DOCX whose 三 breaks to a new page at a random row, converted by LibreOffice, the PDF missing every page from that one on; truth = the rows before the lost page — incomplete',
  cost: 'office',
  make(random, report) {
    const tables = officialTables(random, report, { proactive: 'one-table' });
    const { grid, at, finish } = cutAtRow(random, report, tables);
    const [first, second] = splitGrid(grid, at, true);
    const blocks: Block[] = [];
    for (const block of reportBlocks(report, tables)) {
      if (block.kind === 'table' && block.grid === grid)
        blocks.push({ kind: 'table', grid: first }, { kind: 'title', text: '\f' }, { kind: 'table', grid: second });
      else blocks.push(block);
    }
    const body = docxBody(blocks, {
      paragraph: (block) =>
        block.kind === 'title' && block.text === '\f' ? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' : undefined,
    });
    return {
      ext: 'pdf',
      truth: new Map(),
      agency: report.agency,
      complete: false,
      office: { input: docxDocument(body, { title: titleOf(report) }), inputExt: 'docx', to: 'pdf', outExt: 'pdf' },
      finish,
    };
  },
};

// ---------------------------------------------------------------- Chromium

interface PrintLook {
  css: string;
  landscape?: boolean;
  scale?: number;
}

function printPage(report: Report, blocks: readonly Block[], look: PrintLook, thead = false): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(titleOf(report))}</title>
<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC",serif;} table{border-collapse:collapse;margin:8px auto} td,th{border:1px solid #000;padding:2px 4px} ${look.css}</style></head>
<body>${htmlBlocks(blocks, { th: thead, thead })}</body></html>`;
}

const chromiumValign: WorldClass = {
  name: 'chromium-print-valign',
  about:
    'a page printed to PDF by Chromium with vertical-align top/middle/bottom in cells and labels wrapping over 2–3 lines; truth = every cell',
  cost: 'browser',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report));
    const align = pick(random, ['top', 'middle', 'bottom']);
    const css = `td{vertical-align:${align};font-size:${pick(random, ['12px', '13px', '14px'])}} td:first-child{width:${between(random, 90, 140)}px}`;
    return {
      ext: 'pdf',
      truth: truthOfBlocks(blocks),
      agency: report.agency,
      print: { html: printPage(report, blocks, { css }) },
    };
  },
};

const chromiumNarrow: WorldClass = {
  name: 'chromium-print-narrow-cells',
  about:
    'Chromium print of a narrow table (fixed small widths, word-break: break-all): labels over 2–4 lines, long figures broken inside their cells (2,125 as 2,/125); truth = every cell as its figure',
  cost: 'browser',
  make(random, report) {
    const blocks = reportBlocks(
      report,
      officialTables(random, report, { requests: { labels: pick(random, ['official', 'two'] as const) } }),
    );
    const css = `table{table-layout:fixed;width:${between(random, 380, 460)}px} td,th{word-break:break-all;font-size:${pick(random, ['9px', '10px', '11px'])};vertical-align:${pick(random, ['top', 'middle'])}} td{width:${between(random, 16, 22)}px}`;
    return {
      ext: 'pdf',
      truth: truthOfBlocks(blocks),
      agency: report.agency,
      print: { html: printPage(report, blocks, { css }) },
    };
  },
};

const chromiumLandscape: WorldClass = {
  name: 'chromium-print-landscape-thead',
  about:
    'Chromium print in landscape with large type, so 三 runs over several pages, its header rows (<thead>) repeated on each page; truth = every cell',
  cost: 'browser',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report));
    const css = `td,th{font-size:${pick(random, ['16px', '18px', '20px'])};padding:6px} thead{display:table-header-group} tr{break-inside:avoid}`;
    return {
      ext: 'pdf',
      truth: truthOfBlocks(blocks),
      agency: report.agency,
      print: { html: printPage(report, blocks, { css }, true), landscape: true },
    };
  },
};

const chromiumCut: WorldClass = {
  name: 'chromium-print-pages-missing',
  about:
    'Chromium print where 三 breaks to a new page before a random row (break-before: page), the PDF missing every page from there; truth = the rows before — incomplete',
  cost: 'browser',
  make(random, report) {
    const tables = officialTables(random, report);
    const { at, finish } = cutAtRow(random, report, tables);
    const blocks = reportBlocks(report, tables);
    let page = printPage(report, blocks, { css: 'tr.page-break{break-before:page}' });
    // The break goes on the at-th <tr> of 三's table (the one after its heading).
    const start = page.indexOf('<table', page.indexOf('收到和处理政府信息公开申请情况'));
    let index = start;
    for (let row = 0; row <= at; row++) index = page.indexOf('<tr', index + 1);
    page = `${page.slice(0, index)}<tr class="page-break"${page.slice(index + 3)}`;
    return { ext: 'pdf', truth: new Map(), agency: report.agency, complete: false, print: { html: page }, finish };
  },
};

// ---------------------------------------------------------------- a PDF viewer's copy

function copyOf(
  random: Random,
  report: Report,
  options: { layout: boolean; source: 'chromium' | 'libreoffice' },
): Draft {
  const blocks = reportBlocks(report, officialTables(random, report, { proactive: 'one-table' }));
  const finish = (pdf: Buffer): Finished => {
    const copied = pdfPages(pdf, { layout: options.layout }).join('\f');
    const { truth, ambiguous } = sequentialTruth(copied, blocks);
    return { bytes: Buffer.from(copied, 'utf8'), ext: 'txt', truth, ambiguous };
  };
  const truth = new Map<string, number>();
  if (options.source === 'libreoffice') {
    const { flavor } = officialWord(random, report);
    return {
      ext: 'txt',
      truth,
      agency: report.agency,
      office: { input: wordFile(blocks, flavor, report), inputExt: 'docx', to: 'pdf', outExt: 'pdf' },
      finish,
    };
  }
  const css = `td{font-size:13px;vertical-align:${pick(random, ['middle', 'top'])}}`;
  return { ext: 'txt', truth, agency: report.agency, print: { html: printPage(report, blocks, { css }) }, finish };
}

const copyLayout: WorldClass = {
  name: 'pdfviewer-copy-layout',
  about:
    'the text of a Chromium-printed PDF as pdftotext -layout gives it (columns kept by spaces, wrapped labels over lines), saved as .txt; truth = rows whose label is followed by exactly its own figures (rows followed by as many figures of another row: ambiguous, not scored)',
  cost: 'browser',
  make: (random, report) => copyOf(random, report, { layout: true, source: 'chromium' }),
};

const copyRaw: WorldClass = {
  name: 'pdfviewer-copy-plain',
  about:
    'the text of a Chromium-printed PDF as pdftotext gives it without -layout (reading order; a row’s figures may break over lines), saved as .txt; truth = rows whose label is followed by exactly its own figures (rows followed by as many figures of another row: ambiguous, not scored)',
  cost: 'browser',
  make: (random, report) => copyOf(random, report, { layout: false, source: 'chromium' }),
};

const copyOffice: WorldClass = {
  name: 'pdfviewer-copy-libreoffice',
  about:
    'the text of a LibreOffice-made PDF (official-template DOCX) as pdftotext -layout gives it, saved as .txt; truth = rows whose label is followed by exactly its own figures',
  cost: 'office',
  make: (random, report) => copyOf(random, report, { layout: true, source: 'libreoffice' }),
};

export const printClasses: readonly WorldClass[] = [
  loDocxPdf,
  loHtmlPdf,
  loHtmlDocx,
  loDoc,
  loRtf,
  loPdfCut,
  chromiumValign,
  chromiumNarrow,
  chromiumLandscape,
  chromiumCut,
  copyLayout,
  copyRaw,
  copyOffice,
];
