// The batch: every input converted in the sandbox (each process writes its outputs under temporary names), each
// report's outputs renamed into place and its entry appended to the journal the moment it finishes — so that nothing
// finished is lost to kill -9 or a closed terminal — then the reports given twice flagged and consecutive years of each
// agency checked against each other (X301, X201). In memory it keeps a short record of each input; findings and models
// stay in the journal and are read back one at a time, so memory does not grow with the batch's findings.

import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { countBySeverity, type Diagnostic, type Lang } from '../diagnostics/diagnostic';
import { agencyKey } from '../model/agency-key';
import type { BodyKind } from '../model/body-kind';
import { numberAt } from '../model/pointer';
import type { ReadReport } from '../model/read-report';
import { outputBaseName } from '../output/output-names';
import type { RenderFormat } from '../output/render-outputs';
import { ATOMIC_TEMPORARY } from '../output/write-atomic.node';
import type { DocxStyleName } from '../render/docx-styles';
import { type BaselineIndex, reportKey } from '../validate/baseline';
import { notReadVerdict } from '../validate/import-verdict';
import type { Thresholds } from '../validate/rule';
import { crossYearRuleIds } from '../validate/rules';
import { checkAgainstPreviousYear, type RuleSetting } from '../validate/validate-report';
import type { BatchJournal, JournalEntry, JournalPlace } from './batch-journal';
import { processAlive } from './batch-lock';
import type { SkippedFolder } from './collect-inputs';
import type { RunFingerprint } from './fingerprint';
import type { BatchRecord, InputRecord, TrendFigures } from './input-record';
import { type ConvertJob, type ConvertResult, outputFailedMessage } from './job';
import { OutputPlacement, PlacementFailed } from './output-placement';
import type { PackInfo, YearRanking } from './pack-score';
import { chooseVersions } from './report-versions';

export type { BatchRecord, DuplicateReason, InputRecord, InputStatus, TrendFigures } from './input-record';

export interface ConvertOptions {
  outDir: string;
  formats: RenderFormat[];
  lenient: boolean;
  lang: Lang;
  rules: Record<string, RuleSetting>;
  /** The config's bodyKind (N008, N009); else each report's agency tells. */
  bodyKind?: BodyKind;
  thresholds?: Thresholds;
  docxStyle: DocxStyleName;
  generator: string;
  /** The 落款's date in every DOCX, YYYY-MM-DD. */
  date?: string;
  /** What makes outputs current (fingerprint.ts), as recorded in the journal and summary.json. */
  fingerprint: RunFingerprint;
  /** Refuses output paths that are inputs (the CLI passes its check); called before any output is renamed into place. */
  protect: (outputs: readonly string[]) => void;
  /** The folder's journal, opened for this run: what a previous run finished, and where this one records. */
  journal: BatchJournal;
  /**
   * Runs one job where untrusted input is safe to read (the CLI gives its sandbox): the result, or undefined when the
   * job was dropped because the batch stops. Limits broken come back as results (readTimeout, tooLargeMemory).
   */
  run: (job: ConvertJob) => Promise<ConvertResult | undefined>;
  /** Jobs handed out at once: enough to keep every sandbox process busy, never the whole batch. */
  inFlight: number;
  /** Take no more inputs; the ones under way finish. */
  stop?: AbortSignal;
  /** Inputs to use when an agency and year come more than once (the config's `versions`). */
  preferred?: readonly string[];
  /**
   * A reviewer's baseline (--baseline, the config's `baseline`): its decisions are set on the findings of every record,
   * this run's and those kept from an earlier run alike, so editing the baseline needs no report converted again.
   */
  baseline?: { file: string; index: BaselineIndex };
  onProgress?: (done: number, total: number, record: BatchRecord) => void;
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
  records: BatchRecord[];
  crossYear: CrossYearFinding[];
  /** What makes outputs current: a re-run with the same fingerprint skips unchanged inputs. */
  fingerprint: RunFingerprint;
  /** Stopped (a signal, a closed output, a full disk): `notDone` inputs were left for the next run. */
  interrupted: boolean;
  notDone: number;
  /** Folders that could not be listed (collect-inputs.ts): their files were not in the batch. */
  skipped?: SkippedFolder[];
  /** The disk filled: the batch stopped at the first output that could not be written. */
  diskFull?: { file: string; code: string };
  /** The baseline applied, as given. */
  baseline?: { file: string; index: BaselineIndex };
  /** The rule pack the batch was checked with (`--pack`); its scores are on the records (`score`). */
  pack?: PackInfo;
  /** With a pack that scores: each year's ranking, or why there is none (pack-score.ts). */
  ranking?: YearRanking[];
  /** Each record in full, in input order, read back one at a time with what this run added (duplicates, cross-year). */
  full: () => Iterable<InputRecord>;
  /** This run's journal entries as they now stand (outputs in place), in input order: the journal to keep. */
  entries: () => Iterable<JournalEntry>;
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

export async function runConvert(inputs: readonly string[], options: ConvertOptions): Promise<ConvertSummary> {
  const { journal, outDir } = options;
  const temporaryPrefix = `.report-${process.pid}-`;
  const records: (BatchRecord | undefined)[] = new Array(inputs.length);
  const places: (JournalPlace | undefined)[] = new Array(inputs.length);
  const placement = new OutputPlacement(outDir, options.protect);
  // A previous run's entries whose outputs are all there may be current: their names stay theirs.
  const previous = inputs.map((path) => {
    const entry = journal.previous.get(resolve(path));
    return entry?.sha256 && entry.outputs.every((name) => isPlainName(name) && exists(join(outDir, name)))
      ? entry
      : undefined;
  });
  previous.forEach((entry, index) => {
    if (entry) placement.keep(index, entry.outputs);
  });
  const jobFor = (id: number): ConvertJob => {
    const entry = previous[id];
    return {
      id,
      path: inputs[id] as string,
      lang: options.lang,
      lenient: options.lenient,
      formats: options.formats,
      docxStyle: options.docxStyle,
      rules: options.rules,
      ...(options.bodyKind ? { bodyKind: options.bodyKind } : {}),
      generator: options.generator,
      ...(options.date ? { date: options.date } : {}),
      outDir,
      temporaryPrefix,
      ...(entry ? { currentHash: entry.sha256 } : {}),
    };
  };
  /** Appends an entry and remembers its place and short record. */
  const record = (id: number, entry: JournalEntry) => {
    places[id] = journal.append(entry);
    records[id] = shorten(entry.record);
  };
  let diskFull: ConvertSummary['diskFull'];
  let done = 0;
  /** Every output placed by this run: an earlier run's output of another name is never one of them. */
  const placedThisRun = new Set<string>();
  const finish = (id: number, result: ConvertResult) => {
    const path = inputs[id] as string;
    const entry = previous[id];
    if (result.ok && result.upToDate && entry) {
      // Unchanged since a run with the same options: its journal entry stands, outputs and all.
      const kept = journal.read(entry);
      if (kept.record.lang === options.lang) {
        records[id] = { ...shorten(kept.record), path, upToDate: true };
        places[id] = entry;
      } else {
        // The findings were told in another language: told again, the outputs kept as they are.
        const told = toEntry(path, result, options.lang);
        told.record.outputs = entry.outputs;
        told.record.upToDate = true;
        record(id, told);
      }
    } else if (!result.ok && result.error.code && DISK_FULL.has(result.error.code)) {
      // Not the input's fault: the batch stops here, and this input is left for the next run.
      diskFull = { file: result.error.file ?? outDir, code: result.error.code };
      return;
    } else {
      const converted = toEntry(path, result, options.lang);
      if (result.ok && result.outputs.length) {
        const base = outputBaseName(converted.model ?? {}, path, converted.record.errors > 0);
        try {
          converted.record.outputs = placement.place(id, base, result.outputs, (moved, outputs) => {
            const movedPlace = places[moved];
            if (!movedPlace) return;
            const movedEntry = journal.read(movedPlace);
            movedEntry.record.outputs = outputs;
            for (const name of outputs) placedThisRun.add(name);
            record(moved, movedEntry);
          });
          for (const name of converted.record.outputs) placedThisRun.add(name);
          // What an earlier run made of this input and this one did not (a format no longer asked for with --to):
          // ours by the journal, and gone, so that the folder holds this run's outputs only.
          for (const stale of journal.earlier.get(resolve(path)) ?? [])
            if (isPlainName(stale) && !placedThisRun.has(stale)) removeQuietly(join(outDir, stale));
        } catch (error) {
          if (!(error instanceof PlacementFailed)) throw error;
          if (DISK_FULL.has(error.code)) {
            diskFull = { file: error.file, code: error.code };
            return;
          }
          // The report was read and checked; only its outputs are missing, and the record says why.
          converted.record.error = outputFailedMessage(options.lang, error.file, error.code);
          converted.record.errorId = 'outputFailed';
        }
      }
      record(id, converted);
    }
    done++;
    options.onProgress?.(done, inputs.length, records[id] as BatchRecord);
  };

  try {
    removeAbandonedTemporaries(outDir);
    await dispatch(inputs.length, options, jobFor, finish, () => diskFull !== undefined);
  } finally {
    // Interrupted or failed, the run leaves no temporary file behind: whatever was not renamed goes.
    removeTemporaries(outDir, temporaryPrefix);
  }
  const doneIds = [...records.keys()].filter((id) => records[id] !== undefined);
  const kept = doneIds.map((id) => records[id] as BatchRecord);
  chooseVersions(doneIds, records, (id) => journal.read(places[id] as JournalPlace).model, {
    preferred: new Set((options.preferred ?? []).map((path) => resolve(path))),
    lang: options.lang,
  });
  const extra = new Map<number, Diagnostic[]>();
  const crossYear = checkAcrossYears(doneIds, records, places, journal, options, extra);
  const entryOf = (id: number): JournalEntry => journal.read(places[id] as JournalPlace);
  const { baseline } = options;
  /** Every finding of an input, this run's cross-year ones too, with the baseline's decisions. */
  const findingsOf = (id: number, entry: JournalEntry): Diagnostic[] => {
    const all = [...entry.record.diagnostics, ...(extra.get(id) ?? [])];
    return baseline ? baseline.index.apply(reportKey(entry.model, entry.record.path), all) : all;
  };
  // The counts of each record as the baseline leaves them: a decided finding is counted apart, not as open.
  if (baseline)
    for (const id of doneIds) {
      const counts = countBySeverity(findingsOf(id, entryOf(id)));
      const record = records[id] as BatchRecord;
      Object.assign(record, setAsideCounts(counts));
    }
  return {
    records: kept,
    crossYear,
    fingerprint: options.fingerprint,
    interrupted: kept.length < inputs.length,
    notDone: inputs.length - kept.length,
    ...(diskFull ? { diskFull } : {}),
    ...(baseline ? { baseline } : {}),
    full: function* () {
      for (const id of doneIds) {
        const entry = entryOf(id);
        const current = records[id] as BatchRecord;
        yield { ...entry.record, ...current, diagnostics: findingsOf(id, entry) };
      }
    },
    entries: function* () {
      for (const id of doneIds) {
        const entry = entryOf(id);
        // The outputs as they stand now (PDFs printed after the batch, names moved).
        entry.record.outputs = (records[id] as BatchRecord).outputs;
        yield entry;
      }
    },
  };
}

/**
 * Hands the jobs out in input order, `inFlight` at a time, and waits for the last answer. Stopped (by the signal or
 * by `halted`), it hands out no more and waits for those under way.
 */
function dispatch(
  count: number,
  options: ConvertOptions,
  jobFor: (id: number) => ConvertJob,
  finish: (id: number, result: ConvertResult) => void,
  halted: () => boolean,
): Promise<void> {
  return new Promise<void>((resolveAll, rejectAll) => {
    let next = 0;
    let running = 0;
    let failed = false;
    const stopped = () => failed || halted() || options.stop?.aborted === true;
    const launch = () => {
      while (running < options.inFlight && next < count && !stopped()) {
        const id = next++;
        running++;
        options.run(jobFor(id)).then(
          (result) => {
            running--;
            try {
              if (result && !failed) finish(id, result);
            } catch (error) {
              // An output that cannot be placed (an input in the way, a full disk): the batch ends with it.
              failed = true;
              rejectAll(error);
            }
            launch();
          },
          (error: unknown) => {
            running--;
            failed = true;
            rejectAll(error);
          },
        );
      }
      if (running === 0) resolveAll();
    };
    options.stop?.addEventListener('abort', () => {
      if (running === 0) resolveAll();
    });
    launch();
  });
}

/** A file removed if it can be; one that cannot (no permission) stays, and the batch goes on. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {}
}

function removeTemporaries(outDir: string, prefix: string): void {
  for (const name of safeList(outDir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) rmSync(join(outDir, name), { force: true });
  }
}

/** Temporary files of a run that was killed outright (its process is gone) are removed too: ours, and summaries'. */
function removeAbandonedTemporaries(outDir: string): void {
  for (const name of safeList(outDir)) {
    const pid = (/^\.report-(\d+)-.*\.tmp$/.exec(name) ?? ATOMIC_TEMPORARY.exec(name))?.[1];
    if (pid && Number(pid) !== process.pid && !processAlive(Number(pid))) rmSync(join(outDir, name), { force: true });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A name a journal may list: a plain visible file inside the folder, never a path elsewhere. */
const isPlainName = (name: string) => name === basename(name) && !name.startsWith('.') && name !== '..';

/** An input's journal entry as converted: its record with every finding, and for a report its model and sources. */
function toEntry(path: string, result: ConvertResult, lang: Lang): JournalEntry {
  const hashed = result.sha256 ? { sha256: result.sha256 } : {};
  if (!result.ok) {
    return {
      record: {
        path,
        ...notReadVerdict(result.error.messageId),
        ...hashed,
        errors: 0,
        warnings: 0,
        rules: {},
        outputs: [],
        error: result.error.message,
        errorId: result.error.messageId,
        diagnostics: [],
        lang,
        trend: {},
      },
    };
  }
  const counts = countBySeverity(result.diagnostics);
  const model = result.model;
  return {
    record: {
      path,
      ...result.verdict,
      ...(result.edition ? { edition: result.edition } : {}),
      ...(typeof model.agency === 'string' ? { agency: model.agency } : {}),
      ...(typeof model.year === 'number' ? { year: model.year } : {}),
      format: result.format,
      readAs: result.readAs,
      ...hashed,
      ...setAsideCounts(counts),
      rules: countRules(result.diagnostics),
      outputs: [],
      diagnostics: result.diagnostics,
      lang,
      trend: trendFigures(model),
    },
    model,
    // Only what the cross-year rules point at is kept.
    sources: result.sources.filter(
      ([pointer]) => pointer.startsWith('/requests/carriedOver/') || pointer.endsWith('/inForce'),
    ),
  };
}

/** A record's counts: the open errors and warnings, and those set aside when there are any. */
function setAsideCounts(counts: ReturnType<typeof countBySeverity>) {
  const { errors, warnings, explained, decided } = counts;
  return {
    errors,
    warnings,
    ...(explained ? { explained } : { explained: undefined }),
    ...(decided ? { decided } : { decided: undefined }),
  };
}

/** The record without its findings: what the batch holds in memory. */
function shorten(record: InputRecord): BatchRecord {
  const { diagnostics: _findings, ...short } = record;
  return short;
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
  set('reviewCorrected', at('/appeals/review/corrected'));
  const lostDirect = at('/appeals/litigationDirect/corrected');
  const lostAfterReview = at('/appeals/litigationAfterReview/corrected');
  set(
    'litigationLost',
    lostDirect !== undefined && lostAfterReview !== undefined ? lostDirect + lostAfterReview : undefined,
  );
  return figures;
}

function countRules(diagnostics: readonly Diagnostic[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) counts[d.ruleId] = (counts[d.ruleId] ?? 0) + 1;
  return counts;
}

/**
 * The cross-year rules between consecutive years of each agency; as warnings, since past reports are being converted.
 * Every report of a year (not a duplicate) is checked against last year's first copy; both models are read back from
 * the journal for the check, one pair at a time. What it finds is added to the records and to `extra`, by input.
 */
function checkAcrossYears(
  doneIds: readonly number[],
  records: readonly (BatchRecord | undefined)[],
  places: readonly (JournalPlace | undefined)[],
  journal: BatchJournal,
  options: ConvertOptions,
  extra: Map<number, Diagnostic[]>,
): CrossYearFinding[] {
  const eligible = (id: number) => {
    const record = records[id];
    return record && !record.duplicateOf && record.agency && record.year !== undefined && record.edition && places[id];
  };
  // Of each agency and year, the first report given.
  const firstOfYear = new Map<string, number>();
  for (const id of doneIds) {
    const record = records[id] as BatchRecord;
    if (!eligible(id)) continue;
    const key = `${agencyKey(record.agency as string)}\u0000${record.year}`;
    if (!firstOfYear.has(key)) firstOfYear.set(key, id);
  }
  const asReport = (id: number): ReadReport => {
    const entry = journal.read(places[id] as JournalPlace);
    return {
      file: entry.record.path,
      format: 'json',
      readAs: 'model',
      model: entry.model ?? {},
      sources: new Map(entry.sources ?? []),
      findings: [],
      unreadable: new Set(),
    };
  };
  const findings: CrossYearFinding[] = [];
  for (const id of doneIds) {
    if (!eligible(id)) continue;
    const current = records[id] as BatchRecord;
    const previousId = firstOfYear.get(`${agencyKey(current.agency as string)}\u0000${(current.year as number) - 1}`);
    if (previousId === undefined) continue;
    const previous = records[previousId] as BatchRecord;
    const cross = checkAgainstPreviousYear(asReport(id), asReport(previousId), {
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
      const added = extra.get(id) ?? [];
      added.push(d);
      extra.set(id, added);
      current.rules[d.ruleId] = (current.rules[d.ruleId] ?? 0) + 1;
      // A warning the filer explained in the report is counted apart (a baseline recounts every record after this).
      if (d.explanation !== undefined) current.explained = (current.explained ?? 0) + 1;
      else if (d.severity === 'error') {
        current.errors++;
        if (current.status === 'ok') current.status = 'invalid';
      } else {
        current.warnings++;
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
