// `--to pdf` as a 公文 needs it (issue 18, item 5): the official faces' stand-ins where they are missing — a serif for
// 仿宋 and 宋体, a 楷 face, a 黑 face — said in one line, a tagged PDF in zh-CN with the headings as bookmarks, and no
// punctuation lost at a line's end. The PDF is the one `report build --to pdf` writes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { faceStandIns, OFFICIAL_FACES } from '../src/office/office-pdf';
import { type DocxStyleName, docxStyles, styleFaces } from '../src/render/docx-styles';
import { fixture, fontAvailable, ROOT, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const hasOffice = toolAvailable('soffice', 'printing the DOCX to PDF with LibreOffice');
const hasPoppler =
  hasOffice &&
  toolAvailable('pdffonts', 'the faces of the PDF') &&
  toolAvailable('pdfinfo', 'whether the PDF is tagged') &&
  toolAvailable('pdftotext', 'the text of the PDF') &&
  toolAvailable('pdftoppm', 'PNGs of the pages');
// The stand-ins Debian packages (.ci/run installs them): a serif, a 楷 face and a sans of Chinese.
const hasFaces =
  hasPoppler &&
  fontAvailable('Noto Serif CJK SC', 'Noto Serif CJK', 'a serif for 仿宋 and 宋体 (fonts-noto-cjk)') &&
  fontAvailable('AR PL UKai CN', 'UKai', 'a 楷 face (fonts-arphic-ukai)') &&
  fontAvailable('Noto Sans CJK SC', 'Noto Sans CJK', 'a 黑 face (fonts-noto-cjk)');
const ARTIFACTS = join(ROOT, 'test-artifacts', 'pdf-faces');

/** How pdffonts names a face: `AR PL UKai CN` → `UKai`, `Noto Serif CJK SC` → `NotoSerifCJK` (the collection's). */
const fontName = (family: string) =>
  family
    .replace(/^AR PL /, '')
    .replace(/ (SC|CN)$/, '')
    .replace(/\s/g, '');

it('knows every face the styles name, with a stand-in for each', () => {
  for (const style of Object.keys(docxStyles) as DocxStyleName[])
    for (const face of styleFaces(docxStyles[style])) expect(OFFICIAL_FACES[face]?.length).toBeGreaterThan(0);
});

(hasFaces ? describe : describe.skip)('the PDF of `build --to pdf`', () => {
  it.each<[DocxStyleName]>([['gbt9704'], ['plain']])(
    'in %s: each missing official face in its stand-in, said in one line; tagged, zh-CN, bookmarked',
    (style) => {
      const out = scratch('report-pdf-faces-');
      const run = runCli([
        'build',
        fixture('example-2021.json'),
        '--to',
        'pdf',
        '--docx-style',
        style,
        '-o',
        out,
        '--date',
        '2026-01-20',
      ]);
      expect(run.code).toBe(0);
      const pdf = join(out, readdirSync(out).find((file) => file.endsWith('.pdf')) as string);

      // The faces: each official one the style names that is missing here, printed in the face standing in for it.
      const { faces } = faceStandIns(styleFaces(docxStyles[style]));
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
      for (const face of faces) {
        expect(face.used).toBeDefined();
        expect(fonts).toContain(fontName(face.used as string));
      }
      if (style === 'gbt9704') {
        // 仿宋 and 小标宋 in a serif, 楷体 in a 楷 face, 黑体 in a sans: not one sans for everything.
        expect(new Set(faces.map((face) => face.used)).size).toBeGreaterThanOrEqual(3);
        expect(fonts).toMatch(/NotoSerifCJK/);
        expect(fonts).toMatch(/UKai/);
        expect(fonts).toMatch(/NotoSansCJK/);
      }
      // …and said in one line, naming each official face and its stand-in.
      const note = run.stderr.split('\n').filter((line) => line !== '');
      expect(note).toHaveLength(faces.length > 0 ? 1 : 0);
      for (const face of faces) expect(note[0]).toMatch(new RegExp(`${face.official}.*→ ${face.used}`));

      // Tagged, in Chinese, with the headings as bookmarks.
      expect(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout).toMatch(/^Tagged:\s+yes$/m);
      const bytes = readFileSync(pdf).toString('latin1');
      const catalog = bytes.slice(
        bytes.indexOf('/Type/Catalog'),
        bytes.indexOf('endobj', bytes.indexOf('/Type/Catalog')),
      );
      expect(catalog).toContain('/Lang(zh-CN)');
      expect(catalog).toMatch(/\/Outlines \d+ 0 R/);
      const bookmarks = [...bytes.matchAll(/<<[^>]*\/Title\s*<([0-9A-Fa-f]+)>[^>]*\/Parent[^>]*>>/g)].map((match) =>
        Buffer.from(match[1] as string, 'hex')
          .swap16()
          .toString('utf16le')
          .replace(/^\ufeff/, ''),
      );
      expect(bookmarks.filter((title) => /^[一二三四五六]、/.test(title))).toEqual([
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ]);
      expect(bookmarks).toContain('（一）主动公开');

      // Every paragraph of 一, 五 and 六 whole, its punctuation too: a 、 at a line's end is not lost.
      const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
        .stdout.replace(/—\s*\d+\s*—/g, '')
        .replace(/\s/g, '');
      const model = readJsonFixture('example-2021');
      const paragraphs = ['overview', 'problems', 'otherMatters'].flatMap((key) => model[key] as string[]);
      expect(paragraphs.filter((p) => !/^（/.test(p) && !text.includes(p.replace(/\s/g, '')))).toEqual([]);

      const pages = join(ARTIFACTS, style);
      rmSync(pages, { recursive: true, force: true });
      mkdirSync(pages, { recursive: true });
      spawnSync('pdftoppm', ['-png', '-r', '60', pdf, join(pages, 'page')]);
    },
    120_000,
  );
});
