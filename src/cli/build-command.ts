// `report build FILE`: validate, then write DOCX, HTML and JSON; refuse a report with errors unless --force.
import { join, resolve } from 'node:path';
import type { Lang } from '../diagnostics/diagnostic';
import { type OutputFormat, outputBaseName, outputFormats } from '../output/output-names';
import type { DocxStyleName } from '../render/docx-styles';
import { renderOutputs } from '../render/render-outputs';
import { say, UsageError } from './cli-messages';
import { type CommonOptions, reportFailure } from './main';
import { readAndCheck } from './read-and-check';
import { parseTimeout, resolveCommon } from './shared-options';
import { displayPath, prepareDirectory, writeOutputs } from './write-outputs';

export interface BuildFlags extends CommonOptions {
  output?: string;
  to?: string;
  docxStyle?: string;
  force?: boolean;
}

export async function runBuild(file: string, flags: BuildFlags, toolVersion: string): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const formats = parseFormats(flags.to);
    const docxStyle = parseDocxStyle(flags.docxStyle ?? common.config.docxStyle);
    const toStdout = flags.output === '-';
    if (toStdout && formats.length !== 1) throw new UsageError('stdoutOneFormat', { formats: formats.join(',') });

    const checked = await readAndCheck(file, {
      lang,
      timeoutSeconds: parseTimeout(flags.timeout),
      lenient: false,
      rules: common.config.rules,
      color: common.color && !toStdout,
      debug: common.debug,
      toolVersion,
    });
    if (typeof checked === 'number') return checked;
    const { report, errors } = checked;
    const edition = checked.validation.edition;
    if (!edition) {
      process.stderr.write(`report: ${say(lang, 'buildNoEdition', { file })}\n`);
      return 1;
    }
    if (errors && !flags.force) {
      process.stderr.write(`report: ${say(lang, 'buildRefused', { file, errors })}\n`);
      return 1;
    }

    const notValidated = errors > 0;
    // Render everything before writing anything: a failure leaves no file behind.
    const rendered = await renderOutputs(report.model, edition, formats, {
      docxStyle,
      notValidated,
      generator: `report ${toolVersion}`,
    });
    if (toStdout) {
      process.stdout.write(rendered[0]?.bytes ?? '');
      return notValidated ? 1 : 0;
    }

    const directory = resolve(flags.output ?? '.');
    prepareDirectory(directory);
    const base = outputBaseName(report.model, file, notValidated);
    const outputs = rendered.map(({ format, bytes }) => ({ path: join(directory, `${base}.${format}`), bytes }));
    writeOutputs(outputs, [file]);
    const written = outputs.map(({ path }) => path);
    const shown = written.map((path) => `  ${displayPath(path)}`).join('\n');
    process.stdout.write(
      `${say(lang, notValidated ? 'builtNotValidated' : 'built', { count: written.length })}\n${shown}\n`,
    );
    // A forced build of a failing report still fails, so scripts notice.
    return notValidated ? 1 : 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return [...outputFormats];
  const formats = value
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean);
  const unknown = formats.filter((format) => !(outputFormats as readonly string[]).includes(format));
  if (formats.length === 0 || unknown.length) {
    throw new UsageError('badBuildFormat', { value, choices: outputFormats.join(',') });
  }
  return [...new Set(formats)] as OutputFormat[];
}

function parseDocxStyle(value: string | undefined): DocxStyleName {
  if (value === undefined) return 'gbt9704';
  if (value !== 'gbt9704' && value !== 'plain') throw new UsageError('badDocxStyle', { value });
  return value;
}
