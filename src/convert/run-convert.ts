// The batch: convert every input on the pool, write outputs under unique names, check consecutive years of each
// agency against each other (X301, X201), and sum it all up for summary.json and index.html.
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { countBySeverity, type Diagnostic, type Lang, type SourceRef } from '../diagnostics/diagnostic';
import { numberAt } from '../model/pointer';
import { outputBaseName } from '../output/output-names';
import { normaliseLabel } from '../read/published/label-text';
import type { ReadReport } from '../read/read-report';
import type { DocxStyleName } from '../render/docx-styles';
import type { RenderFormat } from '../render/render-outputs';
import { crossYearRuleIds } from '../validate/rules';
import { checkAgainstPreviousYear, type RuleSetting } from '../validate/validate-report';
import type { ConvertJob, ConvertResult } from './job';
import { runJobs } from './worker-pool';

export interface ConvertOptions {
  outDir: string;
  formats: RenderFormat[];
  jobs: number;
  lenient: boolean;
  lang: Lang;
  rules: Record<string, RuleSetting>;
  docxStyle: DocxStyleName;
  generator: string;
  /** Refuses output paths that are inputs (the CLI passes its check); called before any output is renamed into place. */
  protect: (outputs: readonly string[]) => void;
  /** Seconds one input may take (default 60). */
  timeoutSeconds?: number;
  onProgress?: (done: number, total: number, record: InputRecord) => void;
}

export interface InputRecord {
  path: string;
  status: 'ok' | 'invalid' | 'unreadable';
  edition?: string;
  agency?: string;
  year?: number;
  format?: string;
  readAs?: string;
  errors: number;
  warnings: number;
  /** Diagnostics by rule id. */
  rules: Record<string, number>;
  outputs: string[];
  error?: string;
  diagnostics: Diagnostic[];
  /** The figures the index page charts across years (absent when the report lacks them). */
  figures: TrendFigures;
  model?: Record<string, unknown>;
  sources?: [string, SourceRef][];
}

export interface TrendFigures {
  newReceived?: number;
  handled?: number;
  carriedForward?: number;
  review?: number;
  litigation?: number;
}

export interface CrossYearFinding {
  agency: string;
  previous: string;
  current: string;
  previousYear: number;
  year: number;
  ruleId: string;
  message: string;
  pointer: string;
  expected?: number;
  actual?: number | string;
}

export interface ConvertSummary {
  records: InputRecord[];
  crossYear: CrossYearFinding[];
}

export async function runConvert(inputs: readonly string[], options: ConvertOptions): Promise<ConvertSummary> {
  const jobs: ConvertJob[] = inputs.map((path, id) => ({
    id,
    path,
    lang: options.lang,
    lenient: options.lenient,
    formats: options.formats,
    docxStyle: options.docxStyle,
    rules: options.rules,
    generator: options.generator,
  }));
  const records: InputRecord[] = new Array(inputs.length);
  // Outputs land in hidden temporary files as reports finish (in any order); they get their names in input order
  // afterwards, so two runs name colliding reports alike whatever the threads did.
  const pending = new Map<number, { format: string; temporary: string }[]>();
  let done = 0;
  try {
    await runJobs(
      jobs,
      options.jobs,
      (result: ConvertResult) => {
        const path = inputs[result.id] as string;
        const record = toRecord(path, result);
        if (result.ok && result.outputs.length) {
          const files = result.outputs.map((output) => {
            const temporary = join(options.outDir, `.report-${process.pid}-${result.id}.${output.format}.tmp`);
            writeFileSync(temporary, output.bytes);
            return { format: output.format, temporary };
          });
          pending.set(result.id, files);
        }
        records[result.id] = record;
        done++;
        options.onProgress?.(done, inputs.length, record);
      },
      undefined,
      options.timeoutSeconds,
    );
    const usedNames = new Set<string>();
    records.forEach((record, id) => {
      const files = pending.get(id);
      if (!files || !record.model) return;
      const base = uniqueBase(outputBaseName(record.model, record.path, record.errors > 0), usedNames);
      const finals = files.map((file) => join(options.outDir, `${base}.${file.format}`));
      options.protect(finals);
      files.forEach((file, index) => {
        renameSync(file.temporary, finals[index] as string);
      });
      pending.delete(id);
      record.outputs = finals.map((final) => relative(options.outDir, final));
    });
  } finally {
    // A failed run leaves no half-written file behind.
    for (const files of pending.values()) for (const file of files) rmSync(file.temporary, { force: true });
  }
  const crossYear = checkAcrossYears(records, options);
  for (const record of records) {
    delete record.model;
    delete record.sources;
  }
  return { records, crossYear };
}

function toRecord(path: string, result: ConvertResult): InputRecord {
  if (!result.ok) {
    return {
      path,
      status: 'unreadable',
      errors: 0,
      warnings: 0,
      rules: {},
      outputs: [],
      error: result.error.message,
      diagnostics: [],
      figures: {},
    };
  }
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const model = result.model;
  return {
    path,
    status: errors ? 'invalid' : 'ok',
    ...(result.edition ? { edition: result.edition } : {}),
    ...(typeof model.agency === 'string' ? { agency: model.agency } : {}),
    ...(typeof model.year === 'number' ? { year: model.year } : {}),
    format: result.format,
    readAs: result.readAs,
    errors,
    warnings,
    rules: countRules(result.diagnostics),
    outputs: [],
    diagnostics: result.diagnostics,
    figures: trendFigures(model),
    model,
    // Only what the cross-year rules point at is kept: a batch holds a thousand reports.
    sources: result.sources.filter(
      ([pointer]) => pointer.startsWith('/requests/carriedOver/') || pointer.endsWith('/inForce'),
    ),
  };
}

function trendFigures(model: Record<string, unknown>): TrendFigures {
  const at = (pointer: string) => numberAt(model, pointer);
  const direct = at('/appeals/litigationDirect/total');
  const afterReview = at('/appeals/litigationAfterReview/total');
  const figures: TrendFigures = {};
  const set = (key: keyof TrendFigures, value: number | undefined) => {
    if (value !== undefined) figures[key] = value;
  };
  set('newReceived', at('/requests/newReceived/total'));
  set('handled', at('/requests/results/total/total'));
  set('carriedForward', at('/requests/carriedForward/total'));
  set('review', at('/appeals/review/total'));
  set('litigation', direct !== undefined && afterReview !== undefined ? direct + afterReview : undefined);
  return figures;
}

function countRules(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  return counts;
}

function uniqueBase(base: string, used: Set<string>): string {
  let name = base;
  for (let n = 2; used.has(name); n++) name = `${base}（${n}）`;
  used.add(name);
  return name;
}

/** The same body, however its name is written: 某市 人民政府 ≈ 某市政府, full-width ≈ half-width. */
export function agencyKey(agency: string): string {
  return normaliseLabel(agency)
    .replace(/人民政府/g, '政府')
    .replace(/[()]/g, '');
}

/** X301 and X201 between consecutive years of each agency; as warnings, since past reports are being converted. */
function checkAcrossYears(records: InputRecord[], options: ConvertOptions): CrossYearFinding[] {
  const byAgency = new Map<string, InputRecord[]>();
  for (const record of records) {
    if (!record.model || !record.agency || record.year === undefined || !record.edition) continue;
    const key = agencyKey(record.agency);
    byAgency.set(key, [...(byAgency.get(key) ?? []), record]);
  }
  const findings: CrossYearFinding[] = [];
  for (const list of byAgency.values()) {
    list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0));
    for (let i = 1; i < list.length; i++) {
      const previous = list[i - 1] as InputRecord;
      const current = list[i] as InputRecord;
      if ((current.year ?? 0) - (previous.year ?? 0) !== 1) continue;
      const asReport = (record: InputRecord): ReadReport => ({
        file: record.path,
        format: 'json',
        readAs: 'model',
        model: record.model as Record<string, unknown>,
        sources: new Map(record.sources ?? []),
        findings: [],
        unreadable: new Set(),
      });
      const cross = checkAgainstPreviousYear(asReport(current), asReport(previous), {
        lang: options.lang,
        rules: crossYearSettings(options.rules),
      });
      for (const d of cross) {
        findings.push({
          agency: current.agency as string,
          previous: previous.path,
          current: current.path,
          previousYear: previous.year as number,
          year: current.year as number,
          ruleId: d.ruleId,
          message: d.message,
          pointer: d.pointer,
          ...(d.expected !== undefined ? { expected: d.expected } : {}),
          ...(d.actual !== undefined ? { actual: d.actual } : {}),
        });
        current.diagnostics.push(d);
        current.rules[d.ruleId] = (current.rules[d.ruleId] ?? 0) + 1;
        if (d.severity === 'error') {
          current.errors++;
          current.status = 'invalid';
        } else {
          current.warnings++;
        }
      }
    }
  }
  return findings;
}

/** Past reports being converted: cross-year mismatches are warnings, unless the config says otherwise (SPEC §2). */
function crossYearSettings(rules: Readonly<Record<string, RuleSetting>>): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const id of crossYearRuleIds) settings[id] = rules[id] ?? 'warning';
  return settings;
}
