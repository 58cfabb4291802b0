// `report import`: published reports of every kind give the model back; what a report lacks is reported missing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { fixture, ROOT, runCli, scratch, sharedAvailable } from './helpers';

const SEED = join(ROOT, '..', 'shared', 'seeds', '000_1185ee4c741c8fc5.txt');
const CORPUS = join(ROOT, '..', 'shared', 'corpus', '2024-huaian-city-government.pdf');
const hasSeed = sharedAvailable(SEED, 'importing the real seed report');
const hasCorpus = sharedAvailable(CORPUS, 'importing the real 淮安 PDF');
const describeSeed = hasSeed ? describe : describe.skip;
const dir = scratch('report-import-');
const canonical = (name: string) => readFileSync(fixture(`${name}.json`), 'utf8');

// Our own outputs end with a 落款 (agency and date), which the readers set aside: the model comes back exactly.
const sameModel = (json: string, name: string) => expect(JSON.parse(json)).toEqual(JSON.parse(canonical(name)));

/** How an input is read (its readAs), from validate --format json: import says it in words only. */
const readAs = (input: string) =>
  JSON.parse(runCli(['validate', input, '--format', 'json']).stdout).files[0].readAs as string;

function importTo(input: string, ...flags: string[]) {
  const output = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  const run = runCli(['import', input, '-o', output, ...flags]);
  return { ...run, output, json: () => readFileSync(output, 'utf8') };
}

describeSeed('the seed report (text copied from its web page)', () => {
  it('imports as 石家庄市商务局, 2019, edition 2019, with its figures and a warning for each value it lacks', () => {
    const run = importTo(SEED);
    // The page never prints its 采购总金额: the import is incomplete (SPEC §8), exit 1.
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('结论：incomplete，找到 197/198 个数字。');
    const model = JSON.parse(run.json());
    expect(model).toMatchObject({ edition: '2019', agency: '石家庄市商务局', year: 2019 });
    // Every figure the page prints, as transcribed by hand into fixtures/seed-2019-shijiazhuang.json.
    expect(run.json()).toBe(canonical('seed-2019-shijiazhuang'));
    expect(model.proactive.procurement).toEqual({ projects: 10 });
    expect(run.stderr).toContain(
      '二 › 第二十条第（九）项 › 政府集中采购 › 采购总金额（单位：万元）：报告中找不到这个数字，未填写（不作推测）',
    );
    expect(run.stderr).toContain('标题中没有机关名称，按正文取“石家庄市商务局”，请核对');
    expect(run.stderr).toMatch(/三 › 一、本年新收政府信息公开申请数量 › 商业企业（第 \d+ 行）为空白，按 0 读取/);
    expect(run.stderr).toContain('已导入');
  });

  (hasSeed ? it : it.skip)('refuses the blanks with --strict', () => {
    const run = importTo(SEED, '--strict');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/采购总金额（单位：万元）：报告中找不到这个数字/);
  });

  (hasSeed ? it : it.skip)('writes our template, filled, with -o x.xlsx, which validates as the same report', () => {
    const workbook = join(dir, 'seed.xlsx');
    expect(runCli(['import', SEED, '-o', workbook, '--quiet']).code).toBe(1);
    const back = runCli(['import', workbook, '-o', '-', '--quiet']);
    expect(back.stdout).toBe(canonical('seed-2019-shijiazhuang'));
    const validated = runCli(['validate', workbook, '--format', 'json']);
    expect(
      JSON.parse(validated.stdout).files[0].diagnostics.map((d: { messageId: string; pointer: string }) => [
        d.messageId,
        d.pointer,
      ]),
    ).toEqual([['blank', '/proactive/procurement/amount']]);
  });
});

describe('a fixture report published in every form imports to the same model', () => {
  const out = join(dir, 'built');

  beforeAll(() => {
    expect(runCli(['build', fixture('example-2021.json'), '-o', out]).code).toBe(0);
    expect(runCli(['build', fixture('example-2019.json'), '-o', out]).code).toBe(0);
  });
  const built = (year: string, ext: string) =>
    join(out, readdirSync(out).find((f) => f.includes(year) && f.endsWith(ext)) as string);

  it.each([
    ['2025', 'example-2021'],
    ['2020', 'example-2019'],
  ])('our own HTML (%s) through its embedded JSON', (year, name) => {
    const run = importTo(built(year, '.html'));
    expect(run.code).toBe(0);
    expect(run.json()).toBe(canonical(name));
    expect(readAs(built(year, '.html'))).toBe('embedded');
  });

  it.each([
    ['2025', 'example-2021'],
    ['2020', 'example-2019'],
  ])('the HTML (%s) without its JSON, read by its tables', (year, name) => {
    const stripped = join(dir, `stripped-${year}.html`);
    writeFileSync(
      stripped,
      readFileSync(built(year, '.html'), 'utf8').replace(/<script type="application\/json"[\s\S]*?<\/script>/, ''),
    );
    const run = importTo(stripped);
    expect(readAs(stripped)).toBe('published');
    sameModel(run.json(), name);
  });

  it('the HTML saved in GBK with its charset declared', () => {
    const html = readFileSync(built('2025', '.html'), 'utf8')
      .replace(/<script type="application\/json"[\s\S]*?<\/script>/, '')
      .replace('<meta charset="utf-8">', '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">');
    const gbk = join(dir, 'gbk.html');
    // Encoded by iconv-free means: every character of the page is in GB2312 except the ones we check do not matter.
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: html }));
    expect(readFileSync(gbk).includes(Buffer.from('某市商务局'))).toBe(false);
    sameModel(importTo(gbk).json(), 'example-2021');
  });

  it.each([
    ['2025', 'example-2021'],
    ['2020', 'example-2019'],
  ])('the DOCX (%s), read by its tables and paragraphs', (year, name) => {
    const run = importTo(built(year, '.docx'));
    expect(run.code).toBe(0);
    sameModel(run.json(), name);
  });

  it('a hand-made workbook in the official layout (no defined names), read by its labels', () => {
    const workbook = XLSX.read(readFileSync(fixture('example-2021.xlsx')));
    workbook.Workbook = { ...workbook.Workbook, Names: [] };
    const marker = workbook.SheetNames.indexOf('_report');
    workbook.SheetNames.splice(marker, 1);
    workbook.Workbook.Sheets?.splice(marker, 1);
    const path = join(dir, 'handmade.xlsx');
    XLSX.writeFile(workbook, path);
    const run = importTo(path);
    expect(run.json()).toBe(canonical('example-2021'));
    // validate reads it too, strictly, by its labels.
    const validated = runCli(['validate', path, '--format', 'json']);
    expect(validated.code).toBe(0);
    expect(JSON.parse(validated.stdout).files[0]).toMatchObject({ status: 'ok', readAs: 'labels' });
  });
});

describe('never a wrong figure', () => {
  (hasSeed ? it : it.skip)('a report cut off in the middle of table 三 reports the rest as missing', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const cut = lines.findIndex((line) => line.startsWith('(四)无法提供'));
    const truncated = join(dir, 'truncated.txt');
    writeFileSync(truncated, lines.slice(0, cut).join('\n'));
    const run = importTo(truncated);
    const model = JSON.parse(run.json());
    expect(model.requests.results.denied.stateSecret.natural).toBe(0);
    expect(model.requests.results.unableToProvide).toBeUndefined();
    expect(model.requests.carriedForward).toBeUndefined();
    expect(model.appeals).toBeUndefined();
    // One message a row, not one a figure.
    expect(run.stderr).toContain('三 › 四、结转下年度继续办理：7 个数字未找到，未填写（不作推测）');
    expect(run.stderr).toContain('四 › 行政复议：5 个数字未找到，未填写（不作推测）');
    // A lone figure is still said alone: the 采购总金额 the page never prints.
    expect(run.stderr.match(/报告中找不到这个数字/g)).toHaveLength(1);
    expect(run.stderr).toContain('结论：incomplete，找到 105/198 个数字。');
    expect(model.problems).toBeUndefined();
  });

  (hasSeed ? it : it.skip)(
    'a row whose figures cannot be matched to its columns is left out, with the figures quoted',
    () => {
      const garbled = join(dir, 'garbled.txt');
      const text = readFileSync(SEED, 'utf8').replace(
        '一、本年新收政府信息公开申请数量 |\n0 |',
        '一、本年新收政府信息公开申请数量 |\n5 |\n3 |',
      );
      writeFileSync(garbled, text);
      const run = importTo(garbled);
      const model = JSON.parse(run.json());
      expect(model.requests.newReceived).toBeUndefined();
      expect(run.stderr).toMatch(
        /“一、本年新收政府信息公开申请数量”（第 \d+ 行）一行的数字“5 3”无法与栏目一一对应，未填写/,
      );
      expect(run.stderr).toContain('三 › 一、本年新收政府信息公开申请数量：7 个数字未找到，未填写（不作推测）');
    },
  );

  (hasSeed ? it : it.skip)('a stray word among a flattened row’s figures leaves the row out rather than guess', () => {
    const garbled = join(dir, 'letters.txt');
    writeFileSync(garbled, readFileSync(SEED, 'utf8').replace('规范性文件 |\n2 |', '规范性文件 |\n二 |'));
    const run = importTo(garbled);
    // The stray word stands on a line of its own, as a row label would: it is said to be no row of the table, its
    // figures go with it, and 规范性文件's figures are said to be missing — never guessed.
    expect(run.stderr).toMatch(/表格中的“二”（第 \d+ 行）不是 2019 年版格式的栏目，已忽略/);
    expect(run.stderr).toMatch(/› 规范性文件：3 个数字未找到，未填写（不作推测）/);
    expect(JSON.parse(run.json()).proactive.normativeDocs).toBeUndefined();
  });

  it('text in a figure’s cell of a table is an error naming the cell, never a number', () => {
    const out = join(dir, 'cells');
    expect(runCli(['build', fixture('example-2021.json'), '--to', 'html', '-o', out]).code).toBe(0);
    const page = readFileSync(join(out, readdirSync(out).find((name) => name.endsWith('.html')) as string), 'utf8')
      .replace(/<script type="application\/json"[\s\S]*?<\/script>/, '')
      .replace('<td data-pointer="/requests/newReceived/natural">38</td>', '<td>三十八</td>');
    const path = join(dir, 'letters.html');
    writeFileSync(path, page);
    const run = importTo(path);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '三 › 一、本年新收政府信息公开申请数量 › 自然人（表 5 第 4 行第 4 列）应填数字，实际为“三十八”',
    );
    expect(JSON.parse(run.json()).requests.newReceived.natural).toBeUndefined();
  });

  it('a page without the report’s sections is refused, and a pre-2019 report is named as such', () => {
    const notes = join(dir, 'notes.html');
    writeFileSync(notes, '<html><body><p>通知</p><p>请各单位按时报送。</p></body></html>');
    expect(runCli(['import', notes, '-o', join(dir, 'n.json')]).code).toBe(2);
    const old = join(dir, 'old.txt');
    writeFileSync(old, '一、概述\n本机关2017年…\n二、收费及减免情况\n无\n附表\n');
    const run = runCli(['import', old, '-o', join(dir, 'o.json'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('has the pre-2019 structure');
  });
});

describe('PDF: the text layer, with table rows rebuilt from positions', () => {
  const cols = (
    natural: number,
    commercial: number,
    research: number,
    publicInterest: number,
    legalService: number,
    otherOrg: number,
    total: number,
  ) => ({
    natural,
    commercial,
    research,
    publicInterest,
    legalService,
    otherOrg,
    total,
  });

  (hasCorpus ? it : it.skip)(
    'the real 淮安市人民政府 2024 report: every figure as printed, and its tables add up',
    () => {
      const run = importTo(CORPUS);
      expect(run.stderr).toContain(
        '（淮安市人民政府，2024 年度，2021 年版，按已发布报告的章节和栏目读取；0 个错误，3 个警告）',
      );
      expect(run.code).toBe(0);
      // What a reviewer's checklist finds there, each true of the PDF: it ends with 六's one sentence on fees, with no
      // 落款; 六 names no work points, proposals or innovation; the text gives no 社会评议 or 责任追究 (第五十条).
      const validation = JSON.parse(runCli(['validate', CORPUS, '--format', 'json']).stdout);
      expect(
        validation.files[0].diagnostics.map((d: { ruleId: string; messageId: string; params: object }) => [
          d.ruleId,
          d.messageId,
          d.params,
        ]),
      ).toEqual([
        ['input', 'signatureMissing', {}],
        ['N009', 'topicsMissing', expect.objectContaining({ topics: expect.stringContaining('工作要点') })],
        ['N009', 'governmentTopicsMissing', { agency: '淮安市人民政府', topics: '工作考核、社会评议、责任追究结果' }],
      ]);
      const model = JSON.parse(run.json());
      // Read off the PDF by hand (pdftotext -layout), page 3–4.
      expect(model.proactive).toEqual({
        rules: { issued: 1, repealed: 0, inForce: 11 },
        normativeDocs: { issued: 8, repealed: 26, inForce: 66 },
        licensing: { decisions: 447228 },
        penalty: { decisions: 3985758 },
        enforcement: { decisions: 88283 },
        fees: { amount: 96171.6 },
      });
      const { requests } = model;
      expect(requests.newReceived).toEqual(cols(3001, 53, 0, 0, 61, 4, 3119));
      expect(requests.carriedOver).toEqual(cols(34, 0, 0, 0, 0, 0, 34));
      expect(requests.results.granted).toEqual(cols(1288, 21, 0, 0, 50, 3, 1362));
      expect(requests.results.partiallyGranted).toEqual(cols(447, 7, 0, 0, 0, 0, 454));
      expect(requests.results.denied.administrativeQuery).toEqual(cols(105, 0, 0, 0, 0, 0, 105));
      expect(requests.results.unableToProvide.notHeld).toEqual(cols(746, 12, 0, 0, 10, 1, 769));
      expect(requests.results.unableToProvide.needsCreation).toEqual(cols(11, 0, 0, 0, 0, 0, 11));
      expect(requests.results.notProcessed.petitionComplaint).toEqual(cols(56, 6, 0, 0, 0, 0, 62));
      expect(requests.results.other.overdueCorrection).toEqual(cols(67, 3, 0, 0, 1, 0, 71));
      expect(requests.results.other.other).toEqual(cols(108, 2, 0, 0, 0, 0, 110));
      expect(requests.results.total).toEqual(cols(2932, 53, 0, 0, 61, 4, 3050));
      expect(requests.carriedForward).toEqual(cols(103, 0, 0, 0, 0, 0, 103));
      expect(model.appeals).toEqual({
        review: { upheld: 72, corrected: 64, other: 178, pending: 37, total: 351 },
        litigationDirect: { upheld: 13, corrected: 4, other: 8, pending: 1, total: 26 },
        litigationAfterReview: { upheld: 12, corrected: 1, other: 1, pending: 6, total: 20 },
      });
      expect(model.otherMatters).toEqual([
        '2024 年，市政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费 3940 元。',
      ]);
      expect(model.overview[1]).toMatch(/^（一）主动公开情况。2024 年，市政府网站主动公开各类政府信息 5500 余条/);
    },
  );
});
