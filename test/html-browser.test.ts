/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML page in a real browser: headless Chromium driven by playwright-core (Debian's chromium, no download).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { fixture, ROOT, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = toolAvailable(CHROMIUM, 'opening the HTML output in headless Chromium');
const describeWithChromium = hasChromium ? describe : describe.skip;
const ARTIFACTS = join(ROOT, 'test-artifacts');

describeWithChromium('the HTML page in headless Chromium', () => {
  let browser: Browser;
  const dir = scratch('report-html-');

  const build = (input: string, out: string) => {
    expect(runCli(['build', input, '--to', 'html', '-o', out]).code).toBe(0);
    const name = readFileSync(input.endsWith('.json') ? input : fixture('example-2021.json'), 'utf8');
    const model = JSON.parse(name) as { agency: string; year: number };
    return join(out, `${model.agency}${model.year}年政府信息公开工作年度报告.html`);
  };

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(path: string, width = 1280) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path).href);
    return { page, problems, requests };
  }

  const tableShape = (page: Page) =>
    page.$eval('table.requests', (table) => ({
      bodyRows: table.querySelectorAll('tbody tr').length,
      numbersPerRow: [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelectorAll('td').length),
      headRows: table.querySelectorAll('thead tr').length,
      corner: (() => {
        const th = table.querySelector('thead th');
        return th ? [th.getAttribute('rowspan'), th.getAttribute('colspan'), th.getAttribute('scope')] : [];
      })(),
      resultsSpan: [...table.querySelectorAll('tbody th')]
        .find((th) => th.textContent === '三、本年度办理结果')
        ?.getAttribute('rowspan'),
    }));

  it.each([
    ['2021', fixture('example-2021.json'), 25, '22'],
    ['2019', fixture('example-2019.json'), 23, '20'],
  ])(
    'the %s edition: no console error, no request, table 三 with 7 numeric columns and its data rows',
    async (edition, input, rows, resultsRows) => {
      const path = build(input, join(dir, edition));
      const { page, problems, requests } = await open(path);
      expect(problems).toEqual([]);
      expect(requests).toEqual([pathToFileURL(path).href]);
      const shape = await tableShape(page);
      expect(shape.bodyRows).toBe(rows);
      expect(new Set(shape.numbersPerRow)).toEqual(new Set([7]));
      expect(shape.headRows).toBe(3);
      expect(shape.corner).toEqual(['3', '3', 'col']);
      expect(shape.resultsSpan).toBe(resultsRows);
      // Table 四: one data row of fifteen numbers under three header rows.
      expect(await page.$$eval('table.appeals tbody td', (cells) => cells.length)).toBe(15);
      expect(await page.$$eval('table.appeals thead tr', (trs) => trs.length)).toBe(3);
      // No horizontal overflow of the page at 1280 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      // The embedded model is the report.
      const embedded = await page.$eval('#report-data', (script) => JSON.parse(script.textContent ?? 'null'));
      expect(embedded).toEqual(JSON.parse(readFileSync(input, 'utf8')));
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, `report-${edition}.png`), fullPage: true });
      await page.close();
    },
  );

  it('shows the right figure in the right cell', async () => {
    const path = build(fixture('example-2021.json'), join(dir, 'cells'));
    const { page } = await open(path);
    const cells = await page.$$eval('td[data-pointer]', (tds) =>
      tds.map((td) => [td.getAttribute('data-pointer'), td.textContent]),
    );
    const model = readJsonFixture('example-2021');
    expect(cells).toHaveLength(200);
    for (const [pointer, text] of cells) {
      const value = (pointer as string)
        .split('/')
        .slice(1)
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], model);
      expect(text).toBe(String(value));
    }
    await page.close();
  });

  it('scrolls wide tables inside their box on a narrow screen, and repeats table headers in print', async () => {
    const path = build(fixture('example-2021.json'), join(dir, 'narrow'));
    const { page } = await open(path, 375);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = await page.$eval('table.requests', (table) => {
      const wrap = table.parentElement as HTMLElement;
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, overflow: getComputedStyle(wrap).overflowX };
    });
    expect(box.overflow).toBe('auto');
    expect(box.scroll).toBeGreaterThan(box.client);
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('table.requests thead', (thead) => getComputedStyle(thead).display)).toBe(
      'table-header-group',
    );
    await page.close();
  });

  it('shows text such as <script> as text, never as markup', async () => {
    const model = readJsonFixture('example-2021');
    const evil = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> & </script><!--';
    model.overview = [evil, ...(model.overview as string[])];
    model.agency = '某市<b>商务局</b>';
    const input = join(dir, 'evil.json');
    writeFileSync(input, JSON.stringify(model));
    const out = join(dir, 'evil');
    expect(runCli(['build', input, '--to', 'html', '-o', out]).code).toBe(0);
    const path = join(out, '某市_b_商务局__b_2025年政府信息公开工作年度报告.html');
    const { page, problems, requests } = await open(path);
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(path).href]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script', (scripts) => scripts.length)).toBe(1);
    expect(await page.$$eval('img', (images) => images.length)).toBe(0);
    expect(await page.$eval('main p', (p) => p.textContent)).toBe(evil);
    expect(await page.$eval('h1', (h1) => h1.textContent)).toBe('某市<b>商务局</b>2025年政府信息公开工作年度报告');
    expect(await page.$eval('#report-data', (script) => JSON.parse(script.textContent ?? 'null').overview[0])).toBe(
      evil,
    );
    await page.close();
  });
});
