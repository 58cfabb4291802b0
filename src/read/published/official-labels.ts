// What the readers of published reports know about the official format, derived from the edition definitions:
// the section headings, the labels that head table columns, and the labels that tell one edition from another.
import { editions } from '../../editions';
import { fieldsOf } from '../../editions/fields';
import type { EditionId, Label, SectionKey } from '../../editions/types';
import { normaliseLabel } from '../../model/label-text';

const spellings = (label: Label) => [label.zh, ...(label.variants ?? [])].map(normaliseLabel);

/** Each section's official heading (一、总体情况 …) and the rewordings reports print, the same in every edition. */
export const sectionHeadings: readonly [SectionKey, readonly string[]][] = (() => {
  const headings = new Map<SectionKey, string[]>();
  for (const edition of editions) {
    for (const [key, section] of Object.entries(edition.sections) as [SectionKey, { title: Label }][]) {
      if (!headings.has(key)) headings.set(key, spellings(section.title));
    }
  }
  return [...headings];
})();

const HEADER_LABELS = new Set(
  editions.flatMap((edition) => [
    ...spellings(edition.proactiveHeader),
    ...edition.proactive.flatMap((group) => group.columns.flatMap((column) => spellings(column.label))),
    ...spellings(edition.requests.applicantHeader),
    ...spellings(edition.requests.organisationHeader),
    ...edition.requests.columns.flatMap((column) => spellings(column.label)),
    ...edition.appeals.groups.flatMap((group) => [
      ...spellings(group.label),
      ...(group.parent ? spellings(group.parent) : []),
    ]),
    ...edition.appeals.outcomes.flatMap((outcome) => spellings(outcome.label)),
  ]),
);

/** Exactly a label that heads table columns (总计 is a column, （七）总计 a row), an item row or the balance note. */
export function isTableHeader(text: string): boolean {
  const label = normaliseLabel(text);
  return HEADER_LABELS.has(label) || /^第二十条/.test(label) || /勾稽关系/.test(label);
}

const ROW_LABELS = new Set(
  editions.flatMap((edition) => [
    ...fieldsOf(edition).requestsLeaves.flatMap((leaf) => spellings(leaf.labels[leaf.labels.length - 1] as Label)),
    ...edition.proactive.flatMap((group) => group.rows.flatMap((row) => spellings(row.label))),
  ]),
);

/** Exactly the label of a data row (四、结转下年度继续办理 is a row of 三, not a heading). */
export function isRowLabel(text: string): boolean {
  return ROW_LABELS.has(normaliseLabel(text));
}

/** Labels that only one edition prints (本年制发件数 is 2021's, 本年新制作数量 2019's), in every spelling. */
const TELLING_LABELS: ReadonlyMap<string, EditionId> = (() => {
  const labelsOf = (id: EditionId): Label[] => {
    const edition = editions.find((e) => e.id === id);
    if (!edition) return [];
    return [
      ...edition.proactive.flatMap((group) => group.columns.map((column) => column.label)),
      // Every label of 三, group labels included: 2019's row （六）其他处理 is 2021's group label.
      ...fieldsOf(edition).requestsLeaves.flatMap((leaf) => leaf.labels),
    ];
  };
  const all = editions.map((edition) => ({
    id: edition.id,
    spellings: new Set(labelsOf(edition.id).flatMap(spellings)),
  }));
  const telling = new Map<string, EditionId>();
  for (const { id, spellings: mine } of all) {
    for (const spelling of mine)
      if (!all.some((other) => other.id !== id && other.spellings.has(spelling))) telling.set(spelling, id);
  }
  return telling;
})();

/**
 * The edition a report's cells say it is, when they say only one. Cells must be the label exactly (once brackets,
 * 1、, spaces and Traditional characters are normalised): the column 其他 is not 2021's row 3.其他.
 */
export function editionFromLabels(texts: readonly string[]): EditionId | undefined {
  const said = new Set<EditionId>();
  for (const text of texts) {
    const edition = TELLING_LABELS.get(normaliseLabel(text));
    if (edition) said.add(edition);
  }
  return said.size === 1 ? [...said][0] : undefined;
}

/** Which official table a table of cells is, by the labels only that table prints. */
export function tableKindOf(texts: readonly string[]): 'proactive' | 'requests' | 'appeals' | undefined {
  const cells = new Set(texts.map(normaliseLabel));
  const has = (labels: readonly Label[]) =>
    labels.some((label) => spellings(label).some((spelling) => cells.has(spelling)));
  const prefixed = (prefix: string) => [...cells].some((cell) => cell.startsWith(prefix));
  const say = (kind: 'proactive' | 'requests' | 'appeals') => TABLE_LABELS[kind];
  if (has(say('requests'))) return 'requests';
  if (has(say('appeals'))) return 'appeals';
  if (has(say('proactive')) || prefixed('第二十条')) return 'proactive';
  return undefined;
}

const TABLE_LABELS: Readonly<Record<'proactive' | 'requests' | 'appeals', readonly Label[]>> = {
  // 三: its own headers and the two rows that open it.
  requests: editions.flatMap((edition) => [
    edition.requests.applicantHeader,
    ...edition.requests.rows.filter((row) => !row.children).map((row) => row.label),
  ]),
  // 四: the outcomes, which only it prints.
  appeals: editions.flatMap((edition) => edition.appeals.outcomes.slice(0, -1).map((outcome) => outcome.label)),
  // 二: its header and its rows.
  proactive: editions.flatMap((edition) => [
    edition.proactiveHeader,
    ...edition.proactive.flatMap((group) => group.rows.map((row) => row.label)),
  ]),
};
