// What a rendering of a report shows, before any format: headings, paragraphs and the official tables as rows of
// labels and cells, with the spellings published reports use (label punctuation, reworded headings, units, blanks).

import { getEdition } from '../../src/editions';
import { fieldsOf } from '../../src/editions/fields';
import type { Edition, EditionId, Label, ValueKind } from '../../src/editions/types';
import { numberAt } from '../../src/model/pointer';
import { chance, pick, type Random } from './random-model';

export interface PlanCell {
  pointer: string;
  value: number;
  /** As printed; '' for a blank cell. */
  text: string;
  /** Printed as a word a reader cannot take for the figure (二 for 2). */
  garbled?: boolean;
}

export type PlanRow =
  | { kind: 'header'; texts: string[] }
  | { kind: 'item'; text: string }
  | { kind: 'data'; labels: string[]; cells: PlanCell[] };

export type PlanItem =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; section: 'proactive' | 'requests' | 'appeals'; rows: PlanRow[] };

export interface PlanOptions {
  /** Zero cells may be left blank (the source keeps their places). */
  blanks: boolean;
  /** A row's 总计 may be left blank beside non-zero parts (the source keeps places). */
  omittedTotals: boolean;
  /** 2019's 采购总金额 may be printed with a unit (251000元, 25.1万元). */
  units: boolean;
  /** Where the agency is named: the title line, only the page's <title>, or only the 落款. */
  agencyIn: 'title' | 'page title' | 'signature';
}

export interface Plan {
  edition: Edition;
  items: PlanItem[];
  pageTitle: string;
}

/** A label as some report prints it: 1、 1. 1． (1); （一）/(一); 、，, between clauses; 其他法律、行政法规. */
export function spell(random: Random, label: string): string {
  let text = label;
  const numbered = /^(\d+)\./.exec(text);
  if (numbered)
    text = text.replace(
      /^\d+\./,
      pick(random, [`${numbered[1]}.`, `${numbered[1]}、`, `${numbered[1]}．`, `(${numbered[1]})`]),
    );
  if (/^（[一二三四五六七]）/.test(text) && chance(random, 0.5)) text = text.replace(/^（(.)）/, '($1)');
  if (text.includes('、行政机关不再处理'))
    text = text.replace('、行政机关', pick(random, ['、行政机关', '，行政机关', ',行政机关']));
  if (text.includes('其他法律行政法规') && chance(random, 0.5))
    text = text.replace('其他法律行政法规', '其他法律、行政法规');
  return text;
}

const headingOf = (random: Random, label: Label) => pick(random, [label.zh, ...(label.variants ?? [])]);

function figure(random: Random, value: number, kind: ValueKind, options: PlanOptions, pointer: string): string {
  if (value === 0 && options.blanks && chance(random, 0.3)) return '';
  if (kind === 'amount' && options.units && pointer === '/proactive/procurement/amount' && chance(random, 0.6)) {
    return chance(random, 0.5) ? `${Math.round(value * 10000)}元` : `${value}万元`;
  }
  if (value >= 1000 && chance(random, 0.2)) return value.toLocaleString('en-US');
  return String(value);
}

export function planReport(random: Random, model: Record<string, unknown>, options: PlanOptions): Plan {
  const edition = getEdition(model.edition as EditionId);
  const agency = model.agency as string;
  const year = model.year as number;
  const title = `${year}年政府信息公开工作年度报告`;
  const items: PlanItem[] = [];
  items.push({ kind: 'heading', text: options.agencyIn === 'title' ? `${agency}${title}` : title });
  const cell = (pointer: string, kind: ValueKind): PlanCell => {
    const value = numberAt(model, pointer) as number;
    return { pointer, value, text: figure(random, value, kind, options, pointer) };
  };
  const omitTotal = (cells: PlanCell[], partsCount: number, at: number) => {
    const total = cells[at];
    const parts = cells.slice(at - partsCount, at);
    if (options.omittedTotals && total && parts.some((p) => p.value !== 0) && chance(random, 0.05)) total.text = '';
  };
  const { sections } = edition;
  items.push({ kind: 'heading', text: sections.overview.title.zh });
  for (const text of model.overview as string[]) items.push({ kind: 'paragraph', text });

  // 二
  items.push({ kind: 'heading', text: headingOf(random, sections.proactive.title) });
  const proactive: PlanRow[] = [];
  for (const group of edition.proactive) {
    proactive.push({ kind: 'item', text: group.item.zh });
    proactive.push({ kind: 'header', texts: [edition.proactiveHeader.zh, ...group.columns.map((c) => c.label.zh)] });
    for (const row of group.rows) {
      proactive.push({
        kind: 'data',
        labels: [row.label.zh],
        cells: group.columns.map((c) => cell(`/proactive/${row.key}/${c.key}`, c.kind)),
      });
    }
  }
  items.push({ kind: 'table', section: 'proactive', rows: proactive });

  // 三
  items.push({ kind: 'heading', text: headingOf(random, sections.requests.title) });
  const columns = edition.requests.columns;
  const requests: PlanRow[] = [
    { kind: 'header', texts: [edition.requests.balanceNote.zh, edition.requests.applicantHeader.zh] },
    { kind: 'header', texts: [columns[0]?.label.zh ?? '', edition.requests.organisationHeader.zh, '总计'] },
    { kind: 'header', texts: columns.slice(1, -1).map((c) => c.label.zh) },
  ];
  let previousParents: string[] = [];
  for (const leaf of fieldsOf(edition).requestsLeaves) {
    const chain = leaf.labels.map((l) => spell(random, l.zh));
    const parents = chain.slice(0, -1);
    // A group label is printed once, on its first row (a merged cell), as reports do.
    const shown = parents.filter((_, i) => previousParents[i] !== leaf.labels[i]?.zh).concat(chain.slice(-1));
    previousParents = leaf.labels.slice(0, -1).map((l) => l.zh);
    const cells = columns.map((c) => cell(`${leaf.pointer}/${c.key}`, c.kind));
    omitTotal(cells, columns.length - 1, columns.length - 1);
    requests.push({ kind: 'data', labels: shown, cells });
  }
  items.push({ kind: 'table', section: 'requests', rows: requests });

  // 四
  items.push({ kind: 'heading', text: headingOf(random, sections.appeals.title) });
  const { groups, outcomes } = edition.appeals;
  const appealsCells = groups.flatMap((g) => outcomes.map((o) => cell(`/appeals/${g.key}/${o.key}`, o.kind)));
  groups.forEach((_, g) => {
    omitTotal(appealsCells, outcomes.length - 1, g * outcomes.length + outcomes.length - 1);
  });
  items.push({
    kind: 'table',
    section: 'appeals',
    rows: [
      { kind: 'header', texts: ['行政复议', '行政诉讼'] },
      { kind: 'header', texts: [...outcomes.map((o) => o.label.zh), '未经复议直接起诉', '复议后起诉'] },
      { kind: 'header', texts: [...outcomes.map((o) => o.label.zh), ...outcomes.map((o) => o.label.zh)] },
      { kind: 'data', labels: [], cells: appealsCells },
    ],
  });
  items.push({ kind: 'heading', text: headingOf(random, sections.problems.title) });
  for (const text of model.problems as string[]) items.push({ kind: 'paragraph', text });
  items.push({ kind: 'heading', text: sections.otherMatters.title.zh });
  for (const text of model.otherMatters as string[]) items.push({ kind: 'paragraph', text });
  if (options.agencyIn !== 'page title') {
    items.push({ kind: 'paragraph', text: agency });
    items.push({ kind: 'paragraph', text: `${year + 1}年1月${10 + Math.floor(random() * 18)}日` });
  }
  return { edition, items, pageTitle: options.agencyIn === 'title' ? title : `${agency}${title}` };
}
