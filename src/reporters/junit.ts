// JUnit XML for CI dashboards: a test suite per file, a test case per diagnostic. An error is a failing case (unless
// a reviewer's baseline decided on it); a warning passes, its message in the case's <system-out> (JUnit has no warnings: counted as failures they would fail a build
// that `report validate` itself passes). A file that cannot be read is an <error>. Every text from an input (file,
// sheet and messages) is inert and escaped, so the document is well-formed XML whatever the input holds.
import { type Diagnostic, setAside } from '../diagnostics/diagnostic';
import { inertXml } from '../diagnostics/inert-text';
import type { Reporter } from './file-result';

/** Open errors: a finding set aside (explained, decided) passes, its words in <system-out>. */
const isFailure = (d: Diagnostic) => d.severity === 'error' && !setAside(d);
const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter(isFailure).length;

/** What set a finding aside, in the case's output: the filer's explanation, or the reviewer's decision and note. */
const asideText = (d: Diagnostic) =>
  d.decision
    ? `\n${inertXml(`decided: ${d.decision.decision}${d.decision.note ? ` (${d.decision.note})` : ''}`)}`
    : d.explanation !== undefined
      ? `\n${inertXml(`explained: ${d.explanation}`)}`
      : '';

export const junitReporter: Reporter = (results) => {
  const suites = results.map((result) => {
    const cases: string[] = [];
    if (result.error) {
      cases.push(
        `    <testcase classname="${inertXml(result.file)}" name="read"><error message="${inertXml(result.error.message)}" type="${inertXml(result.error.messageId)}"/></testcase>`,
      );
    }
    for (const d of result.diagnostics) {
      const where = d.sheet ? `${d.sheet}!${d.cell}` : d.pointer;
      const opening = `    <testcase classname="${inertXml(result.file)}" name="${inertXml(`${d.ruleId} ${where}`)}">`;
      const text = `${inertXml(d.label ?? d.pointer)}\n${inertXml(d.message)}`;
      cases.push(
        isFailure(d)
          ? `${opening}<failure message="${inertXml(d.message)}" type="error">${text}</failure></testcase>`
          : `${opening}<system-out>${inertXml(d.severity)}: ${text}${asideText(d)}</system-out></testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${inertXml(result.file)}" name="validate"/>`);
    const failures = errorsOf(result.diagnostics);
    const errors = result.error ? 1 : 0;
    return `  <testsuite name="${inertXml(result.file)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = results.reduce((n, r) => n + errorsOf(r.diagnostics), 0);
  const errors = results.filter((r) => r.error).length;
  const tests = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length + (r.error ? 1 : 0)), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="report validate" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
};
