// Step 2 of reading a published report: the flow document cut into the six sections by their headings, and the
// tables of 二, 三 and 四 found by what they contain (or, when a copy left no table, rebuilt from the section's lines).
import type { TableSectionKey, TextSectionKey } from '../../editions/types';
import { normaliseLabel, ROW_NUMBERING } from '../../model/label-text';
import type { FlowCell, FlowItem, FlowParagraph, FlowTable } from './flow-document';
import { sectionHeadings, tableKindOf } from './official-labels';

export type SectionKey = 'preamble' | TextSectionKey | TableSectionKey;

export interface Sections {
  /** Whether any section heading was found. */
  found: boolean;
  items: Map<SectionKey, FlowItem[]>;
}

/** The section a line heads, in any of the wordings reports print (五、存在问题及改进情况 …). */
export function headingOf(text: string): Exclude<SectionKey, 'preamble'> | undefined {
  const normalised = normaliseLabel(text).replace(/^([一二三四五六])[.,]/, '$1、');
  for (const [key, titles] of sectionHeadings) {
    for (const wanted of titles) {
      // A heading may carry more after it (一、总体情况 本机关…) but never less than its distinctive start.
      if (normalised === wanted || normalised.startsWith(wanted.slice(0, Math.max(6, wanted.length - 2)))) return key;
    }
  }
  return undefined;
}

export function splitSections(items: readonly FlowItem[]): Sections {
  const result = new Map<SectionKey, FlowItem[]>([['preamble', []]]);
  let current: SectionKey = 'preamble';
  let found = false;
  for (const item of items) {
    const heading = item.kind === 'paragraph' ? headingOf(item.text) : undefined;
    if (heading && !result.has(heading)) {
      current = heading;
      found = true;
      result.set(heading, []);
      continue;
    }
    result.get(current)?.push(item);
  }
  return { found, items: result };
}

export type TableKind = TableSectionKey;

/** A table with the section it sits in, and whether the next section's heading follows it (it was not cut off). */
export interface SectionTable {
  table: FlowTable;
  endsAtHeading: boolean;
}

const isTableSection = (key: SectionKey): key is TableKind =>
  key === 'proactive' || key === 'requests' || key === 'appeals';

export function classifyTables(sections: Sections): Record<TableKind, SectionTable[]> {
  const byKind: Record<TableKind, SectionTable[]> = { proactive: [], requests: [], appeals: [] };
  const keys = [...sections.items.keys()];
  for (const [index, key] of keys.entries()) {
    const items = sections.items.get(key) ?? [];
    const followed = index < keys.length - 1;
    const pieces: { table: FlowTable; kind: TableKind | undefined }[] = [];
    const hasTables = items.some((item) => item.kind === 'table');
    let run: FlowParagraph[] = [];
    const flush = () => {
      if (isTableSection(key) && run.length) {
        const table = linesTable(run, hasTables);
        if (table) pieces.push({ table, kind: key });
      }
      run = [];
    };
    for (const item of items) {
      if (item.kind === 'paragraph') {
        // Page numbers a copy keeps (- 4 -, 第 4 页, 4/12) are no part of a table.
        if (!/^([-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)$/.test(item.text.trim()))
          run.push(item);
        continue;
      }
      flush();
      const kind = tableKindOf(item.rows.flat().map((cell) => cell.text)) ?? (isTableSection(key) ? key : undefined);
      pieces.push({ table: item, kind });
    }
    flush();
    const last = pieces.reduce((at, piece, i) => (piece.kind ? i : at), -1);
    pieces.forEach((piece, i) => {
      if (piece.kind) byKind[piece.kind].push({ table: piece.table, endsAtHeading: followed && i === last });
    });
  }
  return byKind;
}

/**
 * A table section's lines outside its tables, as a table: where the copy left no table at all, or where a run of its
 * lines holds a figure alone on a line, the lines are cells one after another (a stream); beside tables, lines that
 * are a label and its figures (四、结转下年度继续办理 0 0 0 0 0 0 0) are rows.
 */
function linesTable(paragraphs: readonly FlowParagraph[], besideTables: boolean): FlowTable | undefined {
  const lines = joinContinuations(paragraphs.map((p) => lineCells(p.text, p.source, p.indent)));
  const figureAlone = lines.some((cells) => cells.length === 1 && looksLikeValue((cells[0] as FlowCell).text));
  if (!besideTables || figureAlone) {
    const cells = lines.flat();
    return cells.length ? { kind: 'table', rows: [cells], layout: 'stream' } : undefined;
  }
  const rows = lines.filter((cells) => cells.length > 1);
  return rows.length ? { kind: 'table', rows, layout: 'rows' } : undefined;
}

/** A line of a flattened table: a label and the figures after it, separated by spaces, are cells of their own. */
function lineCells(text: string, source: FlowCell['source'], indent?: number): FlowCell[] {
  // A PDF viewer's layout copy keeps columns by blanks: where a token stands in its line is its place across the page.
  const placed = indent !== undefined || / {3,}/.test(text);
  const tokens = [...text.matchAll(/[^\s\u3000]+/g)].map((match) => ({
    text: match[0],
    ...(placed ? { x: ((indent ?? 0) + (match.index ?? 0)) * CHARACTER_POINTS } : {}),
  }));
  let first = tokens.length;
  while (first > 0 && looksLikeValue((tokens[first - 1] as { text: string }).text)) first--;
  if (first === tokens.length) {
    // Labels only: each word a cell of its own — a header's labels side by side, a wrapped label's rest — which the
    // alignment joins again where they make a label.
    return tokens.map((token) => ({ ...token, source }));
  }
  const figures = tokens.slice(first).map((token) => ({ ...token, source }));
  // The label part may hold several labels side by side, as a PDF viewer copies a row (（三）不 1.属于国家秘密): a
  // token that starts with a numbering begins a label of its own.
  const labels: FlowCell[] = [];
  for (const token of tokens.slice(0, first)) {
    const last = labels[labels.length - 1];
    if (!last || ROW_NUMBERING.test(token.text)) labels.push({ ...token, source });
    else last.text += ` ${token.text}`;
  }
  return [...labels, ...figures];
}

/** A character of a layout copy, in the points a PDF's place is measured in (a 10.5 pt face, two columns to a glyph). */
const CHARACTER_POINTS = 5;

/**
 * Lines of labels only that continue the labels of the line above at the same places (a label wrapped in its cell:
 * 5.要求行政机关确认或重新出具已获取 … / 信息), joined to them.
 */
function joinContinuations(lines: readonly FlowCell[][]): FlowCell[][] {
  const result: FlowCell[][] = [];
  for (const line of lines) {
    const above = result[result.length - 1];
    const labelsOnly = line.length > 0 && line.every((cell) => cell.x !== undefined && !looksLikeValue(cell.text));
    const targets =
      above && labelsOnly
        ? line.map((cell) =>
            above.find(
              (a) =>
                a.x !== undefined && !looksLikeValue(a.text) && Math.abs(a.x - (cell.x as number)) <= CHARACTER_POINTS,
            ),
          )
        : [];
    if (above && labelsOnly && targets.every(Boolean) && above.some((cell) => looksLikeValue(cell.text))) {
      line.forEach((cell, i) => {
        const target = targets[i] as FlowCell;
        target.text += cell.text;
      });
      continue;
    }
    result.push(line.map((cell) => ({ ...cell })));
  }
  return result;
}

/** A figure or what stands for one (blank, —, /, 无 …) rather than a label. */
export function looksLikeValue(text: string): boolean {
  const t = normaliseLabel(text);
  return (
    t === '' ||
    /^[+-]?[\d,]+(\.\d+)?(万元|元|件|个|项|次|人次|宗|起)?$/.test(t) ||
    /^(增|减)\d+$/.test(t) ||
    /^(—+|-+|\/|无|不适用|空|×)$/.test(t)
  );
}
