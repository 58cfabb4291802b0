// `report validate FILE...`: read → check → report, and the exit code (the worst over all files).

import { dirname, resolve } from 'node:path';
import { collectInputs, type SkippedFolder } from '../convert/collect-inputs';
import { countBySeverity, type Lang } from '../diagnostics/diagnostic';
import { inertLines } from '../diagnostics/inert-text';
import { appendAll } from '../model/many-values';
import { ReadError, type ReadReport } from '../model/read-report';
import { reporters } from '../reporters';
import { checkedResult, type FileResult, unreadableResult } from '../reporters/file-result';
import { textReporter } from '../reporters/text';
import { Sandbox } from '../sandbox/sandbox-pool';
import { type BaselineIndex, baselineEntries, baselineText, reportKey } from '../validate/baseline';
import { ruleCatalog } from '../validate/rules';
import { loadValidators } from '../validate/schema-check';
import { type ValidateOptions, validateReport } from '../validate/validate-report';
import { baselineTally, loadBaseline, writeBaseline } from './baseline-file';
import { say, UsageError } from './cli-messages';
import { DEFAULT_CONFIG_FILE } from './config';
import { effectiveSettings, loadPack, packPath } from './pack';
import { reportFailure } from './report-failure';
import { type CommonOptions, parseDateOption, parseTimeout, resolveCommon } from './shared-options';
import { displayPath, inputGuard, prepareDirectory } from './write-outputs';

export interface ValidateFlags extends CommonOptions {
  format: string;
  maxWarnings?: string;
  quiet?: boolean;
  previous?: string;
  published?: string;
  /** A reviewer's decisions on findings (baseline.ts); else the config's `baseline`. */
  baseline?: string;
  /** Writes this run's findings as a baseline for a reviewer to edit. */
  writeBaseline?: string;
  /** `--pack FILE|NAME`: a rule pack's rules, severities and thresholds, under the config's (pack.ts). */
  pack?: string;
}

export async function runValidate(inputs: string[], flags: ValidateFlags, toolVersion: string): Promise<number> {
  let lang: Lang = 'zh';
  let reader: Sandbox | undefined;
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const maxWarnings = parseMaxWarnings(flags.maxWarnings);
    const published = parseDateOption(flags.published, 'badPublished');
    const baselineFile = flags.baseline ?? common.config.baseline;
    const baseline = baselineFile === undefined ? undefined : loadBaseline(baselineFile, lang);
    const settings = effectiveSettings(
      common.config,
      flags.pack !== undefined ? loadPack(flags.pack, lang) : undefined,
    );
    // What --write-baseline must never replace besides the inputs — the baseline read, last year's report, the pack, the
    // config — is refused before any file is read, not after the whole batch was checked.
    const settingsFiles = [
      ...(baselineFile ? [baselineFile] : []),
      ...(flags.previous ? [flags.previous] : []),
      ...(flags.pack !== undefined ? [packPath(flags.pack)] : []),
      flags.config ?? DEFAULT_CONFIG_FILE,
    ];
    if (flags.writeBaseline !== undefined) {
      inputGuard(settingsFiles)([flags.writeBaseline]);
      // Its folder made now, as build and page make theirs: a write that fails after the batch would lose its results.
      prepareDirectory(dirname(resolve(flags.writeBaseline)));
    }
    // One sandbox process reads every file: started now, so its start-up overlaps loading the rules.
    const timeLimit = parseTimeout(flags.timeout);
    const guarded = new Sandbox(1, timeLimit === undefined ? {} : { timeLimit }).warmUp();
    reader = guarded;
    const previous = flags.previous ? await readPrevious(guarded, flags.previous, lang) : undefined;
    // Folders (with their subfolders) and globs name their files, as in convert; standard input stays where it is.
    const { files, skipped } = expandInputs(inputs);
    const results: FileResult[] = skipped.map(({ path, code }) =>
      unreadableResult(path, 'folderUnlisted', say(lang, 'folderUnlisted', { folder: path, code })),
    );
    // The reader reads ahead while this thread checks.
    const reads = files.map((file) => ({ file, read: settled(guarded.read(file)) }));
    loadValidators();
    const keys = new Map<FileResult, string>();
    for (const { file, read } of reads) {
      const options = {
        lang,
        rules: settings.rules,
        thresholds: settings.thresholds,
        previous,
        ...(common.config.bodyKind ? { bodyKind: common.config.bodyKind } : {}),
        ...(published ? { published } : {}),
      };
      const { result, key } = await checkFile(file, read, options, common.debug);
      results.push(result);
      if (key !== undefined) keys.set(result, key);
    }
    // The reviewer's decisions: a finding decided on is shown with its decision and counted apart.
    const decided = baseline ? results.map((result) => decide(result, keys.get(result), baseline)) : results;
    if (flags.writeBaseline !== undefined) {
      const entries = decided.flatMap((result, index) => {
        const key = keys.get(results[index] as FileResult);
        const { file, diagnostics } = result;
        return key === undefined ? [] : baselineEntries({ key, file, diagnostics }, baseline);
      });
      writeBaseline(flags.writeBaseline, baselineText(entries), [...files, ...settingsFiles]);
      const kept = entries.filter((entry) => baseline?.entry(entry.fingerprint)).length;
      process.stderr.write(
        `report: ${say(lang, 'baselineWritten', { file: displayPath(flags.writeBaseline), count: entries.length, kept })}\n`,
      );
    }
    const reporter = reporters[flags.format] ?? textReporter;
    // The text reporter leaves out what --quiet hides itself, keeping the true totals; the others get errors only.
    const shown =
      flags.quiet && reporter !== textReporter
        ? decided.map((result) => ({
            ...result,
            diagnostics: result.diagnostics.filter((d) => d.severity === 'error'),
          }))
        : decided;
    process.stdout.write(
      reporter(shown, {
        lang,
        color: common.color,
        toolVersion,
        quiet: flags.quiet === true,
        rules: ruleCatalog,
        workingFolder: process.cwd(),
      }),
    );
    if (baseline && baselineFile !== undefined)
      process.stderr.write(`report: ${baselineTally(displayPath(baselineFile), baseline, lang)}\n`);
    return exitCodeOf(decided, maxWarnings, lang);
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  } finally {
    await reader?.close();
  }
}

/** Each argument's files in order, once each: a folder's and a glob's as convert collects them, `-` as it is. */
function expandInputs(inputs: readonly string[]): { files: string[]; skipped: SkippedFolder[] } {
  const files: string[] = [];
  const skipped: SkippedFolder[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    const collected = collectInputs([input]);
    appendAll(files, collected.files);
    appendAll(skipped, collected.skipped);
  }
  if (files.length === 0 && skipped.length === 0) throw new UsageError('noInputs', { inputs: inputs.join(' ') });
  return { files: [...new Set(files)], skipped };
}

type Settled = Promise<{ report: ReadReport } | { error: unknown }>;

/** A read whose failure is held until its file's turn (no unhandled rejection meanwhile). */
function settled(read: Promise<ReadReport>): Settled {
  return read.then(
    (report) => ({ report }),
    (error: unknown) => ({ error }),
  );
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError('badNumber', { option: '--max-warnings', value });
  return Number(value);
}

async function readPrevious(reader: Sandbox, path: string, lang: Lang): Promise<ReadReport> {
  try {
    return await reader.read(path);
  } catch (error) {
    if (error instanceof ReadError) {
      throw new UsageError('previousUnreadable', { detail: error.describe(lang) });
    }
    throw error;
  }
}

/** The file checked, and how a baseline names its report (its agency and year, else its name as shown). */
async function checkFile(
  file: string,
  read: Settled,
  options: ValidateOptions,
  debug: boolean,
): Promise<{ result: FileResult; key?: string }> {
  const shownName = file === '-' ? '<stdin>' : file;
  try {
    const outcome = await read;
    if ('error' in outcome) throw outcome.error;
    const { report } = outcome;
    return {
      result: checkedResult(shownName, report, validateReport(report, options)),
      key: reportKey(report.model, shownName),
    };
  } catch (error) {
    if (error instanceof ReadError) {
      const message = error.describe(options.lang);
      if (debug && error.cause instanceof Error) process.stderr.write(`${inertLines(error.cause.stack ?? '')}\n`);
      return { result: unreadableResult(shownName, error.messageId, message) };
    }
    // A bug must not hide the other files' results: record it against this file.
    if (debug && error instanceof Error) process.stderr.write(`${inertLines(error.stack ?? '')}\n`);
    const detail = error instanceof Error ? error.message : String(error);
    return { result: unreadableResult(shownName, 'internalError', say(options.lang, 'internalError', { detail })) };
  }
}

/** A checked file with the baseline's decisions on its findings; invalid only while an error is left undecided. */
function decide(result: FileResult, key: string | undefined, baseline: BaselineIndex): FileResult {
  if (key === undefined || result.status === 'unreadable') return result;
  const diagnostics = baseline.apply(key, result.diagnostics);
  return { ...result, diagnostics, status: countBySeverity(diagnostics).errors > 0 ? 'invalid' : 'ok' };
}

function exitCodeOf(results: readonly FileResult[], maxWarnings: number | undefined, lang: Lang): number {
  if (results.some((result) => result.status === 'unreadable')) return 2;
  if (results.some((result) => result.status === 'invalid')) return 1;
  if (maxWarnings !== undefined) {
    const warnings = results.reduce((n, result) => n + countBySeverity(result.diagnostics).warnings, 0);
    if (warnings > maxWarnings) {
      process.stderr.write(`report: ${say(lang, 'tooManyWarnings', { count: warnings, max: maxWarnings })}\n`);
      return 1;
    }
  }
  return 0;
}
