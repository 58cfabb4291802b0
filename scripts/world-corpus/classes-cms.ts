// Government portals' CMS editors (UEditor, KindEditor, TinyMCE, Word pasted in): the report as an HTML article inside
// the portal's page. Truth is what a browser shows: hidden markup is not shown, headers say which column is which.

import { getEdition } from '../../src/editions';
import { cutBlocks, reportBlocks } from './document';
import { type Block, type Cell, copyGrid, type Grid, truthOfBlocks } from './grid';
import {
  escapeHtml,
  type HtmlFlavor,
  htmlBlocks,
  htmlTable,
  kindEditorFlavor,
  msoFlavor,
  tinymceFlavor,
  ueditorFlavor,
} from './html';
import { mixedStyle, ZERO_MARKS } from './numbers';
import {
  between,
  chance,
  dateText,
  modelOf,
  pick,
  type Random,
  type Report,
  randomReport,
  titleOf,
} from './random-report';
import type { Draft, WorldClass } from './sample';
import { officialTables, portalPage } from './standard';
import { OUTCOMES, proactiveGrids, punctuationVariant, reorderedColumns, requestsGrid } from './tables';
import { markdownLines, tsvRows } from './text';

const html = (page: string, truth: Map<string, number>, agency: string, extra: Partial<Draft> = {}): Draft => ({
  ext: 'html',
  bytes: Buffer.from(page, 'utf8'),
  truth,
  agency,
  ...extra,
});

function anyFlavor(random: Random): HtmlFlavor {
  return pick(random, [msoFlavor, ueditorFlavor, kindEditorFlavor, () => tinymceFlavor()])(random);
}

/** Long labels broken with `<br>` where an editor's narrow cell wrapped them. */
function wrapLong(random: Random, width: number): (label: string) => string {
  return (label) => {
    if (label.length <= width || !chance(random, 0.7)) return label;
    const parts: string[] = [];
    for (let start = 0; start < label.length; start += width) parts.push(label.slice(start, start + width));
    return parts.join('\n');
  };
}

const standardPage = (random: Random, report: Report, blocks: readonly Block[], flavor: HtmlFlavor) =>
  portalPage(random, report, htmlBlocks(blocks, flavor), { layoutDepth: pick(random, [0, 0, 1, 2]) });

// ---------------------------------------------------------------- editors and their markup

const ueditorMso: WorldClass = {
  name: 'ueditor-msonormal',
  about:
    'Word pasted into UEditor: MsoNormal <p>/<span> in every cell, <o:p>, &nbsp;, widths; page-layout table, breadcrumb, footer, metas; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report));
    return html(standardPage(random, report, blocks, msoFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const kindeditorNested: WorldClass = {
  name: 'kindeditor-nested-layout',
  about:
    'KindEditor <FONT> markup, labels broken by <br>, the article three layout tables deep; title only in the ArticleTitle meta (page <title> is the site); truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report, { relabel: wrapLong(random, 9) }), {
      title: null,
      signature: null,
    });
    const page = portalPage(random, report, htmlBlocks(blocks, kindEditorFlavor(random)), {
      title: `${report.site}门户网站`,
      metas: { ArticleTitle: titleOf(report), PubDate: dateText(report) },
      layoutDepth: 3,
    });
    return html(page, truthOfBlocks(blocks), report.agency);
  },
};

/** Digits a browser does not show, put inside or beside a figure cell's text. */
function hiddenDigits(random: Random, escaped: string): string {
  const bogus = String(between(random, 0, 99));
  return pick(random, [
    `<span style="display:none">${bogus}</span>${escaped}`,
    `${escaped}<span style="display: none;">${bogus}</span>`,
    `<span hidden>${bogus}</span>${escaped}`,
    `<font style="DISPLAY: none">${bogus}</font>${escaped}`,
    `<span style="display:none;">&nbsp;${bogus}</span><span>${escaped}</span>`,
  ]);
}

const ueditorHidden: WorldClass = {
  name: 'ueditor-hidden-spans',
  about:
    'anti-scraping digits in display:none / hidden spans inside figure and label cells; truth = the digits a browser shows',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report));
    const base = ueditorFlavor(random);
    const flavor: HtmlFlavor = {
      ...base,
      cellInner: (c, escaped, row, grid) => {
        const inner = base.cellInner ? base.cellInner(c, escaped, row, grid) : escaped;
        if (c.role === 'figure' && chance(random, 0.5)) return hiddenDigits(random, inner);
        if (c.role === 'label' && chance(random, 0.2))
          return `${inner}<span style="display:none">${between(random, 1, 9)}</span>`;
        return inner;
      },
    };
    return html(standardPage(random, report, blocks, flavor), truthOfBlocks(blocks), report.agency);
  },
};

const tinymceHidden: WorldClass = {
  name: 'tinymce-scripts-templates',
  about:
    'TinyMCE page with <script> figures, <style>, a <template> holding another 三, a hidden duplicate row (<tr hidden>); truth = the visible tables',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report));
    const decoy = randomReport(random, report.edition);
    const decoyTable = htmlTable(requestsGrid(decoy), tinymceFlavor());
    const base = tinymceFlavor();
    // The hidden duplicate goes where no merged cell crosses (before 一, 二 or 四、结转), so it moves no span.
    const hiddenBefore = pick(random, ['newReceived', 'carriedOver', 'carriedForward']);
    const flavor: HtmlFlavor = {
      ...base,
      rowOpen: (row) => {
        if (!row.some((c) => c.role === 'label' && c.key === hiddenBefore)) return '<tr>';
        const copy = row.map((c) =>
          c.role === 'figure' ? `<td>${between(random, 1, 999)}</td>` : `<td>${escapeHtml(c.text)}</td>`,
        );
        return `<tr hidden>${copy.join('')}</tr>\n<tr>`;
      },
    };
    let article = htmlBlocks(blocks, flavor);
    const script = `<script type="text/javascript">var stat = {"received": ${between(random, 1, 9999)}, "granted": ${between(random, 1, 999)}}; document.getElementById && void 0;</script>`;
    article = article.replace(
      '</table>',
      `</table>\n${script}\n<style>td { padding: 2px 4px; } .t0 { color: #333 }</style>`,
    );
    article = article.replace(/(<p><strong>四、)/, `<template id="old-table">${decoyTable}</template>\n$1`);
    return html(portalPage(random, report, article), truthOfBlocks(blocks), report.agency);
  },
};

const reportDataMismatch: WorldClass = {
  name: 'cms-report-data-mismatch',
  about:
    'our own page shape with <script type="application/json" id="report-data"> holding another year’s figures, the visible tables edited; truth = visible tables',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report, { proactive: 'per-item' }));
    const stale = randomReport(random, report.edition);
    const json = JSON.stringify({ ...modelOf(report, stale.values), agency: report.agency, year: report.year });
    const page = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(titleOf(report))}</title>
<script type="application/json" id="report-data">${json.replace(/</g, '\\u003c')}</script>
<style>table{border-collapse:collapse} td,th{border:1px solid #000;padding:2px 6px}</style></head>
<body><main>${htmlBlocks(blocks, { th: true, thead: true })}</main></body></html>`;
    return html(page, truthOfBlocks(blocks), report.agency);
  },
};

// ---------------------------------------------------------------- headers and spans

const columnsReordered: WorldClass = {
  name: 'cms-columns-reordered',
  about:
    '三 printed with its applicant columns in another order (总计 first, 自然人 after the organisations, organisations shuffled), figures under their headers; truth by header',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(
      report,
      officialTables(random, report, { requests: { order: reorderedColumns(random) } }),
    );
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const appealsReordered: WorldClass = {
  name: 'cms-appeals-reordered',
  about: '四 with 行政诉讼 before 行政复议 and/or the outcomes in another order (总计 first); truth by header',
  cost: 'cheap',
  make(random, report) {
    const groups = pick(random, [
      ['litigationDirect', 'litigationAfterReview', 'review'],
      ['litigationAfterReview', 'litigationDirect', 'review'],
      ['review', 'litigationAfterReview', 'litigationDirect'],
    ]);
    const outcomes = pick(random, [
      ['total', 'upheld', 'corrected', 'other', 'pending'],
      ['upheld', 'corrected', 'pending', 'other', 'total'],
      OUTCOMES,
    ]);
    const blocks = reportBlocks(report, officialTables(random, report, { appeals: { groups, outcomes } }));
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const appealsShapes: WorldClass = {
  name: 'cms-appeals-transposed',
  about:
    '四 transposed (行政复议 / 行政诉讼›未经复议直接起诉 / 复议后起诉 as rows, outcomes as columns) or with two header rows naming 行政诉讼（…）; truth by row and header',
  cost: 'cheap',
  make(random, report) {
    const layout = pick(random, ['transposed', 'transposed', 'two-rows'] as const);
    const blocks = reportBlocks(report, officialTables(random, report, { appeals: { layout } }));
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const splitHeader: WorldClass = {
  name: 'cms-header-separate-table',
  about:
    'the header rows of 三 (and of 四) as their own <table> above the data table, both with the same fixed column widths so the columns line up; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    const split = (grid: Grid): Grid[] => [
      { ...grid, rows: grid.rows.slice(0, grid.headerRows) },
      { ...grid, rows: grid.rows.slice(grid.headerRows), headerRows: 0 },
    ];
    tables.requests = tables.requests.flatMap(split);
    if (chance(random, 0.5)) tables.appeals = tables.appeals.flatMap(split);
    const blocks = reportBlocks(report, tables);
    const flavor = anyFlavor(random);
    const open = flavor.tableOpen;
    // Editors keep split tables aligned by fixing the same widths on both.
    const columns = (grid: Grid) =>
      grid.table === 'requests'
        ? `<colgroup><col width="8%"><col width="9%"><col width="20%">${'<col width="9%">'.repeat(7)}</colgroup>`
        : `<colgroup>${'<col width="6.66%">'.repeat(15)}</colgroup>`;
    const page = standardPage(random, report, blocks, {
      ...flavor,
      tableOpen: (grid) =>
        grid.table === 'requests' || grid.table === 'appeals'
          ? `<table border="1" cellspacing="0" cellpadding="0" style="table-layout:fixed;width:100%;border-collapse:collapse">${columns(grid)}`
          : open
            ? open(grid)
            : '<table border="1" cellspacing="0" cellpadding="0">',
    });
    return html(page, truthOfBlocks(blocks), report.agency);
  },
};

/** Index of the row (in grid.rows) whose label cell has the key, and that cell. */
function labelRow(grid: Grid, key: string): { row: number; cell: Cell } {
  for (let row = 0; row < grid.rows.length; row++) {
    const found = (grid.rows[row] ?? []).find((c) => c.role === 'label' && c.key === key);
    if (found) return { row, cell: found };
  }
  throw new Error(`no label ${key}`);
}

/** The label cell that is the row's own (the last label cell of the row). */
function ownLabel(grid: Grid, row: number): Cell {
  const cells = (grid.rows[row] ?? []).filter((c) => c.role === 'label');
  const last = cells[cells.length - 1];
  if (!last) throw new Error(`row ${row} has no label`);
  return last;
}

const rowspanLong: WorldClass = {
  name: 'cms-rowspan-long',
  about:
    'a merged group cell whose rowspan runs one row past its group, the next row one label cell narrower, so a browser still shows every figure in its column; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    const grid = copyGrid(tables.requests[0] as Grid);
    if (chance(random, 0.5)) {
      // The last group of 三、本年度办理结果 with sub-rows runs over the row after it (（六） in 2019, （七） in 2021).
      const lastGroup = report.edition === '2021' ? 'other' : 'notProcessed';
      const { row, cell: group } = labelRow(grid, lastGroup);
      ownLabel(grid, row + group.rowspan).colspan -= 1;
      group.rowspan += 1;
    } else {
      // 三、本年度办理结果 runs over 四、结转下年度继续办理.
      labelRow(grid, 'results').cell.rowspan += 1;
      labelRow(grid, 'carriedForward').cell.colspan -= 1;
    }
    tables.requests = [grid];
    const blocks = reportBlocks(report, tables);
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const rowspanShort: WorldClass = {
  name: 'cms-rowspan-short',
  about:
    'a merged group cell whose rowspan stops a row short, the row below widening its label to fill the gap, so figures stay in their columns; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    const grid = copyGrid(tables.requests[0] as Grid);
    if (chance(random, 0.5)) {
      labelRow(grid, 'results').cell.rowspan -= 1;
      labelRow(grid, 'total').cell.colspan += 1;
    } else {
      const group = labelRow(grid, pick(random, ['denied', 'unableToProvide', 'notProcessed'])).cell;
      const { row } = labelRow(grid, group.key ?? '');
      group.rowspan -= 1;
      ownLabel(grid, row + group.rowspan).colspan += 1;
    }
    tables.requests = [grid];
    const blocks = reportBlocks(report, tables);
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const rowspanAbsurd: WorldClass = {
  name: 'cms-rowspan-absurd',
  about:
    'rowspan="65534" on every cell of the last row of 三 and of 四 (an editor’s leftover; a browser clamps it); truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    const flavor = anyFlavor(random);
    const blocks = reportBlocks(report, tables);
    const base = flavor.cellAttrs;
    const lastRow = (grid: Grid) => grid.rows.length - 1;
    const page = standardPage(random, report, blocks, {
      ...flavor,
      cellAttrs: (c, row, grid) =>
        `${base ? base(c, row, grid) : ''}${grid.table !== 'proactive' && row === lastRow(grid) && c.rowspan === 1 ? ' rowspan="65534"' : ''}`,
    });
    return html(page, truthOfBlocks(blocks), report.agency);
  },
};

const headerColspan: WorldClass = {
  name: 'cms-header-colspan-mismatch',
  about:
    'the 勾稽关系 corner cell of 三 spans 2 or 4 columns while data rows use 3 label columns, so the header sits a column off; seven headers over seven figures in the same order; truth by that order',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    const grid = copyGrid(tables.requests[0] as Grid);
    const corner = grid.rows[0]?.[0];
    if (corner) corner.colspan = pick(random, [2, 4]);
    tables.requests = [grid];
    const blocks = reportBlocks(report, tables);
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const flatLabels: WorldClass = {
  name: 'cms-flat-labels',
  about:
    '三 with one label column (group rows （三）不予公开… as rows of their own with empty cells) or two (三、本年度办理结果 as a row); truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const labels = pick(random, ['one', 'two'] as const);
    const blocks = reportBlocks(report, officialTables(random, report, { requests: { labels } }));
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

// ---------------------------------------------------------------- markdown on the page

const markdownInPage: WorldClass = {
  name: 'cms-markdown-in-page',
  about:
    'tables pasted as Markdown text (| a | b | lines and |---|) into <p> paragraphs, merged cells as empty fields; truth = every field (positions kept)',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    const blocks = reportBlocks(report, tables);
    const lines: string[] = [];
    for (const block of blocks) {
      if (block.kind === 'table') lines.push(...markdownOf(block.grid));
      else if (block.kind !== 'image') lines.push(block.text);
    }
    const article = lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n');
    return html(portalPage(random, report, article), truthOfBlocks(blocks), report.agency);
  },
};

function markdownOf(grid: Grid): string[] {
  return markdownLines(grid);
}

const markdownGfmCut: WorldClass = {
  name: 'markdown-gfm-cut',
  about:
    'a GFM-rendered page: 三 one Markdown table whose |---| follows its flattened header; 四’s header and figure lines follow without a blank line, so they land in 三’s table cut to its 10 columns; truth = 三 + the first 10 cells of 四 (行政复议, 未经复议直接起诉) — incomplete',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    const requests = tables.requests[0] as Grid;
    const rows = tsvRows(requests);
    const width = rows[0]?.length ?? 10;
    // The flattened header: the label columns, then the seven column names.
    const header = ['项目', '', '', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
    const body = rows.slice(requests.headerRows);
    const edition = getEdition(report.edition);
    const appealsLabels = edition.appeals.groups.flatMap((group) =>
      edition.appeals.outcomes.map(
        (o) => `${group.parent ? `${group.parent.zh}-` : ''}${group.label.zh}-${o.label.zh}`,
      ),
    );
    const appealsFigures = edition.appeals.groups.flatMap((group) =>
      edition.appeals.outcomes.map((o) => String(report.values.get(`/appeals/${group.key}/${o.key}`) ?? 0)),
    );
    const cut = (cells: string[]) => Array.from({ length: width }, (_, i) => cells[i] ?? '');
    const bodyRows = [...body, cut([edition.sections.appeals.title.zh]), cut(appealsLabels), cut(appealsFigures)];
    const td = (text: string) => `<td>${escapeHtml(text)}</td>`;
    const table = `<table>\n<thead>\n<tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr>\n</thead>\n<tbody>\n${bodyRows
      .map((cells) => `<tr>${cells.map(td).join('')}</tr>`)
      .join('\n')}\n</tbody>\n</table>`;
    const blocks = reportBlocks(report, { ...tables, appeals: [] });
    const before: string[] = [];
    const after: string[] = [];
    let seenRequests = false;
    for (const block of blocks) {
      if (block.kind === 'table' && block.grid.table === 'requests') {
        seenRequests = true;
        continue;
      }
      if (block.kind === 'heading' && block.text === edition.sections.appeals.title.zh) continue;
      const rendered = htmlBlocks([block]);
      (seenRequests ? after : before).push(rendered);
    }
    const article = `${before.join('\n')}\n${table}\n${after.join('\n')}`;
    const truth = truthOfBlocks(blocks);
    edition.appeals.groups.slice(0, 2).forEach((group, g) => {
      edition.appeals.outcomes.forEach((o, i) => {
        if (g * 5 + i < width)
          truth.set(`/appeals/${group.key}/${o.key}`, report.values.get(`/appeals/${group.key}/${o.key}`) ?? 0);
      });
    });
    const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(titleOf(report))}</title></head><body><article class="markdown-body">\n${article}\n</article></body></html>`;
    return html(page, truth, report.agency);
  },
};

// ---------------------------------------------------------------- what is and is not there

const tableImage: WorldClass = {
  name: 'cms-table-as-image',
  about:
    'table 三 (or 二) published as a picture, only its heading left as text; truth = the other tables — incomplete',
  cost: 'cheap',
  make(random, report) {
    const which = pick(random, ['requests', 'requests', 'proactive'] as const);
    const tables = officialTables(random, report);
    const blocks: Block[] = [];
    for (const block of reportBlocks(report, tables)) {
      if (block.kind === 'table' && block.grid.table === which) {
        if (!blocks.some((b) => b.kind === 'image'))
          blocks.push({
            kind: 'image',
            alt: `${which === 'requests' ? '收到和处理政府信息公开申请情况' : '主动公开政府信息情况'}`,
            table: which,
          });
      } else blocks.push(block);
    }
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const agencyBreadcrumbOnly: WorldClass = {
  name: 'cms-agency-breadcrumb-only',
  about:
    'the agency named only in the breadcrumb (当前位置：首页>…>机关) and inside a sentence of 一; title and page title without an agency, no 落款; truth agency = ""',
  cost: 'cheap',
  make(random, report) {
    const generic = `${report.year}年政府信息公开工作年度报告`;
    const withSentence: Report = {
      ...report,
      overview: [
        `根据《中华人民共和国政府信息公开条例》要求，特编制本报告。本报告由${report.agency}办公室负责编制，全文包括总体情况、主动公开政府信息情况等部分。`,
        ...report.overview.slice(1),
      ],
    };
    const blocks = reportBlocks(withSentence, officialTables(random, report), { title: generic, signature: null });
    const page = portalPage(random, report, htmlBlocks(blocks, anyFlavor(random)), {
      title: generic,
      metas: { ArticleTitle: generic },
      crumbs: ['首页', '政务公开', report.agency, '政府信息公开年报'],
    });
    return html(page, truthOfBlocks(blocks), '');
  },
};

const agencySignatureOnly: WorldClass = {
  name: 'cms-agency-signature-only',
  about:
    'the agency only in the 落款 (agency line over date line at the end); title and <title> without it, breadcrumb naming the portal; truth agency = the 落款',
  cost: 'cheap',
  make(random, report) {
    const generic = `${report.year}年政府信息公开工作年度报告`;
    const blocks = reportBlocks(report, officialTables(random, report), { title: generic });
    const page = portalPage(random, report, htmlBlocks(blocks, anyFlavor(random)), {
      title: `${generic}_${report.site}`,
      metas: { ArticleTitle: generic, SiteName: report.site },
    });
    return html(page, truthOfBlocks(blocks), report.agency);
  },
};

const agencyTitleOnly: WorldClass = {
  name: 'cms-agency-page-title-only',
  about:
    'the agency only in <title> (报告标题_网站名); no title line, no metas, no 落款; truth agency = the title’s agency',
  cost: 'cheap',
  make(random, report) {
    const blocks = reportBlocks(report, officialTables(random, report), { title: null, signature: null });
    const page = portalPage(random, report, htmlBlocks(blocks, anyFlavor(random)), { metas: {} });
    return html(page, truthOfBlocks(blocks), report.agency);
  },
};

/** An HTML page cut off at a byte offset, as a page saved before it finished loading. */
function cutPage(random: Random, report: Report, table: Grid['table']): Draft {
  const tables = officialTables(random, report);
  const blocks = reportBlocks(report, tables);
  const grid = (table === 'requests' ? tables.requests[0] : tables.appeals[0]) as Grid;
  const row = table === 'requests' ? between(random, 3, grid.rows.length - 1) : between(random, 1, 3);
  const cellsOfRow = grid.rows[row]?.length ?? 0;
  const cells = between(random, 0, Math.max(0, cellsOfRow - 1));
  const kept = cutBlocks(blocks, table, 0, row, cells);
  const flavor = anyFlavor(random);
  // The page is the kept blocks' HTML, then the bytes stop: no closing tags.
  let article = htmlBlocks(kept, flavor);
  article = article.replace(/<\/tbody>\s*<\/table>\s*$/, '');
  article = article.replace(/<\/tr>\s*$/, '');
  const page = portalPage(random, report, '\u0000CUT\u0000');
  const head = page.slice(0, page.indexOf('\u0000CUT\u0000'));
  return html(`${head}${article}`, truthOfBlocks(kept), report.agency, { complete: false });
}

const pageCutRequests: WorldClass = {
  name: 'cms-page-cut-requests',
  about:
    'the page’s HTML ends in the middle of 三 (a row partly there, no closing tags); truth = the cells before the cut — incomplete',
  cost: 'cheap',
  make: (random, report) => cutPage(random, report, 'requests'),
};

const pageCutAppeals: WorldClass = {
  name: 'cms-page-cut-appeals',
  about:
    'the page’s HTML ends inside 四 (in its header or its figure row); truth = the cells before the cut — incomplete',
  cost: 'cheap',
  make: (random, report) => cutPage(random, report, 'appeals'),
};

// ---------------------------------------------------------------- figures as people write them

const numberStyles: WorldClass = {
  name: 'cms-number-styles',
  about:
    'figures as people type them: 5,609 / 5 609 / ５６０９ / 12件 / 12.5万元, zero as —, -, /, 无, 不适用 or blank, 减4 for a negative 本年增/减; truth = the values (zero marks read as 0)',
  cost: 'cheap',
  make(random, report) {
    const style = mixedStyle(random, { marks: ZERO_MARKS, units: true, fullWidth: true, separators: true });
    const blocks = reportBlocks(report, officialTables(random, report, { style }));
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const blankTotals: WorldClass = {
  name: 'cms-blank-totals',
  about:
    'blank cells for zeros, and some 总计 left blank beside parts that are not all zero (not printed: not a figure); truth = the printed figures and blank zeros — incomplete when a total is blank',
  cost: 'cheap',
  make(random, report) {
    const style = mixedStyle(random, { marks: ['', ''], blankTotals: 0.35 });
    const blocks = reportBlocks(report, officialTables(random, report, { style }));
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const proactive2019In2021: WorldClass = {
  name: 'cms-2019-proactive-in-2021',
  about:
    'a 2021-edition report printing the 2019 二 tables; truth = only the figures both editions mean alike (处理决定数量 of 许可, 处罚, 强制), not 2019’s 本年新公开数量 etc. — incomplete',
  cost: 'cheap',
  editions: ['2021'],
  make(random, report) {
    const old = randomReport(random, '2019');
    const values = new Map(old.values);
    for (const row of ['licensing', 'penalty', 'enforcement']) {
      values.set(`/proactive/${row}/decisions`, report.values.get(`/proactive/${row}/decisions`) ?? 0);
    }
    const shared = new Set([
      '/proactive/licensing/decisions',
      '/proactive/penalty/decisions',
      '/proactive/enforcement/decisions',
    ]);
    const tables = officialTables(random, report);
    tables.proactive = proactiveGrids(report, {
      layout: pick(random, ['one-table', 'per-item']),
      edition: getEdition('2019'),
      values,
      pointerFor: (own) => (shared.has(own) ? own : undefined),
    });
    const blocks = reportBlocks(report, tables);
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const labelVariants: WorldClass = {
  name: 'cms-label-variants',
  about:
    'labels as published copies punctuate them ((一), 1、/1．/(1), 其他法律、行政法规, 商业 企业, ，between clauses) and reworded section headings; truth = every cell',
  cost: 'cheap',
  make(random, report) {
    const relabel = punctuationVariant(random);
    const blocks = reportBlocks(report, officialTables(random, report, { relabel }), {
      headings: {
        appeals: pick(random, [
          '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
          '四、政府信息公开行政复议和行政诉讼情况',
          '四、政府信息公开行政复议、行政诉讼情况',
        ]),
        problems: pick(random, [
          '五、政府信息公开工作存在的主要问题及改进情况',
          '五、存在问题及改进情况',
          '五、存在的主要问题及改进情况',
        ]),
      },
    });
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const extraRows: WorldClass = {
  name: 'cms-extra-rows',
  about:
    'a province’s extra row 其他主动公开文件 in 二 and an extra 备注 column on 三 (text 无 or notes); figures outside the model are not truth; truth = every model cell',
  cost: 'cheap',
  make(random, report) {
    const tables = officialTables(random, report);
    tables.proactive = proactiveGrids(report, { layout: 'one-table', extraRows: ['其他主动公开文件'] });
    const grid = copyGrid(tables.requests[0] as Grid);
    grid.rows.forEach((row, index) => {
      if (index === 0) row.push({ text: '备注', rowspan: 3, colspan: 1, role: 'header' });
      else if (index >= 3)
        row.push({ text: pick(random, ['', '无', '', '含转办件']), rowspan: 1, colspan: 1, role: 'empty' });
    });
    tables.requests = [grid];
    const blocks = reportBlocks(report, tables);
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

const TRADITIONAL: Readonly<Record<string, string>> = {
  开: '開',
  请: '請',
  数: '數',
  结: '結',
  转: '轉',
  处: '處',
  机: '機',
  构: '構',
  织: '織',
  务: '務',
  总: '總',
  计: '計',
  护: '護',
  权: '權',
  属: '屬',
  规: '規',
  范: '範',
  许: '許',
  强: '強',
  费: '費',
  议: '議',
  讼: '訟',
  审: '審',
  维: '維',
  纠: '糾',
  复: '復',
  决: '決',
  项: '項',
  违: '違',
  禁: '禁',
  险: '險',
  础: '礎',
  级: '級',
  状: '狀',
  过: '過',
  执: '執',
  询: '詢',
  现: '現',
  确: '確',
  获: '獲',
  补: '補',
  缴: '繳',
  财: '財',
  经: '經',
  无: '無',
  应: '應',
  报: '報',
  发: '發',
  废: '廢',
  效: '效',
  华: '華',
  国: '國',
  门: '門',
  环: '環',
  监: '監',
  管: '管',
  会: '會',
  卫: '衛',
  乡: '鄉',
  设: '設',
  资: '資',
  源: '源',
  划: '劃',
  态: '態',
  场: '場',
  办: '辦',
  县: '縣',
  区: '區',
  运: '運',
  输: '輸',
  达: '達',
  类: '類',
  内: '內',
  诉: '訴',
  际: '際',
  单: '單',
  收: '收',
};
const toTraditional = (text: string): string => text.replace(/./gu, (char) => TRADITIONAL[char] ?? char);

const traditional: WorldClass = {
  name: 'cms-traditional',
  about:
    'the whole page in Traditional characters (a portal’s 繁體 switch): labels, headings, title and agency; truth = every cell, agency as printed (Traditional)',
  cost: 'cheap',
  make(random, report) {
    const agency = toTraditional(report.agency);
    const shown: Report = {
      ...report,
      agency,
      site: toTraditional(report.site),
      overview: report.overview.map(toTraditional),
      problems: report.problems.map(toTraditional),
      otherMatters: report.otherMatters.map(toTraditional),
    };
    const blocks = reportBlocks(shown, officialTables(random, shown, { relabel: toTraditional }), {
      title: toTraditional(titleOf(shown)),
      headings: Object.fromEntries(
        (['overview', 'proactive', 'requests', 'appeals', 'problems', 'otherMatters'] as const).map((key) => [
          key,
          toTraditional(getEdition(report.edition).sections[key].title.zh),
        ]),
      ),
    });
    const title = toTraditional(titleOf(shown));
    const page = portalPage(random, shown, htmlBlocks(blocks, anyFlavor(random)), {
      title: `${title}_${shown.site}`,
      metas: { ArticleTitle: title, ContentSource: agency },
    });
    return html(page, truthOfBlocks(blocks), agency);
  },
};

const strayZeros: WorldClass = {
  name: 'cms-stray-zeros',
  about:
    'zeros that are not a row’s: a lone 0 paragraph before the next heading, page numbers (- 3 -) and （单位：件） pasted from a PDF between tables; truth = the table cells',
  cost: 'cheap',
  make(random, report) {
    const blocks: Block[] = [];
    let page = between(random, 2, 4);
    for (const block of reportBlocks(report, officialTables(random, report))) {
      if (block.kind === 'heading' && /^[三四五]、/.test(block.text) && chance(random, 0.7)) {
        blocks.push({ kind: 'paragraph', text: pick(random, ['0', '0', '- 0 -']) });
      }
      blocks.push(block);
      if (block.kind === 'table' && chance(random, 0.5))
        blocks.push({
          kind: 'paragraph',
          text: pick(random, [`- ${page++} -`, `${page++}`, `第 ${page++} 页`]),
          align: 'center',
        });
      if (block.kind === 'heading' && /^三、/.test(block.text))
        blocks.push({ kind: 'paragraph', text: '（单位：件）', align: 'right' });
    }
    return html(standardPage(random, report, blocks, anyFlavor(random)), truthOfBlocks(blocks), report.agency);
  },
};

export const cmsClasses: readonly WorldClass[] = [
  ueditorMso,
  kindeditorNested,
  ueditorHidden,
  tinymceHidden,
  reportDataMismatch,
  columnsReordered,
  appealsReordered,
  appealsShapes,
  splitHeader,
  rowspanLong,
  rowspanShort,
  rowspanAbsurd,
  headerColspan,
  flatLabels,
  markdownInPage,
  markdownGfmCut,
  tableImage,
  agencyBreadcrumbOnly,
  agencySignatureOnly,
  agencyTitleOnly,
  pageCutRequests,
  pageCutAppeals,
  numberStyles,
  blankTotals,
  proactive2019In2021,
  labelVariants,
  extraRows,
  traditional,
  strayZeros,
];
