// `report convert INPUT... -o DIR`: every readable input, on worker threads; a bad file is recorded and the rest go on.
// Ctrl-C (SIGINT) or SIGTERM stops the batch without losing what is done; the next run goes on from there.
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectInputs } from '../convert/collect-inputs';
import { runFingerprint } from '../convert/fingerprint';
import { renderIndex } from '../convert/index-page';
import { renderRulesPage } from '../convert/rules-html';
import { type ConvertSummary, type InputRecord, runConvert } from '../convert/run-convert';
import { statusWords } from '../convert/status-words';
import { currentOutputs, SUMMARY_FILE, summaryJson } from '../convert/summary-file';
import { summaryTable, terminalWidth } from '../convert/summary-table';
import { defaultJobs } from '../convert/worker-pool';
import type { Lang } from '../diagnostics/diagnostic';
import { convertDocxToPdf, OfficeFailed } from '../output/office-pdf';
import { writeFileAtomic } from '../output/write-atomic';
import type { DocxStyleName } from '../render/docx-styles';
import type { RenderFormat } from '../render/render-outputs';
import { parseDate, requireOffice } from './build-command';
import { say, UsageError } from './cli-messages';
import { interruptedExitCode } from './end-process';
import { reportFailure } from './report-failure';
import { type CommonOptions, parseTimeout, resolveCommon } from './shared-options';
import { displayPath, inputGuard, prepareDirectory, writeOutputs } from './write-outputs';

export interface ConvertFlags extends CommonOptions {
  output: string;
  to?: string;
  jobs?: string;
  strict?: boolean;
  docxStyle?: string;
  date?: string;
}

type ConvertFormat = RenderFormat | 'pdf';
const FORMATS: readonly ConvertFormat[] = ['docx', 'html', 'json', 'xlsx', 'pdf'];

export async function runConvertCommand(inputs: string[], flags: ConvertFlags, toolVersion: string): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const formats = parseFormats(flags.to);
    const jobs = flags.jobs === undefined ? defaultJobs() : Number(flags.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError('badJobs', { value: flags.jobs ?? '' });
    const docxStyle = (flags.docxStyle ?? common.config.docxStyle ?? 'gbt9704') as DocxStyleName;
    if (docxStyle !== 'gbt9704' && docxStyle !== 'plain') throw new UsageError('badDocxStyle', { value: docxStyle });
    const date = parseDate(flags.date ?? common.config.date);
    const office = formats.includes('pdf') ? requireOffice() : undefined;
    const outDir = resolve(flags.output);
    const { files, outputInside } = collectInputs(inputs, outDir);
    if (outputInside?.same) throw new UsageError('outputIsInputFolder', { dir: displayPath(outDir) });
    if (outputInside) {
      process.stderr.write(
        `report: ${say(lang, 'outputInsideInput', { dir: displayPath(outDir), folder: outputInside.folder })}\n`,
      );
    }
    if (files.length === 0) throw new UsageError('noInputs', { inputs: inputs.join(' ') });
    const settings = {
      // The PDFs are LibreOffice's prints of the DOCX files, made after the batch in one LibreOffice run.
      formats: [...new Set(formats.map((format): RenderFormat => (format === 'pdf' ? 'docx' : format)))],
      lenient: !flags.strict,
      rules: common.config.rules,
      thresholds: common.config.thresholds,
      docxStyle,
      ...(date ? { date } : {}),
      generator: `report ${toolVersion}`,
    };
    const fingerprint = runFingerprint({ ...settings, formats });
    const current = existsSync(outDir) ? currentOutputs(outDir, fingerprint) : undefined;
    prepareDirectory(outDir);

    const progress = progressReporter(lang, process.stderr.isTTY === true && !process.env.CI);
    const started = Date.now();
    // The summary is written while the signals are still caught, so that a second Ctrl-C cannot cut it short.
    const summary = await whileStoppable(lang, progress.finish, async (stop, abandon) => {
      const done = await runConvert(files, {
        ...settings,
        outDir,
        jobs,
        lang,
        protect: inputGuard(files),
        ...(current ? { current } : {}),
        stop,
        abandon,
        timeLimit: parseTimeout(flags.timeout),
        onProgress: (count, total, record) => progress(count, total, record, started),
      });
      progress.finish();
      if (office) addPdfs(office, done, outDir, formats.includes('docx'));
      done.fingerprint = fingerprint;
      writeOutputs(
        [
          { path: resolve(outDir, SUMMARY_FILE), bytes: summaryJson(done, toolVersion) },
          { path: resolve(outDir, 'index.html'), bytes: renderIndex(done, lang, `report ${toolVersion}`) },
          { path: resolve(outDir, 'rules.html'), bytes: renderRulesPage(lang, `report ${toolVersion}`) },
        ],
        files,
      );
      return done;
    });
    process.stdout.write(summaryTable(summary.records, lang, terminalWidth()));
    process.stdout.write(notes(summary, lang));
    process.stdout.write(
      `${say(lang, 'converted', { dir: displayPath(outDir), seconds: ((Date.now() - started) / 1000).toFixed(1) })}\n`,
    );
    if (summary.signal) {
      process.stderr.write(
        `report: ${say(lang, 'interrupted', { done: summary.records.length, notDone: summary.notDone })}\n`,
      );
      return interruptedExitCode[summary.signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT'];
    }
    const records = summary.records;
    if (records.every((record) => record.status === 'unreadable')) return 2;
    return records.some((record) => record.status !== 'ok') ? 1 : 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

/** Each DOCX of the batch printed to PDF beside it (the DOCX removed when only the PDF was asked for). */
function addPdfs(office: string, summary: ConvertSummary, outDir: string, keepDocx: boolean): void {
  const docx = new Map<string, string>();
  for (const record of summary.records) {
    if (record.upToDate) continue;
    for (const output of record.outputs) if (output.endsWith('.docx')) docx.set(output, resolve(outDir, output));
  }
  if (docx.size === 0) return;
  let pdfs: Map<string, Buffer>;
  try {
    pdfs = convertDocxToPdf(office, docx);
  } catch (error) {
    if (error instanceof OfficeFailed) throw new UsageError('pdfFailed', { detail: error.message });
    throw error;
  }
  for (const record of summary.records) {
    record.outputs = record.outputs.flatMap((output) => {
      const pdf = pdfs.get(output);
      if (!pdf) return [output];
      const pdfName = output.replace(/\.docx$/, '.pdf');
      writeFileAtomic(resolve(outDir, pdfName), pdf);
      if (keepDocx) return [output, pdfName];
      rmSync(resolve(outDir, output), { force: true });
      return [pdfName];
    });
  }
}

function parseFormats(value: string | undefined): ConvertFormat[] {
  if (value === undefined) return ['docx', 'html', 'json'];
  const formats = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (formats.length === 0 || formats.some((format) => !(FORMATS as readonly string[]).includes(format))) {
    throw new UsageError('badBuildFormat', { value, choices: FORMATS.join(',') });
  }
  return [...new Set(formats)] as ConvertFormat[];
}

/**
 * Runs the batch with SIGINT and SIGTERM caught: the first stops it taking inputs (those under way finish), a second
 * drops those too. Either way the batch ends normally, so what is done is kept and the summary is written.
 */
async function whileStoppable(
  lang: Lang,
  clearProgress: () => void,
  run: (stop: AbortSignal, abandon: AbortSignal) => Promise<ConvertSummary>,
): Promise<ConvertSummary & { signal?: NodeJS.Signals }> {
  const stop = new AbortController();
  const abandon = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (received) {
      abandon.abort();
      return;
    }
    received = signal;
    clearProgress();
    process.stderr.write(`report: ${say(lang, 'stopping', { signal })}\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await run(stop.signal, abandon.signal);
    return received ? { ...summary, signal: received } : summary;
  } finally {
    // Once interrupted, a further Ctrl-C while the table is printed must not cut it short: the handlers stay, and do
    // nothing more, until the process exits (end-process.ts).
    if (!received) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

/** Below the table: how many inputs were already converted (the table marks the reports given twice). */
function notes(summary: ConvertSummary, lang: Lang): string {
  const upToDate = summary.records.filter((record) => record.upToDate).length;
  return upToDate ? `${say(lang, 'upToDateCount', { count: upToDate })}\n` : '';
}

type Progress = ((done: number, total: number, record: InputRecord, started: number) => void) & { finish: () => void };

/** A bar on a terminal (done/total, rate, time left); one plain line per input otherwise. */
function progressReporter(lang: Lang, terminal: boolean): Progress {
  let drawn = false;
  const report = ((done: number, total: number, record: InputRecord, started: number) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = done / seconds;
    const left = Math.round((total - done) / Math.max(rate, 0.001));
    if (terminal) {
      const size = 24;
      const filled = Math.round((done / total) * size);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(size - filled)}`;
      const text =
        lang === 'zh'
          ? `${done}/${total}  ${rate.toFixed(1)} 个/秒  剩余 ${left} 秒`
          : `${done}/${total}  ${rate.toFixed(1)}/s  ${left}s left`;
      process.stderr.write(`\r${bar} ${text}\u001b[K`);
      drawn = true;
    } else {
      const verdict = statusWords[lang][record.status];
      const state = record.upToDate
        ? `${verdict}${lang === 'zh' ? `（${say(lang, 'upToDate')}）` : ` (${say(lang, 'upToDate')})`}`
        : verdict;
      process.stderr.write(
        `[${done}/${total}] ${displayPath(record.path)} ${state}${record.error ? `: ${record.error}` : ''}\n`,
      );
    }
  }) as Progress;
  report.finish = () => {
    if (drawn) process.stderr.write('\n');
  };
  return report;
}
