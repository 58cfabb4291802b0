/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The published page as a webmaster, a phone reader, a screen reader and a printer meet it (issue 18, item 7): no
// blank date line, a compact print, table 三 that says it scrolls and keeps its labels in view, no long word widening
// the page, 二's headers in two even lines, and each item of 二 a table of its own headers. Geometry from Chromium.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { getEdition } from '../src/editions';
import { fixture, ROOT, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasChromium = toolAvailable(CHROMIUM, 'the published page in headless Chromium');
const hasPoppler = hasChromium && toolAvailable('pdftotext', 'reading the pages Chromium prints');
const describeWithChromium = hasChromium ? describe : describe.skip;

/** Builds `model` (or a fixture) to HTML and returns the page's path. */
function buildPage(dir: string, name: string, model: Record<string, unknown>, args: string[] = []): string {
  const input = join(dir, `${name}.json`);
  writeFileSync(input, JSON.stringify(model));
  const out = join(dir, name);
  expect(runCli(['build', input, '--to', 'html', '-o', out, ...args]).code).toBe(0);
  return join(out, readdirSync(out).find((name) => name.endsWith('.html')) as string);
}

/** Per page of a PDF, the lowest text line's bottom as a share of the page height, and the page's text. */
function printedPages(pdf: string): { fill: number; text: string }[] {
  const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  return [...bbox.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((match) => {
    const height = Number(match[2]);
    const words = [...(match[3] ?? '').matchAll(/yMax="([\d.]+)">([^<]*)</g)];
    const bottom = words.reduce((max, word) => Math.max(max, Number(word[1])), 0);
    return { fill: bottom / height, text: words.map((word) => word[2]).join('') };
  });
}

describeWithChromium('the published page (issue 18, item 7)', () => {
  let browser: Browser;
  const dir = scratch('report-page-edges-');
  const example2021 = readJsonFixture('example-2021');
  const example2019 = readJsonFixture('example-2019');

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => browser?.close());

  async function open(path: string, width: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 844 } });
    await page.goto(pathToFileURL(path).href);
    return page;
  }

  it('ends undated in the agency alone, no blank 年 月 日 to fill by hand; dated, in the date', async () => {
    const undated = await open(buildPage(dir, 'undated', example2021), 1280);
    expect(await undated.$eval('p.signature', (p) => p.textContent)).toBe('某市商务局');
    await undated.close();
    const dated = await open(buildPage(dir, 'dated', example2021, ['--date', '2026-01-20']), 1280);
    expect(
      await dated.$eval('p.signature', (p) => [...p.childNodes].map((node) => node.textContent).filter(Boolean)),
    ).toEqual(['某市商务局', '2026年1月20日']);
    await dated.close();
  });

  (hasPoppler ? it : it.skip).each([
    ['2021', 3, example2021],
    ['2019', 2, example2019],
  ] as const)(
    'prints the %s example compactly: %i pages, none left near empty, 二’s items and the 落款 kept together',
    async (edition, pages, model) => {
      const page = await open(buildPage(dir, `print-${edition}`, model), 1280);
      const pdf = join(ARTIFACTS, `page-print-${edition}.pdf`);
      await page.pdf({ path: pdf, format: 'A4' });
      await page.close();
      for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`page-print-${edition}-`)))
        rmSync(join(ARTIFACTS, old));
      spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, `page-print-${edition}`)]);
      const printed = printedPages(pdf);
      expect(printed).toHaveLength(pages);
      // Every page but the last is filled past two thirds: no table moved on, leaving a page nearly empty.
      for (const { fill } of printed.slice(0, -1)) expect(fill).toBeGreaterThan(0.66);
      // Each item of 二 on one page with its header and rows.
      for (const group of getEdition(edition === '2021' ? '2021' : '2019').proactive) {
        const page = printed.find(({ text }) => text.includes(group.item.zh));
        for (const row of group.rows) expect(page?.text).toContain(row.label.zh);
      }
      // The 落款 on the page of 六's last words.
      const lastWords = (model.otherMatters as string[]).at(-1) as string;
      const signed = printed.find(({ text }) => text.includes(lastWords.replace(/\s/g, '')));
      expect(signed?.text.endsWith(model.agency as string)).toBe(true);
    },
    60_000,
  );

  it.each([
    ['2021', example2021],
    ['2019', example2019],
  ])('at 390 px the %s 三 says it scrolls, and its labels stay in view when it is scrolled', async (edition, model) => {
    const path = buildPage(dir, `narrow-${edition}`, model);
    const page = await open(path, 390);
    const cue = () =>
      page.$eval('.scroll-hint[data-for="requests"]', (hint) => ({
        shown: hint.getBoundingClientRect().height > 0,
        shadows: getComputedStyle(hint.nextElementSibling as HTMLElement).backgroundImage,
      }));
    expect(await cue()).toEqual({ shown: true, shadows: expect.stringContaining('radial-gradient') });
    await page.screenshot({ path: join(ARTIFACTS, `page-390-${edition}.png`), fullPage: true });
    // Scrolled to its right end: at the box's left edge, each row shows its own label (not a figure, not nothing).
    const rows = await page.evaluate(() => {
      const table = document.querySelector('table.requests') as HTMLTableElement;
      const wrap = table.parentElement as HTMLElement;
      wrap.scrollLeft = wrap.scrollWidth;
      const left = wrap.getBoundingClientRect().left;
      return [...(table.tBodies[0] as HTMLTableSectionElement).rows].map((tr) => {
        window.scrollTo(0, tr.getBoundingClientRect().top + window.scrollY - 300);
        const box = tr.getBoundingClientRect();
        const at = document.elementFromPoint(left + 8, box.top + box.height / 2);
        const label = at?.closest('th');
        return {
          scrolled: wrap.scrollLeft > 0,
          label: label ? label.closest('tr') === tr : false,
          text: label?.textContent ?? at?.textContent ?? '',
        };
      });
    });
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.filter((row) => !row.label || !row.scrolled)).toEqual([]);
    await page.$eval('table.requests', (table) => table.parentElement?.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, `page-390-${edition}-scrolled.png`) });
    // On a wide screen the table fits: no cue.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect((await cue()).shown).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, `page-1280-${edition}.png`), fullPage: true });
    await page.close();
  });

  it('breaks a long URL in the text rather than widen the page at 390 px', async () => {
    const model = structuredClone(example2021);
    const url = `https://www.example.gov.cn/zwgk/xxgk/${'zfxxgkndbg/'.repeat(12)}index.html`;
    (model.overview as string[]).push(`年度报告全文见${url}，欢迎查阅。`);
    const page = await open(buildPage(dir, 'long-url', model), 390);
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('main > p')].map((p) => p.getBoundingClientRect().right)),
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.widest).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('sets 2019’s 二 headers in at most two lines, never one character alone, at 390 px, 1280 px and in print', async () => {
    const page = await open(buildPage(dir, 'headers-2019', example2019), 390);
    const lines = () =>
      page.$$eval('table.proactive thead th[scope="col"]', (cells) =>
        cells.map((cell) => {
          // Each character's line, by the top of its box.
          const tops = new Map<number, number>();
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent ?? '';
            for (let i = 0; i < text.length; i++) {
              const range = document.createRange();
              range.setStart(node, i);
              range.setEnd(node, i + 1);
              const top = Math.round(range.getBoundingClientRect().top);
              tops.set(top, (tops.get(top) ?? 0) + 1);
            }
          }
          return { text: cell.textContent, lines: [...tops.values()] };
        }),
      );
    for (const media of ['390', '1280', 'print'] as const) {
      if (media === '1280') await page.setViewportSize({ width: 1280, height: 900 });
      if (media === 'print') {
        // The printed page's width: A4 less its margins.
        await page.setViewportSize({ width: 660, height: 900 });
        await page.emulateMedia({ media: 'print' });
      }
      const headers = await lines();
      expect(headers.length).toBeGreaterThan(10);
      const bad = headers.filter((header) => header.lines.length > 2 || header.lines.some((count) => count < 2));
      expect({ media, bad }).toEqual({ media, bad: [] });
    }
    await page.close();
  });

  it('makes each item of 二 a table of its own: every figure under its own item and column headers', async () => {
    for (const [edition, model] of [
      ['2021', example2021],
      ['2019', example2019],
    ] as const) {
      const page = await open(buildPage(dir, `items-${edition}`, model), 1280);
      const figures = await page.$$eval('table.proactive td[data-pointer]', (cells) =>
        cells.map((td) => {
          const table = td.closest('table') as HTMLTableElement;
          const head = table.tHead;
          const items = head ? [...head.querySelectorAll('th[scope="colgroup"]')].map((th) => th.textContent) : [];
          // The column header over the figure: the header cell of the last head row that covers its column.
          const columnOf = (cell: HTMLTableCellElement) =>
            [...(cell.parentElement as HTMLTableRowElement).cells]
              .slice(0, cell.cellIndex)
              .reduce((n, c) => n + c.colSpan, 0);
          const column = columnOf(td as HTMLTableCellElement);
          const headerRow = head?.rows[head.rows.length - 1];
          const header = headerRow
            ? [...headerRow.cells].find((th) => columnOf(th) <= column && column < columnOf(th) + th.colSpan)
            : undefined;
          return {
            pointer: td.getAttribute('data-pointer') as string,
            items,
            header: header?.textContent ?? '',
            caption: table.caption?.textContent ?? '',
          };
        }),
      );
      const edition_ = getEdition(edition);
      let expected = 0;
      for (const group of edition_.proactive)
        for (const row of group.rows)
          for (const column of group.columns) {
            expected++;
            const figure = figures.find((f) => f.pointer === `/proactive/${row.key}/${column.key}`);
            expect(figure?.items).toEqual([group.item.zh]);
            expect(figure?.header.startsWith(column.label.zh)).toBe(true);
            expect(figure?.caption).toContain(group.item.zh);
          }
      expect(figures).toHaveLength(expected);
      await page.close();
    }
  });
});

test('the page never carries a blank 年 月 日 line (no browser needed)', () => {
  const dir = scratch('report-page-edges-text-');
  const out = join(dir, 'out');
  expect(runCli(['build', fixture('example-2019.json'), '--to', 'html', '-o', out]).code).toBe(0);
  const html = readFileSync(join(out, readdirSync(out).find((name) => name.endsWith('.html')) as string), 'utf8');
  expect(html).not.toMatch(/年[\u3000\s]+月[\u3000\s]+日/);
});
