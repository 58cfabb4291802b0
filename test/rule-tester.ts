// The rule tester: runs a rule's cases (src/validate/rules/<rule>.cases.ts) in process, through the same
// validateReport as `report validate`. A valid case gets no diagnostic of its rule; an invalid one gets exactly the
// expected ones, in order: message id, pointer, severity, cell, expected and actual, and the params its message names.
// Either way the other rules say exactly what the case lists under `others` (nothing, unless listed), and every
// message is worded in zh and en with no placeholder left.
import { caseInput } from '../scripts/rule-fixtures';
import type { Diagnostic, Lang } from '../src/diagnostics/diagnostic';
import type { ReadReport } from '../src/model/read-report';
import { readBytes } from '../src/read/read-input.node';
import { paramNames } from '../src/validate/rule';
import type { AnyExpectedDiagnostic, RuleCase, RuleCases } from '../src/validate/rule-cases';
import { validateReport } from '../src/validate/validate-report';

/** The case's report as `report validate` reads it, and last year's when the case gives one. */
export async function readCase(
  cases: RuleCases,
  kase: RuleCase,
): Promise<{ report: ReadReport; previous?: ReadReport }> {
  const input = await caseInput(cases, kase);
  const report = readBytes(Buffer.from(input.content), `${cases.rule.id}${input.extension}`, input.extension);
  if (!input.previous) return { report };
  return { report, previous: readBytes(Buffer.from(input.previous), `${cases.rule.id}.previous.json`, '.json') };
}

/** What `report validate` finds on the case, in one language. */
export async function diagnosticsOf(cases: RuleCases, kase: RuleCase, lang: Lang): Promise<Diagnostic[]> {
  const { report, previous } = await readCase(cases, kase);
  return validateReport(report, { lang, ...(previous ? { previous } : {}) }).diagnostics;
}

/** A diagnostic as a case states it: the params compared are those its message names. */
function asStated(cases: RuleCases, diagnostic: Diagnostic): AnyExpectedDiagnostic {
  const template = cases.rule.messages[diagnostic.messageId];
  const names = template ? paramNames(template) : Object.keys(diagnostic.params);
  const params = Object.fromEntries(names.map((name) => [name, diagnostic.params[name]])) as Record<
    string,
    string | number
  >;
  return {
    messageId: diagnostic.messageId,
    pointer: diagnostic.pointer,
    severity: diagnostic.severity,
    ...(diagnostic.cell !== undefined ? { cell: diagnostic.cell } : {}),
    ...(diagnostic.expected !== undefined ? { expected: diagnostic.expected } : {}),
    ...(diagnostic.actual !== undefined ? { actual: diagnostic.actual } : {}),
    ...(names.length ? { params } : {}),
  };
}

/** The expected diagnostic with the rule's default severity filled in. */
function asExpected(cases: RuleCases, expected: AnyExpectedDiagnostic): AnyExpectedDiagnostic {
  const { params, ...rest } = expected;
  return {
    ...rest,
    severity: expected.severity ?? cases.rule.severity,
    ...(params && Object.keys(params).length ? { params } : {}),
  };
}

export async function testCase(cases: RuleCases, kase: RuleCase): Promise<void> {
  const expected = 'diagnostics' in kase ? kase.diagnostics : [];
  if ('diagnostics' in kase) expect(expected.length).toBeGreaterThan(0);
  const { report, previous } = await readCase(cases, kase);
  const [diagnostics, english] = (['zh', 'en'] as const).map(
    (lang) => validateReport(report, { lang, ...(previous ? { previous } : {}) }).diagnostics,
  ) as [Diagnostic[], Diagnostic[]];
  const own = diagnostics.filter((d) => d.ruleId === cases.rule.id);
  const others = diagnostics.filter((d) => d.ruleId !== cases.rule.id);
  expect(own.map((d) => asStated(cases, d))).toEqual(expected.map((d) => asExpected(cases, d)));
  expect(others.map(({ ruleId, messageId, pointer }) => ({ ruleId, messageId, pointer }))).toEqual(kase.others ?? []);
  for (const diagnostic of [...diagnostics, ...english]) {
    expect(diagnostic.message).not.toMatch(/\{\w+\}/);
    if (diagnostic.pointer !== '' && diagnostic.ruleId === cases.rule.id) expect(diagnostic.label).toBeDefined();
  }
}
