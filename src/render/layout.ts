// Builds the neutral document tree once from the model and the edition definition; renderers only translate it.
import { spreadColumns } from '../editions/fields';
import type { Edition, RequestsRow, TextSectionKey } from '../editions/types';
import { valueAt } from '../model/pointer';
import type { Model } from '../validate/rule';
import type { Block, ReportDocument, TableBlock, TableCell } from './document-tree';

export const NOT_VALIDATED_NOTICE = '本文件由未通过检查的报告强制生成，数据可能有误，仅供核对，不得签发或发布。';

export function reportTitle(model: Model): string {
  const agency = typeof model.agency === 'string' ? model.agency : '';
  const year = typeof model.year === 'number' ? `${model.year}年` : '';
  return `${agency}${year}政府信息公开工作年度报告`;
}

export function layoutReport(model: Model, edition: Edition, options: { notValidated?: boolean } = {}): ReportDocument {
  const blocks: Block[] = [];
  const text = (key: TextSectionKey) => {
    blocks.push({ kind: 'heading', level: 1, text: edition.sections[key].title.zh });
    blocks.push(...paragraphs(model[key]));
  };
  text('overview');
  blocks.push({ kind: 'heading', level: 1, text: edition.sections.proactive.title.zh }, proactiveTable(model, edition));
  blocks.push({ kind: 'heading', level: 1, text: edition.sections.requests.title.zh }, requestsTable(model, edition));
  blocks.push({ kind: 'heading', level: 1, text: edition.sections.appeals.title.zh }, appealsTable(model, edition));
  text('problems');
  text('otherMatters');
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
  const valueColumns = Math.max(...edition.proactive.map((group) => group.columns.length));
  const body: TableCell[][] = [];
  for (const group of edition.proactive) {
    const spans = spreadColumns(group.columns.length, valueColumns);
    body.push([{ text: group.item.zh, colSpan: valueColumns + 1, header: 'colgroup' }]);
    body.push([
      { text: edition.proactiveHeader.zh, header: 'col' },
      ...group.columns.map((column, index) => ({
        text: column.label.zh,
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
    widths: [3, ...Array(valueColumns).fill(2)],
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
    // Number columns hold five digits at 五号 without wrapping; the label columns share the rest.
    widths: [1.5, 1.7, 4.8, ...Array(columns.length).fill(1.45)],
    head,
    body,
  };
}

function appealsTable(model: Model, edition: Edition): TableBlock {
  const { groups, outcomes } = edition.appeals;
  const width = outcomes.length;
  const top: TableCell[] = [];
  const middle: TableCell[] = [];
  for (let index = 0; index < groups.length; ) {
    const group = groups[index];
    if (!group) break;
    if (!group.parent) {
      top.push({ text: group.label.zh, colSpan: width, rowSpan: 2, header: 'colgroup' });
      index++;
      continue;
    }
    const siblings = groups.slice(index).filter((g) => g.parent?.zh === group.parent?.zh);
    top.push({ text: group.parent.zh, colSpan: siblings.length * width, header: 'colgroup' });
    for (const sibling of siblings) middle.push({ text: sibling.label.zh, colSpan: width, header: 'colgroup' });
    index += siblings.length;
  }
  const labels: TableCell[] = groups.flatMap(() =>
    outcomes.map((outcome) => ({ text: outcome.label.zh, header: 'col' as const })),
  );
  const values: TableCell[] = groups.flatMap((group) =>
    outcomes.map((outcome) => figure(model, `/appeals/${group.key}/${outcome.key}`)),
  );
  return {
    kind: 'table',
    id: 'appeals',
    caption: edition.sections.appeals.title.zh,
    columnCount: groups.length * width,
    widths: Array(groups.length * width).fill(1),
    head: [top, middle, labels],
    body: [values],
  };
}

/** Every pointer a document shows, for tests and for checking that renderers drop nothing. */
export function figuresOf(document: ReportDocument): TableCell[] {
  return document.blocks.flatMap((block) =>
    block.kind === 'table' ? [...block.head, ...block.body].flat().filter((cell) => cell.pointer !== undefined) : [],
  );
}
