// `report template --from LAST_YEAR`: next year's workbook pre-filled from last year's report — a template workbook,
// the 淮安 PDF, the seed — with 上年结转 from 结转下年度 and the 现行有效件数 baseline noted on 填写说明.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fillByNames } from '../scripts/fill-workbook';
import { readInputSync } from '../src/read/read-input.node';
import { validateReport } from '../src/validate/validate-report';
import { fixture, readJsonFixture, runCli, scratch, sharedFile } from './helpers';

async function instructions(path: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('填写说明');
  const texts: string[] = [];
  sheet?.eachRow((row) => {
    row.eachCell((cell) => {
      texts.push(String(cell.value ?? ''));
    });
  });
  return texts.join('\n');
}

describe('report template --from', () => {
  const dir = scratch('report-from-');

  it('carries a template workbook into the next year; filled alike, it passes X301 and X201 against it', async () => {
    const out = join(dir, 'next.xlsx');
    const run = runCli(['template', '--from', fixture('example-2021.xlsx'), '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('（某市商务局，2026 年度）');
    expect(run.stdout).toContain('（7 栏）');
    const example = readJsonFixture('example-2021') as { requests: { carriedForward: Record<string, number> } };
    const next = readInputSync(out, { lenient: true }).model as Record<string, unknown>;
    expect(next).toMatchObject({ edition: '2021', agency: '某市商务局', year: 2026 });
    expect((next.requests as Record<string, unknown>).carriedOver).toEqual(example.requests.carriedForward);
    const notes = await instructions(out);
    expect(notes).toContain('现行有效件数：规章 0 件，行政规范性文件 27 件');
    expect(notes).toContain('X201');

    // The office fills the rest; nothing it retyped can now disagree with last year.
    const filled = join(dir, 'filled.xlsx');
    writeFileSync(
      filled,
      await fillByNames(readFileSync(out), {
        'proactive.normativeDocs.issued': '2',
        'proactive.normativeDocs.repealed': '1',
        'proactive.normativeDocs.inForce': '28',
        'proactive.rules.issued': '0',
        'proactive.rules.repealed': '0',
        'proactive.rules.inForce': '0',
      }),
    );
    const diagnostics = validateReport(readInputSync(filled, { lenient: true }), {
      lang: 'zh',
      previous: readInputSync(fixture('example-2021.xlsx')),
    }).diagnostics;
    expect(diagnostics.filter((d) => ['X301', 'X201'].includes(d.ruleId))).toEqual([]);
  });

  it('carries the 淮安 PDF (2024) into a 2025 workbook', async () => {
    const pdf = sharedFile('corpus/2024-huaian-city-government.pdf', 'template --from the 淮安 PDF');
    if (!pdf) return;
    const out = join(dir, 'huaian-2025.xlsx');
    expect(runCli(['template', '--from', pdf, '-o', out]).code).toBe(0);
    const next = readInputSync(out, { lenient: true }).model as {
      agency: string;
      year: number;
      requests: { carriedOver: { total: number } };
    };
    expect(next).toMatchObject({ agency: '淮安市人民政府', year: 2025 });
    // 另有 103 件顺延到下年度答复: the PDF's 结转下年度继续办理 总计.
    expect(next.requests.carriedOver.total).toBe(103);
    expect(await instructions(out)).toContain('2024 年度报告的现行有效件数：规章 11 件，行政规范性文件 66 件');
  });

  it('carries the seed (2019 edition) into 2020 with the 2019 edition and no in-force baseline', async () => {
    const seed = sharedFile('seeds/000_1185ee4c741c8fc5.txt', 'template --from the seed report');
    if (!seed) return;
    const out = join(dir, 'shijiazhuang-2020.xlsx');
    const run = runCli(['template', '--from', seed, '--agency', '石家庄市商务局（新）', '-o', out, '--lang', 'en']);
    expect(run.code).toBe(0);
    const next = readInputSync(out, { lenient: true }).model as Record<string, unknown>;
    expect(next).toMatchObject({ edition: '2019', agency: '石家庄市商务局（新）', year: 2020 });
    expect(await instructions(out)).not.toContain('现行有效件数：');
  });

  it('writes from a report with errors, saying how many; from a clean one, says nothing', () => {
    const out = join(dir, 'from-errors.xlsx');
    const from = fixture('rules', 'R301', 'fail.json');
    const run = runCli(['template', '--from', from, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('（7 栏）');
    expect(run.stderr).toBe(
      `report: 注意：${from} 有 1 个错误（report validate ${from} 可以查看），从中填入的数字可能有误，请核对\n`,
    );
    expect(readInputSync(out, { lenient: true }).model).toMatchObject({ year: 2026 });
    const english = runCli(['template', '--from', from, '-o', out, '--force', '--lang', 'en']);
    expect(english.stderr).toContain(`note: ${from} has errors (1; see report validate ${from})`);
    expect(runCli(['template', '--from', fixture('example-2021.json'), '-o', out, '--force']).stderr).toBe('');
  });

  it('writes from a blank template, saying it holds no figures', () => {
    const blank = join(dir, 'blank-2024.xlsx');
    expect(runCli(['template', '--agency', '某市商务局', '--year', '2024', '-o', blank]).code).toBe(0);
    const out = join(dir, 'from-blank.xlsx');
    const run = runCli(['template', '--from', blank, '-o', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('（0 栏）');
    // One line: the blank form's errors are its blanks, not news.
    expect(run.stderr).toBe(`report: 注意：${blank} 中没有任何数字（空白模板？），“上年结转”无从填入\n`);
    expect(runCli(['template', '--from', blank, '-o', out, '--force', '--lang', 'en']).stderr).toContain(
      'holds no figures at all (a blank template?)',
    );
  });

  it('refuses an unreadable last year with a clear message and exit 2, and never writes over it', () => {
    // template prints no JSON: which refusal it was is told by its English words (the Chinese ones are checked above).
    const missing = runCli(['template', '--from', join(dir, 'missing.pdf'), '-o', join(dir, 'x.xlsx'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('last year’s report cannot be read: file not found');
    const same = fixture('example-2021.xlsx');
    const over = runCli(['template', '--from', same, '-o', same, '--force']);
    expect(over.code).toBe(2);
  });
});
