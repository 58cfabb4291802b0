// `report convert INPUT... -o DIR`: every readable input, in the sandbox's processes; a bad file is recorded and the
// rest go on. Each report's outputs are in place, and its entry in the folder's journal, the moment it finishes: Ctrl-C,
// SIGTERM, a closed terminal (SIGHUP) or a closed output stop the batch and keep what is done; after kill -9 the next
// run with the same options takes up where it stopped. One run at a time in a folder (batch-lock.ts).

import { lstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { collectInputs } from '../convert/collect-inputs';
import { cutMiddle, displayWidth } from '../convert/display-text';
import type { ConvertJob, ConvertResult } from '../convert/job';
import { type BatchFormat, BatchRefused, runBatch } from '../convert/run-batch';
import type { BatchRecord, ConvertSummary } from '../convert/run-convert';
import { allDecided, needsLook, statusWords } from '../convert/status-words';
import { SUMMARY_FILE } from '../convert/summary-file';
import { summaryTable, terminalWidth } from '../convert/summary-table';
import type { Lang } from '../diagnostics/diagnostic';
import { inert } from '../diagnostics/inert-text';
import { languageWords } from '../diagnostics/words';
import { maxOf, minOf } from '../model/many-values';
import { ReadError } from '../model/read-report';
import type { TimeLimit } from '../read/time-limit';
import type { DocxStyleName } from '../render/docx-styles';
import { Dropped, Sandbox } from '../sandbox/sandbox-pool';
import { baselineTally, loadBaseline } from './baseline-file';
import { requireOffice, writePdfFacesNote } from './build-command';
import { say, UsageError } from './cli-messages';
import { onOutputClosed, outputClosed } from './closed-output';
import { interruptedExitCode } from './end-process';
import { effectiveSettings, loadPack } from './pack';
import { reportFailure } from './report-failure';
import { type CommonOptions, parseDateOption, parseTimeout, resolveCommon } from './shared-options';
import { displayPath, inputGuard, prepareDirectory } from './write-outputs';

export interface ConvertFlags extends CommonOptions {
  output: string;
  to?: string;
  jobs?: string;
  strict?: boolean;
  docxStyle?: string;
  date?: string;
  quiet?: boolean;
  /** A reviewer's decisions on findings (baseline.ts); else the config's `baseline`. */
  baseline?: string;
  /** `--pack FILE|NAME`: a rule pack's rules and thresholds, and its scores and ranking in the summary (pack.ts). */
  pack?: string;
}

const FORMATS: readonly BatchFormat[] = ['docx', 'html', 'json', 'xlsx', 'pdf'];

export async function runConvertCommand(inputs: string[], flags: ConvertFlags, toolVersion: string): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const formats = parseFormats(flags.to);
    const pack = flags.pack !== undefined ? loadPack(flags.pack, lang) : undefined;
    const settings = effectiveSettings(common.config, pack);
    const jobs = flags.jobs === undefined ? availableParallelism() : Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError('badJobs', { value: flags.jobs ?? '' });
    const docxStyle = (flags.docxStyle ?? common.config.docxStyle ?? 'gbt9704') as DocxStyleName;
    if (docxStyle !== 'gbt9704' && docxStyle !== 'plain') throw new UsageError('badDocxStyle', { value: docxStyle });
    const date = parseDateOption(flags.date ?? common.config.date, 'badDate');
    const baselineFile = flags.baseline ?? common.config.baseline;
    const baseline =
      baselineFile === undefined ? undefined : { file: baselineFile, index: loadBaseline(baselineFile, lang) };
    const office = formats.includes('pdf') ? requireOffice() : undefined;
    const outDir = resolve(flags.output);
    const { files, outputInside, skipped } = collectInputs(inputs, outDir);
    for (const { path, code } of skipped)
      process.stderr.write(`report: ${say(lang, 'folderSkipped', { folder: displayPath(path), code })}\n`);
    if (outputInside?.same) throw new UsageError('outputIsInputFolder', { dir: displayPath(outDir) });
    if (outputInside) {
      process.stderr.write(
        `report: ${say(lang, 'outputInsideInput', { dir: displayPath(outDir), folder: outputInside.folder })}\n`,
      );
    }
    if (files.length === 0) throw new UsageError('noInputs', { inputs: inputs.join(' ') });
    prepareDirectory(outDir);
    const protect = inputGuard(baselineFile === undefined ? files : [...files, baselineFile]);
    const summaries = [SUMMARY_FILE, 'index.html', 'rules.html'].map((name) => resolve(outDir, name));
    protect(summaries);
    // Found now, not after the batch: a summary that cannot be written would leave the batch without one.
    for (const path of summaries)
      if (!notThereOrFile(path)) throw new UsageError('summaryPathTaken', { file: displayPath(path) });
    const sandbox = new Sandbox(jobs, { ...timeLimitOption(parseTimeout(flags.timeout)), compact: true });

    const progress = progressReporter(lang, process.stderr.isTTY === true && !process.env.CI, flags.quiet === true);
    const started = Date.now();
    let summary: ConvertSummary & { signal?: StopCause };
    try {
      // The summary is written while the signals are still caught, so that a second Ctrl-C cannot cut it short.
      summary = await whileStoppable(lang, progress.finish, sandbox, (stop) =>
        runBatch(files, outDir, {
          formats,
          toolVersion,
          lenient: !flags.strict,
          rules: settings.rules,
          thresholds: settings.thresholds,
          ...(common.config.bodyKind ? { bodyKind: common.config.bodyKind } : {}),
          ...(pack ? { pack: pack.info } : {}),
          docxStyle,
          ...(date ? { date } : {}),
          lang,
          protect,
          run: (job) => {
            progress.start(job.path);
            return runInSandbox(sandbox, job, lang);
          },
          // Each process runs one job and holds the next.
          inFlight: jobs * 2,
          stop,
          ...(common.config.versions ? { preferred: common.config.versions } : {}),
          ...(baseline ? { baseline } : {}),
          ...(office ? { office } : {}),
          skipped,
          onProgress: (count, total, record) => progress(count, total, record, started),
          afterInputs: async () => {
            progress.finish();
            await sandbox.close();
          },
        }).catch((error: unknown) => {
          throw error instanceof BatchRefused ? refusal(error) : error;
        }),
      );
    } finally {
      sandbox.abandon();
    }
    if (office && summary.records.some((record) => record.outputs.some((output) => output.endsWith('.pdf'))))
      writePdfFacesNote(lang, docxStyle);
    if (!outputClosed()) {
      process.stdout.write(summaryTable(summary.records, lang, terminalWidth(), { quiet: flags.quiet === true }));
      process.stdout.write(notes(summary, lang));
      process.stdout.write(
        `${say(lang, 'converted', { dir: displayPath(outDir), seconds: ((Date.now() - started) / 1000).toFixed(1) })}\n`,
      );
      if (baseline)
        process.stderr.write(`report: ${baselineTally(displayPath(baseline.file), baseline.index, lang)}\n`);
    }
    // Reports read and checked whose outputs could not be put in place (a folder named like one of them).
    for (const record of summary.records)
      if (
        record.errorId === 'outputFailed' &&
        record.status !== 'unreadable' &&
        record.status !== 'unsupported' &&
        record.error
      )
        process.stderr.write(`report: ${inert(record.error)}\n`);
    if (summary.diskFull) {
      process.stderr.write(
        `report: ${say(lang, 'diskFull', { file: displayPath(summary.diskFull.file), done: summary.records.length, notDone: summary.notDone })}\n`,
      );
      return 2;
    }
    if (summary.signal) {
      if (!outputClosed())
        process.stderr.write(
          `report: ${say(lang, 'interrupted', { done: summary.records.length, notDone: summary.notDone })}\n`,
        );
      return interruptedExitCode[summary.signal];
    }
    const records = summary.records;
    if (records.every((record) => record.status === 'unreadable' || record.status === 'unsupported')) return 2;
    // A report whose every error a reviewer decided on does not fail the batch (status-words.ts, allDecided).
    return records.some((record) => record.status !== 'ok' && !allDecided(record)) ? 1 : 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

function parseFormats(value: string | undefined): BatchFormat[] {
  if (value === undefined) return ['docx', 'html', 'json'];
  const formats = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (formats.length === 0 || formats.some((format) => !(FORMATS as readonly string[]).includes(format))) {
    throw new UsageError('badBuildFormat', { value, choices: FORMATS.join(',') });
  }
  return [...new Set(formats)] as BatchFormat[];
}

/** What stopped a batch before its end: a signal, or standard output or error closed (as SIGPIPE would). */
type StopCause = keyof typeof interruptedExitCode;

/**
 * Runs the batch with SIGINT, SIGTERM and SIGHUP (a closed terminal) caught, and a closed output watched: the first
 * stops it taking inputs (those under way finish), a second signal drops those too. Either way the batch ends normally,
 * so what is done is kept and the summary is written.
 */
async function whileStoppable(
  lang: Lang,
  clearProgress: () => void,
  sandbox: Sandbox,
  run: (stop: AbortSignal) => Promise<ConvertSummary>,
): Promise<ConvertSummary & { signal?: StopCause }> {
  const stop = new AbortController();
  let received: StopCause | undefined;
  const onStop = (cause: StopCause) => {
    if (received) {
      sandbox.abandon();
      return;
    }
    received = cause;
    clearProgress();
    if (!outputClosed()) process.stderr.write(`report: ${say(lang, 'stopping', { signal: cause })}\n`);
    sandbox.stop();
    stop.abort();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, onStop);
  const stopWatching = onOutputClosed(() => onStop('SIGPIPE'));
  try {
    const summary = await run(stop.signal);
    return received ? { ...summary, signal: received } : summary;
  } finally {
    stopWatching();
    // Once interrupted, a further Ctrl-C while the table is printed must not cut it short: the handlers stay, and do
    // nothing more, until the process exits (end-process.ts).
    if (!received) for (const signal of signals) process.off(signal, onStop);
  }
}

/** Nothing at the path, or something a file can be renamed over (a folder cannot). */
function notThereOrFile(path: string): boolean {
  try {
    return !lstatSync(path).isDirectory();
  } catch {
    return true;
  }
}

/** One job in the sandbox; a limit broken is the input's verdict, a job the stopping batch dropped is none. */
async function runInSandbox(sandbox: Sandbox, job: ConvertJob, lang: Lang): Promise<ConvertResult | undefined> {
  try {
    return await sandbox.convert(job);
  } catch (error) {
    if (error instanceof Dropped) return undefined;
    if (error instanceof ReadError)
      return { id: job.id, ok: false, error: { messageId: error.messageId, message: error.describe(lang) } };
    const detail = error instanceof Error ? error.message : String(error);
    return {
      id: job.id,
      ok: false,
      error: { messageId: 'internalError', message: say(lang, 'jobFailed', { detail }) },
    };
  }
}

const timeLimitOption = (timeLimit: TimeLimit) => (timeLimit === undefined ? {} : { timeLimit });

/** A batch's refusal in the command line's words, its paths shown as the user gave them. */
function refusal(error: BatchRefused): UsageError {
  const params = { ...error.params };
  if (error.messageId === 'outputLocked') params.dir = displayPath(String(params.dir));
  if (error.messageId === 'diskFullSummary') params.file = displayPath(String(params.file));
  return new UsageError(error.messageId, params);
}

/**
 * Below the table: how many inputs were already converted (the table marks the reports given twice), and with a pack
 * that scores, one line of the scores and which years were ranked.
 */
function notes(summary: ConvertSummary, lang: Lang): string {
  const upToDate = summary.records.filter((record) => record.upToDate).length;
  return `${upToDate ? `${say(lang, 'upToDateCount', { count: upToDate })}\n` : ''}${scoresLine(summary, lang)}`;
}

function scoresLine(summary: ConvertSummary, lang: Lang): string {
  const { pack, ranking } = summary;
  if (!pack || !ranking) return '';
  const scores = summary.records.flatMap((record) => (record.score ? [record.score.score] : []));
  if (scores.length === 0) return `${say(lang, 'packNothingScored', { pack: pack.name })}\n`;
  const years = (ranked: boolean) =>
    ranking
      .filter((year) => year.ranked === ranked)
      .map((year) =>
        ranked
          ? say(lang, 'packRankedYear', { year: year.year, bodies: year.bodies })
          : say(lang, 'packUnrankedYear', { year: year.year, bodies: year.bodies, minimum: year.minimumBodies }),
      )
      .join(languageWords[lang].listSeparator) || say(lang, 'packNoYear');
  const line = say(lang, 'packScored', {
    pack: pack.name,
    scored: scores.length,
    // One score, or all alike, is one figure, not 98–98.
    range: minOf(scores) === maxOf(scores) ? `${minOf(scores)}` : `${minOf(scores)}–${maxOf(scores)}`,
    ranked: years(true),
    unranked: years(false),
  });
  return `${line}\n`;
}

type Progress = ((done: number, total: number, record: BatchRecord, started: number) => void) & {
  /** An input handed to a reading process. */
  start: (path: string) => void;
  finish: () => void;
};

/**
 * A bar on a terminal (done/total, rate, time left, and the input in hand: the oldest handed out and not done); one
 * plain line per input otherwise.
 */
function progressReporter(lang: Lang, terminal: boolean, quiet: boolean): Progress {
  let drawn = false;
  /** Inputs handed out and not done yet, oldest first (at most a few: each process holds one and the next). */
  const inHand: string[] = [];
  const report = ((done: number, total: number, record: BatchRecord, started: number) => {
    const index = inHand.indexOf(record.path);
    if (index >= 0) inHand.splice(index, 1);
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = done / seconds;
    const left = Math.round((total - done) / Math.max(rate, 0.001));
    if (terminal) {
      const size = 24;
      const filled = Math.round((done / total) * size);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(size - filled)}`;
      const text = say(lang, 'progress', { done, total, rate: rate.toFixed(1), left });
      const head = `${bar} ${text}`;
      // The line must fit the terminal, or each redraw would leave a line behind.
      const room = terminalWidth() - displayWidth(head) - 3;
      const current = inHand[0] && room > 8 ? `  ${cutMiddle(displayPath(inHand[0]), room)}` : '';
      process.stderr.write(`\r${head}${current}\u001b[K`);
      drawn = true;
    } else if (!quiet || needsLook(record)) {
      const verdict = statusWords[lang][record.status];
      const state = record.upToDate ? `${verdict}${languageWords[lang].aside(say(lang, 'upToDate'))}` : verdict;
      process.stderr.write(
        `[${done}/${total}] ${displayPath(record.path)} ${state}${record.error ? `: ${inert(record.error)}` : ''}\n`,
      );
    }
  }) as Progress;
  report.start = (path) => {
    inHand.push(path);
  };
  report.finish = () => {
    if (drawn) process.stderr.write('\n');
  };
  return report;
}
