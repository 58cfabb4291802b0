// Flattens an edition into the fields every other part works with: model paths, JSON Pointers, kinds and label chains.
import type {
  Column,
  Edition,
  EditionId,
  Label,
  RequestsRow,
  Section,
  SectionKey,
  TableSectionKey,
  TextSectionKey,
  ValueKind,
} from './types';

/** One numeric cell of an official table. */
export interface NumericField {
  /** Dotted model path, also the template's defined name: `requests.newReceived.natural`. */
  path: string;
  /** JSON Pointer into the model: `/requests/newReceived/natural`. */
  pointer: string;
  kind: ValueKind;
  section: TableSectionKey;
  /** Official labels from the table down to the column, without the section numeral. */
  labels: readonly Label[];
}

/** A data row of 三 (a row that carries numbers). */
export interface RequestsLeaf {
  pointer: string;
  /** Keys from `requests` down: ['results', 'denied', 'stateSecret']. */
  keys: readonly string[];
  /** The labels of the row and of the group rows above it. */
  labels: readonly Label[];
}

export interface EditionFields {
  edition: Edition;
  numeric: readonly NumericField[];
  byPointer: ReadonlyMap<string, NumericField>;
  requestsLeaves: readonly RequestsLeaf[];
  /** Leaves of 三、本年度办理结果 that add up to （七）总计 (every result row but the total). */
  resultParts: readonly RequestsLeaf[];
  /** The label chain of any node of the model, by pointer. */
  labelOf(pointer: string, lang: 'zh' | 'en'): string | undefined;
}

export const textSections: readonly TextSectionKey[] = ['overview', 'problems', 'otherMatters'];
export const metaLabels: Readonly<Record<'edition' | 'agency' | 'year' | 'signedOn' | 'publishedOn', Label>> = {
  edition: { zh: '格式版本', en: 'edition' },
  agency: { zh: '机关名称', en: 'agency' },
  year: { zh: '报告年度', en: 'report year' },
  signedOn: { zh: '落款日期', en: 'date signed' },
  publishedOn: { zh: '发布日期', en: 'date published' },
};

/** The filer's explanations of warnings (the 说明 sheet; `explanations` in the JSON): a list, not a section of the report. */
export const explanationsLabel: Label = { zh: '说明', en: 'explanations' };

const SEPARATOR = ' › ';

/**
 * A column's label as printed and named: an amount whose official label gives no unit (2019's 采购总金额) says
 * 万元, in the table and wherever a message, the diff or the dashboard names the figure.
 */
export function labelWithUnit(column: Pick<Column, 'label' | 'kind'>): Label {
  return column.kind === 'amount' && !column.label.zh.includes('万元')
    ? { ...column.label, zh: `${column.label.zh}（单位：万元）` }
    : column.label;
}

/**
 * The words of a label chain that are not the edition's labels, in each language (this floor cannot use
 * diagnostics' `defineWords`, so the table is typed here): a paragraph of a text section, and the head of a table's
 * chain — the section's numeral (`三`), and in English its title's Roman numeral (`III`).
 */
const labelWords: Readonly<
  Record<
    'zh' | 'en',
    { paragraph: (ordinal: number) => string; head: (section: Section) => string; entry: (ordinal: number) => string }
  >
> = {
  zh: {
    paragraph: (ordinal) => `第${ordinal}段`,
    head: (section) => section.numeral,
    entry: (ordinal) => `第${ordinal}条`,
  },
  en: {
    paragraph: (ordinal) => `paragraph ${ordinal}`,
    head: (section) => section.title.en.split('.')[0] ?? '',
    entry: (ordinal) => `entry ${ordinal}`,
  },
};

const cache = new Map<EditionId, EditionFields>();

export function fieldsOf(edition: Edition): EditionFields {
  const cached = cache.get(edition.id);
  if (cached) return cached;
  const built = buildFields(edition);
  cache.set(edition.id, built);
  return built;
}

export function pointerOf(keys: readonly string[]): string {
  return `/${keys.join('/')}`;
}

function buildFields(edition: Edition): EditionFields {
  const numeric: NumericField[] = [];
  // Every node of the model, leaf or group, with the label chain that names it.
  const nodeLabels = new Map<string, { section: SectionKey; labels: Label[] }>();
  const addNode = (keys: string[], section: SectionKey, labels: Label[]) =>
    nodeLabels.set(pointerOf(keys), { section, labels });

  for (const group of edition.proactive) {
    for (const row of group.rows) {
      addNode(['proactive', row.key], 'proactive', [group.item, row.label]);
      for (const column of group.columns) {
        const keys = ['proactive', row.key, column.key];
        const labels = [group.item, row.label, column.label];
        addNode(keys, 'proactive', [group.item, row.label, labelWithUnit(column)]);
        numeric.push(field(keys, column.kind, 'proactive', labels));
      }
    }
  }

  const requestsLeaves: RequestsLeaf[] = [];
  const walk = (rows: readonly RequestsRow[], parentKeys: string[], parentLabels: Label[]) => {
    for (const row of rows) {
      const keys = [...parentKeys, row.key];
      const labels = [...parentLabels, row.label];
      addNode(['requests', ...keys], 'requests', labels);
      if (row.children) {
        walk(row.children, keys, labels);
        continue;
      }
      requestsLeaves.push({ pointer: pointerOf(['requests', ...keys]), keys, labels });
      for (const column of edition.requests.columns) {
        const columnKeys = ['requests', ...keys, column.key];
        const columnLabels = [...labels, column.label];
        addNode(columnKeys, 'requests', columnLabels);
        numeric.push(field(columnKeys, column.kind, 'requests', columnLabels));
      }
    }
  };
  walk(edition.requests.rows, [], []);

  for (const group of edition.appeals.groups) {
    const groupLabels = group.parent ? [group.parent, group.label] : [group.label];
    addNode(['appeals', group.key], 'appeals', groupLabels);
    for (const outcome of edition.appeals.outcomes) {
      const keys = ['appeals', group.key, outcome.key];
      const labels = [...groupLabels, outcome.label];
      addNode(keys, 'appeals', labels);
      numeric.push(field(keys, outcome.kind, 'appeals', labels));
    }
  }

  for (const section of ['proactive', 'requests', 'appeals'] as const) addNode([section], section, []);

  const resultParts = requestsLeaves.filter(
    (leaf) => leaf.keys[0] === 'results' && leaf.pointer !== '/requests/results/total',
  );

  const labelOf = (pointer: string, lang: 'zh' | 'en'): string | undefined => {
    const [, top, index] = pointer.split('/');
    if (top === 'edition' || top === 'agency' || top === 'year' || top === 'signedOn' || top === 'publishedOn')
      return metaLabels[top][lang];
    if (top === 'explanations') {
      const head = explanationsLabel[lang];
      return index === undefined || !/^\d+$/.test(index)
        ? head
        : `${head}${SEPARATOR}${labelWords[lang].entry(Number(index) + 1)}`;
    }
    if (top && (textSections as string[]).includes(top)) {
      const title = edition.sections[top as TextSectionKey].title[lang];
      return index === undefined ? title : `${title}${SEPARATOR}${labelWords[lang].paragraph(Number(index) + 1)}`;
    }
    // Walk up to the nearest described node: an unknown key still gets its table's label.
    let probe = pointer;
    while (probe) {
      const node = nodeLabels.get(probe);
      if (node?.labels.length === 0) return edition.sections[node.section].title[lang];
      if (node) {
        const head = labelWords[lang].head(edition.sections[node.section]);
        return [head, ...node.labels.map((label) => label[lang])].join(SEPARATOR);
      }
      probe = probe.slice(0, probe.lastIndexOf('/'));
    }
    return undefined;
  };

  return {
    edition,
    numeric,
    byPointer: new Map(numeric.map((f) => [f.pointer, f])),
    requestsLeaves,
    resultParts,
    labelOf,
  };
}

function field(keys: string[], kind: ValueKind, section: TableSectionKey, labels: Label[]): NumericField {
  return { path: keys.join('.'), pointer: pointerOf(keys), kind, section, labels };
}
