// The DOCX in LibreOffice: converted to PDF, whose text holds every official label and every figure, in table order.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getEdition } from '../src/editions';
import { fieldsOf } from '../src/editions/fields';
import type { Edition, EditionId } from '../src/editions/types';
import { figuresOf, layoutReport } from '../src/render/layout';
import { convertWithOffice, fontAvailable, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const hasOffice = toolAvailable('soffice', 'converting the DOCX output to PDF with LibreOffice');
const hasPdftotext = hasOffice && toolAvailable('pdftotext', 'reading the text of the PDF');
// Without Times New Roman's metrics LibreOffice lays figures out wider than Word would.
const hasFonts = hasPdftotext && fontAvailable('Times New Roman', 'Liberation', 'laying out the DOCX as Word does');
const describeWithTools = hasFonts ? describe : describe.skip;

/** Every label the official tables print for an edition. */
function officialLabels(edition: Edition): string[] {
  const labels = new Set<string>([edition.requests.balanceNote.zh, edition.requests.applicantHeader.zh]);
  for (const group of edition.proactive) {
    labels.add(group.item.zh);
    for (const row of group.rows) labels.add(row.label.zh);
    for (const column of group.columns) labels.add(column.label.zh);
  }
  for (const leaf of fieldsOf(edition).requestsLeaves) for (const label of leaf.labels) labels.add(label.zh);
  for (const column of edition.requests.columns) labels.add(column.label.zh);
  for (const group of edition.appeals.groups) {
    labels.add(group.label.zh);
    if (group.parent) labels.add(group.parent.zh);
  }
  for (const outcome of edition.appeals.outcomes) labels.add(outcome.label.zh);
  for (const section of Object.values(edition.sections)) labels.add(section.title.zh);
  return [...labels];
}

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
}

/** Words with their boxes, from `pdftotext -bbox`. */
function pdfWords(pdf: string): Word[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const words: Word[] = [];
  html.split('<page ').forEach((page, pageIndex) => {
    for (const match of page.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
    )) {
      const [, xMin, yMin, xMax, yMax, text] = match;
      words.push({
        page: pageIndex,
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
        text: decode(text ?? ''),
      });
    }
  });
  return words;
}

const decode = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|apos);/g,
    (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
  );

/**
 * The text of each column of words: a table cell's wrapped lines share the cell's x-range and follow one another,
 * so stacking words that overlap horizontally and sit on consecutive lines puts a wrapped label back together.
 */
function cellTexts(words: Word[]): string[] {
  const stacks: { page: number; xMin: number; xMax: number; yMax: number; height: number; text: string }[] = [];
  const sorted = [...words].sort((a, b) => a.page - b.page || a.yMin - b.yMin || a.xMin - b.xMin);
  for (const word of sorted) {
    const height = word.yMax - word.yMin;
    const center = (word.xMin + word.xMax) / 2;
    // Of the stacks just above that overlap the word, the one centred closest to it (a wide header spans several).
    const stack = stacks
      .filter(
        (s) =>
          s.page === word.page &&
          word.xMin < s.xMax &&
          word.xMax > s.xMin &&
          word.yMin - s.yMax < height * 0.8 &&
          word.yMin > s.yMax - height * 0.5,
      )
      .sort((a, b) => Math.abs((a.xMin + a.xMax) / 2 - center) - Math.abs((b.xMin + b.xMax) / 2 - center))[0];
    if (stack) {
      // The stack continues under its last line only, so a wide header does not swallow the narrower cells below it.
      stack.text += word.text;
      stack.yMax = word.yMax;
      stack.xMin = word.xMin;
      stack.xMax = word.xMax;
    } else {
      stacks.push({ page: word.page, xMin: word.xMin, xMax: word.xMax, yMax: word.yMax, height, text: word.text });
    }
  }
  return stacks.map((stack) => stack.text);
}

describeWithTools('the DOCX in LibreOffice', () => {
  const dir = scratch('report-docx-');

  /** A report of the edition whose every figure is unique (1000, 1001, …), so each can be found and placed. */
  function uniqueFigures(id: EditionId) {
    const edition = getEdition(id);
    const model = readJsonFixture(id === '2021' ? 'example-2021' : 'example-2019');
    const order = figuresOf(layoutReport(model, edition)).map((cell) => cell.pointer as string);
    order.forEach((pointer, index) => {
      const keys = pointer.split('/').slice(1);
      const parent = keys
        .slice(0, -1)
        .reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, model);
      parent[keys[keys.length - 1] as string] = 1000 + index;
    });
    return { edition, model, expected: order.map((_, index) => String(1000 + index)) };
  }

  it.each<[EditionId, string]>([
    ['2021', 'gbt9704'],
    ['2019', 'gbt9704'],
    ['2021', 'plain'],
  ])('the %s edition in style %s: every label and every figure, in table order', (id, style) => {
    const { edition, model, expected } = uniqueFigures(id);
    const input = join(dir, `${id}-${style}.json`);
    writeFileSync(input, JSON.stringify(model));
    const out = join(dir, `${id}-${style}`);
    // The unique figures break the arithmetic on purpose: --force builds it anyway.
    expect(runCli(['build', input, '--to', 'docx', '--docx-style', style, '-o', out, '--force']).code).toBe(1);
    const docx = readdirSync(out).find((name) => name.endsWith('.docx')) as string;
    convertWithOffice(out, 'pdf', [join(out, docx)]);
    const pdf = join(out, docx.replace(/\.docx$/, '.pdf'));
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    const cells = cellTexts(pdfWords(pdf));
    const missing = officialLabels(edition).filter((label) => !cells.some((text) => text.includes(label)));
    expect(missing).toEqual([]);
    // Reading the page top to bottom, left to right, the figures come row by row as the tables hold them.
    const layout = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    const figures = [...layout.matchAll(/\b1\d{3}\b/g)].map((match) => match[0]);
    expect(figures).toEqual(expected);
    expect(layout).toContain(`${model.agency as string}`);
    expect(layout).toContain('本文件由未通过检查的报告强制生成');
  });
});

describeWithTools('the PDF that LibreOffice prints from our DOCX', () => {
  it.each<[string, string, string]>([
    ['example-2021', '某市商务局2025年政府信息公开工作年度报告', '2026-01-20'],
    ['example-2019', '某县人民政府办公室2020年政府信息公开工作年度报告', '2021-01-20'],
  ])('imports back to %s: every figure exact, the text the same but for spacing', (name, title, signed) => {
    const dir = scratch('report-pdf-');
    // Signed and dated, as a report is published: the 落款's date comes back as signedOn.
    const build = ['build', join(__dirname, '..', 'fixtures', `${name}.json`), '--to', 'docx', '-o', dir];
    expect(runCli([...build, '--date', signed]).code).toBe(0);
    convertWithOffice(dir, 'pdf', [join(dir, `${title}.docx`)]);
    const run = runCli(['import', join(dir, `${title}.pdf`), '-o', '-']);
    // Not a single diagnostic: nothing missing, nothing unplaced; only the verdict.
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^结论：ok，找到 (\d+)\/\1 个数字。数字齐全，规则全部通过\n$/);
    const imported = JSON.parse(run.stdout);
    const original = readJsonFixture(name);
    expect({ ...imported, overview: [], problems: [], otherMatters: [] }).toEqual({
      ...original,
      overview: [],
      problems: [],
      otherMatters: [],
      signedOn: signed,
    });
    // PDF text layers drop spacing and line-end punctuation (、 hung at the margin): compare the words.
    const words = (paragraphs: unknown) => (paragraphs as string[]).map((p) => p.replace(/[\s、，。；：]/g, ''));
    for (const key of ['overview', 'problems', 'otherMatters'])
      expect(words(imported[key])).toEqual(words(original[key]));
  });
});
