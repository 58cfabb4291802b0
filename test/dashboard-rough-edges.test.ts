/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The dashboard and the diff as a reviewer meets them (issue 18, item 9): years on a chart's axis where their value
// puts them and no line across a year without a report, a 40-character agency at 390 px, editions by their names, the
// 万元 of 采购总金额 wherever it is named, an edition change noted by diff, and the 跳变 badge readable (≥ 4.5:1).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { getEdition } from '../src/editions';
import { ROOT, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const AGENCY = '某省某市某县人民政府办公室政务公开与政府信息公开工作领导小组办公室综合科第一小组';
const AMOUNT = '采购总金额（单位：万元）';

/** Three years of one body: 2019 (its edition's, with a negative 采购总金额), then 2024 and 2025 (2021's). */
function makeBatch(dir: string): string {
  const batch = join(dir, 'batch');
  mkdirSync(batch, { recursive: true });
  const first = readJsonFixture('example-2019');
  first.agency = AGENCY;
  first.year = 2019;
  (first.proactive as Record<string, Record<string, number>>).procurement = { projects: 21, amount: -5 };
  writeFileSync(join(batch, 'a-2019.json'), JSON.stringify(first));
  for (const [year, received] of [
    [2024, 30],
    [2025, 47],
  ] as const) {
    const report = readJsonFixture('example-2021');
    report.agency = AGENCY;
    report.year = year;
    ((report.requests as Record<string, Record<string, number>>).newReceived as Record<string, number>).total =
      received;
    writeFileSync(join(batch, `a-${year}.json`), JSON.stringify(report));
  }
  return batch;
}

/** WCAG 2 contrast of two computed `rgb(…)` colours. */
function contrast(foreground: string, background: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('the dashboard and diff (issue 18, item 9)', () => {
  const dir = scratch('report-dashboard-edges-');
  const batch = makeBatch(dir);
  const out = join(dir, 'out');

  // The same body's 2020 report, of 2019's edition like its 2019 one.
  const laterFile = join(dir, 'a-2020.json');
  const across = join(dir, 'across.html');

  beforeAll(() => {
    expect(runCli(['convert', batch, '-o', out, '--to', 'json']).code).toBe(1);
    const later = readJsonFixture('example-2019');
    later.agency = AGENCY;
    later.year = 2020;
    writeFileSync(laterFile, JSON.stringify(later));
    expect(runCli(['diff', laterFile, join(batch, 'a-2024.json'), '--format', 'html', '-o', across]).code).toBe(0);
  }, 60_000);

  it('names 采购总金额 with its unit in validate’s messages', () => {
    const run = runCli(['validate', join(batch, 'a-2019.json'), '--format', 'json']);
    const diagnostic = JSON.parse(run.stdout).files[0].diagnostics.find(
      (d: { pointer: string }) => d.pointer === '/proactive/procurement/amount',
    );
    expect(diagnostic?.label).toBe(`二 › 第二十条第（九）项 › 政府集中采购 › ${AMOUNT}`);
    expect(runCli(['validate', join(batch, 'a-2019.json')]).stdout).toContain(AMOUNT);
  });

  it('names 采购总金额 with its unit in diff, and notes an edition change by the editions’ names', () => {
    const figures = JSON.parse(runCli(['diff', join(batch, 'a-2019.json'), laterFile, '--format', 'json']).stdout);
    expect(figures.figures.map((f: { label: string }) => f.label)).toContain(
      `二 › 第二十条第（九）项 › 政府集中采购 › ${AMOUNT}`,
    );
    const same = runCli(['diff', join(batch, 'a-2019.json'), laterFile]).stdout;
    expect(same).not.toContain(getEdition('2021').name.zh);
    const notes = runCli(['diff', laterFile, join(batch, 'a-2024.json')])
      .stdout.split('\n')
      .slice(0, 5)
      .join('\n');
    expect(notes).toContain(getEdition('2019').name.zh);
    expect(notes).toContain(getEdition('2021').name.zh);
  });

  const describeWithChromium = toolAvailable(CHROMIUM, 'the dashboard and diff in headless Chromium')
    ? describe
    : describe.skip;
  describeWithChromium('in headless Chromium', () => {
    let browser: Browser | undefined;
    afterAll(async () => browser?.close());

    async function open(file: string, width: number): Promise<Page> {
      if (!browser) {
        const { chromium } = await import('playwright-core');
        browser = await chromium.launch({
          executablePath: CHROMIUM,
          args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
        });
        mkdirSync(ARTIFACTS, { recursive: true });
      }
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(pathToFileURL(file).href);
      return page;
    }

    it('places years on the chart by their value and draws no line across the years between', async () => {
      const page = await open(join(out, 'index.html'), 1280);
      const chart = await page.$eval('section.trend figure', (figure) => ({
        dots: [...figure.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx'))),
        lines: [...figure.querySelectorAll('polyline')].map((line) =>
          (line.getAttribute('points') ?? '').split(' ').map((point) => Number(point.split(',')[0])),
        ),
        ticks: [...figure.querySelectorAll('text')].map((t) => t.textContent),
      }));
      const [x2019, x2024, x2025] = chart.dots as [number, number, number];
      // 2019 → 2024 is five years, 2024 → 2025 one: five times the distance (pixels rounded).
      expect(Math.abs((x2024 - x2019) / (x2025 - x2024) - 5)).toBeLessThan(0.5);
      // One line, 2024 to 2025; none from 2019.
      expect(chart.lines).toEqual([[x2024, x2025]]);
      expect(chart.ticks).toEqual(expect.arrayContaining(['2019', '2024']));
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-edges-1280.png'), fullPage: true });
      await page.close();
    });

    it('fits a 40-character agency in 390 px, and names the edition and 采购总金额’s unit in a report’s details', async () => {
      const page = await open(join(out, 'index.html'), 390);
      await page.selectOption('select[data-key="look"]', '');
      const widths = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        widest: Math.max(...[...document.querySelectorAll('body *')].map((e) => e.getBoundingClientRect().right)),
      }));
      expect(widths).toEqual({ page: 390, widest: expect.any(Number) });
      expect(widths.widest).toBeLessThanOrEqual(390);
      const body = 'tbody[data-file="a-2019.json"]';
      await page.click(`${body} button.expand`);
      const details = (await page.textContent(`${body} tr.details`)) ?? '';
      expect(details).toContain(getEdition('2019').name.zh);
      expect(details).toContain(AMOUNT);
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard-edges-390.png'), fullPage: true });
      await page.close();
    });

    it('shows the 跳变 badge at a contrast of at least 4.5:1, and the edition change on the diff page', async () => {
      const last = readJsonFixture('example-2021');
      last.agency = AGENCY;
      last.year = 2024;
      ((last.requests as Record<string, Record<string, number>>).newReceived as Record<string, number>).total = 400;
      const lastFile = join(dir, 'jump-2024.json');
      writeFileSync(lastFile, JSON.stringify(last));
      const html = join(dir, 'jump.html');
      expect(
        runCli(['diff', lastFile, join(batch, 'a-2025.json'), '--format', 'html', '-o', html]).code,
      ).toBeLessThanOrEqual(1);
      const page = await open(html, 1280);
      const colours = await page.$eval('.badge', (badge) => {
        const style = getComputedStyle(badge);
        return { color: style.color, background: style.backgroundColor };
      });
      expect(contrast(colours.color, colours.background)).toBeGreaterThanOrEqual(4.5);
      await page.screenshot({ path: join(ARTIFACTS, 'diff-edges-1280.png') });
      await page.close();
      const changed = await open(across, 390);
      expect(await changed.textContent('.files')).toContain(getEdition('2019').name.zh);
      expect(await changed.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await changed.screenshot({ path: join(ARTIFACTS, 'diff-edges-390.png') });
      await changed.close();
    });
  });
});
