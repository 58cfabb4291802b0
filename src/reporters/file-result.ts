// The outcome of checking one input: what reporters format and what the exit code is computed from.
import type { Diagnostic, Lang, LocalizedText, Severity } from '../diagnostics/diagnostic';
import { countBySeverity } from '../diagnostics/diagnostic';

export type FileStatus = 'ok' | 'invalid' | 'unreadable';

export interface FileResult {
  file: string;
  status: FileStatus;
  edition?: string;
  format?: string;
  /** `template` (a workbook read by its defined names) or `model` (JSON). */
  readAs?: string;
  diagnostics: Diagnostic[];
  /** Why the file could not be read, worded in the chosen language. */
  error?: { messageId: string; message: string };
}

export interface ReporterContext {
  lang: Lang;
  color: boolean;
  toolVersion: string;
  /** `--quiet`: the text reporter shows only the files that need a look, and their errors. */
  quiet?: boolean;
  /** The rules' metadata, for the formats that describe each rule (SARIF); given by the caller, as the catalog is in
   * a layer beside this one. A rule missing from it is described by its id alone. */
  rules?: readonly RuleInfo[];
  /** The absolute path of the working folder: the formats that locate files (SARIF, GitLab) name them relative to it. */
  workingFolder?: string;
}

/** What a reporter may say of a rule: the metadata of `report rules`. */
export interface RuleInfo {
  id: string;
  name: string;
  severity: Severity;
  description: LocalizedText;
  details: LocalizedText;
}

/** The result of a report read and checked: `invalid` when any diagnostic is an error. */
export function checkedResult(
  file: string,
  report: { format: string; readAs: string },
  validation: { edition?: { id: string }; diagnostics: Diagnostic[] },
): FileResult {
  const { edition, diagnostics } = validation;
  return {
    file,
    status: countBySeverity(diagnostics).errors > 0 ? 'invalid' : 'ok',
    ...(edition ? { edition: edition.id } : {}),
    format: report.format,
    readAs: report.readAs,
    diagnostics,
  };
}

/** The result of an input that could not be read, with the reader's message id and its words. */
export const unreadableResult = (file: string, messageId: string, message: string): FileResult => ({
  file,
  status: 'unreadable',
  diagnostics: [],
  error: { messageId, message },
});

export type Reporter = (results: readonly FileResult[], context: ReporterContext) => string;

export function summarize(results: readonly FileResult[]) {
  let errors = 0;
  let warnings = 0;
  let unreadable = 0;
  let explained = 0;
  let decided = 0;
  for (const result of results) {
    const counts = countBySeverity(result.diagnostics);
    errors += counts.errors;
    warnings += counts.warnings;
    explained += counts.explained;
    decided += counts.decided;
    if (result.status === 'unreadable') unreadable++;
  }
  // Set aside (explained by the filer, decided by a reviewer): counted apart, never in errors or warnings.
  return { files: results.length, errors, warnings, unreadable, explained, decided };
}
