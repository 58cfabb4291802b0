// The checking stage of the pipeline: reading findings + schema + rules → placed, worded diagnostics.
import type { Diagnostic, Finding, Lang, LocalizedText, Severity } from '../diagnostics/diagnostic';
import { describeSource, fillTemplate, MORE_DIAGNOSTICS } from '../diagnostics/diagnostic';
import { defineWords, languageWords } from '../diagnostics/words';
import { defaultEditionId, getEdition } from '../editions';
import { fieldsOf } from '../editions/fields';
import { tableGrids } from '../editions/table-grid';
import type { Edition } from '../editions/types';
import { agencyKey } from '../model/agency-key';
import { type BodyKind, bodyKindOf } from '../model/body-kind';
import { appendAll } from '../model/many-values';
import { numberAt } from '../model/pointer';
import type { ReadReport } from '../model/read-report';
import { checkEquations } from './equations';
import { applyExplanations } from './explanations';
import { defaultThresholds, type Model, type Rule, type RuleContext, ruleApplies, type Thresholds } from './rule';
import { checkingRules, crossYearRuleIds, ruleCatalog } from './rules';
import { checkSchema } from './schema-check';

/** The words of what validate adds to its diagnostics. */
const validateWords = defineWords({
  zh: { ruleCount: (id: string, count: number) => `${id} ${count} 条` },
  en: { ruleCount: (id, count) => `${id} ${count}` },
});

/** `off`, or the severity a rule should report with instead of its default. */
export type RuleSetting = 'off' | Severity;

export interface ValidateOptions {
  lang: Lang;
  /** Last year's report, for the cross-year rules. */
  previous?: ReadReport;
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Thresholds from the config (Q101); the defaults otherwise. */
  thresholds?: Thresholds;
  /** The config's `bodyKind`; otherwise told by the agency's name. */
  bodyKind?: BodyKind;
  /** `--published YYYY-MM-DD`: when the report was published, for N008. */
  published?: string;
}

export interface Validation {
  edition?: Edition;
  diagnostics: Diagnostic[];
}

export function validateReport(report: ReadReport, options: ValidateOptions): Validation {
  const { edition, schemaFindings, blocked } = checkModel(report);
  const findings: Finding[] = [...report.findings, ...schemaFindings];
  if (!edition) return { diagnostics: placeAll(findings, report, edition, options) };
  const checked = runRules(edition, report.model, blocked, options);
  appendAll(findings, checked.findings);
  // The filer's explanations, set against every diagnostic once they are placed (they name sheet!cell). One can be
  // told unused only for a rule the engine ran and that is on (a cross-year rule skipped for a mismatched --previous
  // did not run: its explanation is not unused).
  const explained = applyExplanations(
    placeAll(findings, report, edition, options),
    report.model,
    edition,
    (rule) => !checked.skipped.has(rule.id) && options.rules?.[rule.id] !== 'off',
  );
  const diagnostics = explained.diagnostics;
  appendAll(diagnostics, placeAll(explained.findings, report, edition, options));
  return { edition, diagnostics };
}

/** Only the rules that compare a report with last year's (X301, X201): what a batch adds after each report was checked. */
export function checkAgainstPreviousYear(
  report: ReadReport,
  previous: ReadReport,
  options: ValidateOptions,
): Diagnostic[] {
  const { edition, blocked } = checkModel(report);
  if (!edition) return [];
  const { findings } = runRules(
    edition,
    report.model,
    blocked,
    { ...options, previous },
    (rule) => rule.needsPrevious === true,
  );
  // Explanations of the cross-year rules apply here; whether one is unused, validateReport does not say for them.
  return applyExplanations(placeAll(findings, report, edition, options), report.model, edition).diagnostics;
}

/** The schema's findings and the cells the arithmetic must leave alone. */
function checkModel(report: ReadReport) {
  const schema = checkSchema(report.model);
  // Cells the reader could not read were reported already: drop the schema's second word on them, and on the rows
  // or tables that are missing only because those cells are.
  const unreadable = [...report.unreadable];
  const schemaFindings = schema.findings.filter(
    (f) => !report.unreadable.has(f.pointer) && !unreadable.some((pointer) => pointer.startsWith(`${f.pointer}/`)),
  );
  const blocked = new Set([...report.unreadable, ...schemaFindings.map((f) => f.pointer)]);
  return { edition: schema.edition, schemaFindings, blocked };
}

/**
 * Diagnostics kept per file: the first ones say what is wrong; past them one closing diagnostic counts the rest by
 * rule (a JSON whose overview holds 400,000 numbers made 400,000 lines, 13 s and 780 MB in every reporter). A report
 * has some 200 figures, and a past year's report read leniently may rightly get a warning on each (a blank read as 0):
 * the cap is well above that, so a real report is always shown whole.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

const moreDiagnostics: LocalizedText = {
  zh: '另有 {count} 条诊断未显示（{errors} 个错误，{warnings} 个警告；{rules}）',
  en: '{count} more diagnostics not shown ({errors} errors, {warnings} warnings; {rules})',
};

function placeAll(
  findings: readonly Finding[],
  report: ReadReport,
  edition: Edition | undefined,
  options: ValidateOptions,
): Diagnostic[] {
  const labelEdition = edition ?? getEdition(defaultEditionId);
  const shown: Diagnostic[] = [];
  const hidden = { errors: 0, warnings: 0, byRule: new Map<string, number>() };
  for (const finding of findings) {
    const severity = severityOf(finding, options);
    if (!severity) continue;
    if (shown.length < MAX_DIAGNOSTICS_PER_FILE) {
      shown.push(place(finding, severity, report, labelEdition, options));
      continue;
    }
    // Past the cap a finding is only counted: never labelled, worded or kept.
    if (severity === 'error') hidden.errors++;
    else hidden.warnings++;
    hidden.byRule.set(finding.ruleId, (hidden.byRule.get(finding.ruleId) ?? 0) + 1);
  }
  if (hidden.byRule.size > 0) shown.push(closing(hidden, options.lang));
  return shown;
}

/** The one diagnostic that stands for those not shown; countBySeverity counts what it stands for. */
function closing(
  hidden: { errors: number; warnings: number; byRule: ReadonlyMap<string, number> },
  lang: Lang,
): Diagnostic {
  const byRule = [...hidden.byRule].sort((a, b) => b[1] - a[1]);
  const rules = byRule
    .map(([id, count]) => validateWords[lang].ruleCount(id, count))
    .join(languageWords[lang].enumeration);
  const params = { count: hidden.errors + hidden.warnings, errors: hidden.errors, warnings: hidden.warnings, rules };
  return {
    // The rule most of them are of, so `report rules <id>` and the rules page explain what was left out.
    ruleId: byRule[0]?.[0] ?? 'schema',
    severity: hidden.errors > 0 ? 'error' : 'warning',
    messageId: MORE_DIAGNOSTICS,
    params,
    message: fillTemplate(moreDiagnostics[lang], params),
    pointer: '',
  };
}

function numberReader(model: Model, blocked: ReadonlySet<string>) {
  return (pointer: string): number | undefined => {
    return blocked.has(pointer) ? undefined : numberAt(model, pointer);
  };
}

function runRules(
  edition: Edition,
  model: Model,
  blocked: ReadonlySet<string>,
  options: Pick<ValidateOptions, 'previous' | 'thresholds' | 'rules' | 'bodyKind' | 'published'>,
  select: (rule: Rule) => boolean = () => true,
): { findings: Finding[]; skipped: Set<string> } {
  const findings: Finding[] = [];
  const previousContext = options.previous ? pairWithPrevious(model, options.previous, findings) : undefined;
  const fields = fieldsOf(edition);
  const number = numberReader(model, blocked);
  const bodyKind = options.bodyKind ?? bodyKindOf(typeof model.agency === 'string' ? model.agency : '');
  // A rule runs when selected and of these editions (its metadata); a cross-year rule only with last year's report.
  const runs = (rule: Rule) => select(rule) && ruleApplies(rule, edition.id, previousContext?.edition.id);
  const skipped = new Set(checkingRules.filter((rule) => !runs(rule)).map((rule) => rule.id));
  // The arithmetic in one pass over the equations of every rule that states some (equations.ts), so that one cell
  // explains the failures it causes in several rules; a rule turned off takes its equations out.
  const equations = checkingRules
    .filter((rule) => rule.equations && runs(rule) && options.rules?.[rule.id] !== 'off')
    .flatMap((rule) => rule.equations?.({ edition, fields, grids: tableGrids(edition) }) ?? []);
  if (equations.length) appendAll(findings, checkEquations(equations, number));
  for (const rule of checkingRules) {
    if (!rule.check || !runs(rule)) continue;
    rule.check({
      edition,
      fields,
      model,
      number,
      thresholds: options.thresholds ?? defaultThresholds,
      bodyKind,
      ...(options.published ? { published: options.published } : {}),
      ...(previousContext ? { previous: previousContext } : {}),
      report: (finding) => findings.push({ ...finding, ruleId: rule.id }),
    });
  }
  return { findings, skipped };
}

/**
 * Last year's report as the cross-year rules see it, or undefined when it is not this body's year before (SPEC §4):
 * then the rules are skipped and a finding says so and why, naming both reports, so a wrong `--previous` never passes
 * in silence.
 */
function pairWithPrevious(model: Model, previous: ReadReport, findings: Finding[]): RuleContext['previous'] {
  const rules = crossYearRuleIds.join(' ');
  const previousSchema = checkSchema(previous.model);
  const previousBlocked = new Set([...previous.unreadable, ...previousSchema.findings.map((f) => f.pointer)]);
  const previousNumber = numberReader(previous.model, previousBlocked);
  const year = numberAt(model, '/year');
  const previousYear = previousSchema.edition ? previousNumber('/year') : undefined;
  if (!previousSchema.edition || year === undefined || previousYear === undefined) {
    findings.push({
      ruleId: 'input',
      messageId: 'previousUnknown',
      pointer: '',
      params: { previousFile: previous.file, rules },
      severity: 'warning',
    });
    return undefined;
  }
  const agency = typeof model.agency === 'string' ? model.agency.trim() : '';
  const previousAgency = typeof previous.model.agency === 'string' ? previous.model.agency.trim() : '';
  // An agency missing on either side is no evidence of another body: only two names that differ are.
  const otherBody = agency !== '' && previousAgency !== '' && agencyKey(agency) !== agencyKey(previousAgency);
  if (otherBody || previousYear !== year - 1) {
    findings.push({
      ruleId: 'input',
      messageId: 'previousMismatch',
      pointer: '',
      params: { previousFile: previous.file, previousAgency, previousYear, agency, year, rules },
      severity: 'warning',
    });
    return undefined;
  }
  return { edition: previousSchema.edition, model: previous.model, number: previousNumber };
}

/** The severity a finding is reported with, or undefined when its rule is turned off. */
function severityOf(finding: Finding, options: ValidateOptions): Severity | undefined {
  const rule = ruleCatalog.find((candidate) => candidate.id === finding.ruleId);
  if (!rule) throw new Error(`finding of unregistered rule ${finding.ruleId}`);
  const setting = options.rules?.[rule.id];
  if (setting === 'off') return undefined;
  return setting ?? finding.severity ?? rule.severity;
}

/** A cell as a message lists it: the last part of its label and where it is (`结果维持（H5）`). */
function cellInWords(
  pointer: string,
  fields: ReturnType<typeof fieldsOf>,
  report: ReadReport,
  options: ValidateOptions,
): string {
  const label = fields.labelOf(pointer, options.lang)?.split(' › ').pop() ?? pointer;
  const source = report.sources.get(pointer);
  // A workbook cell by its address alone: the message names the sheet once, where it points.
  const at = source && (source.cell ?? describeSource(source, options.lang));
  return at ? `${label}${languageWords[options.lang].aside(at)}` : label;
}

/** Adds the official label, sheet and cell, and the message in the chosen language. */
function place(
  finding: Finding,
  severity: Severity,
  report: ReadReport,
  edition: Edition,
  options: ValidateOptions,
): Diagnostic {
  const rule = ruleCatalog.find((candidate) => candidate.id === finding.ruleId);
  if (!rule) throw new Error(`finding of unregistered rule ${finding.ruleId}`);
  const template = rule.messages[finding.messageId];
  if (!template) throw new Error(`rule ${rule.id} has no message ${finding.messageId}`);
  const fields = fieldsOf(edition);
  const label = fields.labelOf(finding.pointer, 'zh');
  const source = finding.source ?? report.sources.get(finding.pointer);
  const at = (source && describeSource(source, options.lang)) || finding.pointer || report.file;
  const worded = Object.fromEntries(
    Object.entries(finding.texts ?? {}).map(([name, text]) => [name, text[options.lang]]),
  );
  const listed = Object.fromEntries(
    Object.entries(finding.cells ?? {}).map(([name, pointers]) => [
      name,
      pointers
        .map((pointer) => cellInWords(pointer, fields, report, options))
        .join(languageWords[options.lang].enumeration),
    ]),
  );
  const params = { ...finding.params, ...worded, ...listed };
  const message = fillTemplate(template[options.lang], {
    ...params,
    label: fields.labelOf(finding.pointer, options.lang) ?? finding.pointer,
    at,
    expected: finding.expected,
    actual: finding.actual,
    // The columns of the related cells, in the chosen language (the figures of a row not found).
    ...(template[options.lang].includes('{relatedColumns}')
      ? { relatedColumns: columnsOf(finding.related ?? [], fields, options.lang) }
      : {}),
  });
  return {
    ruleId: rule.id,
    severity,
    messageId: finding.messageId,
    params,
    message,
    pointer: finding.pointer,
    ...(label ? { label } : {}),
    ...(source?.sheet ? { sheet: source.sheet } : {}),
    ...(source?.cell ? { cell: source.cell } : {}),
    ...(source?.line !== undefined ? { line: source.line } : {}),
    ...(source?.page !== undefined ? { page: source.page } : {}),
    ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
    ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
    ...(finding.related ? { related: finding.related } : {}),
  };
}

/** The last label (the column) of each cell: 自然人、总计. */
function columnsOf(pointers: readonly string[], fields: ReturnType<typeof fieldsOf>, lang: Lang): string {
  return pointers
    .map((pointer) => fields.byPointer.get(pointer)?.labels.at(-1)?.[lang] ?? pointer)
    .join(languageWords[lang].enumeration);
}
