// Diagnostics are plain data: what is wrong, where, and the numbers; reporters turn them into output.
import type { Decision } from './decision';
import { defineWords, type Lang } from './words';

export type Severity = 'error' | 'warning';
export type { Lang } from './words';

/** A message template per language; `{name}` is replaced by the diagnostic's params. */
export type LocalizedText = { zh: string; en: string };
export type MessageTemplates = Readonly<Record<string, LocalizedText>>;

/** What a check finds, before it is placed (label, sheet, cell) and worded. */
export interface Finding {
  ruleId: string;
  messageId: string;
  pointer: string;
  params?: Record<string, string | number>;
  expected?: number;
  actual?: number | string;
  /** Pointers of the other cells the check used (the parts of a sum). */
  related?: string[];
  /** Overrides the rule's default severity (e.g. input normalisations that only warn). */
  severity?: Severity;
  /** Where in the input, when the pointer alone does not say (a label that fits nowhere in the model). */
  source?: SourceRef;
  /** Params worded per language (the names of sums), set into `params` when the finding is worded. */
  texts?: Record<string, LocalizedText>;
  /** Params that list cells: each pointer worded as its label and place (`结果维持（H5）`) when the finding is worded. */
  cells?: Record<string, readonly string[]>;
}

/** Where a value came from: a workbook cell, a line of text, a PDF page, or a cell of an HTML or DOCX table. */
export interface SourceRef {
  sheet?: string;
  /** A1 address in a workbook. */
  cell?: string;
  line?: number;
  page?: number;
  table?: number;
  row?: number;
  column?: number;
}

/** The words of a source's place, in each language. */
const sourceWords = defineWords({
  zh: {
    page: (page: number) => `第 ${page} 页`,
    line: (line: number) => `第 ${line} 行`,
    table: (table: number, row: string, column: string) => `表 ${table}${row}${column}`,
    row: (row: number) => ` 第 ${row} 行`,
    column: (column: number) => `第 ${column} 列`,
    separator: ' ',
  },
  en: {
    page: (page) => `page ${page}`,
    line: (line) => `line ${line}`,
    table: (table, row, column) => `table ${table}${row}${column}`,
    row: (row) => `, row ${row}`,
    column: (column) => `, column ${column}`,
    separator: ', ',
  },
});

/** The place of a source in words: `sheet!D5`, `第 12 行`, `第 3 页`, `表 2 第 4 行第 5 列`. */
export function describeSource(source: SourceRef, lang: Lang): string | undefined {
  if (source.sheet && source.cell) return `${source.sheet}!${source.cell}`;
  const w = sourceWords[lang];
  const parts: string[] = [];
  if (source.page !== undefined) parts.push(w.page(source.page));
  if (source.line !== undefined) parts.push(w.line(source.line));
  if (source.table !== undefined) {
    const row = source.row === undefined ? '' : w.row(source.row);
    const column = source.column === undefined ? '' : w.column(source.column);
    parts.push(w.table(source.table, row, column));
  }
  return parts.length ? parts.join(w.separator) : undefined;
}

export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  messageId: string;
  params: Record<string, string | number>;
  message: string;
  /** JSON Pointer into the model. */
  pointer: string;
  /** Official labels, e.g. `三 › 四、结转下年度继续办理 › 总计`. */
  label?: string;
  sheet?: string;
  /** A1 address, when the input was a workbook. */
  cell?: string;
  /** Where the value came from in a text or PDF input. */
  line?: number;
  page?: number;
  expected?: number;
  actual?: number | string;
  related?: string[];
  /** The filer's words on this warning, from the report's `explanations` (its 说明 sheet): not counted as a warning. */
  explanation?: string;
  /** A reviewer's decision on this finding, from a baseline file: not counted as an error or a warning. */
  decision?: Decision;
}

/** Whether a finding is set aside: explained by the filer or decided by a reviewer (not counted). */
export const setAside = (diagnostic: Pick<Diagnostic, 'explanation' | 'decision'>): boolean =>
  diagnostic.explanation !== undefined || diagnostic.decision !== undefined;

export function fillTemplate(template: string, params: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** The messageId of the diagnostic that closes a file's capped list: it stands for `params.errors` and `.warnings`. */
export const MORE_DIAGNOSTICS = 'moreDiagnostics';

/**
 * The errors and warnings still open, and apart from them those set aside: `explained` (a warning the filer explained)
 * and `decided` (a finding a reviewer decided on; one both explained and decided counts as decided).
 */
export function countBySeverity(diagnostics: readonly Diagnostic[]): {
  errors: number;
  warnings: number;
  explained: number;
  decided: number;
} {
  let errors = 0;
  let warnings = 0;
  let explained = 0;
  let decided = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.messageId === MORE_DIAGNOSTICS) {
      errors += Number(diagnostic.params.errors) || 0;
      warnings += Number(diagnostic.params.warnings) || 0;
    } else if (diagnostic.decision !== undefined) decided++;
    else if (diagnostic.explanation !== undefined) explained++;
    else if (diagnostic.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings, explained, decided };
}
