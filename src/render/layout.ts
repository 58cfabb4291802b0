// Builds the neutral document tree once from the model and the edition definition; renderers only translate it.

import { type DrawnCell, tableGrids } from '../editions/table-grid';
import type { Edition, TableSectionKey, TextSectionKey } from '../editions/types';
import { BRACKETED_NUMBER } from '../model/label-text';
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
  for (const section of ['proactive', 'requests', 'appeals'] as const)
    blocks.push(
      { kind: 'heading', level: 1, text: edition.sections[section].title.zh },
      table(model, edition, section),
    );
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
const SUBHEADING = new RegExp(`^${BRACKETED_NUMBER}[^。；;！!？?]{1,30}$`);

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

/** A table as its grid draws it (editions/table-grid.ts), its figures taken from the model. */
function table(model: Model, edition: Edition, section: TableSectionKey): TableBlock {
  const { width, labelColumns, head: drawnHead, body: drawnBody } = tableGrids(edition)[section].drawing;
  const cell = (drawn: DrawnCell): TableCell =>
    drawn.figure
      ? figure(model, drawn.figure.pointer, drawn.colSpan)
      : {
          text: drawn.text,
          ...(drawn.rowSpan > 1 ? { rowSpan: drawn.rowSpan } : {}),
          ...(drawn.colSpan > 1 ? { colSpan: drawn.colSpan } : {}),
          header: drawn.heads,
        };
  const head = drawnHead.map((cells) => cells.map(cell));
  const body = drawnBody.map((cells) => cells.map(cell));
  return {
    kind: 'table',
    id: section,
    caption: edition.sections[section].title.zh,
    columnCount: width,
    columns:
      section === 'requests' ? requestsColumns(head, body, width, labelColumns) : fitColumns(width, [...head, ...body]),
    head,
    body,
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

function requestsColumns(head: TableCell[][], body: TableCell[][], count: number, labels: number): ColumnWidth[] {
  const numbers = fitColumns(count, [...head, ...body]).map((column, index) =>
    index < labels ? { em: GROUP_LABEL_EM[index] ?? 0, grow: 0 } : column,
  );
  let leafLabel = 0;
  let groupLabel = 0;
  for (const { cell, column } of placeCells(body)) {
    const em = textEm(cell.text);
    if (cell.header === 'row' && column === labels - 1 && (cell.colSpan ?? 1) === 1 && em <= SHORT_LABEL_EM)
      leafLabel = Math.max(leafLabel, em);
    if (cell.header === 'rowgroup' && column === 1) groupLabel = Math.max(groupLabel, em);
  }
  // Where the page has room, （三）不予公开 and its kind stand on one line rather than wrap.
  return numbers.map((column, index) =>
    index === labels - 1 ? { em: leafLabel, grow: 0 } : index === 1 ? { ...column, wish: groupLabel } : column,
  );
}

/** Every pointer a document shows, for tests and for checking that renderers drop nothing. */
export function figuresOf(document: ReportDocument): TableCell[] {
  return document.blocks.flatMap((block) =>
    block.kind === 'table' ? [...block.head, ...block.body].flat().filter((cell) => cell.pointer !== undefined) : [],
  );
}
