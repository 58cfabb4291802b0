// JUnit XML for CI dashboards: a test suite per file, a failing test case per diagnostic.
import type { Reporter } from './file-result';

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  );

export const junitReporter: Reporter = (results) => {
  const suites = results.map((result) => {
    const cases: string[] = [];
    if (result.error) {
      cases.push(
        `    <testcase classname="${escapeXml(result.file)}" name="read"><error message="${escapeXml(result.error.message)}" type="${escapeXml(result.error.messageId)}"/></testcase>`,
      );
    }
    for (const d of result.diagnostics) {
      const where = d.sheet ? `${d.sheet}!${d.cell}` : d.pointer;
      const name = `${d.ruleId} ${where}`;
      cases.push(
        `    <testcase classname="${escapeXml(result.file)}" name="${escapeXml(name)}"><failure message="${escapeXml(d.message)}" type="${d.severity}">${escapeXml(`${d.label ?? d.pointer}\n${d.message}`)}</failure></testcase>`,
      );
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${escapeXml(result.file)}" name="validate"/>`);
    const failures = result.diagnostics.length;
    const errors = result.error ? 1 : 0;
    return `  <testsuite name="${escapeXml(result.file)}" tests="${cases.length}" failures="${failures}" errors="${errors}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const failures = results.reduce((n, r) => n + r.diagnostics.length, 0);
  const errors = results.filter((r) => r.error).length;
  const tests = results.reduce((n, r) => n + Math.max(1, r.diagnostics.length + (r.error ? 1 : 0)), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="report validate" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
};
