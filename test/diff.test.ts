// `report diff LAST THIS`: real reports (the seed, the 淮安 PDF, template workbooks) against edited other years.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type FigureChange, similarity } from '../src/diff/compare-years';
import { fixture, readJsonFixture, runCli, scratch, sharedFile } from './helpers';

const dir = scratch('report-diff-');
const json = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

interface DiffJson {
  previous: { year: number; agency: string };
  current: { year: number; agency: string };
  figures: FigureChange[];
  text: {
    section: string;
    reused: number;
    total: number;
    sentences: { current: string; previous: string; exact: boolean; similarity: number }[];
  }[];
  diagnostics: { ruleId: string; messageId: string; severity: string; pointer: string; message: string }[];
}

describe('report diff', () => {
  it('compares the 淮安 PDF with an edited 2023 report: figures, jumps, text carried over, cross-year rules', () => {
    const pdf = sharedFile('corpus/2024-huaian-city-government.pdf', 'report diff on the 淮安 PDF');
    if (!pdf) return;
    const imported = join(dir, 'huaian-2024.json');
    expect(runCli(['import', pdf, '-o', imported]).code).toBe(0);
    const model = JSON.parse(readFileSync(imported, 'utf8'));
    expect(model.requests.newReceived.total).toBe(3119);
    // Last year: new requests a sixth of this year's (a jump), carry-forward that is not this year's carry-over (X301),
    // 一's first sentence with 2023 for 2024 (nearly the same), 五 copied word for word.
    const last = structuredClone(model);
    last.year = 2023;
    last.requests.newReceived.total = 500;
    last.requests.carriedForward = { ...model.requests.carriedOver, total: model.requests.carriedOver.total + 1 };
    for (const row of ['rules', 'normativeDocs']) {
      const docs = model.proactive[row];
      last.proactive[row].inForce = docs.inForce - docs.issued + docs.repealed; // X201 holds
    }
    last.overview = [model.overview[0].replace('2024 年', '2023 年'), '这是一句只在上一年度出现过的完全不同的话。'];
    last.problems = [...model.problems];
    const run = runCli(['diff', json('huaian-2023.json', last), pdf, '--format', 'json']);
    expect(run.code).toBe(1); // X301 is an error, as in validate --previous
    const diff = JSON.parse(run.stdout) as DiffJson;
    expect(diff.previous).toMatchObject({ year: 2023, agency: '淮安市人民政府' });
    expect(diff.current).toMatchObject({ year: 2024, agency: '淮安市人民政府' });
    expect(diff.figures.find((f) => f.pointer === '/requests/newReceived/total')).toEqual({
      pointer: '/requests/newReceived/total',
      label: '三 › 一、本年新收政府信息公开申请数量 › 总计',
      previous: 500,
      current: 3119,
      change: 2619,
      ratio: 6.24,
      jump: true,
    });
    expect(diff.figures.every((f) => f.previous !== f.current)).toBe(true);
    expect(diff.diagnostics.map((d) => [d.ruleId, d.pointer])).toEqual([
      ['X301', '/requests/carriedOver/total'],
      ['Q101', '/requests/newReceived/total'],
      // 五 copied word for word; 一 shares one sentence of its many, under half.
      ['X100', '/problems'],
    ]);
    const overview = diff.text.find((t) => t.section === 'overview');
    expect(overview?.sentences[0]).toMatchObject({ exact: false, similarity: 1 });
    expect(overview?.sentences).toHaveLength(1);
    const problems = diff.text.find((t) => t.section === 'problems');
    expect(problems?.reused).toBe(1);
    expect(problems?.sentences.every((s) => s.exact)).toBe(true);
    expect(problems?.total).toBeGreaterThan(0);
  });

  it('compares the seed (published text, 2019) with a 2020 report: X202 and 五 copied, text and HTML side by side', () => {
    const seed = sharedFile('seeds/000_1185ee4c741c8fc5.txt', 'report diff on the seed report');
    if (!seed) return;
    const next = readJsonFixture('seed-2019-shijiazhuang');
    next.year = 2020;
    const { procurement, penalty, licensing } = next.proactive as Record<string, Record<string, number>>;
    if (!procurement || !penalty || !licensing) throw new Error('the seed fixture lost its 二');
    procurement.amount = 10;
    // 上一年项目数量 of 行政处罚 rolls forward (1 + 5 = 6); 行政许可's does not.
    penalty.previousCount = 6;
    licensing.previousCount = (licensing.previousCount ?? 0) + (licensing.change ?? 0) + 3;
    next.overview = ['2020年，市商务局全面推进政务公开工作。', ...(next.overview as string[]).slice(0, 2)];
    const current = json('shijiazhuang-2020.json', next);
    const text = runCli(['diff', seed, current, '--lang', 'en']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('Year over year: 石家庄市商务局 2019 → 2020');
    expect(text.stdout).toMatch(/二 › 第二十条第（六）项 › 行政处罚 › 上一年项目数量: 1 → 6 \(\+5, ×6\)/);
    expect(text.stdout).toContain('X202');
    expect(text.stdout).toMatch(/V. Main problems and improvements: (\d+) of \1 sentences \(100%\)/);
    const out = join(dir, 'seed.html');
    const html = runCli(['diff', seed, current, '--format', 'html', '-o', out]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(out);
    const page = readFileSync(out, 'utf8');
    expect(page).not.toMatch(/(src|href)="https?:/);
    expect(page).toContain('<div class="pair">');
    expect(page).toContain('<mark class="same">');
  });

  it('needs no ../shared for template workbooks: two years built from the example, and refuses unreadable input', () => {
    const last = readJsonFixture('example-2021');
    last.year = 2024;
    const lastFile = json('commerce-2024.json', last);
    const run = runCli(['diff', lastFile, fixture('example-2021.xlsx'), '--format', 'json']);
    const diff = JSON.parse(run.stdout) as DiffJson;
    expect(diff.figures).toEqual([]);
    expect(diff.text.map((t) => t.reused)).toEqual([1, 1, 1]);
    // diff prints no JSON for an input it cannot read or an output that is its input: its words, in English, say which.
    const bad = runCli(['diff', lastFile, join(dir, 'missing.xlsx'), '--lang', 'en']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('file not found');
    expect(runCli(['diff', lastFile, lastFile, '-o', lastFile, '--lang', 'en']).stderr).toContain(
      'is the input file: not overwritten',
    );
  });

  it('swaps LAST and THIS given the wrong way round, with a note, and still finds the X301 errors', () => {
    const last = fixture('rules', 'X301', 'fail.previous.json');
    const current = fixture('rules', 'X301', 'fail.json');
    const right = runCli(['diff', last, current, '--format', 'json']);
    const swapped = runCli(['diff', current, last, '--format', 'json']);
    expect(right.code).toBe(1);
    expect(right.stderr).toBe('');
    expect(swapped.code).toBe(1);
    expect(swapped.stdout).toBe(right.stdout);
    expect(swapped.stderr).toBe(
      `report: 注意：${current} 是 2025 年度的报告，晚于 ${last}（2024 年度），两者顺序颠倒了（应为 report diff 上年 本年）：已交换，按 2024 → 2025 比较\n`,
    );
    const english = runCli(['diff', current, last, '--lang', 'en']);
    expect(english.stderr).toContain(
      'given the wrong way round (report diff LAST THIS), so swapped and compared 2024 → 2025',
    );
    expect(english.stdout.split('\n')[0]).toBe('Year over year: 某市商务局 2024 → 2025');
  });

  it('says when the two reports are of different bodies, and runs no cross-year rule between them', () => {
    const other = readJsonFixture('example-2021');
    other.agency = '某县人民政府办公室';
    other.year = 2024;
    const last = json('other-body-2024.json', other);
    const current = fixture('rules', 'X301', 'fail.json');
    const text = runCli(['diff', last, current]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('注意：两份报告的机关不同（某县人民政府办公室、某市商务局）');
    const diff = JSON.parse(runCli(['diff', last, current, '--format', 'json']).stdout) as DiffJson;
    expect(diff.diagnostics.map((d) => [d.ruleId, d.messageId, d.severity])).toEqual([
      ['input', 'previousMismatch', 'warning'],
    ]);
  });

  it('sees a sentence with another year and figures as nearly the same, and unrelated ones as different', () => {
    expect(similarity('全年共收到政府信息公开申请 47 件。', '全年共收到政府信息公开申请 52 件。')).toBe(1);
    expect(similarity('优化门户网站政府信息公开专栏。', '优化门户网站政府信息公开栏目。')).toBeGreaterThan(0.8);
    expect(similarity('全年共收到政府信息公开申请 47 件。', '组织专题培训两次，提升业务能力。')).toBeLessThan(0.3);
  });
});
