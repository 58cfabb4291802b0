// Every kind of bad input gets one clear line naming the file (and cell), the right exit code, and never a stack trace.
import { copyFileSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import officeCrypto from 'officecrypto-tool';
import { fillByNames } from '../scripts/fill-workbook';
import { fixture, runCli, scratch } from './helpers';

const REQUESTS = '三、收到和处理政府信息公开申请情况';
const APPEALS = '四、政府信息公开行政复议、行政诉讼情况';
const STACK = /\n\s+at .+:\d+:\d+/;
const dir = scratch('report-bad-');
const example = fixture('example-2021.xlsx');

function validate(file: string, ...flags: string[]) {
  const run = runCli(['validate', file, ...flags]);
  expect(run.stdout + run.stderr).not.toMatch(STACK);
  return run;
}

async function withCells(name: string, cells: Parameters<typeof fillByNames>[1]): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, await fillByNames(readFileSync(example), cells));
  return path;
}

describe('unreadable inputs: exit 2 and one line naming the file', () => {
  it.each<[string, () => string, string]>([
    ['a missing file', () => join(dir, 'nope.xlsx'), '找不到文件'],
    // A folder is no bad input since issue 18: validate reads what it holds (test/cli-rough-edges.test.ts).
    [
      'an empty file',
      () => {
        writeFileSync(join(dir, 'empty.xlsx'), '');
        return join(dir, 'empty.xlsx');
      },
      '是空文件',
    ],
    [
      'text named .xlsx',
      () => {
        writeFileSync(join(dir, 'text.xlsx'), '这不是工作簿\n1,2,3\n');
        return join(dir, 'text.xlsx');
      },
      '不是有效的工作簿',
    ],
    [
      'a file of another kind, said by what it is',
      () => {
        writeFileSync(join(dir, 'slides.pptx'), 'x');
        return join(dir, 'slides.pptx');
      },
      '是演示文稿（.pptx），不是报告',
    ],
    [
      'a text file that is no report',
      () => {
        writeFileSync(join(dir, 'notes.txt'), '会议纪要\n今天讨论了三件事。');
        return join(dir, 'notes.txt');
      },
      '中找不到年度报告的章节或表格',
    ],
    [
      'a corrupt (truncated) workbook',
      () => {
        const path = join(dir, 'truncated.xlsx');
        copyFileSync(example, path);
        truncateSync(path, 4000);
        return path;
      },
      '不是有效的工作簿',
    ],
    [
      'invalid JSON',
      () => {
        writeFileSync(join(dir, 'broken.json'), '{\n  "edition": "2021",\n  "agency": 某\n}');
        return join(dir, 'broken.json');
      },
      '不是有效的 JSON：第 3 行',
    ],
    [
      'JSON that is not an object',
      () => {
        writeFileSync(join(dir, 'list.json'), '[1, 2]');
        return join(dir, 'list.json');
      },
      '顶层应为对象',
    ],
  ])('%s', (_what, make, message) => {
    const file = make();
    const run = validate(file);
    expect(run.code).toBe(2);
    const line = run.stdout.split('\n').find((l) => l.includes(message));
    expect(line).toBeDefined();
    expect(line).toContain(file);
  });

  it('a password-protected workbook (encrypted as Excel does)', async () => {
    const path = join(dir, 'locked.xlsx');
    writeFileSync(path, await officeCrypto.encrypt(readFileSync(example), { password: 'secret' }));
    const run = validate(path, '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${path} is password-protected: remove the password in Excel, Word or WPS`);
  });

  it('a workbook of some other layout', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['姓名', '金额']);
    const path = join(dir, 'other.xlsx');
    await workbook.xlsx.writeFile(path);
    const run = validate(path, '--format', 'json');
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({
      status: 'unreadable',
      error: { messageId: 'notTemplate' },
    });
  });

  it('a file over 20 MB, refused by its size before parsing', () => {
    const path = join(dir, 'huge.xlsx');
    writeFileSync(path, Buffer.alloc(21 * 1024 * 1024, 0x41));
    const run = validate(path, '--lang', 'en');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain(`${path} is 21 MB, over the 20 MB limit: not read`);
  });

  it('shows the stack only with --debug', () => {
    const path = join(dir, 'debug.xlsx');
    writeFileSync(path, 'PK\u0003\u0004 not really a zip');
    expect(runCli(['validate', path]).stderr).toBe('');
    expect(runCli(['validate', path, '--debug']).stderr).toMatch(STACK);
  });
});

describe('published reports and output folders that cannot be used: exit 2 and one line', () => {
  const importing = (name: string, bytes: Buffer | string, ...flags: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const run = runCli(['import', path, '-o', join(dir, 'out.json'), ...flags]);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    return { ...run, path };
  };

  it.each<[string, string | Buffer, string]>([
    ['damaged.docx', 'PK\u0003\u0004 garbage', '不是有效的 Word 文档（.docx）'],
    ['notes.pdf', 'hello', '不是有效的 PDF 文件，或没有文字层'],
    ['empty-text-layer.pdf', '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', '不是有效的 PDF 文件，或没有文字层'],
  ])('%s', (name, bytes, message) => {
    const run = importing(name, bytes);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `report: ${run.path} ${message}${message.endsWith('层') ? '（扫描件需先识别文字）' : ''}\n`,
    );
  });

  it('a password-protected Word document, told from a damaged one', async () => {
    const out = join(dir, 'locked-source');
    expect(runCli(['build', fixture('example-2021.json'), '--to', 'docx', '-o', out]).code).toBe(0);
    const docx = join(out, '某市商务局2025年政府信息公开工作年度报告.docx');
    const run = importing(
      'locked.docx',
      await officeCrypto.encrypt(readFileSync(docx), { password: 'secret' }),
      '--lang',
      'en',
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is password-protected: remove the password in Excel, Word or WPS');
  });

  it('import writes .json or .xlsx only; --jobs is 1 to 64; -o must be a folder', () => {
    // Usage refusals, on standard error with no id: the first is checked in English words, the others in Chinese.
    const wrong = runCli(['import', fixture('example-2021.json'), '-o', join(dir, 'x.pdf'), '--lang', 'en']);
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.stderr).toContain('import writes .json or .xlsx');
    const jobs = runCli(['convert', fixture('example-2021.json'), '-o', join(dir, 'j'), '--jobs', '0']);
    expect(jobs).toMatchObject({ code: 2, stderr: 'report: --jobs 应为 1 到 64 之间的整数，实际为 0\n' });
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    for (const command of ['convert', 'build']) {
      const run = runCli([command, fixture('example-2021.json'), '-o', file]);
      expect(run).toMatchObject({ code: 2, stderr: `report: ${file} 不是文件夹\n` });
    }
  });
});

describe('invalid cells: exit 1 naming the cell, its label and the text', () => {
  it.each<[string, Parameters<typeof fillByNames>[1], string, string, Record<string, unknown>]>([
    ['text', { 'requests.newReceived.natural': '十二' }, `${REQUESTS}!D5`, 'notANumber', { params: { text: '十二' } }],
    [
      'a unit after the number',
      { 'requests.newReceived.natural': '38件' },
      `${REQUESTS}!D5`,
      'notANumber',
      { params: { text: '38件' } },
    ],
    [
      'a dash for none',
      { 'requests.carriedOver.research': '—' },
      `${REQUESTS}!F6`,
      'placeholder',
      { params: { text: '—' } },
    ],
    ['a negative count', { 'appeals.review.upheld': -2 }, `${APPEALS}!A5`, 'negative', { actual: -2 }],
    ['a decimal count', { 'requests.results.granted.natural': 15.5 }, `${REQUESTS}!D7`, 'notInteger', { actual: 15.5 }],
    ['a blank count', { 'requests.carriedForward.otherOrg': null }, `${REQUESTS}!I29`, 'blank', {}],
    [
      'a formula without a saved result',
      { 'requests.newReceived.total': { formula: 'SUM(D5:I5)' } },
      `${REQUESTS}!J5`,
      'formulaNoValue',
      { params: { formula: 'SUM(D5:I5)' } },
    ],
  ])('%s', async (what, cells, place, messageId, values) => {
    const path = await withCells(`${what}.xlsx`, cells);
    const run = validate(path, '--format', 'json');
    expect(run.code).toBe(1);
    const [sheet, cell] = place.split('!');
    const diagnostics = JSON.parse(run.stdout).files[0].diagnostics;
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', messageId, sheet, cell, ...values });
    expect(diagnostics[0].label).toMatch(/^[三四] › /);
  });

  it('full-width digits are read, with a warning (exit 0)', async () => {
    const path = await withCells('fullwidth.xlsx', { 'requests.newReceived.natural': '３８' });
    const run = validate(path, '--format', 'json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files[0].diagnostics).toMatchObject([
      {
        severity: 'warning',
        messageId: 'fullWidthDigits',
        params: { text: '３８', value: 38 },
        sheet: REQUESTS,
        cell: 'D5',
      },
    ]);
  });

  it('numbers typed as text with spaces are read silently', async () => {
    const path = await withCells('spaces.xlsx', {
      'requests.newReceived.natural': ' 3 8 ',
      'appeals.review.total': '4',
    });
    const run = validate(path, '--format', 'json');
    expect(run).toMatchObject({ code: 0 });
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ status: 'ok', errors: 0, warnings: 0, diagnostics: [] });
  });

  it('JSON of the wrong edition is one error (exit 1)', () => {
    const model = JSON.parse(readFileSync(fixture('example-2019.json'), 'utf8'));
    model.edition = '2021';
    const path = join(dir, 'wrong-edition.json');
    writeFileSync(path, JSON.stringify(model));
    const run = validate(path, '--format', 'json');
    expect(run.code).toBe(1);
    const output = JSON.parse(run.stdout);
    expect(output.files[0].diagnostics).toMatchObject([
      { ruleId: 'schema', messageId: 'editionMismatch', params: { declared: '2021', detected: '2019' } },
    ]);
    expect(output.summary.errors).toBe(1);
  });

  it('an unknown edition is one error (exit 1)', () => {
    const path = join(dir, 'edition-2020.json');
    writeFileSync(path, JSON.stringify({ edition: '2020' }));
    const run = validate(path, '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('the edition (/edition) should be "2019" or "2021", is "2020"');
  });
});

describe('inputs are never written to', () => {
  it('validate leaves the folder as it was', () => {
    const folder = join(dir, 'untouched');
    mkdirSync(folder);
    const path = join(folder, 'example.xlsx');
    copyFileSync(example, path);
    const before = readFileSync(path);
    runCli(['validate', path]);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
