// `report import FILE -o OUT.json|OUT.xlsx`: a published report (or hand-made workbook) into the model, read leniently.
import { extname, resolve } from 'node:path';
import type { Lang } from '../diagnostics/diagnostic';
import { renderOutputs } from '../output/render-outputs';
import { readAsWords } from '../reporters/text';
import { type ImportVerdict, importExitCode, importVerdict } from '../validate/import-verdict';
import { type CliMessageId, say, UsageError } from './cli-messages';
import { readAndCheck } from './read-and-check';
import { reportFailure } from './report-failure';
import { type CommonOptions, parseTimeout, resolveCommon } from './shared-options';
import { displayPath, writeOutputs } from './write-outputs';

export interface ImportFlags extends CommonOptions {
  output: string;
  strict?: boolean;
  quiet?: boolean;
}

export async function runImport(file: string, flags: ImportFlags, toolVersion: string): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const toStdout = flags.output === '-';
    const extension = toStdout ? '.json' : extname(flags.output).toLowerCase();
    if (extension !== '.json' && extension !== '.xlsx') throw new UsageError('importOutput', { file: flags.output });

    const checked = await readAndCheck(file, {
      lang,
      timeLimit: parseTimeout(flags.timeout),
      lenient: !flags.strict,
      rules: common.config.rules,
      ...(common.config.bodyKind ? { bodyKind: common.config.bodyKind } : {}),
      color: common.color,
      debug: common.debug,
      toolVersion,
      showWarnings: !flags.quiet,
    });
    // Unreadable: the one line that says why is the verdict (exit 2), as for every bad input.
    if (typeof checked === 'number') return checked;
    const edition = checked.validation.edition;
    const verdict = importVerdict(checked.report.model, edition, checked.errors, checked.report.findings);
    if (!edition) {
      process.stderr.write(`report: ${say(lang, 'buildNoEdition', { file })}\n`);
      writeVerdict(lang, verdict);
      return importExitCode[verdict.status];
    }
    // What could not be found stays out of the model: the JSON says only what the report says.
    const [output] = await renderOutputs(checked.report.model, edition, [extension === '.json' ? 'json' : 'xlsx'], {
      docxStyle: 'gbt9704',
      notValidated: checked.errors > 0,
      generator: `report ${toolVersion}`,
    });
    if (!output) return 2;
    if (toStdout) {
      process.stdout.write(output.bytes);
    } else {
      const path = resolve(flags.output);
      writeOutputs([{ path, bytes: output.bytes }], [file]);
      const model = checked.report.model;
      process.stderr.write(
        `${say(lang, 'imported', {
          file: displayPath(path),
          edition: edition.id,
          agency: typeof model.agency === 'string' ? model.agency : '?',
          year: typeof model.year === 'number' ? model.year : '?',
          errors: checked.errors,
          warnings: checked.warnings,
          how: readAsWords(lang, checked.report.readAs),
        })}\n`,
      );
    }
    writeVerdict(lang, verdict);
    return importExitCode[verdict.status];
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

const STATUS_WORDS: Readonly<Record<Exclude<ImportVerdict['status'], 'unreadable' | 'unsupported'>, CliMessageId>> = {
  ok: 'verdictOk',
  incomplete: 'verdictIncomplete',
  invalid: 'verdictInvalid',
} as const;

function writeVerdict(lang: Lang, verdict: ImportVerdict): void {
  if (verdict.status === 'unreadable' || verdict.status === 'unsupported') return;
  const why = say(lang, STATUS_WORDS[verdict.status], {});
  const line = say(lang, 'verdict', { status: verdict.status, why, ...verdict.figures });
  const assumed = verdict.columnsAssumed ? say(lang, 'verdictColumnsAssumed', {}) : '';
  process.stderr.write(`${line}${assumed}\n`);
}
