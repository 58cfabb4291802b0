// The arithmetic of an edition as equations — every total the tables print, Σ coefficient × cell = 0 — and the one
// pass that checks them together. Checked one by one, a single typo reads as two or three wrong totals (a typo in
// （一）予以公开 · 自然人 breaks its row's 总计 and its column's （七）总计), and each message would ask to change a total
// that is right. Checked together, the failures are explained where they can be: a cell that lies in every failing
// equation it belongs to, and in no equation that holds, and whose one value would make them all hold, is the cell to
// look at. Where no single cell explains a failure, it is said which sum disagrees and by how much — never which
// value a figure "should" have.
import type { Finding, LocalizedText } from '../diagnostics/diagnostic';
import type { EditionFields } from '../editions/fields';
import { cellPointer, type GridColumn, type GridRow, type GridSum, type TableGrid } from '../editions/table-grid';
import type { Edition, TableSectionKey } from '../editions/types';

export interface Term {
  pointer: string;
  coefficient: 1 | -1;
}

/** One relation the tables state: Σ coefficient × value = 0. */
export interface Equation<MessageId extends string = string> {
  /** The rule that states it, and its message when the equation fails and no single cell explains it. */
  ruleId: string;
  messageId: MessageId;
  /** The figure the equation is read as checking: a mismatch points there. */
  total: string;
  terms: readonly Term[];
  /** The sum in words, for "为 15 时第 7 行与 D 列都成立": （一）予以公开一行, 自然人一列… */
  name: LocalizedText;
}

/** What a rule that states equations gives the engine. */
export interface EquationContext {
  edition: Edition;
  fields: EditionFields;
  /** Each table's grid: its sums (a row's total, 三's totals down the columns and its balance) are the arithmetic. */
  grids: Readonly<Record<TableSectionKey, TableGrid>>;
}

/** A row's sum of the grid (total = parts) as the equation of a rule. */
export function rowSumEquation<MessageId extends string>(
  ruleId: string,
  messageId: MessageId,
  row: GridRow,
  sum: GridSum,
  name: LocalizedText,
): Equation<MessageId> {
  const pointer = (index: number) => cellPointer(row, row.columns[index] as GridColumn);
  return sumEquation(ruleId, messageId, pointer(sum.total), sum.parts.map(pointer), name);
}

/** The messages every equation rule carries, beside its own mismatch message. */
export const equationMessages = {
  likelyCell: {
    zh: '{label}（{at}）可能有误：为 {value} 时{sums}成立，实际为 {actual}',
    en: '{label} ({at}) may be wrong: at {value}, {sums} would hold; it is {actual}',
  },
} as const;

/** `total = Σ parts`, as an equation. */
export function sumEquation<MessageId extends string>(
  ruleId: string,
  messageId: MessageId,
  total: string,
  parts: readonly string[],
  name: LocalizedText,
): Equation<MessageId> {
  return {
    ruleId,
    messageId,
    total,
    terms: [{ pointer: total, coefficient: 1 }, ...parts.map((pointer) => ({ pointer, coefficient: -1 as const }))],
    name,
  };
}

interface Evaluated {
  equation: Equation;
  /** Σ coefficient × value; 0 when the equation holds. */
  residual: number;
}

/**
 * Checks the equations together and returns the findings: one per cell that explains failures (`likelyCell`, under
 * the rule of the first equation it explains), one per failing equation no single cell explains (its own message,
 * with the two sides and their difference). Equations with a missing or unreadable term are left out.
 */
export function checkEquations(
  equations: readonly Equation[],
  number: (pointer: string) => number | undefined,
): Finding[] {
  const evaluated: Evaluated[] = [];
  for (const equation of equations) {
    let residual = 0;
    let complete = true;
    for (const term of equation.terms) {
      const value = number(term.pointer);
      if (value === undefined) {
        complete = false;
        break;
      }
      residual += term.coefficient * value;
    }
    if (complete) evaluated.push({ equation, residual });
  }
  if (!evaluated.some((e) => e.residual !== 0)) return [];

  // Each cell's equations, in order.
  const byCell = new Map<string, Evaluated[]>();
  for (const entry of evaluated)
    for (const term of entry.equation.terms) {
      const list = byCell.get(term.pointer);
      if (list) list.push(entry);
      else byCell.set(term.pointer, [entry]);
    }
  // A candidate lies only in failing equations, and one change of it makes every one of them hold.
  const candidates = new Map<string, { value: number; explains: Evaluated[] }>();
  for (const [pointer, list] of byCell) {
    if (list.some((entry) => entry.residual === 0)) continue;
    let change: number | undefined;
    let consistent = true;
    for (const entry of list) {
      const coefficient = entry.equation.terms.find((term) => term.pointer === pointer)?.coefficient ?? 1;
      const needed = -entry.residual * coefficient;
      if (change === undefined) change = needed;
      else if (change !== needed) consistent = false;
    }
    const current = number(pointer);
    if (!consistent || change === undefined || current === undefined) continue;
    const value = current + change;
    if (Number.isInteger(value) && value >= 0) candidates.set(pointer, { value, explains: list });
  }
  // An equation is explained when exactly one candidate lies in it; a candidate is named when it explains all of its
  // equations alone (in a group total of 四 with one typo, any of its five cells would do: none is named).
  const explainers = new Map<Equation, string[]>();
  for (const [pointer, { explains }] of candidates)
    for (const entry of explains) {
      const list = explainers.get(entry.equation);
      if (list) list.push(pointer);
      else explainers.set(entry.equation, [pointer]);
    }
  const findings: Finding[] = [];
  const explained = new Set<Equation>();
  for (const [pointer, { value, explains }] of candidates) {
    if (!explains.every((entry) => explainers.get(entry.equation)?.length === 1)) continue;
    for (const entry of explains) explained.add(entry.equation);
    const first = explains[0] as Evaluated;
    findings.push({
      ruleId: first.equation.ruleId,
      messageId: 'likelyCell',
      pointer,
      actual: number(pointer) as number,
      expected: value,
      params: { value },
      texts: { sums: joinNames(explains.map((entry) => entry.equation.name)) },
      related: explains.map((entry) => entry.equation.total).filter((total) => total !== pointer),
    });
  }
  for (const { equation, residual } of evaluated) {
    if (residual === 0 || explained.has(equation)) continue;
    const total = number(equation.total) as number;
    // The other side of the equation, as the total's own coefficient sees it.
    const coefficient = equation.terms.find((term) => term.pointer === equation.total)?.coefficient ?? 1;
    const others = total - coefficient * residual;
    findings.push({
      ruleId: equation.ruleId,
      messageId: equation.messageId,
      pointer: equation.total,
      actual: total,
      params: { sum: others, difference: Math.abs(residual) },
      cells: { cells: equation.terms.map((term) => term.pointer) },
      related: equation.terms.map((term) => term.pointer).filter((pointer) => pointer !== equation.total),
    });
  }
  return findings;
}

/** 第 7 行与 D 列 / row 7 and column D; three or more: A、B 与 C / A, B and C. */
function joinNames(names: readonly LocalizedText[]): LocalizedText {
  const join = (list: string[], comma: string, and: string) =>
    list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(comma)}${and}${list[list.length - 1]}`;
  const zh = join(
    names.map((n) => n.zh),
    '、',
    '与',
  );
  const en = join(
    names.map((n) => n.en),
    ', ',
    ' and ',
  );
  return { zh: names.length > 1 ? `${zh}都` : zh, en };
}
