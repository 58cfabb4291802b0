// The rules as a whole: ids, names and messages, the fixtures' words, the pairing of cross-year reports, configuration.
// Each rule's own cases (what it passes, what it reports) are in src/validate/rules/<rule>.cases.ts, run by
// test/rule-cases.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { readInputSync as readInput } from '../src/read/read-input.node';
import { defaultThresholds } from '../src/validate/rule';
import { ruleCatalog } from '../src/validate/rules';
import { validateReport } from '../src/validate/validate-report';
import { fixture, ROOT, readJsonFixture } from './helpers';

const REQUESTS = '三、收到和处理政府信息公开申请情况';

function check(rule: string, outcome: 'pass' | 'fail', lang: 'zh' | 'en' = 'zh'): Diagnostic[] {
  const dir = fixture('rules', rule);
  const file = ['json', 'xlsx'].map((ext) => join(dir, `${outcome}.${ext}`)).find(existsSync) as string;
  const previousFile = join(dir, `${outcome}.previous.json`);
  const previous = existsSync(previousFile) ? readInput(previousFile) : undefined;
  return validateReport(readInput(file), { lang, ...(previous ? { previous } : {}) }).diagnostics;
}

const summary = (d: Diagnostic) => ({
  ruleId: d.ruleId,
  severity: d.severity,
  messageId: d.messageId,
  pointer: d.pointer,
  ...(d.expected !== undefined ? { expected: d.expected } : {}),
  ...(d.actual !== undefined ? { actual: d.actual } : {}),
  ...(d.cell ? { cell: d.cell } : {}),
});

describe.each(ruleCatalog.map((rule) => [rule.id, rule] as const))('rule %s', (id, rule) => {
  it('is documented in docs/rules, with its example fixtures', () => {
    expect(existsSync(join(ROOT, 'docs', 'rules', `${id}.md`))).toBe(true);
    expect(['json', 'xlsx'].some((ext) => existsSync(fixture('rules', id, `fail.${ext}`)))).toBe(true);
  });

  it('has a kebab-case name and messages in both languages', () => {
    expect(rule.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    for (const text of Object.values(rule.messages)) {
      expect(text.zh).not.toBe('');
      expect(text.en).not.toBe('');
    }
  });
});

describe('rules as a whole', () => {
  it('have unique ids and names', () => {
    const ids = ruleCatalog.map((rule) => rule.id);
    const names = ruleCatalog.map((rule) => rule.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    expect(ids).toEqual(
      expect.arrayContaining(['R301', 'R302', 'R303', 'R401', 'R101', 'R102', 'X301', 'X201', 'schema']),
    );
  });

  it('state the arithmetic in the messages: expected, actual and the cell for a workbook', () => {
    const [diagnostic] = check('input', 'fail');
    expect(diagnostic?.message).toBe(
      `三 › 一、本年新收政府信息公开申请数量 › 自然人（${REQUESTS}!D5）应填数字，实际为“38件”`,
    );
    expect(diagnostic?.sheet).toBe(REQUESTS);
  });

  it('stay silent about a row whose cell failed to read: one mistake, one message', () => {
    const ids = check('input', 'fail').map((d) => d.ruleId);
    expect(ids).not.toContain('R301');
    expect(ids).not.toContain('R303');
  });

  it('N001 can be turned off in the config', () => {
    const report = readInput(fixture('rules', 'N001', 'fail.json'));
    const n001 = (rules?: Record<string, 'off'>) =>
      validateReport(report, { lang: 'zh', ...(rules ? { rules } : {}) }).diagnostics.filter(
        (d) => d.ruleId === 'N001',
      );
    expect(n001()).toHaveLength(2);
    expect(n001({ N001: 'off' })).toEqual([]);
  });

  it('run the cross-year rules only between adjacent years: one warning says they were skipped, none of them runs', () => {
    const current = readInput(fixture('rules', 'Q101', 'fail.json'));
    const previous = readInput(fixture('rules', 'Q101', 'fail.previous.json'));
    (previous.model as { year: number }).year = 2023;
    (previous.model as { proactive: { normativeDocs: { inForce: number } } }).proactive.normativeDocs.inForce = 99;
    const diagnostics = validateReport(current, { lang: 'zh', previous }).diagnostics;
    expect(diagnostics.map(summary)).toEqual([
      { ruleId: 'input', severity: 'warning', messageId: 'previousMismatch', pointer: '' },
    ]);
    expect(diagnostics[0]?.params).toMatchObject({ previousYear: 2023, year: 2025, rules: 'X301 X201 X202 Q101 X100' });
  });

  it('skip the cross-year rules, saying so, when last year’s report is another body’s', () => {
    const current = readInput(fixture('rules', 'X301', 'fail.json'));
    const previous = readInput(fixture('rules', 'X301', 'fail.previous.json'));
    // The fixture's last year is this year's example with last year's figures: its 一 and 五 are copied (X100).
    expect(validateReport(current, { lang: 'zh', previous }).diagnostics.map((d) => d.ruleId)).toEqual([
      'X301',
      'X301',
      'X100',
      'X100',
    ]);
    // The same body, however its name is written, is still the same body.
    (previous.model as { agency: string }).agency = ' 某市 商务局 ';
    // The fixture's last year is this year's example with last year's figures: its 一 and 五 are copied (X100).
    expect(validateReport(current, { lang: 'zh', previous }).diagnostics.map((d) => d.ruleId)).toEqual([
      'X301',
      'X301',
      'X100',
      'X100',
    ]);
    (previous.model as { agency: string }).agency = '某县人民政府办公室';
    const [only, ...rest] = validateReport(current, { lang: 'en', previous }).diagnostics;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({
      ruleId: 'input',
      severity: 'warning',
      messageId: 'previousMismatch',
      params: { previousAgency: '某县人民政府办公室', previousYear: 2024, agency: '某市商务局', year: 2025 },
    });
    expect(only?.message).toContain('某县人民政府办公室');
    expect(only?.message).toContain('某市商务局');
  });

  it('skip the cross-year rules, saying so, when last year’s report gives no year', () => {
    const current = readInput(fixture('rules', 'X301', 'fail.json'));
    const previous = readInput(fixture('rules', 'X301', 'fail.previous.json'));
    delete (previous.model as { year?: number }).year;
    expect(validateReport(current, { lang: 'zh', previous }).diagnostics.map(summary)).toEqual([
      { ruleId: 'input', severity: 'warning', messageId: 'previousUnknown', pointer: '' },
    ]);
  });

  it('take the thresholds of Q101 from the options (the config’s "thresholds")', () => {
    const current = readInput(fixture('rules', 'Q101', 'fail.json'));
    const previous = readInput(fixture('rules', 'Q101', 'fail.previous.json'));
    const jumps = (factor: number, minimum: number) =>
      validateReport(current, { lang: 'en', previous, thresholds: { ...defaultThresholds, jump: { factor, minimum } } })
        .diagnostics.filter((d) => d.ruleId === 'Q101')
        .map((d) => d.pointer);
    expect(jumps(5, 10)).toEqual(['/requests/newReceived/total', '/appeals/litigationDirect/total']);
    expect(jumps(10, 10)).toEqual([]);
    expect(jumps(5, 31)).toEqual(['/requests/newReceived/total']);
  });

  it('raise none of the new single-report rules on the real seed report', () => {
    const seed = validateReport(readInput(fixture('seed-2019-shijiazhuang.json')), { lang: 'zh' }).diagnostics;
    expect(seed.filter((d) => ['R201', 'N002', 'N003'].includes(d.ruleId))).toEqual([]);
  });

  it('can be turned off or re-graded by configuration', () => {
    const report = readInput(fixture('rules', 'R301', 'fail.json'));
    const off = validateReport(report, { lang: 'zh', rules: { R301: 'off' } }).diagnostics;
    expect(off.map((d) => d.ruleId)).toEqual(['R303', 'N001']);
    // With R301 off its equations are out: the balance fails alone, and no single cell explains it.
    expect(off.find((d) => d.ruleId === 'R303')?.messageId).toBe('balance');
    // One cell explains both failures, named under the first rule whose sum it breaks.
    const graded = validateReport(report, { lang: 'zh', rules: { R301: 'warning' } }).diagnostics;
    expect(graded.map((d) => [d.ruleId, d.messageId, d.severity])).toEqual([
      ['R301', 'likelyCell', 'warning'],
      ['N001', 'mismatch', 'warning'],
    ]);
  });

  it('tell a 2021 report sent as 2019 with one message, not a cascade', () => {
    const report = readInput(fixture('example-2021.json'));
    (report.model as { edition: string }).edition = '2019';
    const diagnostics = validateReport(report, { lang: 'en' }).diagnostics;
    expect(diagnostics.map(summary)).toEqual([
      { ruleId: 'schema', severity: 'error', messageId: 'editionMismatch', pointer: '/edition' },
    ]);
    expect(diagnostics[0]?.message).toContain(
      'the file says edition 2019 but its tables are those of the 2021 edition',
    );
  });

  it('report a wholly blank table once', () => {
    const model = readJsonFixture('example-2021');
    const requests = model.requests as Record<string, unknown>;
    for (const key of Object.keys(requests)) delete requests[key];
    const report = { ...readInput(fixture('example-2021.json')), model };
    expect(validateReport(report, { lang: 'zh' }).diagnostics.map(summary)).toEqual([
      { ruleId: 'schema', severity: 'error', messageId: 'tableBlank', pointer: '/requests' },
    ]);
  });

  it('accept the seed report’s figures except the procurement amount it never printed', () => {
    const diagnostics = validateReport(readInput(fixture('seed-2019-shijiazhuang.json')), { lang: 'zh' }).diagnostics;
    expect(diagnostics.map(summary)).toEqual([
      { ruleId: 'schema', severity: 'error', messageId: 'blank', pointer: '/proactive/procurement/amount' },
    ]);
    const seed = JSON.parse(readFileSync(fixture('seed-2019-shijiazhuang.json'), 'utf8'));
    expect(seed).toMatchObject({ edition: '2019', agency: '石家庄市商务局', year: 2019 });
    expect(seed.proactive.penalty).toEqual({ previousCount: 1, change: 5, decisions: 5 });
  });
});
