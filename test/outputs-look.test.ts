/// <reference lib="dom" />
// The outputs as people see them: each DOCX style printed by LibreOffice and the HTML shown by Chromium, checked by
// what a reader sees — lines of text, fonts, spans — with a PNG of every page kept in test-artifacts/ to look at.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getEdition } from '../src/editions';
import type { EditionId } from '../src/editions/types';
import { fixture, ROOT, readJsonFixture, runCli, scratch, toolAvailable, zipText } from './helpers';

const hasOffice = toolAvailable('soffice', 'printing the DOCX with LibreOffice');
const hasPoppler =
  hasOffice &&
  toolAvailable('pdftotext', 'reading the lines of the PDF') &&
  toolAvailable('pdftoppm', 'PNGs of the pages');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = toolAvailable(CHROMIUM, 'showing the HTML at phone width');
const ARTIFACTS = join(ROOT, 'test-artifacts');

/** The fifteen short labels of 三 that the official template prints on one line each. */
function shortLabels(id: EditionId): string[] {
  const denied = getEdition(id).requests.rows.find((row) => row.key === 'results')?.children ?? [];
  return denied
    .filter((row) => ['denied', 'unableToProvide', 'notProcessed'].includes(row.key))
    .flatMap((row) => row.children ?? [])
    .map((row) => row.label.zh)
    .filter((label) => label.length <= 14);
}

(hasPoppler ? describe : describe.skip)('the DOCX printed by LibreOffice', () => {
  const cases: [EditionId, string, string][] = [
    ['2021', 'gbt9704', 'example-2021'],
    ['2021', 'plain', 'example-2021'],
    ['2019', 'gbt9704', 'example-2019'],
    ['2019', 'plain', 'example-2019'],
  ];
  it.each(cases)(
    'the %s edition in style %s: labels whole, 落款 after 六, text in full',
    (id, style, name) => {
      const out = scratch('report-look-');
      const date = id === '2021' ? ['--date', '2026-01-20'] : [];
      expect(
        runCli(['build', fixture(`${name}.json`), '--to', 'docx,pdf', '--docx-style', style, '-o', out, ...date]).code,
      ).toBe(0);
      const pdf = join(out, readdirSync(out).find((file) => file.endsWith('.pdf')) as string);
      const lines = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
        .stdout.split('\n')
        .map((line) => line.trim());
      // Each short label of 三 whole on one line of the page.
      const labels = shortLabels(id);
      expect(labels).toHaveLength(15);
      for (const label of labels) expect(lines.some((line) => line.includes(label))).toBe(true);
      // The 落款 after 六: the agency, then the date (or the blank line for the hand).
      const model = readJsonFixture(name);
      const six = lines.findIndex((line) => line.startsWith('六、'));
      const agency = lines.findIndex((line, index) => index > six && line === model.agency);
      expect(six).toBeGreaterThan(0);
      expect(agency).toBeGreaterThan(six);
      const dateLine = lines.slice(agency + 1).find((line) => line !== '') ?? '';
      expect(dateLine.replace(/[\s\u3000]/g, '')).toBe(id === '2021' ? '2026年1月20日' : '年月日');
      // The longest paragraph of 一, every character of it (lines joined, the layout's spaces set aside).
      // pdftotext drops punctuation hung at the right margin (、，。), so that is set aside on both sides.
      const words = (value: string) => value.replace(/[\s、，。；：]/g, '');
      const longest = (model.overview as string[]).reduce((a, b) => (b.length > a.length ? b : a));
      expect(words(lines.join(''))).toContain(words(longest));
      // No page holds a section heading alone: after each heading of a table section comes its table's first row.
      for (const heading of ['二、', '三、', '四、']) {
        const at = lines.findIndex((line) => line.startsWith(heading) && line.endsWith('情况'));
        const next = lines.slice(at + 1).find((line) => line !== '') ?? '';
        expect(next).not.toMatch(/^—?\s*\d+\s*—?$/);
      }
      // A Chinese face for the Chinese text (LibreOffice reports Noto CJK by its collection's shared CFF name, so the
      // DOCX itself is what says which language the text is in).
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/CJK/);
      const docx = join(out, readdirSync(out).find((file) => file.endsWith('.docx')) as string);
      expect(zipText(docx, 'word/styles.xml')).toContain('w:eastAsia="zh-CN"');
      // Table 四's header as the official one: 行政复议 one row high over five columns, its outcomes merged down.
      const body = zipText(docx, 'word/document.xml');
      const appeals = body.slice(body.lastIndexOf('<w:tbl>'));
      expect(appeals).toMatch(
        /<w:gridSpan w:val="5"\/><w:vAlign w:val="center"\/><\/w:tcPr><w:p>(?:(?!<\/w:p>).)*行政复议/,
      );
      expect(appeals.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(5);
      // A PNG of every page, to look at.
      const pages = join(ARTIFACTS, `docx-${id}-${style}`);
      mkdirSync(pages, { recursive: true });
      spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(pages, 'page')]);
      expect(readdirSync(pages).length).toBeGreaterThan(1);
    },
    120_000,
  );
});

(hasChromium ? describe : describe.skip)('the HTML at phone width', () => {
  it.each(['example-2021', 'example-2019'])(
    '%s at 390 px: 三 scrolls in its box, its labels one line high',
    async (name) => {
      const out = scratch('report-look-html-');
      expect(runCli(['build', fixture(`${name}.json`), '--to', 'html', '-o', out]).code).toBe(0);
      const page = join(out, readdirSync(out).find((name) => name.endsWith('.html')) as string);
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
        await tab.goto(pathToFileURL(page).href);
        // The page itself never scrolls sideways; the table's box does.
        expect(await tab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        const box = await tab.$eval('table.requests', (table) => {
          const wrap = table.parentElement as HTMLElement;
          return { scroll: wrap.scrollWidth, client: wrap.clientWidth };
        });
        expect(box.scroll).toBeGreaterThan(box.client);
        // Every label of a data row of 三 stands on one line: as tall as one line of its text, not more.
        const tall = await tab.$$eval('table.requests tbody th[scope="row"]', (cells) =>
          cells
            .filter((cell) => (cell.textContent ?? '').length <= 14)
            .filter((cell) => {
              const range = document.createRange();
              // The text itself: a label pinned in view is set in a span of its own (a range over the cell counts its box too).
              range.selectNodeContents(cell.querySelector('.pin-text') ?? cell);
              return range.getClientRects().length > 1;
            })
            .map((cell) => cell.textContent),
        );
        expect(tall).toEqual([]);
        mkdirSync(ARTIFACTS, { recursive: true });
        await tab.screenshot({ path: join(ARTIFACTS, `html-390-${name}.png`), fullPage: true });
        await tab.setViewportSize({ width: 1280, height: 900 });
        await tab.screenshot({ path: join(ARTIFACTS, `html-1280-${name}.png`), fullPage: true });
        await tab.pdf({ path: join(ARTIFACTS, `html-print-${name}.pdf`), format: 'A4' });
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
