// Builds the neutral document tree once from the model and the edition definition; renderers only translate it.

import { printedColumnLabel, spreadColumns } from '../editions/fields';
import type { Edition, RequestsRow, TextSectionKey } from '../editions/types';
import { appendAll } from '../model/many-values';
import type { Model } from '../model/pointer';
import { valueAt } from '../model/pointer';
import type { Block, ColumnWidth, ReportDocument, TableBlock, TableCell } from './document-tree';
import { textEm } from './text-width';

export const NOT_VALIDATED_NOTICE = '本文件由未通过检查的报告强制生成，数据可能有误，仅供核对，不得签发或发布。';

export function reportTitle(model: Model): string {
  const agency = typeof model.agency === 'string' ? model.agency : '';
  const year = typeof model.year === 'number' ? `${model.year}年` : '';
  return `${agency}${year}政府信息公开工作年度报告`;
}

/** The 落款's date line when no date is given: room for the year, month and day to be written by hand. */
export const BLANK_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

export interface LayoutOptions {
  notValidated?: boolean;
  /** The date of the 落款, `YYYY-MM-DD`; without it the 落款 leaves 年 月 日 blank to fill by hand. */
  date?: string;
}

/** `2026-01-20` → `2026年1月20日`, as a 公文 writes its date (GB/T 9704 7.3.5.2: Arabic numerals, no leading zeros). */
export function chineseDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export function layoutReport(model: Model, edition: Edition, options: LayoutOptions = {}): ReportDocument {
  const blocks: Block[] = [];
  const text = (key: TextSectionKey) => {
    blocks.push({ kind: 'heading', level: 1, text: edition.sections[key].title.zh });
    appendAll(blocks, paragraphs(model[key]));
  };
  text('overview');
  blocks.push({ kind: 'heading', level: 1, text: edition.sections.proactive.title.zh }, proactiveTable(model, edition));
  blocks.push({ kind: 'heading', level: 1, text: edition.sections.requests.title.zh }, requestsTable(model, edition));
  blocks.push({ kind: 'heading', level: 1, text: edition.sections.appeals.title.zh }, appealsTable(model, edition));
  text('problems');
  text('otherMatters');
  blocks.push({
    kind: 'signature',
    agency: typeof model.agency === 'string' ? model.agency : '',
    ...(options.date ? { date: chineseDate(options.date) } : {}),
  });
  return { title: reportTitle(model), edition: edition.id, notValidated: options.notValidated ?? false, blocks };
}

/** Short lines such as （一）主动公开 or (二)依申请公开 are sub-headings; everything else is a paragraph. */
const SUBHEADING = /^[（(][一二三四五六七八九十]+[)）][^。；;！!？?]{1,30}$/;

function paragraphs(value: unknown): Block[] {
  const list = Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && p.trim() !== '') : [];
  return list.map((p) =>
    SUBHEADING.test(p.trim()) ? { kind: 'heading', level: 2, text: p.trim() } : { kind: 'paragraph', text: p.trim() },
  );
}

/** A figure as printed: the number as given, blank when it is missing (a forced build never invents one). */
function figure(model: Model, pointer: string, colSpan = 1): TableCell {
  const value = valueAt(model, pointer);
  const text =
    typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value : '';
  return { text, pointer, ...(colSpan > 1 ? { colSpan } : {}) };
}

function proactiveTable(model: Model, edition: Edition): TableBlock {
  // bounded: the edition's proactive groups
  const valueColumns = Math.max(...edition.proactive.map((group) => group.columns.length));
  const body: TableCell[][] = [];
  for (const group of edition.proactive) {
    const spans = spreadColumns(group.columns.length, valueColumns);
    body.push([{ text: group.item.zh, colSpan: valueColumns + 1, header: 'colgroup' }]);
    body.push([
      { text: edition.proactiveHeader.zh, header: 'col' },
      ...group.columns.map((column, index) => ({
        text: printedColumnLabel(column),
        header: 'col' as const,
        ...((spans[index] ?? 1) > 1 ? { colSpan: spans[index] } : {}),
      })),
    ]);
    for (const row of group.rows) {
      body.push([
        { text: row.label.zh, header: 'row' },
        ...group.columns.map((column, index) => figure(model, `/proactive/${row.key}/${column.key}`, spans[index])),
      ]);
    }
  }
  return {
    kind: 'table',
    id: 'proactive',
    caption: edition.sections.proactive.title.zh,
    columnCount: valueColumns + 1,
    columns: fitColumns(valueColumns + 1, body),
    head: [],
    body,
  };
}

function requestsTable(model: Model, edition: Edition): TableBlock {
  const { requests } = edition;
  const columns = requests.columns;
  const organisations = columns.slice(1, -1);
  const head: TableCell[][] = [
    [
      { text: requests.balanceNote.zh, rowSpan: 3, colSpan: 3, header: 'col' },
      { text: requests.applicantHeader.zh, colSpan: columns.length, header: 'colgroup' },
    ],
    [
      { text: columns[0]?.label.zh ?? '', rowSpan: 2, header: 'col' },
      { text: requests.organisationHeader.zh, colSpan: organisations.length, header: 'colgroup' },
      { text: columns[columns.length - 1]?.label.zh ?? '', rowSpan: 2, header: 'col' },
    ],
    organisations.map((column) => ({ text: column.label.zh, header: 'col' as const })),
  ];
  const body: TableCell[][] = [];
  const leafCount = (row: RequestsRow): number =>
    row.children ? row.children.reduce((n, c) => n + leafCount(c), 0) : 1;
  // Group labels open the first row of their group and span its rows; a leaf's label spans the remaining label columns.
  const place = (rows: readonly RequestsRow[], depth: number, pointer: string, pending: TableCell[]) => {
    for (const row of rows) {
      const rowPointer = `${pointer}/${row.key}`;
      if (row.children) {
        place(row.children, depth + 1, rowPointer, [
          ...pending,
          { text: row.label.zh, rowSpan: leafCount(row), header: 'rowgroup' },
        ]);
      } else {
        const labelSpan = 3 - depth;
        body.push([
          ...pending,
          { text: row.label.zh, header: 'row', ...(labelSpan > 1 ? { colSpan: labelSpan } : {}) },
          ...columns.map((column) => figure(model, `${rowPointer}/${column.key}`)),
        ]);
      }
      pending = [];
    }
  };
  place(requests.rows, 0, '/requests', []);
  return {
    kind: 'table',
    id: 'requests',
    caption: edition.sections.requests.title.zh,
    columnCount: 3 + columns.length,
    columns: requestsColumns(head, body, 3 + columns.length),
    head,
    body,
  };
}

export function appealsTable(model: Model, edition: Edition): TableBlock {
  const { groups, outcomes } = edition.appeals;
  const width = outcomes.length;
  const outcomeCells = (rowSpan: number): TableCell[] =>
    outcomes.map((outcome) => ({ text: outcome.label.zh, header: 'col', ...(rowSpan > 1 ? { rowSpan } : {}) }));
  // As the official template draws it: a group without a parent (行政复议) is one row high and its outcomes are
  // merged down the two rows below; groups sharing a parent (行政诉讼) name themselves in row 2, outcomes in row 3.
  const top: TableCell[] = [];
  const middle: TableCell[] = [];
  const bottom: TableCell[] = [];
  for (let index = 0; index < groups.length; ) {
    const group = groups[index];
    if (!group) break;
    if (!group.parent) {
      top.push({ text: group.label.zh, colSpan: width, header: 'colgroup' });
      // bounded: an outcome's cells, a handful
      middle.push(...outcomeCells(2));
      index++;
      continue;
    }
    const siblings = groups.slice(index).filter((g) => g.parent?.zh === group.parent?.zh);
    top.push({ text: group.parent.zh, colSpan: siblings.length * width, header: 'colgroup' });
    for (const sibling of siblings) {
      middle.push({ text: sibling.label.zh, colSpan: width, header: 'colgroup' });
      // bounded: an outcome's cells, a handful
      bottom.push(...outcomeCells(1));
    }
    index += siblings.length;
  }
  const values: TableCell[] = groups.flatMap((group) =>
    outcomes.map((outcome) => figure(model, `/appeals/${group.key}/${outcome.key}`)),
  );
  const head = [top, middle, bottom];
  return {
    kind: 'table',
    id: 'appeals',
    caption: edition.sections.appeals.title.zh,
    columnCount: groups.length * width,
    columns: fitColumns(groups.length * width, [...head, values]),
    head,
    body: [values],
  };
}

/** The grid column each cell of `rows` starts in, given the row and column spans of the cells above. */
export function placeCells(rows: readonly TableCell[][]): { cell: TableCell; row: number; column: number }[] {
  const taken: Set<number>[] = [];
  const placed: { cell: TableCell; row: number; column: number }[] = [];
  rows.forEach((cells, row) => {
    const used = taken[row] ?? new Set<number>();
    let column = 0;
    for (const cell of cells) {
      while (used.has(column)) column++;
      placed.push({ cell, row, column });
      const colSpan = cell.colSpan ?? 1;
      for (let r = 1; r < (cell.rowSpan ?? 1); r++) {
        taken[row + r] ??= new Set<number>();
        for (let c = 0; c < colSpan; c++) taken[row + r]?.add(column + c);
      }
      column += colSpan;
    }
  });
  return placed;
}

/**
 * The narrowest width at which a header keeps its words whole. The headers of number columns are compounds of
 * two-character words (商业/企业, 社会/公益/组织, 结果/维持) that may break between words; a three-character word
 * (自然人) and anything shorter cannot break at all.
 */
function headerEm(text: string): number {
  const em = textEm(text);
  return em <= 3 ? em : 2;
}

/** Columns fitted to the cells that sit in one column only: figures whole, headers broken only between words. */
function fitColumns(count: number, rows: readonly TableCell[][]): ColumnWidth[] {
  const em = Array<number>(count).fill(2);
  for (const { cell, column } of placeCells(rows)) {
    if ((cell.colSpan ?? 1) > 1) continue;
    const need =
      cell.pointer !== undefined ? textEm(cell.text) : cell.header === 'row' ? textEm(cell.text) : headerEm(cell.text);
    em[column] = Math.max(em[column] ?? 0, need);
  }
  return em.map((value) => ({ em: value, grow: 1 }));
}

/**
 * Labels longer than this wrap in the official template too; shorter ones (the fifteen numbered reasons such as
 * 1.属于国家秘密 … 4.无正当理由大量反复申请) stay on one line, so their column is as wide as the widest of them.
 */
const SHORT_LABEL_EM = 14;
/** Group labels (三、本年度办理结果, （三）不予公开) wrap in short lines as the official template prints them. */
const GROUP_LABEL_EM = [3, 4];

function requestsColumns(head: TableCell[][], body: TableCell[][], count: number): ColumnWidth[] {
  const numbers = fitColumns(count, [...head, ...body]).map((column, index) =>
    index < 3 ? { em: GROUP_LABEL_EM[index] ?? 0, grow: 0 } : column,
  );
  let leafLabel = 0;
  let groupLabel = 0;
  for (const { cell, column } of placeCells(body)) {
    const em = textEm(cell.text);
    if (cell.header === 'row' && column === 2 && (cell.colSpan ?? 1) === 1 && em <= SHORT_LABEL_EM)
      leafLabel = Math.max(leafLabel, em);
    if (cell.header === 'rowgroup' && column === 1) groupLabel = Math.max(groupLabel, em);
  }
  // Where the page has room, （三）不予公开 and its kind stand on one line rather than wrap.
  return numbers.map((column, index) =>
    index === 2 ? { em: leafLabel, grow: 0 } : index === 1 ? { ...column, wish: groupLabel } : column,
  );
}

/** Every pointer a document shows, for tests and for checking that renderers drop nothing. */
export function figuresOf(document: ReportDocument): TableCell[] {
  return document.blocks.flatMap((block) =>
    block.kind === 'table' ? [...block.head, ...block.body].flat().filter((cell) => cell.pointer !== undefined) : [],
  );
}
