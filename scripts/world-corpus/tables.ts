// The official tables of an edition as grids, drawn the ways publishers draw them: the official Word template's
// merges, fewer label columns, applicant columns in another order, 四 flattened or transposed, 二 as one table or one
// table per item. Labels come from src/editions; every figure cell knows its pointer and printed value.
import { getEdition } from '../../src/editions';
import type { Column, Edition, RequestsRow, ValueKind } from '../../src/editions/types';
import { type Cell, cell, type Grid } from './grid';
import { type NumberStyle, plain } from './numbers';
import { pick, type Random, type Report } from './random-report';

export interface TableOptions {
  style?: NumberStyle;
  /** Rewrites a printed label (punctuation variants, typos, Traditional characters). */
  relabel?: (label: string) => string;
}

const same = (label: string) => label;

function figureCell(
  report: Report,
  pointer: string | undefined,
  kind: ValueKind,
  style: NumberStyle,
  value?: number,
): Cell {
  const v = value ?? (pointer ? report.values.get(pointer) : undefined);
  if (v === undefined) throw new Error(`no value for ${pointer}`);
  const isTotal = pointer?.endsWith('/total') ?? false;
  let partsZero = true;
  if (isTotal && pointer) {
    const base = pointer.slice(0, -'/total'.length);
    for (const [p, x] of report.values) {
      if (p.startsWith(`${base}/`) && p !== pointer && x !== 0) partsZero = false;
    }
  }
  const printed = style(v, { pointer: pointer ?? '', kind, total: isTotal, partsZero });
  return cell(printed.text, 'figure', { figure: { ...(pointer ? { pointer } : {}), value: printed.value } });
}

// ---------------------------------------------------------------- 二

export type ProactiveLayout = 'one-table' | 'per-item';

/**
 * 二 as the official Word template draws it (one table, the items as full-width rows) or one table per item. `edition`
 * draws another edition's table (a 2021 report printing the 2019 二); `pointerFor` says which figure of the sample's
 * model a printed cell truly is (undefined: none), and `values` gives the printed figures by the drawn edition's own
 * pointers.
 */
export function proactiveGrids(
  report: Report,
  options: TableOptions & {
    layout?: ProactiveLayout;
    edition?: Edition;
    values?: ReadonlyMap<string, number>;
    pointerFor?: (own: string) => string | undefined;
    /** Extra rows a province asks for (其他主动公开文件), under the first item. */
    extraRows?: readonly string[];
  } = {},
): Grid[] {
  const edition = options.edition ?? getEdition(report.edition);
  const values = options.values ?? report.values;
  const style = options.style ?? plain;
  const relabel = options.relabel ?? same;
  const width = 4;
  const grids: Grid[] = [];
  let current: Cell[][] = [];
  const flush = () => {
    if (current.length) grids.push({ table: 'proactive', rows: current, headerRows: 0 });
    current = [];
  };
  edition.proactive.forEach((group, groupIndex) => {
    if (options.layout === 'per-item') flush();
    current.push([cell(relabel(group.item.zh), 'header', { colspan: width })]);
    const spans = spanColumns(group.columns.length, width - 1);
    current.push([
      cell(relabel(edition.proactiveHeader.zh), 'header'),
      ...group.columns.map((column, index) =>
        cell(relabel(printedLabel(column)), 'header', { colspan: spans[index] ?? 1, key: column.key }),
      ),
      ...trailing(group.columns.length, width - 1),
    ]);
    for (const row of group.rows) {
      current.push([
        cell(relabel(row.label.zh), 'label', { key: row.key }),
        ...group.columns.map((column, index) => {
          const own = `/proactive/${row.key}/${column.key}`;
          const pointer = options.pointerFor ? options.pointerFor(own) : own;
          const value = values.get(own);
          const figure = figureCell(report, pointer, column.kind, style, value);
          figure.colspan = spans[index] ?? 1;
          return figure;
        }),
        ...trailing(group.columns.length, width - 1),
      ]);
    }
    if (groupIndex === 0) {
      for (const extra of options.extraRows ?? []) {
        current.push([
          cell(extra, 'label'),
          ...group.columns.map((column, index) => {
            const figure = figureCell(report, undefined, column.kind, style, (extra.length * 7) % 23);
            figure.colspan = spans[index] ?? 1;
            return figure;
          }),
          ...trailing(group.columns.length, width - 1),
        ]);
      }
    }
  });
  flush();
  return grids;
}

/** The 2021 template spans a lone column over the three value slots; two columns take one slot each, plus a blank. */
function spanColumns(parts: number, slots: number): number[] {
  if (parts === 1) return [slots];
  return Array.from({ length: parts }, () => 1);
}
function trailing(parts: number, slots: number): Cell[] {
  return parts > 1 && parts < slots ? Array.from({ length: slots - parts }, () => cell('', 'empty')) : [];
}

const printedLabel = (column: Column): string => column.label.zh;

// ---------------------------------------------------------------- 三

export type RequestsLabels = 'official' | 'two' | 'one';

export interface RequestsOptions extends TableOptions {
  /** The seven column keys in printed order; the 法人或其他组织 columns must stand together. */
  order?: readonly string[];
  labels?: RequestsLabels;
  /** Leave the top-left 勾稽关系 note cell out (its corner stays empty). */
  noNote?: boolean;
}

interface Leaf {
  row: RequestsRow;
  pointer: string;
  depth: number;
  /** Keys of the group rows above, outermost first. */
  groups: RequestsRow[];
}

export function requestLeaves(edition: Edition): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (rows: readonly RequestsRow[], path: string[], groups: RequestsRow[]) => {
    for (const row of rows) {
      if (row.children) walk(row.children, [...path, row.key], [...groups, row]);
      else leaves.push({ row, pointer: `/requests/${[...path, row.key].join('/')}`, depth: groups.length, groups });
    }
  };
  walk(edition.requests.rows, [], []);
  return leaves;
}

export const OFFICIAL_ORDER = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
];
const ORG = ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];

/** A column order people print: 总计 first, 自然人 after the organisations, the organisations shuffled. */
export function reorderedColumns(random: Random): string[] {
  const org = pick(random, [
    ORG,
    ['otherOrg', 'commercial', 'research', 'publicInterest', 'legalService'],
    ['commercial', 'legalService', 'research', 'publicInterest', 'otherOrg'],
    ['research', 'commercial', 'publicInterest', 'otherOrg', 'legalService'],
  ]);
  return pick(random, [
    ['total', 'natural', ...org],
    [...org, 'natural', 'total'],
    ['natural', ...org.slice().reverse(), 'total'],
    ['total', ...org, 'natural'],
  ]);
}

export function requestsGrid(report: Report, options: RequestsOptions = {}): Grid {
  const edition = getEdition(report.edition);
  const style = options.style ?? plain;
  const relabel = options.relabel ?? same;
  const order = options.order ?? OFFICIAL_ORDER;
  const labels = options.labels ?? 'official';
  const labelColumns = labels === 'official' ? 3 : labels === 'two' ? 2 : 1;
  const columns = new Map(edition.requests.columns.map((column) => [column.key, column]));
  const label = (key: string) => relabel(columns.get(key)?.label.zh ?? key);

  // Header: the note, 申请人情况 over the seven columns, 自然人 | 法人或其他组织 (over five) | 总计.
  const rows: Cell[][] = [];
  const noteText = options.noNote ? '' : relabel(edition.requests.balanceNote.zh);
  rows.push([
    cell(noteText, 'header', { rowspan: 3, colspan: labelColumns }),
    cell(relabel(edition.requests.applicantHeader.zh), 'header', { colspan: 7 }),
  ]);
  const second: Cell[] = [];
  const third: Cell[] = [];
  let orgDone = false;
  for (const key of order) {
    if (ORG.includes(key)) {
      if (!orgDone) second.push(cell(relabel(edition.requests.organisationHeader.zh), 'header', { colspan: 5 }));
      orgDone = true;
      third.push(cell(label(key), 'header', { key }));
    } else second.push(cell(label(key), 'header', { rowspan: 2, key }));
  }
  rows.push(second, third);

  const leaves = requestLeaves(edition);
  const countUnder = (group: RequestsRow) => leaves.filter((leaf) => leaf.groups.includes(group)).length;
  const seen = new Set<RequestsRow>();
  const figures = (pointer: string) => order.map((key) => figureCell(report, `${pointer}/${key}`, 'count', style));
  for (const leaf of leaves) {
    const line: Cell[] = [];
    const own = relabel(leaf.row.label.zh);
    if (labels === 'official') {
      for (const group of leaf.groups) {
        if (!seen.has(group)) {
          seen.add(group);
          line.push(cell(relabel(group.label.zh), 'label', { rowspan: countUnder(group), key: group.key }));
        }
      }
      line.push(cell(own, 'label', { colspan: 3 - leaf.depth, key: leaf.row.key }));
    } else if (labels === 'two') {
      // The 三、本年度办理结果 row stands alone; the sub-groups keep their merged cell.
      const [top, sub] = leaf.groups;
      if (top && !seen.has(top)) {
        seen.add(top);
        rows.push([cell(relabel(top.label.zh), 'label', { colspan: 2, key: top.key }), emptyRun(7)]);
      }
      if (sub && !seen.has(sub)) {
        seen.add(sub);
        line.push(cell(relabel(sub.label.zh), 'label', { rowspan: countUnder(sub), key: sub.key }));
      }
      line.push(cell(own, 'label', { colspan: sub ? 1 : 2, key: leaf.row.key }));
    } else {
      for (const group of leaf.groups) {
        if (!seen.has(group)) {
          seen.add(group);
          rows.push([cell(relabel(group.label.zh), 'label', { key: group.key }), ...emptyCells(7)]);
        }
      }
      line.push(cell(own, 'label', { key: leaf.row.key }));
    }
    rows.push([...line, ...figures(leaf.pointer)]);
  }
  return { table: 'requests', rows, headerRows: 3 };
}

const emptyRun = (span: number): Cell => cell('', 'empty', { colspan: span });
const emptyCells = (count: number): Cell[] => Array.from({ length: count }, () => cell('', 'empty'));

// ---------------------------------------------------------------- 四

export type AppealsLayout = 'official' | 'two-rows' | 'transposed';

export interface AppealsOptions extends TableOptions {
  layout?: AppealsLayout;
  /** Group keys in printed order; the two litigation groups stand together. */
  groups?: readonly string[];
  outcomes?: readonly string[];
}

export const OUTCOMES = ['upheld', 'corrected', 'other', 'pending', 'total'];

export function appealsGrid(report: Report, options: AppealsOptions = {}): Grid {
  const edition = getEdition(report.edition);
  const style = options.style ?? plain;
  const relabel = options.relabel ?? same;
  const groups = options.groups ?? ['review', 'litigationDirect', 'litigationAfterReview'];
  const outcomes = options.outcomes ?? OUTCOMES;
  const groupOf = (key: string) => {
    const group = edition.appeals.groups.find((g) => g.key === key);
    if (!group) throw new Error(key);
    return group;
  };
  const outcomeLabel = (key: string) =>
    relabel(edition.appeals.outcomes.find((outcome) => outcome.key === key)?.label.zh ?? key);
  const litigation = relabel(groupOf('litigationDirect').parent?.zh ?? '行政诉讼');
  const figure = (group: string, outcome: string) => figureCell(report, `/appeals/${group}/${outcome}`, 'count', style);
  const layout = options.layout ?? 'official';

  if (layout === 'transposed') {
    const rows: Cell[][] = [
      [cell('', 'header', { colspan: 2 }), ...outcomes.map((o) => cell(outcomeLabel(o), 'header', { key: o }))],
    ];
    let litigationDone = false;
    for (const key of groups) {
      const group = groupOf(key);
      if (!group.parent)
        rows.push([
          cell(relabel(group.label.zh), 'label', { colspan: 2, key }),
          ...outcomes.map((o) => figure(key, o)),
        ]);
      else {
        const line: Cell[] = [];
        if (!litigationDone) line.push(cell(litigation, 'label', { rowspan: 2 }));
        litigationDone = true;
        rows.push([...line, cell(relabel(group.label.zh), 'label', { key }), ...outcomes.map((o) => figure(key, o))]);
      }
    }
    return { table: 'appeals', rows, headerRows: 1 };
  }

  if (layout === 'two-rows') {
    const first = groups.map((key) => {
      const group = groupOf(key);
      const name = group.parent ? `${litigation}（${relabel(group.label.zh)}）` : relabel(group.label.zh);
      return cell(name, 'header', { colspan: outcomes.length, key });
    });
    const second = groups.flatMap((key) =>
      outcomes.map((o) => cell(outcomeLabel(o), 'header', { key: `${key}/${o}` })),
    );
    const data = groups.flatMap((key) => outcomes.map((o) => figure(key, o)));
    return { table: 'appeals', rows: [first, second, data], headerRows: 2 };
  }

  // Official: 行政复议 over its five outcomes (each merged down rows 2–3), 行政诉讼 over the two litigation groups.
  const top: Cell[] = [];
  const middle: Cell[] = [];
  const bottom: Cell[] = [];
  let litigationDone = false;
  for (const key of groups) {
    const group = groupOf(key);
    if (!group.parent) {
      top.push(cell(relabel(group.label.zh), 'header', { colspan: outcomes.length, key }));
      for (const o of outcomes) middle.push(cell(outcomeLabel(o), 'header', { rowspan: 2, key: `${key}/${o}` }));
    } else {
      if (!litigationDone) top.push(cell(litigation, 'header', { colspan: outcomes.length * 2 }));
      litigationDone = true;
      middle.push(cell(relabel(group.label.zh), 'header', { colspan: outcomes.length, key }));
      for (const o of outcomes) bottom.push(cell(outcomeLabel(o), 'header', { key: `${key}/${o}` }));
    }
  }
  const data = groups.flatMap((key) => outcomes.map((o) => figure(key, o)));
  return { table: 'appeals', rows: [top, middle, bottom, data], headerRows: 3 };
}

// ---------------------------------------------------------------- label variants

/** Label punctuation as published copies mix it (FORMAT.md): half-width brackets, 1、/1．/(1), 、 or ， between clauses. */
export function punctuationVariant(random: Random): (label: string) => string {
  const bracket = random() < 0.6;
  const number = pick(random, ['1、', '1．', '(1)', '1.']);
  const clause = pick(random, ['、', '，', ',']);
  const lawComma = random() < 0.5;
  const spacedCommercial = random() < 0.4;
  return (label) => {
    let text = label;
    if (bracket) text = text.replace(/（([一二三四五六七八九])）/g, '($1)');
    text = text.replace(/^(\d)\./, (_, digit: string) => number.replace('1', digit));
    text = text
      .replace('不补正、行政机关', `不补正${clause}行政机关`)
      .replace('费用、行政机关', `费用${clause}行政机关`);
    if (lawComma) text = text.replace('其他法律行政法规', '其他法律、行政法规');
    if (spacedCommercial && text === '商业企业') text = '商业 企业';
    return text;
  };
}
