// The DOCX for signature as LibreOffice prints it (issue 18, items 1–4 and 6): the 落款 never alone on a page, a
// title broken between words, each sub-table of 二 on one page, large figures whole in their cells, 28 characters a
// line and the page number 7 mm under the type area. Each report is rendered in process, printed through the PDF
// step of `--to pdf` (one LibreOffice run for all), measured from `pdftotext -bbox` and the pixels of `pdftoppm`,
// and kept as PNGs in test-artifacts/docx-rough-edges/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEdition } from '../src/editions';
import type { EditionId } from '../src/editions/types';
import { convertDocxToPdf, findOffice } from '../src/office/office-pdf';
import type { TableBlock } from '../src/render/document-tree';
import { renderDocx } from '../src/render/docx';
import type { DocxStyleName } from '../src/render/docx-styles';
import { figuresOf, layoutReport } from '../src/render/layout';
import { fontAvailable, ROOT, readJsonFixture, scratch, toolAvailable } from './helpers';

const hasOffice = toolAvailable('soffice', 'printing the DOCX with LibreOffice');
const hasPoppler =
  hasOffice &&
  toolAvailable('pdftotext', 'reading the positions of the words of the PDF') &&
  toolAvailable('pdftoppm', 'the pixels and PNGs of the pages');
// Without Times New Roman's metrics LibreOffice sets figures wider than Word would.
const hasFonts = hasPoppler && fontAvailable('Times New Roman', 'Liberation', 'setting figures as Word does');
const describeWithTools = hasFonts ? describe : describe.skip;
const ARTIFACTS = join(ROOT, 'test-artifacts', 'docx-rough-edges');

type Model = Record<string, unknown>;
interface Variant {
  name: string;
  model: Model;
  style?: DocxStyleName;
}

/** Renders each variant's DOCX as `build` does and prints them all in one LibreOffice run; the PDFs by name. */
async function print(dir: string, variants: readonly Variant[]): Promise<Map<string, string>> {
  const docx = new Map<string, string>();
  for (const variant of variants) {
    const document = layoutReport(variant.model, getEdition(variant.model.edition as EditionId), {
      date: '2026-01-20',
    });
    const path = join(dir, `${variant.name}.docx`);
    writeFileSync(path, await renderDocx(document, variant.style ?? 'gbt9704', 'test'));
    docx.set(variant.name, path);
  }
  const pdfs = convertDocxToPdf(findOffice() as string, docx);
  const paths = new Map<string, string>();
  for (const [name, bytes] of pdfs) {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, bytes);
    paths.set(name, path);
  }
  return paths;
}

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Words with their boxes (points from the top left), pages counted from 1, from `pdftotext -bbox`. */
function pdfWords(pdf: string): Word[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const words: Word[] = [];
  html
    .split('<page ')
    .slice(1)
    .forEach((page, index) => {
      for (const match of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      )) {
        const [, xMin, yMin, xMax, yMax, text] = match;
        words.push({
          page: index + 1,
          xMin: Number(xMin),
          yMin: Number(yMin),
          xMax: Number(xMax),
          yMax: Number(yMax),
          text: (text ?? '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        });
      }
    });
  return words;
}

/** The lines of a page: words whose tops lie within two points, left to right, their texts joined without spaces. */
function lines(words: readonly Word[], page: number): { y: number; xMin: number; xMax: number; text: string }[] {
  const found: { y: number; xMin: number; xMax: number; words: Word[] }[] = [];
  for (const word of words.filter((w) => w.page === page).sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = found.find((l) => Math.abs(l.y - word.yMin) < 2);
    if (line) {
      line.words.push(word);
      line.xMin = Math.min(line.xMin, word.xMin);
      line.xMax = Math.max(line.xMax, word.xMax);
    } else found.push({ y: word.yMin, xMin: word.xMin, xMax: word.xMax, words: [word] });
  }
  return found.map((line) => ({
    y: line.y,
    xMin: line.xMin,
    xMax: line.xMax,
    text: line.words
      .sort((a, b) => a.xMin - b.xMin)
      .map((w) => w.text)
      .join(''),
  }));
}

const pageCount = (words: readonly Word[]) => Math.max(...words.map((word) => word.page));

/** PNGs of some pages (all when none are named), to look at. */
function keepPictures(pdf: string, name: string, pages?: readonly number[]): void {
  const folder = join(ARTIFACTS, name);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const page of pages ?? [undefined]) {
    const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
    spawnSync('pdftoppm', ['-png', '-r', '60', ...range, pdf, join(folder, 'page')]);
  }
}

/** Rows (in points from the top) of dark pixels in a box of a page, at 4 pixels a point. */
function inkRows(pdf: string, page: number, box: { x: number; y: number; width: number; height: number }): number[] {
  const scale = 4;
  const pgm = spawnSync(
    'pdftoppm',
    [
      '-gray',
      '-r',
      String(72 * scale),
      '-f',
      String(page),
      '-l',
      String(page),
      '-x',
      String(Math.round(box.x * scale)),
      '-y',
      String(Math.round(box.y * scale)),
      '-W',
      String(Math.round(box.width * scale)),
      '-H',
      String(Math.round(box.height * scale)),
      pdf,
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  ).stdout as Buffer;
  // P5 <width> <height> <maxval>, one whitespace each, then a byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('pdftoppm gave no PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const rows: number[] = [];
  for (let row = 0; row < height; row++) {
    const line = pixels.subarray(row * width, (row + 1) * width);
    if (line.some((value) => value < 128)) rows.push(box.y + row / scale);
  }
  return rows;
}

const MM = 72 / 25.4;
/** A4 and the GB/T 9704 type area, in points. */
const PAGE_HEIGHT = 841.89;
const TYPE_AREA_BOTTOM = PAGE_HEIGHT - 35 * MM;

/** A paragraph of one line in the body's type (15 characters and the indent, far from a line's 28). */
const oneLine = (n: number) => `本段为核对排版加入的第${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'[n]}行文字。`;
/** Short paragraphs added to a text section, to move what follows it down by that many lines. */
const padded = (model: Model, key: string, count: number): Model => ({
  ...model,
  [key]: [...(model[key] as string[]), ...Array.from({ length: count }, (_, n) => oneLine(n))],
});

describeWithTools('the DOCX for signature, printed by LibreOffice', () => {
  const dir = scratch('report-rough-edges-');

  it('keeps the 落款 with the last lines of 六 on whatever line 六 ends (22 positions, a page of lines)', async () => {
    // 六 of about 170 characters, as the report that showed it; 五 longer line by line over a page's 22 lines.
    const six =
      '本年度未收取信息处理费。本机关严格执行《政府信息公开信息处理费管理办法》，对申请人申请公开政府信息的，均未收取任何费用。' +
      '本年度未发生因政府信息公开工作引起的责任追究情况。下一步，本机关将继续按照上级部署，做好政府信息公开年度报告的编制和发布工作，' +
      '接受社会监督，不断提高政府信息公开工作的规范化、标准化水平。';
    expect(six.length).toBeGreaterThanOrEqual(150);
    expect(six.length).toBeLessThanOrEqual(200);
    const base = { ...readJsonFixture('example-2021'), otherMatters: [six] };
    const variants = Array.from({ length: 22 }, (_, lines) => ({
      name: `signature-${String(lines).padStart(2, '0')}`,
      model: padded(base, 'problems', lines),
    }));
    const pdfs = await print(dir, variants);
    const tail = six.slice(-12, -1);
    const alone: string[] = [];
    for (const { name } of variants) {
      const pdf = pdfs.get(name) as string;
      const words = pdfWords(pdf);
      const last = pageCount(words);
      const text = lines(words, last)
        .map((line) => line.text)
        .join('');
      // The last page holds the 落款 and the end of 六 with it.
      expect(text).toContain('某市商务局');
      if (!text.includes(tail)) alone.push(name);
      keepPictures(pdf, name, [last]);
    }
    expect(alone).toEqual([]);
  }, 180_000);

  it('loses no 、 at a line end: a sentence of figures moved over the 28 places of a line', async () => {
    // LibreOffice dropped the 、 hung after 「19 件」 at the end of a justified line (the sans, 27 characters a line).
    const sentence =
      '其中予以公开 19 件、部分公开 5 件、不予公开 7 件、无法提供 12 件、不予处理 3 件、其他处理 1 件、共 47 件。';
    const base = readJsonFixture('example-2021');
    const variants = Array.from({ length: 28 }, (_, shift) => ({
      name: `punctuation-${String(shift).padStart(2, '0')}`,
      model: { ...base, overview: ['甲乙丙丁戊己庚辛壬癸'.repeat(3).slice(0, shift) + sentence] },
    }));
    const pdfs = await print(dir, variants);
    const lost = variants
      .filter(({ name, model }) => {
        const text = spawnSync('pdftotext', [pdfs.get(name) as string, '-'], { encoding: 'utf8' }).stdout;
        return !text.replace(/\s/g, '').includes((model.overview[0] as string).replace(/\s/g, ''));
      })
      .map(({ name }) => name);
    expect(lost).toEqual([]);
    keepPictures(pdfs.get('punctuation-17') as string, 'punctuation-17', [1]);
  }, 180_000);

  it('breaks a title too long for a line between words, in the most even place: no lone 「告」', async () => {
    const forestry = { ...readJsonFixture('example-2021'), agency: '某市林业和草原局' };
    const variants: (Variant & { expected: string[] })[] = [
      // A 5-character agency in gbt9704: 20 characters and two autospaces on a line of 20.1.
      {
        name: 'title-5-gbt9704',
        model: readJsonFixture('example-2021'),
        expected: ['某市商务局2025年', '政府信息公开工作年度报告'],
      },
      // An 8-character agency in plain: 23 characters and two autospaces on a line of 23.05.
      {
        name: 'title-8-plain',
        model: forestry,
        style: 'plain',
        expected: ['某市林业和草原局2025年', '政府信息公开工作年度报告'],
      },
      {
        name: 'title-9-gbt9704',
        model: readJsonFixture('example-2019'),
        expected: ['某县人民政府办公室2020年', '政府信息公开工作年度报告'],
      },
      // Where the title fits, it stays one line.
      {
        name: 'title-5-plain',
        model: readJsonFixture('example-2021'),
        style: 'plain',
        expected: ['某市商务局2025年政府信息公开工作年度报告'],
      },
    ];
    const pdfs = await print(dir, variants);
    for (const variant of variants) {
      const pdf = pdfs.get(variant.name) as string;
      const words = pdfWords(pdf);
      const page = lines(words, 1);
      const heading = page.findIndex((line) => line.text.startsWith('一、'));
      expect(page.slice(0, heading).map((line) => line.text)).toEqual(variant.expected);
      keepPictures(pdf, variant.name, [1]);
    }
  }, 120_000);

  it('keeps each sub-table of 二 on one page: its item row, header and figures (22 positions)', async () => {
    // Figures of 二 made unique, so each is found on its page.
    const base = readJsonFixture('example-2021');
    const edition = getEdition('2021');
    const proactive = layoutReport(base, edition).blocks.find(
      (block): block is TableBlock => block.kind === 'table' && block.id === 'proactive',
    ) as TableBlock;
    const pointers = figuresOf({ ...layoutReport(base, edition), blocks: [proactive] }).map(
      (cell) => cell.pointer as string,
    );
    pointers.forEach((pointer, index) => {
      const keys = pointer.split('/').slice(1);
      const parent = keys.slice(0, -1).reduce<Model>((node, key) => node[key] as Model, base);
      parent[keys[keys.length - 1] as string] = 7101 + index;
    });
    // The sub-tables: each item row and the figures under it.
    const parts: { item: string; figures: string[] }[] = [];
    let figure = 0;
    for (const row of proactive.body) {
      if (row.length === 1 && row[0]?.header === 'colgroup') parts.push({ item: row[0].text, figures: [] });
      for (const cell of row) if (cell.pointer) parts[parts.length - 1]?.figures.push(String(7101 + figure++));
    }
    expect(parts.map((part) => part.item)).toEqual([
      '第二十条第（一）项',
      '第二十条第（五）项',
      '第二十条第（六）项',
      '第二十条第（八）项',
    ]);
    const variants = Array.from({ length: 22 }, (_, lines) => ({
      name: `proactive-${String(lines).padStart(2, '0')}`,
      model: padded(base, 'overview', lines),
    }));
    const pdfs = await print(dir, variants);
    const split: string[] = [];
    for (const { name } of variants) {
      const pdf = pdfs.get(name) as string;
      const words = pdfWords(pdf);
      const pages = new Set<number>();
      for (const part of parts) {
        const item = words.find((word) => word.text.includes(part.item.slice(4)));
        const figurePages = part.figures.map((text) => words.find((word) => word.text === text)?.page);
        expect(item).toBeDefined();
        expect(figurePages).not.toContain(undefined);
        if (figurePages.some((page) => page !== item?.page)) split.push(`${name}: ${part.item}`);
        for (const page of [item?.page, ...figurePages]) if (page) pages.add(page);
      }
      keepPictures(pdf, name, [...pages]);
    }
    expect(split).toEqual([]);
  }, 180_000);

  it.each<[string, DocxStyleName]>([
    ['2021', 'gbt9704'],
    ['2021', 'plain'],
    ['2019', 'gbt9704'],
  ])(
    '%s in %s: 7-digit figures in 三 and 6-digit ones in 四 whole in their cells, short labels on one line',
    async (id, style) => {
      const model = readJsonFixture(`example-${id}`);
      const document = layoutReport(model, getEdition(id as EditionId));
      // Every figure of 三 seven digits and of 四 six, each unique: the widest a county's or a ministry's could be.
      const expected: string[] = [];
      for (const block of document.blocks) {
        if (block.kind !== 'table' || block.id === 'proactive') continue;
        const digits = block.id === 'requests' ? 4946716 : 660559;
        figuresOf({ ...document, blocks: [block] }).forEach((cell, index) => {
          const keys = (cell.pointer as string).split('/').slice(1);
          const parent = keys.slice(0, -1).reduce<Model>((node, key) => node[key] as Model, model);
          parent[keys[keys.length - 1] as string] = digits + index;
          expected.push(String(digits + index));
        });
      }
      const name = `figures-${id}-${style}`;
      const pdf = (await print(dir, [{ name, model, style }])).get(name) as string;
      const words = pdfWords(pdf);
      const texts = new Set(words.map((word) => word.text));
      expect(expected.filter((figure) => !texts.has(figure))).toEqual([]);
      // The short labels of 三 (1.属于国家秘密 … 4.无正当理由大量反复申请) each whole on one line.
      const requests = getEdition(id as EditionId).requests.rows.find((row) => row.key === 'results')?.children ?? [];
      const short = requests
        .filter((row) => ['denied', 'unableToProvide', 'notProcessed'].includes(row.key))
        .flatMap((row) => row.children ?? [])
        .map((row) => row.label.zh)
        .filter((label) => label.length <= 14);
      expect(short).toHaveLength(15);
      const all = Array.from({ length: pageCount(words) }, (_, page) => lines(words, page + 1)).flat();
      expect(short.filter((label) => !all.some((line) => line.text.includes(label)))).toEqual([]);
      // The headers of the figure columns broken only between their two-character words (结果/维持, never 结果维/持).
      const headers = document.blocks
        .flatMap((block) => (block.kind === 'table' && block.id !== 'proactive' ? block.head.flat() : []))
        .filter(
          (cell) => (cell.colSpan ?? 1) === 1 && /^[\u4e00-\u9fff]{4,}$/.test(cell.text) && cell.text.length % 2 === 0,
        );
      expect(headers.length).toBeGreaterThan(5);
      const pairs = headers.flatMap((cell) => cell.text.match(/../g) ?? []);
      expect(pairs.filter((pair) => !words.some((word) => word.text.includes(pair)))).toEqual([]);
      keepPictures(pdf, name);
    },
    120_000,
  );

  it('gbt9704: 28 characters a line, 22 lines a page, the page number 7 mm under the type area', async () => {
    // 一 as one long paragraph of ideographs alone (no digit, no punctuation), so a full line is 28 characters.
    const alphabet = '甲乙丙丁戊己庚辛壬癸';
    const long = Array.from({ length: 28 * 60 }, (_, n) => alphabet[n % alphabet.length]).join('');
    const model = { ...readJsonFixture('example-2021'), overview: [long] };
    const name = 'measures-gbt9704';
    const pdf = (await print(dir, [{ name, model }])).get(name) as string;
    const words = pdfWords(pdf);
    const ofParagraph = (page: number) =>
      lines(words, page).filter((line) => [...line.text].every((ch) => alphabet.includes(ch)));
    const first = ofParagraph(1);
    // The first line indented by two characters, every other full line 28 characters.
    expect([...(first[0]?.text ?? '')]).toHaveLength(26);
    for (const line of first.slice(1)) expect([...line.text]).toHaveLength(28);
    // Page 2 holds nothing but the paragraph: 22 lines of 28 characters.
    const second = ofParagraph(2);
    expect(second).toHaveLength(22);
    for (const line of second) expect([...line.text]).toHaveLength(28);
    // GB/T 9704 7.5: 一字线上距版心下边缘 7 mm — the dashes beside the number, on odd pages and even ones alike.
    for (const page of [1, 2]) {
      const dash = words.find((word) => word.page === page && word.text === '—' && word.yMin > TYPE_AREA_BOTTOM);
      expect(dash).toBeDefined();
      const box = dash as Word;
      const rows = inkRows(pdf, page, {
        x: box.xMin,
        y: box.yMin,
        width: box.xMax - box.xMin,
        height: box.yMax - box.yMin,
      });
      const stroke = ((rows[0] ?? 0) + (rows[rows.length - 1] ?? 0)) / 2;
      expect(Math.abs((stroke - TYPE_AREA_BOTTOM) / MM - 7)).toBeLessThan(0.5);
    }
    keepPictures(pdf, name, [1, 2]);
  }, 120_000);
});
