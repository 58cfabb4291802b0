// Issue 8's shapes one by one, written by hand: each a published form the importer met, with its verdict (SPEC §8).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, ROOT, runCli, scratch, sharedAvailable } from './helpers';

const dir = scratch('report-import-shapes-');
const OFFICIAL = join(ROOT, '..', 'shared', 'official', '2021-official-word-template.docx');
const hasOfficial = sharedAvailable(OFFICIAL, 'importing the official Word template');

function importFile(name: string, content: string | Buffer, ...flags: string[]) {
  const input = join(dir, name);
  writeFileSync(input, content);
  const output = join(dir, `${name}.json`);
  const run = runCli(['import', input, '-o', output, ...flags]);
  const json = () => JSON.parse(readFileSync(output, 'utf8'));
  return { ...run, json, input };
}

/**
 * What the reader said of an input, by message id: import prints its notes as text only, so they are taken from
 * validate --format json, which reads the input through the same reader.
 */
function readingOf(input: string) {
  return JSON.parse(runCli(['validate', input, '--format', 'json']).stdout).files[0] as {
    error?: { messageId: string };
    diagnostics: { messageId: string; params: Record<string, unknown>; pointer: string; line?: number }[];
  };
}

/** Our own page of the 2021 example without the model it embeds: read back by its headings and tables. */
function examplePage(): string {
  const out = join(dir, `built-${Math.random().toString(36).slice(2)}`);
  expect(runCli(['build', fixture('example-2021.json'), '--to', 'html', '-o', out]).code).toBe(0);
  return readFileSync(join(out, readdirSync(out).find((name) => name.endsWith('.html')) as string), 'utf8').replace(
    /<script type="application\/json"[\s\S]*?<\/script>/,
    '',
  );
}

const example = JSON.parse(readFileSync(fixture('example-2021.json'), 'utf8'));
const requestRows = (model: typeof example) => model.requests;
/** A row's seven figures in the order of the columns (自然人 … 总计). */
const figuresOf = (cols: Record<string, number>) => Object.values(cols);

describe('the verdict of an import, and its exit code', () => {
  it('ok (0) for a whole page, incomplete (1) for one cut off in table 三, unreadable (2) for a file that is none', () => {
    const page = examplePage();
    const whole = importFile('whole.html', page);
    expect(whole.stderr).toContain('结论：ok，找到 200/200 个数字');
    expect(whole.code).toBe(0);
    const cut = importFile('cut.html', page.slice(0, page.indexOf('（四）无法提供')));
    expect(cut.stderr).toMatch(/结论：incomplete，找到 \d+\/200 个数字/);
    expect(cut.code).toBe(1);
    // Unreadable: its one line says why (SPEC §7), exit 2.
    const none = importFile('none.pdf', 'not a pdf');
    expect(none.stderr).toMatch(/^report: .*none\.pdf /);
    expect(readingOf(none.input).error?.messageId).toBe('notPdf');
    expect(none.stderr.trim().split('\n')).toHaveLength(1);
    expect(none.code).toBe(2);
  });

  it('invalid (1) when every figure is there but a rule fails, in English with --lang en', () => {
    const page = examplePage().replace(
      '<td data-pointer="/requests/newReceived/natural">38</td>',
      '<td data-pointer="/requests/newReceived/natural">39</td>',
    );
    const run = importFile('sum.html', page, '--lang', 'en');
    expect(run.stderr).toContain('verdict: invalid, 200 of 200 figures found. A rule fails.');
    expect(run.code).toBe(1);
  });
});

describe('shapes that lose positions place a row only when its figures are exactly its columns', () => {
  it('one cell per line without row terminators: every figure under its own row', () => {
    const rows = [
      '三、收到和处理政府信息公开申请情况',
      ...['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((t) => `${t} |`),
      '一、本年新收政府信息公开申请数量 |',
      ...figuresOf(example.requests.newReceived).map((n) => `${n} |`),
      '四、结转下年度继续办理 |',
      ...figuresOf(example.requests.carriedForward).map((n) => `${n} |`),
      '1.属于国家秘密 |',
      ...[1, 0, 1].map((n) => `${n} |`),
      '四、政府信息公开行政复议、行政诉讼情况',
    ];
    const run = importFile(
      'cells.txt',
      `某市商务局2025年政府信息公开工作年度报告\n一、总体情况\n本年度…\n${rows.join('\n')}\n`,
    );
    const model = run.json();
    expect(requestRows(model).newReceived).toEqual(example.requests.newReceived);
    expect(requestRows(model).carriedForward).toEqual(example.requests.carriedForward);
    // Three figures for seven columns: which are which cannot be known.
    expect(model.requests.results?.denied?.stateSecret).toBeUndefined();
    expect(readingOf(run.input).diagnostics).toContainEqual(
      expect.objectContaining({
        messageId: 'unplacedRow',
        params: { text: '1.属于国家秘密', values: '1 0 1' },
        pointer: '/requests/results/denied/stateSecret',
        line: expect.any(Number),
      }),
    );
    expect(run.code).toBe(1);
  });

  it('a label and its figures on one line, separated by spaces; TAB rows with blank fields; a blank 总计 beside parts', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      `一、本年新收政府信息公开申请数量 ${figuresOf(example.requests.newReceived).join(' ')}`,
      '二、上年结转政府信息公开申请数量\t4\t\t\t\t\t\t4',
      '四、结转下年度继续办理\t3\t1\t\t\t\t\t',
      '四、政府信息公开行政复议、行政诉讼情况',
    ].join('\n');
    const run = importFile('mixed.txt', text);
    const model = run.json();
    expect(model.requests.newReceived).toEqual(example.requests.newReceived);
    expect(model.requests.carriedOver).toEqual({
      natural: 4,
      commercial: 0,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
      total: 4,
    });
    // 总计 left blank beside 3 and 1: not printed, so missing (not 0).
    expect(model.requests.carriedForward).toEqual({
      natural: 3,
      commercial: 1,
      research: 0,
      publicInterest: 0,
      legalService: 0,
      otherOrg: 0,
    });
    expect(readingOf(run.input).diagnostics).toContainEqual(
      expect.objectContaining({ messageId: 'blankTotal', pointer: '/requests/carriedForward/total', line: 5 }),
    );
  });

  it('label punctuation variants name the same rows (1、 (1) 1． , and 其他法律、行政法规)', () => {
    const text = [
      '某市商务局2025年政府信息公开工作年度报告',
      '三、收到和处理政府信息公开申请情况',
      '(三)不予公开 | (1)属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1',
      ' | 2、其他法律、行政法规禁止公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2',
      '(六)其他处理 | 1、申请人无正当理由逾期不补正,行政机关不再处理其政府信息公开申请 | 3 | 0 | 0 | 0 | 0 | 0 | 3',
      ' | 2．申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请 | 4 | 0 | 0 | 0 | 0 | 0 | 4',
    ].join('\n');
    const model = importFile('punctuation.txt', text).json();
    expect(model.requests.results.denied.stateSecret.total).toBe(1);
    expect(model.requests.results.denied.prohibitedByLaw.total).toBe(2);
    expect(model.requests.results.other.overdueCorrection.total).toBe(3);
    expect(model.requests.results.other.overdueFee.total).toBe(4);
  });
});

describe('names and units', () => {
  it('the agency from the page <title>, or from the 落款, never from a sentence', () => {
    const body =
      '<h1>2025年政府信息公开工作年度报告</h1><h2>一、总体情况</h2><p>我局将根据我区部署，继续做好政务公开工作。</p>';
    const titled = importFile(
      'titled.html',
      `<html><head><title>某市商务局2025年政府信息公开工作年度报告</title></head><body>${body}</body></html>`,
    );
    expect(titled.json().agency).toBe('某市商务局');
    expect(readingOf(titled.input).diagnostics).toContainEqual(
      expect.objectContaining({
        messageId: 'agencyFromPageTitle',
        params: { agency: '某市商务局' },
        pointer: '/agency',
      }),
    );
    const signed = importFile(
      'signed.html',
      `<html><body>${body}<p>某县交通运输局</p><p>2026年1月20日</p></body></html>`,
    );
    expect(signed.json().agency).toBe('某县交通运输局');
    expect(readingOf(signed.input).diagnostics).toContainEqual(
      expect.objectContaining({ messageId: 'agencyFromSignature', params: { agency: '某县交通运输局' } }),
    );
    const nameless = importFile('nameless.html', `<html><body>${body}</body></html>`);
    expect(nameless.json().agency).toBeUndefined();
    expect(readingOf(nameless.input).diagnostics).toContainEqual(
      expect.objectContaining({ messageId: 'agencyNotFound', pointer: '/agency' }),
    );
  });

  it('2019 采购总金额 with a unit is converted to 万元, quoting what the page says', () => {
    const text = (amount: string) =>
      [
        '某市商务局2019年政府信息公开工作年度报告',
        '二、主动公开政府信息情况',
        '第二十条第（九）项',
        `政府集中采购\t10\t${amount}`,
      ].join('\n');
    const yuan = importFile('yuan.txt', text('251000元'));
    expect(yuan.json().proactive.procurement).toEqual({ projects: 10, amount: 25.1 });
    expect(readingOf(yuan.input).diagnostics).toContainEqual(
      expect.objectContaining({
        messageId: 'yuanConverted',
        params: { text: '251000元', value: 25.1 },
        pointer: '/proactive/procurement/amount',
      }),
    );
    const wan = importFile('wan.txt', text('25.1万元'));
    expect(wan.json().proactive.procurement).toEqual({ projects: 10, amount: 25.1 });
    expect(readingOf(wan.input).diagnostics).toContainEqual(
      expect.objectContaining({
        messageId: 'unitStated',
        params: { text: '25.1万元', value: 25.1 },
        pointer: '/proactive/procurement/amount',
      }),
    );
  });
});

(hasOfficial ? describe : describe.skip)('the official 2021 Word template (blank tables)', () => {
  it('imports with every figure missing and verdict incomplete: nothing invented', () => {
    const output = join(dir, 'official.json');
    const run = runCli(['import', OFFICIAL, '-o', output]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('结论：incomplete，找到 0/200 个数字');
    expect(run.stderr).toContain('二、主动公开政府信息情况：表格中没有填写任何数字（空白表格），所有数字均未填写');
    const model = JSON.parse(readFileSync(output, 'utf8'));
    const numbers =
      JSON.stringify(model.proactive ?? {}) +
      JSON.stringify(model.requests ?? {}) +
      JSON.stringify(model.appeals ?? {});
    expect(numbers).not.toMatch(/\d/);
    expect(model.overview).toEqual(['（文字描述）']);
  });
});

describe('the sections’ order and numbering, as a reviewer checks them (issue 20, item 7)', () => {
  const layoutNotes = (name: string, page: string) => {
    const input = join(dir, name);
    writeFileSync(input, page);
    return readingOf(input)
      .diagnostics.filter((d) => ['sectionNumbering', 'sectionOrder', 'subtopicAsSection'].includes(d.messageId))
      .map(({ messageId, pointer, params }) => ({ messageId, pointer, params }));
  };

  test('our own page, laid out as the format is: nothing to say', () => {
    expect(layoutNotes('layout-as-format.html', examplePage())).toEqual([]);
  });

  test('一’s topics numbered 二、三、 like the six parts', () => {
    const page = examplePage()
      .replace('<h3>（二）依申请公开</h3>', '<h3>二、依申请公开</h3>')
      .replace('<h3>（三）政府信息管理</h3>', '<h3>三、政府信息管理</h3>');
    expect(layoutNotes('layout-subtopics.html', page)).toEqual([
      { messageId: 'subtopicAsSection', pointer: '/overview', params: { line: '二、依申请公开', numeral: '二' } },
      { messageId: 'subtopicAsSection', pointer: '/overview', params: { line: '三、政府信息管理', numeral: '三' } },
    ]);
  });

  test('a part numbered with a shift, and two parts in the wrong order', () => {
    const shifted = examplePage().replace(
      '<h2>五、存在的主要问题及改进情况</h2>',
      '<h2>四、存在的主要问题及改进情况</h2>',
    );
    expect(layoutNotes('layout-shifted.html', shifted)).toEqual([
      {
        messageId: 'sectionNumbering',
        pointer: '/problems',
        params: { line: '四、存在的主要问题及改进情况', numeral: '五' },
      },
    ]);
    const page = examplePage();
    const five = page.slice(page.indexOf('<h2>五、'), page.indexOf('<h2>六、'));
    const swapped = page.replace(five, '').replace('</main>', `${five}</main>`);
    expect(layoutNotes('layout-order.html', swapped)).toEqual([
      { messageId: 'sectionOrder', pointer: '', params: { order: '一、二、三、四、六、五' } },
    ]);
  });
});

describe('the 落款, as a reviewer looks for it (issue 20, item 2)', () => {
  const signatureNotes = (name: string, page: string) => {
    const input = join(dir, name);
    writeFileSync(input, page);
    return readingOf(input)
      .diagnostics.filter((d) => d.messageId.startsWith('signature'))
      .map((d) => d.messageId);
  };

  test('our page signed and dated: nothing to say; undated: said; without any: said', () => {
    const undated = examplePage();
    expect(signatureNotes('signature-undated.html', undated)).toEqual(['signatureUndated']);
    const dated = undated.replace(
      '<p class="signature">某市商务局',
      '<p class="signature">某市商务局<br>2026年1月20日',
    );
    expect(signatureNotes('signature-dated.html', dated)).toEqual([]);
    const none = undated.replace(/<p class="signature">[\s\S]*?<\/p>/, '');
    expect(signatureNotes('signature-none.html', none)).toEqual(['signatureMissing']);
  });
});
