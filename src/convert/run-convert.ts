// The batch: convert every input on the pool (workers write each output under a temporary name), name the outputs,
// check consecutive years of each agency against each other (X301, X201), flag reports given twice, and sum it all up
// for summary.json and index.html. Interrupted, it keeps what is done and leaves no temporary file; re-run, it skips
// the inputs whose outputs are current.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { countBySeverity, type Diagnostic, type Lang, type SourceRef } from '../diagnostics/diagnostic';
import { agencyKey } from '../model/agency-key';
import { numberAt } from '../model/pointer';
import { outputBaseName } from '../output/output-names';
import type { ReadReport } from '../read/read-report';
import type { TimeLimit } from '../read/time-limit';
import type { DocxStyleName } from '../render/docx-styles';
import type { RenderFormat } from '../render/render-outputs';
import { type ImportStatus, unreadableVerdict } from '../validate/import-verdict';
import type { Thresholds } from '../validate/rule';
import { crossYearRuleIds } from '../validate/rules';
import { checkAgainstPreviousYear, type RuleSetting } from '../validate/validate-report';
import { type CurrentOutputs, type RunFingerprint, runFingerprint } from './fingerprint';
import type { ConvertJob, ConvertResult, WrittenOutput } from './job';
import { runJobs } from './worker-pool';

export interface ConvertOptions {
  outDir: string;
  formats: RenderFormat[];
  jobs: number;
  lenient: boolean;
  lang: Lang;
  rules: Record<string, RuleSetting>;
  thresholds?: Thresholds;
  docxStyle: DocxStyleName;
  generator: string;
  /** The 落款's date in every DOCX, YYYY-MM-DD. */
  date?: string;
  /** Refuses output paths that are inputs (the CLI passes its check); called before any output is renamed into place. */
  protect: (outputs: readonly string[]) => void;
  /** A previous run's outputs that are current, by the input's resolved path (read by summary-file.ts). */
  current?: ReadonlyMap<string, CurrentOutputs>;
  /** Take no more inputs; the ones under way finish. */
  stop?: AbortSignal;
  /** Drop the inputs under way too. */
  abandon?: AbortSignal;
  /** `--timeout`: seconds one input may take (by default, by its size). */
  timeLimit?: TimeLimit;
  onProgress?: (done: number, total: number, record: InputRecord) => void;
}

/** The verdict of an input (SPEC §8): `incomplete` when figures of the edition were not found. */
export type InputStatus = ImportStatus;

export type DuplicateReason = 'sameBytes' | 'sameAgencyYear';

export interface InputRecord {
  path: string;
  /** The verdict of SPEC §8 (src/validate/import-verdict.ts). */
  status: InputStatus;
  /** The figures of the edition's tables, and how many the report gave (SPEC §8). */
  figures: { expected: number; found: number };
  edition?: string;
  agency?: string;
  year?: number;
  format?: string;
  readAs?: string;
  /** SHA-256 of the input's bytes: a re-run skips the input while it is unchanged and its outputs are there. */
  sha256?: string;
  /** The outputs of a previous run were current: checked again, nothing rendered or written. */
  upToDate?: true;
  /** The same report was given before in this batch: the first one's path, and how they are the same. */
  duplicateOf?: string;
  duplicateReason?: DuplicateReason;
  errors: number;
  warnings: number;
  /** Diagnostics by rule id. */
  rules: Record<string, number>;
  outputs: string[];
  error?: string;
  diagnostics: Diagnostic[];
  /** The figures the index page charts across years (absent when the report lacks them). */
  trend: TrendFigures;
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
  /** The inputs that were done, in input order (all of them unless interrupted). */
  records: InputRecord[];
  crossYear: CrossYearFinding[];
  /** What makes outputs current: a re-run with the same fingerprint skips unchanged inputs. */
  fingerprint: RunFingerprint;
  /** Stopped by a signal: `notDone` inputs were left for the next run. */
  interrupted: boolean;
  notDone: number;
}

export async function runConvert(inputs: readonly string[], options: ConvertOptions): Promise<ConvertSummary> {
  const temporaryPrefix = `.report-${process.pid}-`;
  const jobs: ConvertJob[] = inputs.map((path, id) => {
    const currentHash = options.current?.get(resolve(path))?.sha256;
    return {
      id,
      path,
      lang: options.lang,
      lenient: options.lenient,
      formats: options.formats,
      docxStyle: options.docxStyle,
      rules: options.rules,
      generator: options.generator,
      ...(options.date ? { date: options.date } : {}),
      outDir: options.outDir,
      temporaryPrefix,
      ...(currentHash ? { currentHash } : {}),
    };
  });
  const slots: (InputRecord | undefined)[] = new Array(inputs.length);
  // Workers write outputs into hidden temporary files as reports finish (in any order); they get their names in input
  // order afterwards, so two runs name colliding reports alike whatever the threads did.
  const pending = new Map<number, WrittenOutput[]>();
  let done = 0;
  try {
    removeAbandonedTemporaries(options.outDir);
    await runJobs(
      jobs,
      options.jobs,
      (result: ConvertResult) => {
        const record = toRecord(inputs[result.id] as string, result);
        if (result.ok && result.outputs.length) pending.set(result.id, result.outputs);
        if (record.upToDate) record.outputs = options.current?.get(resolve(record.path))?.outputs ?? [];
        slots[result.id] = record;
        done++;
        options.onProgress?.(done, inputs.length, record);
      },
      {
        ...(options.stop ? { stop: options.stop } : {}),
        ...(options.abandon ? { abandon: options.abandon } : {}),
        ...(options.timeLimit !== undefined ? { timeLimit: options.timeLimit } : {}),
      },
    );
    // Current outputs keep their names; new ones are named around them, never over them.
    const usedNames = new Set<string>();
    for (const record of slots) if (record?.upToDate) for (const output of record.outputs) usedNames.add(stem(output));
    slots.forEach((record, id) => {
      const files = pending.get(id);
      if (!files || !record?.model) return;
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
    // Interrupted or failed, the run leaves no temporary file behind: whatever was not renamed goes.
    removeTemporaries(options.outDir, temporaryPrefix);
  }
  const records = slots.filter((record): record is InputRecord => record !== undefined);
  markDuplicates(records);
  const crossYear = checkAcrossYears(
    records.filter((record) => !record.duplicateOf),
    options,
  );
  for (const record of records) {
    delete record.model;
    delete record.sources;
  }
  return {
    records,
    crossYear,
    fingerprint: runFingerprint(options),
    interrupted: records.length < inputs.length,
    notDone: inputs.length - records.length,
  };
}

function removeTemporaries(outDir: string, prefix: string): void {
  for (const name of safeList(outDir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(outDir, name), { force: true });
  }
}

/** Temporary files of a run that was killed outright (its process is gone) are removed too. */
function removeAbandonedTemporaries(outDir: string): void {
  for (const name of safeList(outDir)) {
    const pid = /^\.report-(\d+)-.*\.tmp$/.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !processAlive(Number(pid))) rmSync(join(outDir, name), { force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const stem = (name: string) => name.replace(/\.[^.]+$/, '');

/**
 * The same report given twice: the same bytes, or the same agency (names normalised) and year. Each later one points
 * at the first; unreadable inputs are not reports and are never duplicates.
 */
function markDuplicates(records: InputRecord[]): void {
  const byBytes = new Map<string, string>();
  const byAgencyYear = new Map<string, string>();
  for (const record of records) {
    if (record.status === 'unreadable') continue;
    const agencyYear =
      record.agency && record.year !== undefined ? `${agencyKey(record.agency)}\u0000${record.year}` : undefined;
    const sameBytes = record.sha256 ? byBytes.get(record.sha256) : undefined;
    const sameAgencyYear = agencyYear ? byAgencyYear.get(agencyYear) : undefined;
    if (sameBytes) {
      record.duplicateOf = sameBytes;
      record.duplicateReason = 'sameBytes';
    } else if (sameAgencyYear) {
      record.duplicateOf = sameAgencyYear;
      record.duplicateReason = 'sameAgencyYear';
    }
    if (record.sha256 && !byBytes.has(record.sha256)) byBytes.set(record.sha256, record.path);
    if (agencyYear && !byAgencyYear.has(agencyYear)) byAgencyYear.set(agencyYear, record.path);
  }
}

function toRecord(path: string, result: ConvertResult): InputRecord {
  const hashed = result.sha256 ? { sha256: result.sha256 } : {};
  if (!result.ok) {
    return {
      path,
      ...unreadableVerdict(),
      ...hashed,
      errors: 0,
      warnings: 0,
      rules: {},
      outputs: [],
      error: result.error.message,
      diagnostics: [],
      trend: {},
    };
  }
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const model = result.model;
  return {
    path,
    ...result.verdict,
    ...(result.edition ? { edition: result.edition } : {}),
    ...(typeof model.agency === 'string' ? { agency: model.agency } : {}),
    ...(typeof model.year === 'number' ? { year: model.year } : {}),
    format: result.format,
    readAs: result.readAs,
    ...hashed,
    ...(result.upToDate ? { upToDate: true as const } : {}),
    errors,
    warnings,
    rules: countRules(result.diagnostics),
    outputs: [],
    diagnostics: result.diagnostics,
    trend: trendFigures(model),
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

/** The cross-year rules between consecutive years of each agency; as warnings, since past reports are being converted. */
function checkAcrossYears(records: InputRecord[], options: ConvertOptions): CrossYearFinding[] {
  const byAgency = new Map<string, InputRecord[]>();
  for (const record of records) {
    if (!record.model || !record.agency || record.year === undefined || !record.edition) continue;
    const key = agencyKey(record.agency);
    byAgency.set(key, [...(byAgency.get(key) ?? []), record]);
  }
  const findings: CrossYearFinding[] = [];
  for (const list of byAgency.values()) {
    // Every report of a year is checked against last year's; of several copies of last year, the first given.
    for (const current of list) {
      const previous = list.find((record) => record.year === (current.year ?? 0) - 1);
      if (!previous) continue;
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
        ...(options.thresholds ? { thresholds: options.thresholds } : {}),
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
          if (current.status === 'ok') current.status = 'invalid';
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
