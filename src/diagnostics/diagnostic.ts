// Diagnostics are plain data: what is wrong, where, and the numbers; reporters turn them into output.

export type Severity = 'error' | 'warning';
export type Lang = 'zh' | 'en';

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
  /** Where the value came from in a non-workbook input (e.g. `line 12`). */
  line?: number;
  expected?: number;
  actual?: number | string;
  related?: string[];
}

export function fillTemplate(template: string, params: Readonly<Record<string, string | number | undefined>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const diagnostic of diagnostics) {
    if (diagnostic.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}
