// The model's bounds and the cap on diagnostics (issue 22): figures past 2^53 (or past any real report) refused with
// one clear message, text bounded by the schema with one diagnostic per limit passed, and a flood of findings cut to
// the first MAX_DIAGNOSTICS_PER_FILE with one closing diagnostic that counts the rest by rule.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillByNames } from '../scripts/fill-workbook';
import { countBySeverity, type Diagnostic, MORE_DIAGNOSTICS } from '../src/diagnostics/diagnostic';
import { getEdition } from '../src/editions';
import { readNumberCell } from '../src/read/cell-value';
import { readJson } from '../src/read/json-reader';
import { readBytes } from '../src/read/read-input.node';
import { editionSchema } from '../src/schema/edition-schema';
import { MAX_AGENCY_LENGTH, MAX_AMOUNT, MAX_COUNT, MAX_PARAGRAPH_LENGTH, MAX_PARAGRAPHS } from '../src/schema/limits';
import { writeTemplate } from '../src/template/write-template';
import { checkSchema, MAX_UNKNOWN_ITEMS } from '../src/validate/schema-check';
import { MAX_DIAGNOSTICS_PER_FILE, validateReport } from '../src/validate/validate-report';
import { fixture, readJsonFixture, runCli, scratch } from './helpers';

type Model = Record<string, unknown> & {
  requests: Record<string, unknown> & { newReceived: Record<string, unknown> };
  proactive: { fees: Record<string, unknown>; licensing: Record<string, unknown> };
};
const example = (name = 'example-2021') => structuredClone(readJsonFixture(name)) as Model;
const check = (model: unknown, lang: 'zh' | 'en' = 'en') =>
  validateReport(readJson(JSON.stringify(model), 'report.json'), { lang }).diagnostics;
const brief = (d: Diagnostic) => `${d.ruleId} ${d.messageId} ${d.pointer}`;

describe('counts past 2^53 or past any real report', () => {
  it.each([
    ['9007199254740993', 'count'],
    ['9,007,199,254,740,993', 'count'],
    [String(MAX_COUNT + 1), 'count'],
    [MAX_COUNT + 1, 'count'],
    [1e300, 'count'],
    [`${MAX_AMOUNT + 1}`, 'amount'],
    ['-1000000001', 'signedCount'],
    ['减1000000001', 'signedCount'],
  ] as const)('a cell reading %p (%s) is refused, quoting what was typed', (raw, kind) => {
    expect(readNumberCell(raw, kind)).toEqual({ kind: 'invalid', messageId: 'beyondLimit', text: String(raw) });
  });

  it.each([
    [String(MAX_COUNT), 'count', MAX_COUNT],
    ['1,000,000,000', 'count', MAX_COUNT],
    ['-1000000000', 'signedCount', -MAX_COUNT],
    ['999999999.9999', 'amount', 999999999.9999],
  ] as const)('%p (%s) is still read', (raw, kind, value) => {
    expect(readNumberCell(raw, kind)).toEqual({ kind: 'number', value });
  });

  it('the schema says the bounds of every kind of figure', () => {
    const schema = JSON.stringify(editionSchema(getEdition('2019')));
    expect(schema).toContain(`"type":"integer","minimum":0,"maximum":${MAX_COUNT}`);
    expect(schema).toContain(`"type":"integer","minimum":-${MAX_COUNT},"maximum":${MAX_COUNT}`);
    expect(schema).toContain(`"type":"number","minimum":0,"maximum":${MAX_AMOUNT},"multipleOf":0.0001`);
    const committed = readFileSync(fixture('..', 'schemas', 'report-2021.schema.json'), 'utf8');
    expect(committed).toContain(`"maximum": ${MAX_COUNT}`);
  });

  it('a JSON count ≥ 2^53 gets one schema error, and the sums over it stay silent', () => {
    const model = example();
    model.requests.newReceived.natural = 2 ** 53 + 2;
    model.proactive.fees.amount = MAX_AMOUNT * 10;
    const diagnostics = check(model);
    expect(diagnostics.map(brief)).toEqual([
      'schema beyondLimit /proactive/fees/amount',
      'schema beyondLimit /requests/newReceived/natural',
    ]);
    expect(diagnostics[1]?.message).toBe(
      'III › new requests this year › natural persons (/requests/newReceived/natural) is 9007199254740994, past the limit of 1000000000: check it',
    );
  });

  it('本年增/减 of the 2019 edition is bounded both ways', () => {
    const model = example('example-2019');
    model.proactive.licensing.change = -3 * MAX_COUNT;
    const [diagnostic] = check(model, 'zh');
    expect(diagnostic?.message).toBe(
      '二 › 第二十条第（五）项 › 行政许可 › 本年增/减（/proactive/licensing/change）为 -3000000000，超过 ±1000000000 的上限：请核对',
    );
  });

  it('a workbook cell typed 9007199254740993 is one input error at its cell', async () => {
    const template = await writeTemplate(getEdition('2021'), { model: readJsonFixture('example-2021') });
    const filled = await fillByNames(template, { 'requests.newReceived.natural': '9007199254740993' });
    const report = readBytes(filled, 'filled.xlsx', '.xlsx');
    const diagnostics = validateReport(report, { lang: 'zh' }).diagnostics;
    expect(diagnostics.map(brief)).toEqual(['input beyondLimit /requests/newReceived/natural']);
    expect(diagnostics[0]).toMatchObject({ params: { text: '9007199254740993' }, cell: 'D5' });
  });
});

describe('text bounded by the schema', () => {
  it('the schema says the limits', () => {
    const schema = editionSchema(getEdition('2021')) as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.agency).toMatchObject({ maxLength: MAX_AGENCY_LENGTH });
    expect(schema.properties.overview).toMatchObject({
      maxItems: MAX_PARAGRAPHS,
      items: { type: 'string', maxLength: MAX_PARAGRAPH_LENGTH },
    });
  });

  it('a report past every limit gets one diagnostic per limit passed, not a flood', () => {
    const model = example();
    model.agency = '某'.repeat(MAX_AGENCY_LENGTH + 1);
    const long = '长'.repeat(MAX_PARAGRAPH_LENGTH + 1);
    model.overview = [...(model.overview as string[]), long, long, long];
    model.problems = Array.from({ length: 5000 }, () => long);
    // 六 keeps what the format asks it to report (N009), and a paragraph exactly at the limit.
    model.otherMatters = [...(model.otherMatters as string[]), '𠀀'.repeat(MAX_PARAGRAPH_LENGTH)];
    const diagnostics = check(model);
    expect(diagnostics.map(brief)).toEqual([
      'schema tooManyParagraphs /problems',
      'schema textTooLong /agency',
      'schema paragraphsTooLong /overview',
      'schema paragraphsTooLong /problems',
    ]);
    const [paragraphs, agency, overview] = diagnostics.map((d) => d.message);
    expect(paragraphs).toBe(
      'V. Main problems and improvements (/problems) has 5000 paragraphs, over the limit of 500: those after paragraph 500 were not checked',
    );
    expect(agency).toBe('agency (/agency) has 101 characters, over the limit of 100');
    expect(overview).toMatch(
      /\(\/overview\): 3 paragraphs are over the limit of 20000 characters each \(from paragraph \d+\)/,
    );
  });

  it('text just within the limits passes (characters counted as code points)', () => {
    const model = example();
    model.agency = '𠀀'.repeat(MAX_AGENCY_LENGTH);
    model.problems = Array.from({ length: MAX_PARAGRAPHS }, (_, i) => `问题${i}`);
    expect(check(model).filter((d) => d.ruleId === 'schema')).toEqual([]);
  });
});

describe('diagnostics capped per file', () => {
  /** 800 KB of JSON: an overview of 400,000 numbers, and a problems section of 1,000. */
  const flood = () => {
    const model = example();
    model.overview = Array.from({ length: 400_000 }, (_, i) => i % 10);
    model.problems = Array.from({ length: 1_000 }, (_, i) => i % 10);
    return model;
  };

  it('schema checking does not build an error per item: the text sections are bounded before ajv', () => {
    const started = Date.now();
    const { findings } = checkSchema(flood());
    expect(findings.length).toBe(2 * (MAX_PARAGRAPHS + 1));
    expect(findings[0]).toMatchObject({ messageId: 'tooManyParagraphs', params: { count: 400_000 } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('an object of 300,000 items outside the format is counted, not listed', () => {
    const model = example();
    for (let i = 0; i < 300_000; i++) model.requests[`k${i}`] = i;
    const { findings } = checkSchema(model);
    expect(findings.length).toBe(MAX_UNKNOWN_ITEMS + 1);
    expect(findings[0]).toMatchObject({
      messageId: 'moreUnknownProperties',
      pointer: '/requests',
      params: { count: 300_000 - MAX_UNKNOWN_ITEMS },
    });
  });

  it(`keeps the first ${MAX_DIAGNOSTICS_PER_FILE} and one closing diagnostic that counts the rest by rule`, () => {
    const diagnostics = check(flood(), 'zh');
    expect(diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    const last = diagnostics[diagnostics.length - 1] as Diagnostic;
    expect(last).toMatchObject({ ruleId: 'schema', severity: 'error', messageId: MORE_DIAGNOSTICS, pointer: '' });
    expect(last.params).toEqual({ count: 504, errors: 504, warnings: 0, rules: 'schema 502 条、R102 2 条' });
    // The totals still count every diagnostic: the file has 1,004 errors, 500 of them shown.
    expect(countBySeverity(diagnostics)).toEqual({ errors: 1004, warnings: 0, explained: 0, decided: 0 });
    const english = check(flood(), 'en');
    expect(english[english.length - 1]?.message).toBe(
      '504 more diagnostics not shown (504 errors, 0 warnings; schema 502, R102 2)',
    );
  });

  it('a rule turned off is neither shown nor counted', () => {
    const model = flood();
    const diagnostics = validateReport(readJson(JSON.stringify(model), 'r.json'), {
      lang: 'en',
      rules: { R102: 'off' },
    }).diagnostics;
    expect(diagnostics[diagnostics.length - 1]?.message).toBe(
      '502 more diagnostics not shown (502 errors, 0 warnings; schema 502)',
    );
  });

  it('every reporter gets the cap: `report validate --format json` on the 800 KB file', () => {
    const dir = scratch('report-limits-');
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify(flood()));
    const run = runCli(['validate', big, '--format', 'json']);
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout);
    expect(output.summary).toMatchObject({ files: 1, errors: 1004, warnings: 0 });
    expect(output.files[0].diagnostics).toHaveLength(MAX_DIAGNOSTICS_PER_FILE + 1);
    const text = runCli(['validate', big]);
    expect(text.stdout.split('\n').length).toBeLessThan(MAX_DIAGNOSTICS_PER_FILE + 10);
  });
});
