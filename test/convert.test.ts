// `report convert`: folders of every kind of input, on worker threads; summary.json and index.html; X301 across years.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, lastYearOfExample, runCli, scratch, sharedAvailable, sharedPath } from './helpers';

const SEED = sharedPath('seeds', '000_1185ee4c741c8fc5.txt');
const CORPUS = sharedPath('corpus', '2024-huaian-city-government.pdf');
// Without ../shared (a clone placed elsewhere) the batch runs without the two real reports, said loudly.
const withReal = sharedAvailable([SEED, CORPUS], 'converting the real seed text and 淮安 PDF in a batch');

interface SummaryInput {
  path: string;
  status: string;
  edition?: string;
  agency?: string;
  year?: number;
  errors: number;
  warnings: number;
  rules: Record<string, number>;
  outputs: string[];
  error?: string;
  duplicateOf?: string;
  duplicateReason?: string;
}

describe('report convert', () => {
  const dir = scratch('report-convert-');
  const archive = join(dir, 'archive');
  const built = join(dir, 'built');
  let inputs: string[];

  beforeAll(() => {
    mkdirSync(join(archive, '2020'), { recursive: true });
    mkdirSync(join(archive, 'published'), { recursive: true });
    expect(runCli(['build', fixture('example-2019.json'), '-o', built]).code).toBe(0);
    const builtFile = (ext: string) => join(built, readdirSync(built).find((f) => f.endsWith(ext)) as string);
    copyFileSync(fixture('example-2021.xlsx'), join(archive, 'commerce-2025.xlsx'));
    copyFileSync(fixture('example-2019.json'), join(archive, '2020', 'county-2020.json'));
    copyFileSync(builtFile('.html'), join(archive, 'published', 'county-2020.html'));
    copyFileSync(builtFile('.docx'), join(archive, 'published', 'county-2020.docx'));
    if (withReal) {
      copyFileSync(SEED, join(archive, 'published', 'shijiazhuang-2019.txt'));
      copyFileSync(CORPUS, join(archive, 'published', 'huaian-2024.pdf'));
    }
    // Last year of the same agency, whose carry-forward disagrees with this year's carry-over (X301).
    writeFileSync(join(archive, 'commerce-2024.json'), JSON.stringify(lastYearOfExample()));
    // Bad and unreadable inputs.
    copyFileSync(fixture('rules', 'R301', 'fail.json'), join(archive, 'arithmetic-error.json'));
    writeFileSync(join(archive, 'corrupt.xlsx'), 'PK\u0003\u0004 broken');
    writeFileSync(join(archive, 'empty.docx'), '');
    writeFileSync(join(archive, 'not-a.pdf'), 'hello');
    // A kind report does not read: listed, `unsupported`, never skipped in silence.
    writeFileSync(join(archive, 'scan.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
    inputs = [
      'commerce-2025.xlsx',
      '2020/county-2020.json',
      'published/county-2020.html',
      'published/county-2020.docx',
      ...(withReal ? ['published/shijiazhuang-2019.txt', 'published/huaian-2024.pdf'] : []),
      'commerce-2024.json',
      'arithmetic-error.json',
      'corrupt.xlsx',
      'empty.docx',
      'not-a.pdf',
      'scan.png',
    ].map((name) => join(archive, name));
  });

  const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

  it('converts a folder of every kind: each input in summary.json, outputs for the readable ones, exit 1', () => {
    const out = join(dir, 'out');
    const run = runCli(['convert', archive, '-o', out, '--jobs', '2']);
    expect(run.code).toBe(1);
    const summary = summaryOf(out);
    const byPath = new Map<string, SummaryInput>(summary.inputs.map((input: SummaryInput) => [input.path, input]));
    expect([...byPath.keys()].sort()).toEqual([...inputs].sort());
    const real = withReal ? 2 : 0;
    // The seed never prints its 采购总金额: incomplete (SPEC §8); the 淮安 PDF is whole.
    expect(summary.totals).toEqual({
      inputs: 10 + real,
      ok: 5 + real / 2,
      incomplete: real / 2,
      invalid: 1,
      unreadable: 3,
      unsupported: 1,
      errors: 1,
      warnings: summary.totals.warnings,
      explained: 0,
      decided: 0,
      upToDate: 0,
      duplicates: 3,
      notDone: 0,
    });
    expect(summary.interrupted).toBeUndefined();
    for (const path of inputs) {
      const input = byPath.get(path) as SummaryInput;
      if (input.status === 'unreadable' || input.status === 'unsupported') {
        expect(input.outputs).toEqual([]);
        expect(input.error).toBeTruthy();
      } else {
        expect(input.outputs).toHaveLength(3);
        for (const output of input.outputs) expect(existsSync(join(out, output))).toBe(true);
      }
    }
    if (withReal) expectRealReports(byPath);
    // One wrong figure: one error, naming it (not a wrong row total and a wrong balance).
    expect(byPath.get(join(archive, 'arithmetic-error.json'))).toMatchObject({
      status: 'invalid',
      errors: 1,
      rules: { R301: 1 },
    });
    expect(byPath.get(join(archive, 'empty.docx'))).toMatchObject({ status: 'unreadable', errorId: 'empty' });
    // Versions of one report: all clean and complete, written within a minute, so the first given is used; each
    // other version names it, why, and that their figures are the same.
    const county = join(archive, '2020', 'county-2020.json');
    expect(byPath.get(county)?.duplicateOf).toBeUndefined();
    for (const copy of ['county-2020.html', 'county-2020.docx'])
      expect(byPath.get(join(archive, 'published', copy))).toMatchObject({
        duplicateOf: county,
        duplicateReason: 'sameAgencyYear',
        chosenBecause: 'first',
      });
    // The R301 fixture is 某市商务局's 2025 report too, and comes first; but it has an error, so the clean workbook is
    // the version used, and the fixture's one differing figure is listed.
    expect(byPath.get(join(archive, 'commerce-2025.xlsx'))?.duplicateOf).toBeUndefined();
    expect(byPath.get(join(archive, 'arithmetic-error.json'))).toMatchObject({
      duplicateOf: join(archive, 'commerce-2025.xlsx'),
      duplicateReason: 'sameAgencyYear',
      chosenBecause: 'valid',
      differences: { count: 1 },
    });
    expect(run.stdout).toMatch(/county-2020\.html .*\n\s+另一版本：采用 \S*county-2020\.json（它在前）；数字相同/);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toMatch(
      /county-2020\.html <span class="badge dup" title="另一版本：采用 [^"]*county-2020\.json（它在前）；数字相同">另一版本<\/span>/,
    );
    expect(index).toMatch(/<p>另一版本：采用 [^<]*county-2020\.json（它在前）；数字相同<\/p>/);
    // Three copies of the county's 2020 report: three sets of outputs, none over another.
    const countyOutputs = readdirSync(out).filter(
      (name) => name.startsWith('某县人民政府办公室2020') && name.endsWith('.json'),
    );
    expect(countyOutputs.sort()).toEqual([
      '某县人民政府办公室2020年政府信息公开工作年度报告.json',
      '某县人民政府办公室2020年政府信息公开工作年度报告（2）.json',
      '某县人民政府办公室2020年政府信息公开工作年度报告（3）.json',
    ]);
    // Plain progress lines when not on a terminal, then the closing table.
    expect(run.stderr).toMatch(new RegExp(`^\\[1/${inputs.length}\\] `, 'm'));
    expect(run.stdout).toContain('结果已写入');
    expect(run.stdout).toMatch(/commerce-2025\.xlsx\s+通过\s+某市商务局\s+2025/);
  });

  function expectRealReports(byPath: Map<string, SummaryInput>) {
    expect(byPath.get(join(archive, 'published', 'huaian-2024.pdf'))).toMatchObject({
      status: 'ok',
      figures: { expected: 200, found: 200 },
      agency: '淮安市人民政府',
      year: 2024,
      edition: '2021',
      errors: 0,
    });
    expect(byPath.get(join(archive, 'published', 'shijiazhuang-2019.txt'))).toMatchObject({
      // Its page never prints the 采购总金额.
      status: 'incomplete',
      figures: { expected: 198, found: 197 },
      agency: '石家庄市商务局',
      year: 2019,
      edition: '2019',
    });
  }

  it('checks consecutive years of one agency (names normalised): X301 in summary.json and index.html', () => {
    const out = join(dir, 'out-x301');
    runCli([
      'convert',
      join(archive, 'commerce-2025.xlsx'),
      join(archive, 'commerce-2024.json'),
      '-o',
      out,
      '--lang',
      'en',
    ]);
    const summary = summaryOf(out);
    expect(summary.crossYear).toEqual([
      expect.objectContaining({
        ruleId: 'X301',
        previousYear: 2024,
        year: 2025,
        pointer: '/requests/carriedOver/natural',
        expected: 2,
        actual: 3,
        message: expect.stringContaining('三、收到和处理政府信息公开申请情况!D6'),
      }),
      expect.objectContaining({ ruleId: 'X301', pointer: '/requests/carriedOver/otherOrg', expected: 1, actual: 0 }),
      // Its 2024 report is the 2025 example with last year's figures: 一 and 五 copied word for word.
      expect.objectContaining({ ruleId: 'X100', pointer: '/overview' }),
      expect.objectContaining({ ruleId: 'X100', pointer: '/problems' }),
    ]);
    const current = summary.inputs.find((input: SummaryInput) => input.year === 2025);
    expect(current).toMatchObject({ status: 'ok', warnings: 4, rules: { X301: 2, X100: 2 } });
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toMatch(
      /<h3>某市(商务局| 商务局)<\/h3><ul><li><b>2024→2025<\/b> <a href="rules.html#X301">X301<\/a>/,
    );
    // The trend of the agency across its two years: a small chart per series and a table, years across.
    expect(index).toMatch(/<section class="trend"><h3>某市(商务局| 商务局)<\/h3>/);
    expect(index.match(/<figure>/g)).toHaveLength(5);
    expect(index).toMatch(/new requests<\/th><td class="n">47<\/td><td class="n">47<\/td><\/tr>/);
  });

  it('lets the config turn the cross-year checks off, or make them errors', () => {
    const config = join(dir, 'cross.config.json');
    const pair = [join(archive, 'commerce-2025.xlsx'), join(archive, 'commerce-2024.json')];
    // The pair's 2024 report is the 2025 example with last year's figures: X301 differs, and 一 and 五 are copied.
    writeFileSync(config, JSON.stringify({ rules: { X301: 'off' } }));
    runCli(['convert', ...pair, '-o', join(dir, 'cross-off'), '--config', config]);
    const off = summaryOf(join(dir, 'cross-off')).crossYear as { ruleId: string }[];
    expect(off.map((finding) => finding.ruleId)).toEqual(['X100', 'X100']);
    writeFileSync(config, JSON.stringify({ rules: { X301: 'off', 'text-copied-from-last-year': 'off' } }));
    runCli(['convert', ...pair, '-o', join(dir, 'cross-all-off'), '--config', config]);
    expect(summaryOf(join(dir, 'cross-all-off')).crossYear).toEqual([]);
    writeFileSync(config, JSON.stringify({ rules: { X301: 'error' } }));
    runCli(['convert', ...pair, '-o', join(dir, 'cross-error'), '--config', config]);
    const current = summaryOf(join(dir, 'cross-error')).inputs.find((input: SummaryInput) => input.year === 2025);
    expect(current).toMatchObject({ status: 'invalid', errors: 2, rules: { X301: 2 } });
  });

  it('gives the same summary on one thread and on two', () => {
    const one = join(dir, 'one');
    const two = join(dir, 'two');
    runCli(['convert', archive, '-o', one, '--jobs', '1', '--to', 'json']);
    runCli(['convert', archive, '-o', two, '--jobs', '2', '--to', 'json']);
    expect(readFileSync(join(one, 'summary.json'), 'utf8')).toBe(readFileSync(join(two, 'summary.json'), 'utf8'));
  });

  it('takes globs, writes our filled template with --to xlsx, and exits 2 when nothing can be read', () => {
    const out = join(dir, 'glob');
    const run = runCli(['convert', join(archive, '*.json'), '-o', out, '--to', 'xlsx']);
    expect(
      summaryOf(out)
        .inputs.map((input: SummaryInput) => input.path)
        .sort(),
    ).toEqual(['arithmetic-error.json', 'commerce-2024.json'].map((name) => join(archive, name)));
    expect(run.code).toBe(1);
    const validated = runCli(['validate', join(out, '某市商务局2024年政府信息公开工作年度报告.xlsx')]);
    expect(validated.code).toBe(0);
    const none = runCli([
      'convert',
      join(archive, 'corrupt.xlsx'),
      join(archive, 'not-a.pdf'),
      '-o',
      join(dir, 'none'),
    ]);
    expect(none.code).toBe(2);
    expect(runCli(['convert', join(archive, 'nothing-*.xlsx'), '-o', join(dir, 'empty')]).code).toBe(2);
  });

  it('never reads its own outputs back: an output folder inside an input folder is said and skipped, the same refused', () => {
    const nest = join(dir, 'nest');
    mkdirSync(nest);
    copyFileSync(fixture('example-2021.json'), join(nest, 'a.json'));
    copyFileSync(fixture('example-2019.json'), join(nest, 'b.json'));
    const out = join(nest, 'converted');
    for (let run = 0; run < 2; run++) {
      const result = runCli(['convert', nest, '-o', out, '--to', 'json', '--lang', 'en']);
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`the output folder ${out} is inside the input folder ${nest}`);
      expect(summaryOf(out).inputs.map((input: SummaryInput) => input.path)).toEqual(
        ['a.json', 'b.json'].map((name) => join(nest, name)),
      );
    }
    // A glob over the outputs reads none of them either.
    const glob = runCli(['convert', join(out, '*.json'), '-o', out]);
    expect(glob.code).toBe(2);
    const same = runCli(['convert', nest, '-o', nest]);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      `report: 输出文件夹 ${nest} 就是输入文件夹：请用 -o 另选一个文件夹，转换结果不与原始报告混放\n`,
    );
  });

  it('flags the same bytes given twice as a duplicate, even under another name', () => {
    const twice = join(dir, 'twice');
    mkdirSync(twice);
    copyFileSync(fixture('example-2021.xlsx'), join(twice, 'a.xlsx'));
    copyFileSync(fixture('example-2021.xlsx'), join(twice, 'b.xlsx'));
    const out = join(dir, 'twice-out');
    const run = runCli(['convert', twice, '-o', out, '--to', 'json', '--lang', 'en']);
    expect(run.code).toBe(0);
    const [first, second] = summaryOf(out).inputs;
    expect(first.duplicateOf).toBeUndefined();
    expect(second).toMatchObject({ duplicateOf: join(twice, 'a.xlsx'), duplicateReason: 'sameBytes' });
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(second.sha256).toBe(first.sha256);
    // The closing table shortens paths from their shared folder; under b.xlsx's row, what it is a copy of.
    expect(run.stdout).toMatch(/^b\.xlsx .*\n\s+a copy of a\.xlsx \(the same bytes\)$/m);
  });
});
