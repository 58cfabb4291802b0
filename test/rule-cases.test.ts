// Every rule's cases, run by the rule tester; and the types that keep a rule's reports to its own messages.
import { ruleCases } from '../scripts/rule-fixtures';
import { getEdition } from '../src/editions';
import { defineRule, type Rule, type RuleContext, ruleApplies, type TypedRuleContext } from '../src/validate/rule';
import { defineCases } from '../src/validate/rule-cases';
import { ruleCatalog } from '../src/validate/rules';
import { testCase } from './rule-tester';

const allCases = ruleCases();

describe.each(allCases.map((cases) => [cases.rule.id, cases] as const))('rule %s', (_id, cases) => {
  it('has at least two valid and two invalid cases', () => {
    expect(cases.valid.length).toBeGreaterThanOrEqual(2);
    expect(cases.invalid.length).toBeGreaterThanOrEqual(2);
  });

  it.each(cases.valid.map((kase) => [kase.name, kase] as const))('passes: %s', async (_name, kase) => {
    await testCase(cases, kase);
  });

  it.each(cases.invalid.map((kase) => [kase.name, kase] as const))('fails: %s', async (_name, kase) => {
    await testCase(cases, kase);
  });
});

test('every rule of the catalog has its cases', () => {
  expect(allCases.map((cases) => cases.rule.id)).toEqual(ruleCatalog.map((rule) => rule.id));
});

describe('a rule as one typed unit', () => {
  const messages = {
    tooMany: {
      zh: '{label}（{at}）有 {count} 项，超过 {limit} 项',
      en: '{label} ({at}) has {count} items, over {limit}',
    },
    empty: { zh: '{label}为空', en: '{label} is empty' },
    differs: { zh: '{label}为 {actual}，应为 {expected}', en: '{label} is {actual}, should be {expected}' },
  } as const;

  /** Never called: what the compiler refuses (`npm run typecheck` fails if any line below it compiles). */
  function misuses(context: TypedRuleContext<typeof messages>) {
    // @ts-expect-error a message id the rule does not define
    context.report({ messageId: 'tooFew', pointer: '/a' });
    // @ts-expect-error a param omitted
    context.report({ messageId: 'tooMany', pointer: '/a', params: { count: 3 } });
    // @ts-expect-error a param misnamed
    context.report({ messageId: 'tooMany', pointer: '/a', params: { count: 3, limt: 2 } });
    // @ts-expect-error params on a message that names none
    context.report({ messageId: 'empty', pointer: '/a', params: { count: 3 } });
    // @ts-expect-error `actual` and `expected` are in the message: they must be given
    context.report({ messageId: 'differs', pointer: '/a' });
  }

  const rule = defineRule({
    id: 'T001',
    name: 'test-rule',
    severity: 'warning',
    editions: ['2021'],
    description: { zh: '测试', en: 'test' },
    details: { zh: '测试', en: 'test' },
    messages,
    check(context) {
      context.report({ messageId: 'tooMany', pointer: '/a', params: { count: 3, limit: 2 } });
      context.report({ messageId: 'empty', pointer: '/b' });
      context.report({ messageId: 'differs', pointer: '/c', expected: 1, actual: 2 });
    },
  });

  it('reports what it defines, with the params its messages name', () => {
    const reported: unknown[] = [];
    rule.check?.({ report: (finding: unknown) => reported.push(finding) } as unknown as RuleContext);
    expect(reported).toEqual([
      { messageId: 'tooMany', pointer: '/a', params: { count: 3, limit: 2 } },
      { messageId: 'empty', pointer: '/b' },
      { messageId: 'differs', pointer: '/c', expected: 1, actual: 2 },
    ]);
    expect(misuses).toBeInstanceOf(Function);
  });

  it('types its cases by its messages', () => {
    const cases = defineCases(rule, {
      base: 'example-2021',
      valid: [{ name: 'nothing' }],
      invalid: [
        {
          name: 'too many',
          diagnostics: [
            { messageId: 'tooMany', pointer: '/a', params: { count: 3, limit: 2 } },
            // @ts-expect-error a message id the rule does not define
            { messageId: 'tooFew', pointer: '/a' },
            // @ts-expect-error a param omitted
            { messageId: 'tooMany', pointer: '/a', params: { count: 3 } },
          ],
        },
      ],
    });
    expect(cases.rule).toBe(rule);
  });

  it('a rule that states equations carries the engine’s likelyCell message', () => {
    // @ts-expect-error equations without equationMessages
    const unworded = defineRule({ ...rule, equations: () => [] });
    expect(unworded.messages).toBe(messages);
  });

  it('applies to the editions of its metadata', () => {
    const x201 = ruleCatalog.find((candidate) => candidate.id === 'X201') as Rule;
    expect(ruleApplies(rule, getEdition('2021').id)).toBe(true);
    expect(ruleApplies(rule, '2019')).toBe(false);
    expect(ruleApplies(x201, '2021', '2021')).toBe(true);
    expect(ruleApplies(x201, '2021', '2019')).toBe(false);
    expect(ruleApplies(x201, '2021')).toBe(false);
    expect(ruleApplies(x201, '2019', '2019')).toBe(false);
  });
});
