// The first half of build, import and convert: read one input and validate it, printing what was found to stderr.

import { countBySeverity, type Lang } from '../diagnostics/diagnostic';
import { inert, inertLines } from '../diagnostics/inert-text';
import type { BodyKind } from '../model/body-kind';
import { ReadError, type ReadReport } from '../model/read-report';
import type { TimeLimit } from '../read/time-limit';
import { textReporter } from '../reporters/text';
import { readGuarded } from '../sandbox/sandbox-pool';
import { loadValidators } from '../validate/schema-check';
import { type RuleSetting, type Validation, validateReport } from '../validate/validate-report';

export interface CheckOptions {
  lang: Lang;
  lenient: boolean;
  /** `--timeout`: seconds one input may take to read (by default, by its size). */
  timeLimit: TimeLimit;
  rules: Readonly<Record<string, RuleSetting>>;
  /** The config's bodyKind (N008, N009); else the agency's name tells. */
  bodyKind?: BodyKind;
  color: boolean;
  debug: boolean;
  toolVersion: string;
  /** Print warnings too (errors are always printed). */
  showWarnings?: boolean;
}

export type Checked = { report: ReadReport; validation: Validation; errors: number; warnings: number };

/** The checked report, or the exit code (2) after a one-line message when the input cannot be read. */
export async function readAndCheck(file: string, options: CheckOptions): Promise<Checked | number> {
  let report: ReadReport;
  try {
    // Loaded while the reading process, started first (early-reader.ts), is still coming up.
    loadValidators();
    report = await readGuarded(file, { lenient: options.lenient, timeLimit: options.timeLimit });
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    process.stderr.write(`report: ${inert(error.describe(options.lang))}\n`);
    if (options.debug && error.cause instanceof Error) process.stderr.write(`${inertLines(error.cause.stack ?? '')}\n`);
    return 2;
  }
  const validation = validateReport(report, {
    lang: options.lang,
    rules: options.rules,
    ...(options.bodyKind ? { bodyKind: options.bodyKind } : {}),
  });
  const { errors, warnings } = countBySeverity(validation.diagnostics);
  const shown =
    options.showWarnings === false
      ? validation.diagnostics.filter((d) => d.severity === 'error')
      : validation.diagnostics;
  // Diagnostics go to standard error, so `-o -` leaves standard output to the document.
  if (shown.length) {
    const result = {
      file: report.file,
      status: errors ? ('invalid' as const) : ('ok' as const),
      ...(validation.edition ? { edition: validation.edition.id } : {}),
      readAs: report.readAs,
      diagnostics: shown,
    };
    process.stderr.write(
      textReporter([result], { lang: options.lang, color: options.color, toolVersion: options.toolVersion }),
    );
  }
  return { report, validation, errors, warnings };
}
