// `report build`: three outputs per report, canonical JSON, refusal of invalid reports, --force, -o -, determinism.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, readJsonFixture, runCli, scratch, zipText } from './helpers';

const NAME_2021 = '某市商务局2025年政府信息公开工作年度报告';
const NAME_2019 = '某县人民政府办公室2020年政府信息公开工作年度报告';
/** The outputs in a folder, without the record of what build wrote there (.report-written.json). */
const outputsIn = (folder: string) =>
  readdirSync(folder)
    .filter((name) => !name.startsWith('.'))
    .sort();

describe('report build', () => {
  const dir = scratch('report-build-');
  const out2021 = join(dir, 'out-2021');
  const out2019 = join(dir, 'out-2019');

  beforeAll(() => {
    expect(runCli(['build', fixture('example-2021.xlsx'), '-o', out2021]).code).toBe(0);
    expect(runCli(['build', fixture('example-2019.json'), '-o', out2019]).code).toBe(0);
  });

  it('writes DOCX, HTML and JSON named after the agency and year, creating the folder', () => {
    expect(outputsIn(out2021)).toEqual([`${NAME_2021}.docx`, `${NAME_2021}.html`, `${NAME_2021}.json`]);
    expect(outputsIn(out2019)).toEqual([`${NAME_2019}.docx`, `${NAME_2019}.html`, `${NAME_2019}.json`]);
  });

  it('writes the canonical model as JSON: keys in SPEC order, valid, equal to the report read', () => {
    // The example workbook was made from example-2021.json, whose keys are in canonical order.
    expect(readFileSync(join(out2021, `${NAME_2021}.json`), 'utf8')).toBe(
      readFileSync(fixture('example-2021.json'), 'utf8'),
    );
    const json2019 = join(out2019, `${NAME_2019}.json`);
    expect(JSON.parse(readFileSync(json2019, 'utf8'))).toEqual(readJsonFixture('example-2019'));
    expect(runCli(['validate', json2019]).code).toBe(0);
    // Keys come back in order even when the input had them shuffled.
    const shuffled = join(dir, 'shuffled.json');
    const model = readJsonFixture('example-2019');
    const reversed = Object.fromEntries(Object.entries(model).reverse());
    writeFileSync(shuffled, JSON.stringify(reversed));
    const run = runCli(['build', shuffled, '--to', 'json', '-o', '-']);
    expect(run.stdout).toBe(readFileSync(json2019, 'utf8'));
  });

  it('puts the official tables and the report title in the DOCX', () => {
    const xml = zipText(join(out2021, `${NAME_2021}.docx`), 'word/document.xml');
    expect(xml).toContain('某市商务局');
    // The title's text, whatever line breaks it holds.
    expect(xml.replace(/<[^>]+>/g, '')).toContain('某市商务局2025年政府信息公开工作年度报告');
    expect(xml.match(/<w:tbl>/g)).toHaveLength(3);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const styles = zipText(join(out2021, `${NAME_2021}.docx`), 'word/styles.xml');
    expect(styles).toContain('<w:spacing w:line="560" w:lineRule="exact"/>');
    // Chinese text is Chinese: the language and the east-Asian font slot on the styles and on every run.
    expect(styles).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"/>');
    const runs = xml.match(/<w:r>/g)?.length ?? 0;
    expect(xml.match(/<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/g)?.length).toBe(runs);
    expect(zipText(join(out2021, `${NAME_2021}.docx`), 'word/footer1.xml')).toContain('— ');
  });

  it('takes --docx-style plain: 宋体 and Word’s default margins', () => {
    const out = join(dir, 'plain');
    expect(
      runCli(['build', fixture('example-2021.json'), '--to', 'docx', '--docx-style', 'plain', '-o', out]).code,
    ).toBe(0);
    const xml = zipText(join(out, `${NAME_2021}.docx`), 'word/document.xml');
    expect(xml).toContain('w:eastAsia="宋体"');
    expect(xml).not.toContain('仿宋_GB2312');
    expect(xml).toMatch(/<w:pgMar w:top="1440" w:right="1803" w:bottom="1440" w:left="1803"/);
    expect(runCli(['build', fixture('example-2021.json'), '--docx-style', 'fancy', '-o', out]).code).toBe(2);
  });

  it('refuses a report with errors: exit 1, the diagnostics, and no file at all', () => {
    const out = join(dir, 'refused');
    const run = runCli(['build', fixture('rules', 'R301', 'fail.json'), '-o', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '可能有误：为 47 时“一、本年新收政府信息公开申请数量”一行与“总计”一列的勾稽关系都成立，实际为 48',
    );
    expect(run.stderr).toContain('有 1 个错误，未生成任何文件');
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('writes marked files with --force', () => {
    const out = join(dir, 'forced');
    const run = runCli(['build', fixture('rules', 'R301', 'fail.json'), '-o', out, '--force']);
    expect(run.code).toBe(1);
    const name = `${NAME_2021}（未通过检查）`;
    expect(outputsIn(out)).toEqual([`${name}.docx`, `${name}.html`, `${name}.json`]);
    const html = readFileSync(join(out, `${name}.html`), 'utf8');
    expect(html).toContain('<meta name="report-validation" content="failed">');
    expect(html).toContain('<p class="notice" role="alert">本文件由未通过检查的报告强制生成');
    expect(zipText(join(out, `${name}.docx`), 'word/document.xml')).toContain('本文件由未通过检查的报告强制生成');
  });

  it('writes one format to standard output with -o -, and refuses several', () => {
    const html = runCli(['build', fixture('example-2021.json'), '--to', 'html', '-o', '-']);
    expect(html.code).toBe(0);
    expect(html.stdout.startsWith('<!DOCTYPE html>')).toBe(true);
    // A usage error, printed with no id: which one is told by its English words.
    const two = runCli(['build', fixture('example-2021.json'), '--to', 'docx,html', '-o', '-', '--lang', 'en']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('-o - writes one format only');
    expect(runCli(['build', fixture('example-2021.json'), '--to', 'rtf']).code).toBe(2);
  });

  it('gives byte-identical DOCX, HTML and JSON on every run', () => {
    const again = join(dir, 'again');
    expect(runCli(['build', fixture('example-2021.xlsx'), '-o', again]).code).toBe(0);
    for (const ext of ['docx', 'html', 'json']) {
      expect(
        readFileSync(join(again, `${NAME_2021}.${ext}`)).equals(readFileSync(join(out2021, `${NAME_2021}.${ext}`))),
      ).toBe(true);
    }
  });

  it('never writes over its input', () => {
    const folder = join(dir, 'same');
    mkdirSync(folder);
    const input = join(folder, `${NAME_2021}.json`);
    copyFileSync(fixture('example-2021.json'), input);
    writeFileSync(input, readFileSync(input, 'utf8').replace('"year": 2025', '"year": 2025 '));
    const before = readFileSync(input);
    const run = runCli(['build', input, '-o', folder, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is the input file: not overwritten');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual([`${NAME_2021}.json`]);
  });

  it('says clearly when the input cannot be read', () => {
    const run = runCli(['build', join(dir, 'missing.xlsx'), '-o', dir, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`report: file not found: ${join(dir, 'missing.xlsx')}\n`);
  });
});
