// `report convert INPUT... -o DIR`: every readable input, on worker threads; a bad file is recorded and the rest go on.
import { resolve } from 'node:path';
import { collectInputs } from '../convert/collect-inputs';
import { renderIndex } from '../convert/index-page';
import { type ConvertSummary, type InputRecord, runConvert } from '../convert/run-convert';
import { defaultJobs } from '../convert/worker-pool';
import type { Lang } from '../diagnostics/diagnostic';
import type { DocxStyleName } from '../render/docx-styles';
import type { RenderFormat } from '../render/render-outputs';
import { say, UsageError } from './cli-messages';
import { type CommonOptions, reportFailure } from './main';
import { parseTimeout, resolveCommon } from './shared-options';
import { displayPath, inputGuard, prepareDirectory, writeOutputs } from './write-outputs';

export interface ConvertFlags extends CommonOptions {
  output: string;
  to?: string;
  jobs?: string;
  strict?: boolean;
  docxStyle?: string;
}

const FORMATS: readonly RenderFormat[] = ['docx', 'html', 'json', 'xlsx'];

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
    const outDir = resolve(flags.output);
    const files = collectInputs(inputs, outDir);
    if (files.length === 0) throw new UsageError('noInputs', { inputs: inputs.join(' ') });
    prepareDirectory(outDir);

    const progress = progressReporter(lang, process.stderr.isTTY === true && !process.env.CI);
    const started = Date.now();
    const summary = await runConvert(files, {
      outDir,
      formats,
      jobs,
      lenient: !flags.strict,
      lang,
      rules: common.config.rules,
      docxStyle,
      generator: `report ${toolVersion}`,
      protect: inputGuard(files),
      timeoutSeconds: parseTimeout(flags.timeout),
      onProgress: (done, total, record) => progress(done, total, record, started),
    });
    progress.finish();
    writeOutputs(
      [
        { path: resolve(outDir, 'summary.json'), bytes: summaryJson(summary, toolVersion) },
        { path: resolve(outDir, 'index.html'), bytes: renderIndex(summary, lang, `report ${toolVersion}`) },
      ],
      files,
    );
    process.stdout.write(summaryTable(summary, lang));
    process.stdout.write(
      `${say(lang, 'converted', { dir: displayPath(outDir), seconds: ((Date.now() - started) / 1000).toFixed(1) })}\n`,
    );
    const records = summary.records;
    if (records.every((record) => record.status === 'unreadable')) return 2;
    return records.some((record) => record.status !== 'ok') ? 1 : 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

function parseFormats(value: string | undefined): RenderFormat[] {
  if (value === undefined) return ['docx', 'html', 'json'];
  const formats = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  if (formats.length === 0 || formats.some((format) => !(FORMATS as readonly string[]).includes(format))) {
    throw new UsageError('badBuildFormat', { value, choices: FORMATS.join(',') });
  }
  return [...new Set(formats)] as RenderFormat[];
}

/** summary.json: each input with its status, edition, agency, year, counts by rule and outputs; cross-year findings. */
function summaryJson(summary: ConvertSummary, toolVersion: string): string {
  const inputs = summary.records.map(({ diagnostics: _diagnostics, figures: _figures, ...record }) => record);
  const totals = {
    inputs: inputs.length,
    ok: inputs.filter((r) => r.status === 'ok').length,
    invalid: inputs.filter((r) => r.status === 'invalid').length,
    unreadable: inputs.filter((r) => r.status === 'unreadable').length,
  };
  return `${JSON.stringify({ tool: 'report', version: toolVersion, formatVersion: 1, totals, inputs, crossYear: summary.crossYear }, null, 2)}\n`;
}

/** Display width: CJK characters take two columns on a terminal. */
const width = (text: string) => [...text].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, size: number) => text + ' '.repeat(Math.max(0, size - width(text)));

function summaryTable(summary: ConvertSummary, lang: Lang): string {
  const head =
    lang === 'zh'
      ? ['文件', '状态', '版本', '机关', '年度', '错误', '警告']
      : ['file', 'status', 'edition', 'agency', 'year', 'errors', 'warnings'];
  const status = (record: InputRecord) =>
    lang === 'zh' ? { ok: '通过', invalid: '有错误', unreadable: '无法读取' }[record.status] : record.status;
  const rows = summary.records.map((record) => [
    displayPath(record.path),
    status(record),
    record.edition ?? '',
    record.agency ?? '',
    record.year === undefined ? '' : String(record.year),
    String(record.errors),
    String(record.warnings),
  ]);
  const sizes = head.map((_, column) =>
    Math.min(48, Math.max(...[head, ...rows].map((row) => width(row[column] ?? '')))),
  );
  const line = (row: string[]) =>
    row
      .map((cell, column) => pad(cell, sizes[column] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(head), sizes.map((size) => '-'.repeat(size)).join('  '), ...rows.map(line)].join('\n')}\n`;
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
      const state =
        lang === 'zh' ? { ok: '通过', invalid: '有错误', unreadable: '无法读取' }[record.status] : record.status;
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
