/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The convert dashboard (index.html + rules.html + summary.json) of a batch of the fixtures, the real reports and two
// years of one agency, opened in headless Chromium: sort, filter, expand, and no sideways scrolling at 390 px.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { renderIndex } from '../src/convert/index-page';
import type { InputRecord } from '../src/convert/run-convert';
import {
  fixture,
  lastYearOfExample,
  ROOT,
  readJsonFixture,
  runCli,
  scratch,
  sharedFile,
  toolAvailable,
} from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');

interface SummaryInput extends InputRecord {}

/** The batch a reviewer would convert: fixtures, the rule fixtures that fail, two years of 某市商务局, the real reports. */
function makeBatch(dir: string): string {
  const batch = join(dir, 'batch');
  mkdirSync(join(batch, 'commerce'), { recursive: true });
  mkdirSync(join(batch, 'published'), { recursive: true });
  // After commerce/ in the order of the batch: of the 2025 reports of 某市商务局, the workbook is the one given first.
  mkdirSync(join(batch, 'rules'), { recursive: true });
  copyFileSync(fixture('example-2021.xlsx'), join(batch, 'commerce', '某市商务局2025年报告.xlsx'));
  const lastYear = lastYearOfExample();
  (lastYear.proactive as Record<string, Record<string, number>>).normativeDocs = {
    issued: 2,
    repealed: 0,
    inForce: 25,
  };
  writeFileSync(join(batch, 'commerce', '某市商务局2024年报告.json'), JSON.stringify(lastYear));
  copyFileSync(fixture('example-2019.json'), join(batch, 'county-2020.json'));
  for (const rule of ['R301', 'R303', 'N002', 'N003', 'R201']) {
    copyFileSync(fixture('rules', rule, 'fail.json'), join(batch, 'rules', `${rule}-fail.json`));
  }
  writeFileSync(join(batch, 'corrupt.xlsx'), 'PK\u0003\u0004 broken');
  writeFileSync(join(batch, 'empty.docx'), '');
  const seed = sharedFile('seeds/000_1185ee4c741c8fc5.txt', 'the seed report in the dashboard batch');
  if (seed) copyFileSync(seed, join(batch, 'published', 'shijiazhuang-2019.txt'));
  const pdf = sharedFile('corpus/2024-huaian-city-government.pdf', 'the 淮安 PDF in the dashboard batch');
  if (pdf) copyFileSync(pdf, join(batch, 'published', 'huaian-2024.pdf'));
  return batch;
}

describe('the convert dashboard', () => {
  const dir = scratch('report-dashboard-');
  const out = join(dir, 'out');
  let summary: { totals: Record<string, number>; inputs: SummaryInput[] };

  beforeAll(() => {
    const batch = makeBatch(dir);
    const run = runCli(['convert', batch, '-o', out, '--jobs', '2', '--to', 'json']);
    expect(run.code).toBe(1);
    summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  }, 120_000);

  it('keeps every input’s verdict and its diagnostics in full in summary.json, with totals', () => {
    const r303 = summary.inputs.find((input) => input.path.endsWith('R303-fail.json'));
    expect(r303?.status).toBe('invalid');
    expect(r303?.diagnostics[0]).toMatchObject({
      ruleId: 'R303',
      severity: 'error',
      messageId: 'balance',
      pointer: '/requests/carriedForward/natural',
      label: '三 › 四、结转下年度继续办理 › 自然人',
      actual: 3,
      params: { sum: 2, difference: 1 },
      message: expect.stringContaining('为 3，而本年新收＋上年结转−办理结果总计为 2，相差 1'),
    });
    expect(summary.totals).toMatchObject({
      inputs: summary.inputs.length,
      invalid: 2,
      unreadable: 2,
      errors: summary.inputs.reduce((n, input) => n + input.errors, 0),
    });
    const workbook = summary.inputs.find((input) => input.path.endsWith('2025年报告.xlsx'));
    expect(workbook?.diagnostics.map((d) => [d.ruleId, d.sheet, d.cell])).toEqual([
      ['X301', '三、收到和处理政府信息公开申请情况', 'D6'],
      ['X301', '三、收到和处理政府信息公开申请情况', 'I6'],
      // Its 2024 report is the example with last year's figures: 一 and 五 copied word for word.
      ['X100', undefined, undefined],
      ['X100', undefined, undefined],
    ]);
    // With the two figures assessments score: 复议纠错 (review · corrected) and 诉讼败诉 (both lawsuits · corrected).
    expect(workbook?.trend).toEqual({
      newReceived: 47,
      handled: 47,
      carriedForward: 4,
      review: 4,
      litigation: 3,
      reviewCorrected: 1,
      litigationLost: 0,
    });
    expect(existsSync(join(out, 'rules.html'))).toBe(true);
  });

  it('marks duplicates and shows the figures found, when the records carry them', () => {
    const records = summary.inputs.slice(0, 2).map((input) => ({ ...input }));
    const [first, second] = records as [InputRecord, InputRecord];
    second.duplicateOf = first.path;
    second.figures = { expected: 123, found: 120 };
    const html = renderIndex(
      {
        records,
        crossYear: [],
        fingerprint: { generator: 'report test', formats: [], lenient: true, docxStyle: 'gbt9704', rules: {} },
        interrupted: false,
        notDone: 0,
        full: () => records,
        entries: () => [],
      },
      'en',
      'report test',
    );
    expect(html).toContain('<span class="badge dup"');
    expect(html).toContain('120 of 123 figures found');
    expect(html).toMatch(/<div class="total duplicates"><b>1<\/b>/);
  });

  const describeWithChromium = toolAvailable(CHROMIUM, 'the dashboard in headless Chromium') ? describe : describe.skip;
  describeWithChromium('in headless Chromium', () => {
    let browser: Browser | undefined;
    afterAll(async () => browser?.close());

    async function open(width: number, file = join(out, 'index.html')) {
      if (!browser) {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        });
      }
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(pathToFileURL(file).href);
      return { page, problems, requests };
    }
    const visible = (page: Awaited<ReturnType<typeof open>>['page']) =>
      page.$$eval('#reports tbody', (bodies) =>
        bodies.filter((b) => !(b as HTMLElement).hidden).map((b) => (b as HTMLElement).dataset.file ?? ''),
      );

    it('sorts by a header click, filters by status, agency, year and rule, and expands a report to its findings', async () => {
      const { page, problems, requests } = await open(1280);
      // It opens on the reports that need a look: none of them ok without errors, and every one of those hidden.
      const opening = await page.$$eval('#reports tbody', (bodies) =>
        bodies.map((b) => [(b as HTMLElement).dataset.look, (b as HTMLElement).hidden]),
      );
      expect(opening.filter(([look]) => look === '1').every(([, hidden]) => !hidden)).toBe(true);
      expect(opening.filter(([look]) => look === '0').every(([, hidden]) => hidden)).toBe(true);
      expect(opening.some(([look]) => look === '0')).toBe(true);
      await page.selectOption('select[data-key="severity"]', 'error');
      for (const errors of await page.$$eval('#reports tbody:not([hidden])', (bodies) =>
        bodies.map((b) => Number((b as HTMLElement).dataset.errors)),
      ))
        expect(errors).toBeGreaterThan(0);
      await page.selectOption('select[data-key="severity"]', '');
      await page.selectOption('select[data-key="look"]', '');
      // Sort by errors: descending on the second click.
      await page.click('th[data-key="errors"] button');
      await page.click('th[data-key="errors"] button');
      const errors = await page.$$eval('#reports tbody', (bodies) =>
        bodies.map((b) => Number((b as HTMLElement).dataset.errors)),
      );
      expect(errors).toEqual([...errors].sort((a, b) => b - a));
      expect(await page.getAttribute('th[data-key="errors"]', 'aria-sort')).toBe('descending');
      await page.click('th[data-key="file"] button');
      const files = await visible(page);
      expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b, 'zh-CN')));

      await page.selectOption('select[data-key="status"]', 'invalid');
      expect((await visible(page)).sort()).toEqual(['rules/R301-fail.json', 'rules/R303-fail.json']);
      expect(await page.textContent('#shown')).toBe(`显示 2 / ${summary.inputs.length}`);
      await page.selectOption('select[data-key="status"]', '');
      // The 2025 report of 某市商务局 used (the first given, all being clean) is checked against its 2024 report; the
      // later ones of that year are other versions.
      await page.selectOption('select[data-key="rules"]', 'X301');
      expect(await visible(page)).toEqual(['commerce/某市商务局2025年报告.xlsx']);
      await page.selectOption('select[data-key="rules"]', '');
      await page.selectOption('select[data-key="agency"]', '某县人民政府办公室');
      await page.selectOption('select[data-key="year"]', '2020');
      expect((await visible(page)).sort()).toEqual(['county-2020.json', 'rules/R201-fail.json']);
      await page.selectOption('select[data-key="agency"]', '');
      await page.selectOption('select[data-key="year"]', '');

      const body = 'tbody[data-file="rules/R303-fail.json"]';
      expect(await page.isVisible(`${body} tr.details`)).toBe(false);
      await page.click(`${body} button.expand`);
      expect(await page.isVisible(`${body} tr.details`)).toBe(true);
      const finding = await page.textContent(`${body} ol.findings li`);
      expect(finding).toContain('三 › 四、结转下年度继续办理 › 自然人');
      const href = await page.getAttribute(`${body} ol.findings a`, 'href');
      expect(href).toBe('rules.html#R303');
      await page.click(`${body} ol.findings a`);
      expect(await page.textContent('section:target h2')).toBe('R303 · requests-balance');
      await page.goBack();
      // Back on the page, the rows shown are those of the filters the browser restored (all, chosen above).
      expect(await page.inputValue('select[data-key="look"]')).toBe('');
      expect(await page.$$eval('#reports tbody[hidden]', (hidden) => hidden.length)).toBe(0);
      await page.click('tbody[data-file="corrupt.xlsx"] button.expand');
      expect(await page.textContent('tbody[data-file="corrupt.xlsx"] tr.details')).toContain('不是有效的工作簿');

      expect(problems).toEqual([]);
      expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-1280.png'), fullPage: true });
      await page.close();
    }, 60_000);

    it('fits 390 px: no sideways scrolling, reports as cards, charts with every value written', async () => {
      const { page } = await open(390);
      // As cards, the reports a filter hides stay hidden: as many cards are seen as the count says.
      const seen = await page.$$eval(
        '#reports tbody',
        (bodies) => bodies.filter((b) => b.getClientRects().length > 0).length,
      );
      expect(await page.textContent('#shown')).toBe(`显示 ${seen} / ${summary.inputs.length}`);
      expect(seen).toBeLessThan(summary.inputs.length);
      await page.click('tbody[data-file="rules/R303-fail.json"] button.expand');
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        widest: Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)),
      }));
      expect(widths.page).toBeLessThanOrEqual(390);
      expect(widths.widest).toBeLessThanOrEqual(390);
      // The two years of 某市商务局: each series in its own chart, both values labelled, axes with their years.
      const chart = await page.$$eval('section.trend figure', (figures) =>
        figures.map((f) => ({
          caption: f.querySelector('figcaption')?.textContent,
          texts: [...f.querySelectorAll('text')].map((t) => t.textContent),
          width: f.getBoundingClientRect().width,
        })),
      );
      expect(chart.map((c) => c.caption)).toEqual(['新收申请', '办理结果总计', '结转下年度', '行政复议', '行政诉讼']);
      expect(chart[0]?.texts).toEqual(expect.arrayContaining(['2024', '2025', '47', '件', '年度', '0']));
      expect(chart[0]?.width).toBeGreaterThan(300);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-390.png'), fullPage: true });
      await page.close();
    }, 60_000);

    it('shows report diff --format html side by side at 1280 px and stacked at 390 px, offline', async () => {
      const last = readJsonFixture('example-2021');
      last.year = 2024;
      (last.problems as string[])[1] = '下一步，我局将持续提升政务公开工作质量。';
      const requests = last.requests as Record<string, unknown>;
      requests.carriedForward = requests.carriedOver; // X301 holds: the page is about the text
      (last.proactive as Record<string, Record<string, number>>).normativeDocs = {
        issued: 2,
        repealed: 0,
        inForce: 25,
      };
      const lastFile = join(dir, 'diff-2024.json');
      writeFileSync(lastFile, JSON.stringify(last));
      const html = join(dir, 'diff.html');
      expect(runCli(['diff', lastFile, fixture('example-2021.xlsx'), '--format', 'html', '-o', html]).code).toBe(0);
      for (const width of [1280, 390]) {
        const { page, problems, requests } = await open(width, html);
        const columns = await page.$eval('.pair', (pair) =>
          [...pair.children].map((child) => Math.round(child.getBoundingClientRect().top)),
        );
        // Side by side: both columns start on one line; stacked: the second below the first.
        expect(columns[0] === columns[1]).toBe(width === 1280);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await page.$$eval('mark.same', (marks) => marks.length)).toBeGreaterThan(0);
        expect(problems).toEqual([]);
        expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
        await page.screenshot({ path: join(ARTIFACTS, `diff-${width}.png`) });
        await page.close();
      }
    }, 60_000);
  });
});
