// The template as it prints (issue 18, item 8): LibreOffice prints the workbook, filled with the examples, to PDF and
// pdftotext -bbox says where each word landed — every page numbered, a sheet's title on each of its pages, every
// sheet at its own type size (三 no longer shrunk to about 7 pt), 三's page break between groups of reasons — and the
// 填写说明 no longer send an office worker to a command line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getEdition } from '../src/editions';
import type { EditionId, RequestsRow } from '../src/editions/types';
import { writeTemplate } from '../src/template/write-template';
import { convertWithOffice, ROOT, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const hasOffice = toolAvailable('soffice', 'printing the template with LibreOffice');
const hasPoppler =
  hasOffice &&
  toolAvailable('pdftotext', 'reading where LibreOffice printed each word') &&
  toolAvailable('pdftoppm', 'pictures of the printed template');

interface Word {
  text: string;
  x: number;
  y: number;
  width: number;
}
interface PrintedPage {
  height: number;
  words: Word[];
  /** The footer's words (the bottom tenth of the page), joined. */
  footer: string;
  /** The other words, joined without spaces. */
  body: string;
}

function printedPages(pdf: string): PrintedPage[] {
  const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  return [...bbox.matchAll(/<page width="[\d.]+" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((match) => {
    const height = Number(match[1]);
    const words = [
      ...(match[2] ?? '').matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</g),
    ].map((w) => ({ text: w[4] ?? '', x: Number(w[1]), y: Number(w[2]), width: Number(w[3]) - Number(w[1]) }));
    const inFooter = (word: Word) => word.y > height * 0.9;
    return {
      height,
      words,
      footer: words
        .filter(inFooter)
        .map((w) => w.text)
        .join(' '),
      body: words
        .filter((w) => !inFooter(w))
        .map((w) => w.text)
        .join(''),
    };
  });
}

/** The type size a page prints its Chinese at: the median, over its words of Chinese characters only, of width ÷ characters. */
function printedSize(page: PrintedPage): number {
  const sizes = page.words
    .filter((w) => w.y <= page.height * 0.9 && /^[\u4e00-\u9fff]{2,}$/.test(w.text))
    .map((w) => w.width / [...w.text].length)
    .sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 0;
}

(hasPoppler ? describe : describe.skip)('the template printed by LibreOffice (issue 18, item 8)', () => {
  const dir = scratch('report-template-print-');
  const printed = new Map<EditionId, PrintedPage[]>();

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const files: string[] = [];
    for (const edition of ['2021', '2019'] as const) {
      const file = join(dir, `template-${edition}.xlsx`);
      writeFileSync(file, await writeTemplate(getEdition(edition), { model: readJsonFixture(`example-${edition}`) }));
      files.push(file);
    }
    convertWithOffice(dir, 'pdf', files);
    for (const edition of ['2021', '2019'] as const) {
      const pdf = join(dir, `template-${edition}.pdf`);
      printed.set(edition, printedPages(pdf));
      for (const old of readdirSync(ARTIFACTS).filter((f) => f.startsWith(`template-print-${edition}-`)))
        rmSync(join(ARTIFACTS, old));
      spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(ARTIFACTS, `template-print-${edition}`)]);
    }
  }, 300_000);

  it.each(['2021', '2019'] as const)('%s: the filled template reads back clean', (edition) => {
    const run = runCli(['validate', join(dir, `template-${edition}.xlsx`), '--format', 'json']);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ status: 'ok', readAs: 'template', errors: 0 });
  });

  it.each(['2021', '2019'] as const)('%s: every page is numbered in its footer, by its sheet', (edition) => {
    const pages = printed.get(edition) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) expect(page.footer).toMatch(/第\s*\d+\s*页/);
  });

  it.each(['2021', '2019'] as const)('%s: a sheet that runs onto a second page repeats its title there', (edition) => {
    const pages = printed.get(edition) ?? [];
    const { sections } = getEdition(edition);
    const overview = pages.filter((page) => page.footer.includes(sections.overview.sheet));
    expect(overview.length).toBeGreaterThanOrEqual(2);
    for (const page of overview) {
      const title = page.words.find((w) => w.text === sections.overview.title.zh && w.y < page.height * 0.15);
      expect(title).toBeDefined();
    }
    const requests = pages.filter((page) => page.footer.includes(sections.requests.sheet));
    for (const page of requests) expect(page.body).toContain('申请人情况');
  });

  it.each(['2021', '2019'] as const)('%s: every sheet prints at its own size, 三 not shrunk', (edition) => {
    // Labels and figures are 10 pt, titles 14 pt, text 11 pt: a sheet fitted to the page by shrinking prints them
    // smaller (三 printed at about 7 pt).
    const sizes = (printed.get(edition) ?? []).map((page) => ({
      page: page.footer,
      size: Math.round(printedSize(page) * 10) / 10,
    }));
    // Pages of pure Chinese words to measure: 填写说明, 二, both of 三, 四 at least.
    expect(sizes.filter(({ size }) => size > 0).length).toBeGreaterThanOrEqual(5);
    const requests = getEdition(edition).sections.requests.sheet;
    expect(sizes.filter(({ page, size }) => page.includes(requests) && size > 0).length).toBeGreaterThanOrEqual(1);
    expect(sizes.filter(({ size }) => size > 0 && size < 9.5)).toEqual([]);
  });

  it.each(['2021', '2019'] as const)('%s: 三 breaks between its groups of reasons, never inside one', (edition) => {
    const { sections, requests } = getEdition(edition);
    const pages = (printed.get(edition) ?? []).filter((page) => page.footer.includes(sections.requests.sheet));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    const groups = requests.rows.flatMap((row: RequestsRow) => row.children ?? []).filter((row) => row.children);
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const group of groups) {
      const on = new Set(
        (group.children ?? []).map((child) =>
          pages.findIndex((page) => page.body.includes(child.label.zh.slice(0, 6).replace(/\s/g, ''))),
        ),
      );
      expect({ group: group.label.zh, pages: [...on] }).toEqual({ group: group.label.zh, pages: [expect.any(Number)] });
      expect([...on][0]).toBeGreaterThanOrEqual(0);
    }
  });
});

test('the 填写说明 send nobody to a command line, and say how the report is checked', async () => {
  for (const edition of ['2021', '2019'] as const) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTemplate(getEdition(edition), {})) as unknown as ArrayBuffer);
    const lines: string[] = [];
    workbook.getWorksheet('填写说明')?.eachRow((row) => {
      const value = row.getCell(1).value;
      if (typeof value === 'string' && /^\d+\. /.test(value)) lines.push(value);
    });
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line).not.toMatch(/运行|命令|report (validate|build)|\.xlsx/);
    expect(lines.some((line) => line.includes('检查') && line.includes('核对'))).toBe(true);
  }
});
