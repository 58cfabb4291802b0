// `report build FILE`: validate, then write DOCX, HTML and JSON; refuse a report with errors unless --force.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Lang } from '../diagnostics/diagnostic';
import { languageWords } from '../diagnostics/words';
import { convertDocxToPdf, faceStandIns, findOffice, OfficeFailed } from '../office/office-pdf';
import { defaultOutputFormats, type OutputFormat, outputBaseName, outputFormats } from '../output/output-names';
import { type RenderFormat, renderOutputs } from '../output/render-outputs';
import { type DocxStyleName, docxStyles, styleFaces } from '../render/docx-styles';
import { beyondSizeLimits } from '../validate/schema-check';
import { say, UsageError } from './cli-messages';
import { readAndCheck } from './read-and-check';
import { reportFailure } from './report-failure';
import { type CommonOptions, parseDateOption, parseTimeout, resolveCommon } from './shared-options';
import {
  displayPath,
  guardChangedOutputs,
  inputGuard,
  prepareDirectory,
  recordWritten,
  writeOutputs,
} from './write-outputs';

export interface BuildFlags extends CommonOptions {
  output?: string;
  to?: string;
  docxStyle?: string;
  date?: string;
  force?: boolean;
}

export async function runBuild(file: string, flags: BuildFlags, toolVersion: string): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const formats = parseFormats(flags.to);
    const docxStyle = parseDocxStyle(flags.docxStyle ?? common.config.docxStyle);
    const date = parseDateOption(flags.date ?? common.config.date, 'badDate');
    const office = formats.includes('pdf') ? requireOffice() : undefined;
    const toStdout = flags.output === '-';
    if (toStdout && formats.length !== 1) throw new UsageError('stdoutOneFormat', { formats: formats.join(',') });

    const checked = await readAndCheck(file, {
      lang,
      timeLimit: parseTimeout(flags.timeout),
      lenient: false,
      rules: common.config.rules,
      ...(common.config.bodyKind ? { bodyKind: common.config.bodyKind } : {}),
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
    if (beyondSizeLimits(checked.validation.diagnostics)) {
      process.stderr.write(`report: ${say(lang, 'buildBeyondLimits', { file })}\n`);
      return 1;
    }

    const notValidated = errors > 0;
    // Render everything before writing anything: a failure leaves no file behind.
    // A PDF is LibreOffice's print of the DOCX, so the DOCX is rendered for it even when not asked for.
    const renderFormats = [...new Set(formats.map((format): RenderFormat => (format === 'pdf' ? 'docx' : format)))];
    const rendered: { format: OutputFormat; bytes: string | Uint8Array }[] = await renderOutputs(
      report.model,
      edition,
      renderFormats,
      { docxStyle, notValidated, generator: `report ${toolVersion}`, ...(date ? { date } : {}) },
    ).then((outputs) => outputs.map(({ format, bytes }) => ({ format: format as OutputFormat, bytes })));
    if (office) {
      const docx = rendered.find((output) => output.format === 'docx')?.bytes as Uint8Array;
      rendered.push({ format: 'pdf', bytes: printPdf(office, docx) });
      if (!formats.includes('docx'))
        rendered.splice(
          rendered.findIndex((output) => output.format === 'docx'),
          1,
        );
    }
    if (toStdout) {
      process.stdout.write(rendered[0]?.bytes ?? '');
      if (office) writePdfFacesNote(lang, docxStyle);
      return notValidated ? 1 : 0;
    }

    const directory = resolve(flags.output ?? '.');
    prepareDirectory(directory);
    const base = outputBaseName(report.model, file, notValidated);
    const outputs = rendered.map(({ format, bytes }) => ({ path: join(directory, `${base}.${format}`), bytes }));
    // Never the input itself; and nothing is replaced that was changed since report wrote it (a DOCX corrected by
    // hand), unless --force.
    inputGuard([file])(outputs.map((output) => output.path));
    guardChangedOutputs(outputs, flags.force === true);
    writeOutputs(outputs, [file]);
    recordWritten(outputs);
    const written = outputs.map(({ path }) => path);
    const shown = written.map((path) => `  ${displayPath(path)}`).join('\n');
    process.stdout.write(
      `${say(lang, notValidated ? 'builtNotValidated' : 'built', { count: written.length })}\n${shown}\n`,
    );
    if (office) writePdfFacesNote(lang, docxStyle);
    // A forced build of a failing report still fails, so scripts notice.
    return notValidated ? 1 : 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

function parseFormats(value: string | undefined): OutputFormat[] {
  if (value === undefined) return [...defaultOutputFormats];
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

/** The LibreOffice program, or a usage error that says how to get one: checked before anything is rendered. */
export function requireOffice(): string {
  const office = findOffice();
  if (!office) throw new UsageError('pdfNeedsOffice');
  return office;
}

/**
 * One line on standard error after a PDF is made, naming the face that stood in for each official face of the style
 * this machine lacks (`仿宋_GB2312、宋体 → Noto Serif CJK SC，…`); nothing when every one is installed.
 */
export function writePdfFacesNote(lang: Lang, docxStyle: DocxStyleName): void {
  const { faces } = faceStandIns(styleFaces(docxStyles[docxStyle]));
  if (faces.length === 0) return;
  const byUsed = new Map<string, string[]>();
  for (const face of faces) {
    const used = face.used ?? say(lang, 'pdfFacesUnknown');
    byUsed.set(used, [...(byUsed.get(used) ?? []), face.official]);
  }
  const words = languageWords[lang];
  const text = [...byUsed]
    .map(([used, officials]) => `${officials.join(words.enumeration)} → ${used}`)
    .join(words.listSeparator);
  process.stderr.write(`report: ${say(lang, 'pdfFaces', { faces: text })}\n`);
}

/** LibreOffice's PDF of a DOCX, converted in a private temporary folder. */
function printPdf(office: string, docx: Uint8Array): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'report-build-'));
  try {
    const input = join(work, 'report.docx');
    writeFileSync(input, docx);
    return convertDocxToPdf(office, new Map([['report', input]])).get('report') as Buffer;
  } catch (error) {
    if (error instanceof OfficeFailed) throw new UsageError('pdfFailed', { detail: error.message });
    throw error;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
