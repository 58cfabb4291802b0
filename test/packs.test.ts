/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Rule packs through the command line (issue 20, item 9; docs/packs.md): `--pack` turns rules off, re-grades them and
// sets thresholds, under the config; a broken pack is one line and exit 2; `convert --pack suqian-departments` scores
// a batch of several bodies and ranks each year in summary.json, the dashboard and the terminal, but no year with
// fewer bodies than the pack's minimum.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, MAX_CONFIG_BYTES } from '../src/cli/config';
import { loadPack } from '../src/cli/pack';
import { fixture, lastYearOfExample, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const dir = scratch('report-packs-');
const write = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

/** What is wrong with a pack, as data: the message id, the id and params of its detail. */
function problemOf(path: string) {
  try {
    loadPack(path, 'en');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const { messageId, problem } = error as ConfigError;
    return { messageId, problem: problem.id, params: problem.params };
  }
  throw new Error(`${path} was accepted`);
}

/** The example report as another body of the city, with its 复议纠错 and 诉讼败诉 (四's totals kept whole). */
function body(agency: string, year: number, reviewCorrected: number, lawsuitsLost: number): Record<string, unknown> {
  const report = readJsonFixture('example-2021');
  report.agency = agency;
  report.year = year;
  const appeals = report.appeals as Record<string, Record<string, number>>;
  const correct = (group: string, corrected: number) => {
    const g = appeals[group] as Record<string, number>;
    g.corrected = corrected;
    g.total = (g.upheld ?? 0) + corrected + (g.other ?? 0) + (g.pending ?? 0);
  };
  correct('review', reviewCorrected);
  correct('litigationDirect', lawsuitsLost);
  correct('litigationAfterReview', 0);
  return report;
}

interface Summary {
  pack?: { name: string; scoring?: Record<string, unknown>; source?: { citation: string } };
  inputs: { path: string; agency: string; year: number; rules: Record<string, number>; score?: unknown }[];
  ranking?: unknown[];
}

const CHROMIUM = '/usr/bin/chromium';
const withChromium = toolAvailable(CHROMIUM, 'the scored dashboard in headless Chromium') ? test : test.skip;

const readSummary = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;

describe('validate --pack', () => {
  const r101 = fixture('rules', 'R101', 'fail.json');
  const findings = (args: string[]) => {
    const run = runCli(['validate', r101, '--format', 'json', ...args], { cwd: dir });
    const [file] = (JSON.parse(run.stdout) as { files: { diagnostics: { ruleId: string; severity: string }[] }[] })
      .files;
    return { code: run.code, r101: file?.diagnostics.filter((d) => d.ruleId === 'R101').map((d) => d.severity) };
  };

  test('a pack turns a rule off, or re-grades it; the config is laid over the pack', () => {
    expect(findings([])).toEqual({ code: 0, r101: ['warning'] });
    const off = write('off.json', { name: 'off', rules: { 'edition-year': 'off' } });
    expect(findings(['--pack', off])).toEqual({ code: 0, r101: [] });
    const strict = write('strict.json', { name: 'strict', rules: { R101: 'error' } });
    expect(findings(['--pack', strict])).toEqual({ code: 1, r101: ['error'] });
    const config = write('config.json', { rules: { R101: 'warning' } });
    expect(findings(['--pack', strict, '--config', config])).toEqual({ code: 0, r101: ['warning'] });
  });

  test("a pack's thresholds apply: X100 at a share of 1 lets a report copied whole pass", () => {
    const previous = write('last-year.json', lastYearOfExample());
    const args = ['validate', fixture('example-2021.json'), '--previous', previous, '--format', 'json'];
    const copied = (run: { stdout: string }) =>
      (JSON.parse(run.stdout).files[0].diagnostics as { ruleId: string }[]).filter((d) => d.ruleId === 'X100').length;
    expect(copied(runCli(args, { cwd: dir }))).toBe(2);
    const lenient = write('lenient.json', { name: 'lenient', thresholds: { X100: { share: 1 } } });
    expect(copied(runCli([...args, '--pack', lenient], { cwd: dir }))).toBe(0);
    // The config's own threshold is laid over the pack's.
    const config = write('share.json', { thresholds: { X100: { share: 0.5 } } });
    expect(copied(runCli([...args, '--pack', lenient, '--config', config], { cwd: dir }))).toBe(2);
  });

  test('a shipped pack by its name', () => {
    expect(findings(['--pack', 'national'])).toEqual({ code: 0, r101: ['warning'] });
  });
});

describe('a broken pack is one line, its problem as data, exit 2', () => {
  test.each([
    ['unknown rule', { name: 'x', rules: { R999: 'off' } }, 'unknownRule', { name: 'R999', setting: 'rules.R999' }],
    [
      'unknown rule to score',
      { name: 'x', scoring: { perFinding: { N999: 1 } } },
      'unknownRule',
      { setting: 'scoring.perFinding.N999' },
    ],
    ['bad shape', { name: 'x', scoring: [] }, 'badShape', { setting: 'scoring' }],
    ['a negative deduction', { name: 'x', scoring: { perCount: { litigationLost: -2 } } }, 'badValue', {}],
    ['a count not scored', { name: 'x', scoring: { perCount: { newReceived: 1 } } }, 'unknownSetting', {}],
    ['no name', { rules: {} }, 'required', { setting: 'name' }],
    ['a link that is not a web address', { name: 'x', source: { citation: 'c', url: 'javascript:x' } }, 'badShape', {}],
    ['not JSON', 'rules: R101 off', 'syntax', {}],
  ])('%s', (_, content, problem, params) => {
    const path = write(`broken-${problem}-${Math.random().toString(36).slice(2)}.json`, content);
    expect(problemOf(path)).toEqual({ messageId: 'packInvalid', problem, params: expect.objectContaining(params) });
    const run = runCli(['validate', fixture('example-2021.json'), '--pack', path, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^report: the rule pack .+ is wrong: [^\n]+\n$/);
    expect(run.stdout).toBe('');
  });

  test('too big to be a pack, and not there at all', () => {
    const big = write('big.json', `{"name": "big"${' '.repeat(MAX_CONFIG_BYTES)}}`);
    expect(problemOf(big)).toEqual({ messageId: 'packUnreadable', problem: 'tooLarge', params: { limitMb: 1 } });
    const run = runCli(['convert', fixture('example-2021.json'), '-o', join(dir, 'never'), '--pack', big], {
      cwd: dir,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^report: 规则包 .+big\.json 无法读取：超过 1 MB 的上限/);
    expect(problemOf(join(dir, 'nowhere.json'))).toMatchObject({ messageId: 'packUnreadable', problem: 'notFound' });
  });

  test('a name the tool does not ship names those it does', () => {
    const run = runCli(['convert', fixture('example-2021.json'), '-o', join(dir, 'never'), '--pack', 'shanghai']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'report: 没有名为 shanghai 的规则包（随工具提供的：national, suqian-departments）；文件请写路径，如 ./shanghai.json\n',
    );
  });
});

describe('convert --pack suqian-departments', () => {
  const batch = join(dir, 'batch');
  const out = join(dir, 'scored');
  let run: { code: number; stdout: string };
  let summary: Summary;

  beforeAll(() => {
    mkdirSync(batch);
    const put = (name: string, report: Record<string, unknown>) =>
      writeFileSync(join(batch, name), JSON.stringify(report));
    // 商务局 2025 copies its 2024 text (X100 in 一 and in 五: 0.5 at most) and has one 复议纠错 (2).
    put('commerce-2024.json', body('某市商务局', 2024, 0, 0));
    put('commerce-2025.json', body('某市商务局', 2025, 1, 0));
    put('education-2025.json', body('某市教育局', 2025, 0, 0));
    // 民政局 published on 10 February, after a department's 31 January (N008: 0.5).
    put('civil-affairs-2025.json', { ...body('某市民政局', 2025, 0, 0), publishedOn: '2026-02-10' });
    // 财政局: two 复议纠错 and one 诉讼败诉, 6 points.
    put('finance-2025.json', body('某市财政局', 2025, 2, 1));
    // A draft of 教育局's 2025 report, with an error: the final one is used and scored, the draft is not.
    const draft = body('某市教育局', 2025, 5, 5);
    (draft.appeals as Record<string, Record<string, number>>).review = {
      upheld: 0,
      corrected: 5,
      other: 0,
      pending: 0,
      total: 9,
    };
    put('education-2025-draft.json', draft);
    run = runCli(['convert', batch, '-o', out, '--jobs', '2', '--to', 'json', '--pack', 'suqian-departments']);
    summary = readSummary(out);
  }, 120_000);

  test('each report used has its score, the deductions itemised', () => {
    expect(summary.pack).toMatchObject({
      name: 'suqian-departments',
      source: { citation: expect.stringContaining('宿迁市') },
      scoring: { base: 100, minimumBodies: 3 },
    });
    const scores = Object.fromEntries(
      summary.inputs.map((input) => [input.path.slice(batch.length + 1), input.score ?? null]),
    );
    expect(scores).toEqual({
      'civil-affairs-2025.json': {
        score: 99.5,
        base: 100,
        deductions: [{ rule: 'N008', times: 1, each: 0.5, points: 0.5 }],
      },
      'commerce-2024.json': { score: 100, base: 100, deductions: [] },
      'commerce-2025.json': {
        score: 97.5,
        base: 100,
        deductions: [
          { rule: 'X100', times: 2, each: 0.5, points: 0.5, capped: true },
          { count: 'reviewCorrected', times: 1, each: 2, points: 2 },
        ],
      },
      'education-2025-draft.json': null,
      'education-2025.json': { score: 100, base: 100, deductions: [] },
      'finance-2025.json': {
        score: 94,
        base: 100,
        deductions: [
          { count: 'reviewCorrected', times: 2, each: 2, points: 4 },
          { count: 'litigationLost', times: 1, each: 2, points: 2 },
        ],
      },
    });
  });

  test('2025 is ranked among its four bodies; 2024, with one, is not, and says why', () => {
    const place = (agency: string, file: string, score: number, rank: number) => ({
      rank,
      agency,
      path: join(batch, file),
      score,
    });
    expect(summary.ranking).toEqual([
      {
        year: 2025,
        bodies: 4,
        minimumBodies: 3,
        ranked: true,
        places: [
          place('某市教育局', 'education-2025.json', 100, 1),
          place('某市民政局', 'civil-affairs-2025.json', 99.5, 2),
          place('某市商务局', 'commerce-2025.json', 97.5, 3),
          place('某市财政局', 'finance-2025.json', 94, 4),
        ],
      },
      { year: 2024, bodies: 1, minimumBodies: 3, ranked: false, reason: 'tooFewBodies' },
    ]);
  });

  test('the dashboard has a score column and the ranking; the terminal one line', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<th scope="col" data-key="score" data-numeric="1" aria-sort="none">');
    expect(index).toMatch(/data-file="finance-2025.json"[^>]*data-score="94"/);
    expect(index).toContain(
      '<tr><td class="n">3</td><td>某市商务局</td><td class="n"><b>97.5</b></td><td>X100 × 2：−0.5（已封顶）；复议纠错 × 1：−2</td>',
    );
    expect(index).toContain('2024 年度：只有 1 个机关有评分，少于规则包要求的 3 个，不排名。');
    expect(run.stdout).toContain(
      '评分（规则包 suqian-departments）：5 份报告，94–100 分；排名：2025 年度 4 个机关；未排名：2024 年度（1 个机关，少于 3 个）\n',
    );
  });

  withChromium(
    'in Chromium: sorts by score, and fits 390 px with its ranking',
    async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        await wide.goto(pathToFileURL(join(out, 'index.html')).href);
        await wide.selectOption('select[data-key="look"]', '');
        await wide.click('th[data-key="score"] button');
        const scores = await wide.$$eval('#reports tbody:not([hidden])', (bodies) =>
          bodies.map((b) => (b as HTMLElement).dataset.score),
        );
        // Ascending: the draft, not scored, first; then the scores from the lowest.
        expect(scores).toEqual(['', '94', '97.5', '99.5', '100', '100']);
        const narrow = await browser.newPage({ viewport: { width: 390, height: 900 } });
        await narrow.goto(pathToFileURL(join(out, 'index.html')).href);
        const widths = await narrow.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          widest: Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)),
        }));
        expect(widths.page).toBeLessThanOrEqual(390);
        expect(widths.widest).toBeLessThanOrEqual(390);
        expect(await narrow.$$eval('table.ranking tbody tr', (rows) => rows.length)).toBe(4);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});

describe('fewer bodies than the minimum, and a pack that does not score', () => {
  test('two bodies of a year are not ranked, and the summary and dashboard say why', () => {
    const out = join(dir, 'two');
    const files = [write('a.json', body('某市教育局', 2025, 0, 0)), write('b.json', body('某市财政局', 2025, 1, 0))];
    const run = runCli([
      'convert',
      ...files,
      '-o',
      out,
      '--to',
      'json',
      '--pack',
      'suqian-departments',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(0);
    expect(readSummary(out).ranking).toEqual([
      { year: 2025, bodies: 2, minimumBodies: 3, ranked: false, reason: 'tooFewBodies' },
    ]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(
      '2025: bodies scored 2, fewer than the pack&#39;s minimum of 3: not ranked.',
    );
    expect(run.stdout).toContain(
      'scores (rule pack suqian-departments): 2 reports, 98–100; ranked: none; not ranked: 2025 (2 scored, fewer than 3)\n',
    );
  });

  test('national: the pack is named, nothing is scored or ranked', () => {
    const out = join(dir, 'national');
    const run = runCli(['convert', fixture('example-2021.json'), '-o', out, '--to', 'json', '--pack', 'national']);
    expect(run.code).toBe(0);
    const summary = readSummary(out);
    expect(summary.pack).toMatchObject({ name: 'national' });
    expect(summary.pack?.scoring).toBeUndefined();
    expect(summary.ranking).toBeUndefined();
    expect(summary.inputs[0]?.score).toBeUndefined();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('data-key="score"');
    expect(run.stdout).not.toContain('评分');
  });
});
