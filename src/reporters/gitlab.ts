// GitLab Code Quality (the `codequality` report of a CI job): a JSON array of issues, each with the fields GitLab
// requires — description, check_name, fingerprint, severity, location.path, location.lines.begin.
//
// The mapping:
// - description: the diagnostic's message (it names the official label and the place: sheet!cell, or the pointer);
// - check_name: the rule's id (`R301`, `input`, …), as `report rules <id>` explains it;
// - fingerprint: SHA-256 of rule, file, pointer and message id (fingerprint.ts), the same as SARIF's, stable across
//   reruns so that GitLab tells new findings from old ones in a merge request;
// - severity: an error is `major`, a warning `minor` (GitLab's scale is info, minor, major, critical, blocker); a file
//   that could not be read at all is `critical` (check_name `unreadable`): nothing in it was checked;
// - location.path: the file relative to the working folder (GitLab wants it relative to the repository, with no
//   leading `./`); location.lines.begin: the line for a text input when the reader knew it, else 1 — GitLab requires a
//   line, and a workbook, a DOCX or a PDF has none, so the finding stands on the file and its message gives the place.
// Every text from an input is inert (`inert`), and the JSON then `inertJson`: valid JSON whatever the input holds.
import { type Severity, setAside } from '../diagnostics/diagnostic';
import { findingFingerprint, fingerprintsOf } from '../diagnostics/fingerprint';
import { inert, inertJson } from '../diagnostics/inert-text';
import type { Reporter } from './file-result';
import { artifactPath } from './locate';

type GitLabSeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

export const GITLAB_SEVERITY: Readonly<Record<Severity | 'unreadable', GitLabSeverity>> = {
  error: 'major',
  warning: 'minor',
  unreadable: 'critical',
};

/** The formats whose lines are the file's own lines (as in the SARIF reporter). */
const LINE_FORMATS: ReadonlySet<string> = new Set(['txt', 'json']);

export const gitlabReporter: Reporter = (results, context) => {
  const issues: unknown[] = [];
  for (const result of results) {
    const { path } = artifactPath(result.file, context.workingFolder);
    const location = (line?: number) => ({
      path: inert(path),
      lines: { begin: line !== undefined && line >= 1 && LINE_FORMATS.has(result.format ?? '') ? line : 1 },
    });
    if (result.error)
      issues.push({
        description: inert(result.error.message),
        check_name: 'unreadable',
        fingerprint: findingFingerprint({
          ruleId: 'unreadable',
          file: path,
          pointer: '',
          messageId: result.error.messageId,
        }),
        severity: GITLAB_SEVERITY.unreadable,
        location: location(),
      });
    const fingerprints = fingerprintsOf(path, result.diagnostics);
    result.diagnostics.forEach((diagnostic, index) => {
      issues.push({
        description: inert(diagnostic.message),
        check_name: inert(diagnostic.ruleId),
        fingerprint: fingerprints[index],
        // Set aside (explained, decided): `info`, GitLab's lowest grade, so the finding is listed but weighs nothing.
        severity: setAside(diagnostic) ? 'info' : GITLAB_SEVERITY[diagnostic.severity],
        location: location(diagnostic.line),
      });
    });
  }
  return `${inertJson(JSON.stringify(issues, null, 2))}\n`;
};
