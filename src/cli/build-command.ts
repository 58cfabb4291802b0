// `report build FILE`: validate, then write DOCX, HTML and JSON; refuse a report with errors unless --force.
import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { countBySeverity, fillTemplate, type Lang } from '../diagnostics/diagnostic';
import { type OutputFormat, outputBaseName, outputFormats } from '../output/output-names';
import { writeFileAtomic } from '../output/write-atomic';
import { readInput } from '../read/read-input';
import { ReadError, readErrorMessages } from '../read/read-report';
import type { DocxStyleName } from '../render/docx-styles';
import { renderHtml } from '../render/html';
import { renderJson } from '../render/json';
import { layoutReport } from '../render/layout';
import { textReporter } from '../reporters/text';
import { validateReport } from '../validate/validate-report';
import { say, UsageError } from './cli-messages';
import { type CommonOptions, reportFailure } from './main';
import { resolveCommon } from './shared-options';

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

    let report: ReturnType<typeof readInput>;
    try {
      report = readInput(file);
    } catch (error) {
      if (error instanceof ReadError) {
        process.stderr.write(`report: ${fillTemplate(readErrorMessages[error.messageId][lang], error.params)}\n`);
        if (common.debug && error.cause instanceof Error) process.stderr.write(`${error.cause.stack}\n`);
        return 2;
      }
      throw error;
    }
    const { edition, diagnostics } = validateReport(report, { lang, rules: common.config.rules });
    const { errors, warnings } = countBySeverity(diagnostics);
    // Diagnostics go to standard error, so `-o -` leaves standard output to the document.
    if (errors || warnings) {
      const result = {
        file: report.file,
        status: errors ? ('invalid' as const) : ('ok' as const),
        ...(edition ? { edition: edition.id } : {}),
        readAs: report.readAs,
        diagnostics,
      };
      process.stderr.write(textReporter([result], { lang, color: common.color && !toStdout, toolVersion }));
    }
    if (!edition) {
      process.stderr.write(`report: ${say(lang, 'buildNoEdition', { file })}\n`);
      return 1;
    }
    if (errors && !flags.force) {
      process.stderr.write(`report: ${say(lang, 'buildRefused', { file, errors })}\n`);
      return 1;
    }

    const notValidated = errors > 0;
    const document = layoutReport(report.model, edition, { notValidated });
    const generator = `report ${toolVersion}`;
    // Render everything before writing anything: a failure leaves no file behind.
    const rendered: { format: OutputFormat; bytes: string | Buffer }[] = [];
    for (const format of formats) {
      if (format === 'json') rendered.push({ format, bytes: renderJson(report.model, edition) });
      if (format === 'html') rendered.push({ format, bytes: renderHtml(document, report.model, generator) });
      if (format === 'docx') {
        // docx is loaded only here: validate never pays for it.
        const { renderDocx } = await import('../render/docx');
        rendered.push({ format, bytes: await renderDocx(document, docxStyle, generator) });
      }
    }
    if (toStdout) {
      process.stdout.write(rendered[0]?.bytes ?? '');
      return notValidated ? 1 : 0;
    }

    const directory = resolve(flags.output ?? '.');
    prepareDirectory(directory);
    const base = outputBaseName(report.model, file, notValidated);
    const inputPath = file === '-' ? undefined : realpathSync(file);
    const targets = rendered.map(({ format, bytes }) => ({ path: join(directory, `${base}.${format}`), bytes }));
    for (const { path } of targets) {
      if (inputPath && sameFile(path, inputPath)) throw new UsageError('outputIsInput', { file: path });
    }
    for (const { path, bytes } of targets) {
      try {
        writeFileAtomic(path, bytes);
      } catch (error) {
        throw new UsageError('outputFailed', {
          file: path,
          detail: (error as NodeJS.ErrnoException).code ?? String(error),
        });
      }
    }
    const written = targets.map(({ path }) => path);
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

function prepareDirectory(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new UsageError('outputFailed', {
      file: directory,
      detail: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (!statSync(directory).isDirectory()) throw new UsageError('outputNotDirectory', { file: directory });
}

/** A path under the working folder is shown relative to it, as the user would type it. */
function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near.startsWith('..') || isAbsolute(near) ? path : near;
}

function sameFile(path: string, realInput: string): boolean {
  try {
    return realpathSync(path) === realInput;
  } catch {
    return false; // the output does not exist yet
  }
}
