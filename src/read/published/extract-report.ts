// Turns a flow document (any published or hand-made report) into the model by the official labels:
// sections by their headings, tables by what they contain, rows and columns by their labels. It never invents a figure:
// what it cannot place is reported as missing.
import type { Finding } from '../../diagnostics/diagnostic';
import { editionForYear, getEdition } from '../../editions';
import { fieldsOf, type RequestsLeaf } from '../../editions/fields';
import type { Column, Edition, EditionId, Label, TextSectionKey } from '../../editions/types';
import { setAt, valueAt } from '../../model/pointer';
import { canonicalModel } from '../../schema/canonical-model';
import { topLevelKeys } from '../../schema/edition-schema';
import { type ReadingMode, readNumberCell } from '../cell-value';
import type { InputFormat, ReadReport } from '../read-report';
import { ReadError } from '../read-report';
import { type DetectedMeta, detectMeta } from './detect-meta';
import type { FlowCell, FlowDocument, FlowItem, FlowParagraph, FlowTable, SourceRef } from './flow-document';
import { coreLabel, labelMatches, normaliseLabel } from './label-text';
import { editionFromLabels, sectionHeadings, tableKindOf } from './official-labels';

export interface ExtractOptions extends ReadingMode {
  file: string;
  format: InputFormat;
  readAs: 'labels' | 'published';
}

type SectionKey = 'preamble' | TextSectionKey | 'proactive' | 'requests' | 'appeals';
/** The sections in the order of the model (SPEC §3). */
const SECTION_ORDER = topLevelKeys.filter((key): key is Exclude<SectionKey, 'preamble'> =>
  ['overview', 'proactive', 'requests', 'appeals', 'problems', 'otherMatters'].includes(key),
);
type TableKind = 'proactive' | 'requests' | 'appeals';

class Extraction {
  readonly model: Record<string, unknown> = {};
  readonly sources = new Map<string, SourceRef>();
  readonly findings: Finding[] = [];
  readonly unreadable = new Set<string>();
  readonly placed = new Set<string>();

  constructor(
    readonly edition: Edition,
    readonly mode: ReadingMode,
  ) {}

  note(
    messageId: string,
    pointer: string,
    params: Record<string, string | number>,
    source?: SourceRef,
    severity?: 'warning',
  ): void {
    this.findings.push({
      ruleId: 'input',
      messageId,
      pointer,
      params,
      ...(source ? { source } : {}),
      ...(severity ? { severity } : {}),
    });
  }

  /** Reads one cell into the model at `pointer`, unless a figure was placed there already. */
  value(pointer: string, kind: Column['kind'], cell: FlowCell | undefined): void {
    if (this.placed.has(pointer)) return;
    this.placed.add(pointer);
    if (!cell) return; // reported as missing at the end
    this.sources.set(pointer, cell.source);
    const reading = readNumberCell(cell.text, kind, this.mode);
    if (reading.kind === 'blank') {
      if (this.mode.lenient) {
        setAt(this.model, pointer, 0);
        this.note('blankAsZero', pointer, {}, undefined, 'warning');
      }
      return;
    }
    if (reading.kind === 'invalid') {
      this.note(reading.messageId, pointer, { text: reading.text });
      this.unreadable.add(pointer);
      return;
    }
    setAt(this.model, pointer, reading.value);
    if (reading.note) {
      const { messageId, text, value } = reading.note;
      this.note(messageId, pointer, { text, value }, undefined, 'warning');
    }
  }
}

export function extractReport(document: FlowDocument, options: ExtractOptions): ReadReport {
  const sections = splitSections(document.items);
  if (!sections.found) {
    const text = document.items.map((item) => (item.kind === 'paragraph' ? item.text : '')).join('');
    if (/概述/.test(text) && /(附表|收费及减免|减免)/.test(text))
      throw new ReadError('preFormat', { file: options.file });
  }
  const tables = classifyTables(sections);
  if (!sections.found && tables.proactive.length + tables.requests.length + tables.appeals.length === 0) {
    throw new ReadError('notReport', { file: options.file });
  }
  const allTexts = document.items.flatMap((item) =>
    item.kind === 'paragraph' ? [item.text] : item.rows.flat().map((cell) => cell.text),
  );
  const paragraphsOf = (key: SectionKey) =>
    (sections.items.get(key) ?? []).filter((i): i is FlowParagraph => i.kind === 'paragraph').map((p) => p.text);
  const meta =
    labelledMeta(document.items) ??
    detectMeta(
      paragraphsOf('preamble'),
      SECTION_ORDER.flatMap((key) => paragraphsOf(key)),
      options.file,
    );
  const labelled = editionFromLabels(allTexts);
  const editionId: EditionId = labelled ?? (meta.year ? (editionForYear(meta.year)?.id ?? '2019') : '2021');
  const edition = getEdition(editionId);
  const x = new Extraction(edition, options);
  x.model.edition = edition.id;
  if (!labelled) x.note('editionGuessed', '/edition', { edition: edition.id }, undefined, 'warning');

  if (meta.agency) {
    x.model.agency = meta.agency;
    if (meta.agencyFrom !== 'title') {
      const messageId = meta.agencyFrom === 'file name' ? 'agencyFromFileName' : 'agencyFromText';
      x.note(messageId, '/agency', { agency: meta.agency }, undefined, 'warning');
    }
  } else {
    x.note('agencyNotFound', '/agency', {}, undefined, 'warning');
  }
  if (meta.year) {
    x.model.year = meta.year;
    if (meta.yearFrom !== 'title') {
      const messageId = meta.yearFrom === 'file name' ? 'yearFromFileName' : 'yearFromText';
      x.note(messageId, '/year', { year: meta.year }, undefined, 'warning');
    }
  } else {
    x.note('yearNotFound', '/year', {}, undefined, 'warning');
  }

  for (const key of ['overview', 'problems', 'otherMatters'] as const) {
    if (sections.items.has(key)) x.model[key] = paragraphsOf(key);
  }
  readProactive(x, tables.proactive);
  readRequests(x, tables.requests);
  readAppeals(x, tables.appeals);
  reportMissing(x);

  return {
    file: options.file,
    format: options.format,
    readAs: options.readAs,
    model: canonicalModel(x.model, edition),
    sources: x.sources,
    findings: x.findings,
    unreadable: x.unreadable,
  };
}

/** A workbook states agency and year as label and value (机关名称 | 某市商务局), as our template's first sheet does. */
function labelledMeta(items: readonly FlowItem[]): DetectedMeta | undefined {
  const meta: DetectedMeta = {};
  for (const item of items) {
    if (item.kind !== 'table') continue;
    for (const row of item.rows) {
      const texts = row.map((cell) => cell.text.trim()).filter(Boolean);
      const label = normaliseLabel(texts[0] ?? '');
      const value = texts.find((text, index) => index > 0 && text !== texts[0]);
      if (!value) continue;
      if (/^(机关名称|单位名称|报告机关)$/.test(label)) {
        meta.agency = value;
        meta.agencyFrom = 'title';
      } else if (/^(报告年度|年度)$/.test(label) && /^\d{4}/.test(normaliseLabel(value))) {
        meta.year = Number(normaliseLabel(value).slice(0, 4));
        meta.yearFrom = 'title';
      }
    }
  }
  return meta.agency || meta.year ? meta : undefined;
}

// ---------------------------------------------------------------- sections

interface Sections {
  found: boolean;
  items: Map<SectionKey, FlowItem[]>;
}

export function headingOf(text: string): Exclude<SectionKey, 'preamble'> | undefined {
  const normalised = normaliseLabel(text).replace(/^([一二三四五六])[.,、]/, '$1、');
  for (const [key, title] of sectionHeadings) {
    const wanted = normaliseLabel(title);
    // A heading may carry more after it (一、总体情况 本机关…) but never less than its distinctive start.
    if (normalised === wanted || normalised.startsWith(wanted.slice(0, Math.max(6, wanted.length - 2)))) return key;
  }
  return undefined;
}

function splitSections(items: readonly FlowItem[]): Sections {
  const result = new Map<SectionKey, FlowItem[]>([['preamble', []]]);
  let current: SectionKey = 'preamble';
  let found = false;
  for (const item of items) {
    const heading = item.kind === 'paragraph' ? headingOf(item.text) : undefined;
    if (heading && !result.has(heading)) {
      current = heading;
      found = true;
      result.set(heading, []);
      // A heading with text after it (一、总体情况：本年度…) keeps that text as the section's first paragraph.
      continue;
    }
    result.get(current)?.push(item);
  }
  return { found, items: result };
}

// ---------------------------------------------------------------- tables

function kindOf(table: FlowTable): TableKind | undefined {
  return tableKindOf(table.rows.flat().map((cell) => cell.text));
}

function classifyTables(sections: Sections): Record<TableKind, FlowTable[]> {
  const byKind: Record<TableKind, FlowTable[]> = { proactive: [], requests: [], appeals: [] };
  for (const [key, items] of sections.items) {
    const tables = items.filter((i): i is FlowTable => i.kind === 'table');
    for (const table of tables) {
      const kind = kindOf(table) ?? (key === 'proactive' || key === 'requests' || key === 'appeals' ? key : undefined);
      if (kind) byKind[kind].push(table);
    }
    // A table copied as one cell per line has no table left: its section's lines are its cells.
    if ((key === 'proactive' || key === 'requests' || key === 'appeals') && tables.length === 0) {
      const cells = items
        .filter((i): i is FlowParagraph => i.kind === 'paragraph')
        .map((p) => ({ text: p.text, source: p.source }));
      if (cells.length) byKind[key].push(linesAsTable(cells));
    }
  }
  return byKind;
}

/** Cells one per line: a row starts at each label and takes the figures after it. */
function linesAsTable(cells: FlowCell[]): FlowTable {
  const rows: FlowCell[][] = [];
  let row: FlowCell[] = [];
  let sawValue = false;
  for (const cell of cells) {
    const isValue = looksLikeValue(cell.text);
    if (!isValue && sawValue) {
      rows.push(row);
      row = [];
      sawValue = false;
    }
    row.push(cell);
    if (isValue) sawValue = true;
  }
  if (row.length) rows.push(row);
  return { kind: 'table', rows, positioned: false };
}

/** A figure or what stands for one (blank, —, /, 无 …) rather than a label. */
function looksLikeValue(text: string): boolean {
  const t = normaliseLabel(text);
  return (
    t === '' ||
    /^[+-]?[\d,]+(\.\d+)?(万元|元|件|个|项)?$/.test(t) ||
    /^(增|减)\d+$/.test(t) ||
    /^(—+|-+|\/|无|不适用|空|×)$/.test(t)
  );
}

const isBlank = (cell: FlowCell | undefined) => !cell || normaliseLabel(cell.text) === '';

/** The label cells of a row (text that is not a figure), without the copies of merged cells repeated across a row. */
function labelCells(row: readonly FlowCell[], before = row.length): FlowCell[] {
  const seen = new Set<string>();
  return row.slice(0, before).filter((cell) => {
    const text = normaliseLabel(cell.text);
    if (text === '' || looksLikeValue(cell.text) || seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

/**
 * The figures of a row whose cells lost their positions (text copied from a page), for `count` columns:
 * all of them when there are exactly `count`; when every figure given is 0 and the rest is blank, `count` zeros
 * (a blank there is a zero too); a row cut short after its first figures gives those. Anything else cannot be placed.
 */
function flattenedValues(values: readonly FlowCell[], count: number): (FlowCell | undefined)[] | undefined {
  const given = values.filter((cell) => !isBlank(cell));
  if (given.length === count) return given;
  const hasBlanks = given.length < values.length;
  if (given.length > count) return undefined;
  if (given.every((cell) => /^0+$/.test(normaliseLabel(cell.text)))) {
    const filler = given[0] ?? values[0];
    return filler ? Array.from({ length: count }, (_, i) => given[i] ?? { ...filler, text: '' }) : undefined;
  }
  if (!hasBlanks) return Array.from({ length: count }, (_, i) => given[i]);
  return undefined;
}

// ---------------------------------------------------------------- 二

function readProactive(x: Extraction, tables: readonly FlowTable[]): void {
  const groups = x.edition.proactive;
  let group = groups[0];
  let columnIndex: (number | undefined)[] | undefined;
  for (const table of tables) {
    for (const row of table.rows) {
      const labels = labelCells(row);
      const first = labels[0];
      if (!first) continue;
      const item = groups.find((g) => labels.some((cell) => sameItem(cell.text, g.item)));
      if (item) {
        group = item;
        columnIndex = undefined;
        continue;
      }
      if (labelMatches(first.text, x.edition.proactiveHeader)) {
        // The header row: where each column of the current item stands.
        const current = group;
        if (!current) continue;
        columnIndex = current.columns.map((column) => {
          const at = row.findIndex((cell) => !cell.spanned && labelMatches(cell.text, column.label));
          return at >= 0 ? at : row.findIndex((cell) => labelMatches(cell.text, column.label));
        });
        for (const cell of labels.slice(1)) {
          if (!current.columns.some((c) => labelMatches(cell.text, c.label))) {
            x.note('unplacedLabel', '', { text: cell.text, edition: x.edition.id }, cell.source, 'warning');
          }
        }
        continue;
      }
      const owner = groups.find((g) => g.rows.some((r) => labelMatches(first.text, r.label)));
      const dataRow = owner?.rows.find((r) => labelMatches(first.text, r.label));
      if (!owner || !dataRow) {
        x.note('unplacedLabel', '', { text: first.text, edition: x.edition.id }, first.source, 'warning');
        continue;
      }
      const pointer = (column: Column) => `/proactive/${dataRow.key}/${column.key}`;
      const labelAt = row.indexOf(first);
      if (table.positioned && columnIndex && owner === group) {
        owner.columns.forEach((column, i) => {
          const at = columnIndex?.[i];
          x.value(pointer(column), column.kind, at === undefined || at < 0 ? undefined : row[at]);
        });
      } else {
        placeFlattened(
          x,
          row.slice(labelAt + 1),
          owner.columns.map((c) => ({ pointer: pointer(c), kind: c.kind })),
          first,
        );
      }
    }
  }
}

function sameItem(text: string, item: Label): boolean {
  return normaliseLabel(text).includes(normaliseLabel(item.zh));
}

function placeFlattened(
  x: Extraction,
  cells: readonly FlowCell[],
  targets: readonly { pointer: string; kind: Column['kind'] }[],
  label: FlowCell,
): void {
  const values = flattenedValues(
    cells.filter((cell) => looksLikeValue(cell.text)),
    targets.length,
  );
  if (!values) {
    const shown = cells
      .filter((c) => !isBlank(c))
      .map((c) => c.text.trim())
      .join(' ');
    x.note(
      'unplacedRow',
      targets[0]?.pointer.replace(/\/[^/]+$/, '') ?? '',
      { text: label.text.trim(), values: shown },
      label.source,
      'warning',
    );
    for (const target of targets) x.placed.add(target.pointer);
    return;
  }
  targets.forEach((target, i) => {
    x.value(target.pointer, target.kind, values[i]);
  });
}

// ---------------------------------------------------------------- 三

function readRequests(x: Extraction, tables: readonly FlowTable[]): void {
  const fields = fieldsOf(x.edition);
  const columns = x.edition.requests.columns;
  const context: string[] = [];
  for (const table of tables) {
    let columnIndex: (number | undefined)[] | undefined;
    let labelWidth = Number.POSITIVE_INFINITY;
    let sawData = false;
    for (const row of table.rows) {
      const cells = labelCells(row, table.positioned ? Math.min(labelWidth, row.length) : row.length);
      // A column header (总计, 其他) never names a row, however like （七）总计 or 3.其他 it looks.
      const labels = cells.filter((cell) => !isColumnLabel(x.edition, cell.text));
      const leaf = labels.length ? matchLeaf(fields.requestsLeaves, labels, context) : undefined;
      if (!leaf) {
        if (table.positioned && !sawData) {
          // Header rows come before the first data row: find each applicant column by its label.
          const found = columns.map((column) => findColumn(row, column));
          if (found.some((at) => at !== undefined)) {
            columnIndex = columnIndex ?? Array(columns.length).fill(undefined);
            found.forEach((at, i) => {
              if (at !== undefined && columnIndex) columnIndex[i] ??= at;
            });
          }
        }
        rememberGroups(labels, context);
        const unknown = cells.filter((cell) => !isKnownRequestsLabel(x.edition, cell.text));
        for (const cell of unknown)
          x.note('unplacedLabel', '', { text: cell.text, edition: x.edition.id }, cell.source, 'warning');
        continue;
      }
      rememberGroups(labels, context);
      sawData = true;
      const targets = columns.map((column) => ({ pointer: `${leaf.pointer}/${column.key}`, kind: column.kind }));
      if (table.positioned && columnIndex?.some((at) => at !== undefined)) {
        const known = columnIndex.filter((at): at is number => at !== undefined);
        labelWidth = Math.min(labelWidth, ...known);
        targets.forEach((target, i) => {
          const at = columnIndex?.[i];
          x.value(target.pointer, target.kind, at === undefined ? undefined : row[at]);
        });
      } else {
        const last = labels[labels.length - 1] as FlowCell;
        placeFlattened(x, row.slice(row.indexOf(last) + 1), targets, last);
      }
    }
  }
}

function isColumnLabel(edition: Edition, text: string): boolean {
  const label = normaliseLabel(text);
  return edition.requests.columns.some((column) => normaliseLabel(column.label.zh) === label);
}

/** The column of a header row whose cell is exactly this column's label (其他 and 总计 are short: no prefixes). */
function findColumn(row: readonly FlowCell[], column: Column): number | undefined {
  const wanted = [column.label.zh, ...(column.label.variants ?? [])].map(normaliseLabel);
  const at = row.findIndex((cell) => wanted.includes(normaliseLabel(cell.text)));
  return at >= 0 ? at : undefined;
}

function isKnownRequestsLabel(edition: Edition, text: string): boolean {
  const { requests } = edition;
  const known: Label[] = [
    requests.balanceNote,
    requests.applicantHeader,
    requests.organisationHeader,
    ...requests.columns.map((c) => c.label),
  ];
  const groups = (rows: typeof requests.rows): Label[] =>
    rows.flatMap((r) => (r.children ? [r.label, ...groups(r.children)] : []));
  known.push(...groups(requests.rows));
  // 核对… are the live-check cells of our own template, read here when its defined names were lost.
  return known.some((label) => labelMatches(text, label)) || /勾稽关系|^核对/.test(normaliseLabel(text));
}

/** Group labels (三、本年度办理结果, （三）不予公开 …) stay in force for the rows after them in flattened tables. */
function rememberGroups(labels: readonly FlowCell[], context: string[]): void {
  for (const cell of labels) {
    const text = normaliseLabel(cell.text);
    if (/^三、?本年度办理结果/.test(text)) context.splice(0, context.length, text);
    else if (/^\([一二三四五六七]\)/.test(text)) context.splice(1, context.length, text);
  }
}

/** The data row a row's labels name: its own label must match; group labels (in the row or in force) break ties. */
function matchLeaf(
  leaves: readonly RequestsLeaf[],
  labels: readonly FlowCell[],
  context: readonly string[],
): RequestsLeaf | undefined {
  const texts = [...labels.map((cell) => cell.text), ...context];
  let best: { leaf: RequestsLeaf; score: number } | undefined;
  for (const leaf of leaves) {
    const own = leaf.labels[leaf.labels.length - 1] as Label;
    if (!labels.some((cell) => labelMatches(cell.text, own))) continue;
    const parents = leaf.labels.slice(0, -1);
    const score = 1 + parents.filter((parent) => texts.some((text) => labelMatches(text, parent))).length * 2;
    // A bare two-character label (其他, 总计) names a row only with its group in sight; （七）总计 or 3.其他, numbered, does.
    const bare = labels.some((cell) => normaliseLabel(cell.text) === coreLabel(normaliseLabel(own.zh)));
    if (parents.length > 0 && score === 1 && bare && coreLabel(normaliseLabel(own.zh)).length <= 2) continue;
    if (!best || score > best.score) best = { leaf, score };
  }
  return best?.leaf;
}

// ---------------------------------------------------------------- 四

function readAppeals(x: Extraction, tables: readonly FlowTable[]): void {
  const { groups, outcomes } = x.edition.appeals;
  const targets = groups.flatMap((group) =>
    outcomes.map((outcome) => ({
      pointer: `/appeals/${group.key}/${outcome.key}`,
      kind: outcome.kind,
      group,
      outcome,
    })),
  );
  for (const table of tables) {
    const valueRow = table.rows.find(
      (row) => row.filter((cell) => !isBlank(cell) && looksLikeValue(cell.text)).length >= 3,
    );
    if (!valueRow) continue;
    if (table.positioned) {
      // Each column's group and outcome come from the header cells above it (merged headers repeat across their span).
      const header = table.rows.slice(0, table.rows.indexOf(valueRow));
      const placed = targets.map((target) => {
        const at = valueRow.findIndex((_, column) => {
          const above = header.map((row) => row[column]?.text ?? '');
          return (
            above.some((text) => labelMatches(text, target.outcome.label)) &&
            above.some((text) => labelMatches(text, target.group.label)) &&
            (!target.group.parent || above.some((text) => labelMatches(text, target.group.parent as Label)))
          );
        });
        return at >= 0 ? valueRow[at] : undefined;
      });
      if (placed.some(Boolean)) {
        targets.forEach((target, i) => {
          x.value(target.pointer, target.kind, placed[i]);
        });
        return;
      }
    }
    const label: FlowCell = valueRow[0] ?? { text: '四', source: {} };
    placeFlattened(x, valueRow, targets, label);
    return;
  }
}

// ---------------------------------------------------------------- missing

function reportMissing(x: Extraction): void {
  for (const field of fieldsOf(x.edition).numeric) {
    if (x.unreadable.has(field.pointer) || valueAt(x.model, field.pointer) !== undefined) continue;
    x.note('notFound', field.pointer, {}, undefined, x.mode.lenient ? 'warning' : undefined);
    x.unreadable.add(field.pointer);
  }
}
