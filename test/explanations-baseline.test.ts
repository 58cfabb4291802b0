// Issue 20, item 11: warnings a filer answers in the report (the template's 说明 sheet, `explanations` in the JSON),
// and a reviewer's decisions kept in a baseline file that validate and convert apply. Each survives a rerun; an
// explanation never silences an error; a decision follows its report when the file is moved or renamed.
/// <reference lib="dom" />
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import * as XLSX from 'xlsx';
import { fillByNames } from '../scripts/fill-workbook';
import { getEdition } from '../src/editions';
import { writeTemplate } from '../src/template/write-template';
import { readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const CHROMIUM = '/usr/bin/chromium';

const dir = scratch('report-explain-');
const REQUESTS = '三、收到和处理政府信息公开申请情况';
const EXPLANATIONS = '说明';
/** A word typed twice in 五: N007's warning at /problems/1. */
const typedTwice = '下一步，我局将加强资金资金监管，做好答复的审核工作。';

interface JsonDiagnostic {
  ruleId: string;
  messageId: string;
  severity: string;
  pointer: string;
  cell?: string;
  explanation?: string;
  decision?: { decision: string; note: string; by?: string };
}
interface JsonOutput {
  summary: { errors: number; warnings: number; explained: number; decided: number };
  files: { status: string; diagnostics: JsonDiagnostic[] }[];
}

function validateJson(args: string[]): { code: number; output: JsonOutput; stderr: string } {
  const run = runCli(['validate', ...args, '--format', 'json'], { cwd: dir });
  return { code: run.code, output: JSON.parse(run.stdout) as JsonOutput, stderr: run.stderr };
}

/** The example with N007's warning, and the given explanations. */
function reportWith(explanations?: unknown[], patch: (model: Record<string, unknown>) => void = () => undefined) {
  const model = readJsonFixture('example-2021');
  (model.problems as string[])[1] = typedTwice;
  if (explanations) model.explanations = explanations;
  patch(model);
  return model;
}

const write = (name: string, model: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(model, null, 2)}\n`);
  return path;
};

/** The example as a template workbook, a full-width digit typed in 三 (E5: input's warning), 说明 rows written. */
async function workbookWith(rows: [string, string, string][], handmade = false): Promise<Buffer> {
  const template = await writeTemplate(getEdition('2021'), { model: readJsonFixture('example-2021') });
  const filled = await fillByNames(template, { 'requests.newReceived.commercial': '５' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(filled as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('说明');
  if (!sheet) throw new Error('the template has no 说明 sheet');
  rows.forEach((row, index) => {
    row.forEach((text, column) => {
      sheet.getCell(4 + index, column + 1).value = text;
    });
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  if (!handmade) return bytes;
  // By hand: no defined names and no marker, so it is read by the labels, and 说明 by its name and headers.
  const book = XLSX.read(bytes);
  book.Workbook = { ...book.Workbook, Names: [] };
  const marker = book.SheetNames.indexOf('_report');
  book.SheetNames.splice(marker, 1);
  book.Workbook.Sheets?.splice(marker, 1);
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('explanations of warnings', () => {
  it('the template has a 说明 sheet: 规则 | 位置 | 说明 under a filling note, unlocked rows named explanations', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeTemplate(getEdition('2021'))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('说明');
    expect(sheet).toBeDefined();
    expect([1, 2, 3].map((column) => sheet?.getCell(3, column).value)).toEqual(['规则', '位置', '说明']);
    expect(String(sheet?.getCell(2, 1).value)).toContain('错误须改正');
    expect(sheet?.getCell(4, 3).protection?.locked).toBe(false);
    expect(sheet?.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1 });
    expect(workbook.definedNames.getRanges('explanations').ranges).toEqual(["'说明'!$A$4:$C$33"]);
  });

  it.each([
    ['made from the template', false],
    ['made by hand (read by its labels)', true],
  ])(
    'a workbook %s: the warning its 说明 names is explained, on a rerun and after another cell changes',
    async (_kind, handmade) => {
      const path = join(dir, handmade ? 'handmade.xlsx' : 'template.xlsx');
      writeFileSync(path, await workbookWith([['input', `${REQUESTS}!E5`, '系统导出的全角数字，已核对。']], handmade));
      for (let run = 1; run <= 2; run++) {
        const { code, output } = validateJson([path, '--max-warnings', '0']);
        expect(code).toBe(0);
        const warning = output.files[0]?.diagnostics.find((d) => d.messageId === 'fullWidthDigits');
        expect(warning).toMatchObject({ cell: 'E5', explanation: '系统导出的全角数字，已核对。' });
        expect(output.summary).toMatchObject({ errors: 0, warnings: 0, explained: 1 });
      }
      // An unrelated cell changed (一's first paragraph): the explanation still holds.
      const book = XLSX.read(readFileSync(path));
      const overview = book.Sheets['一、总体情况'] as XLSX.WorkSheet;
      overview.A3 = { t: 's', v: '本年度，本局按照要求推进政务公开工作。' };
      XLSX.writeFile(book, path);
      const after = validateJson([path, '--max-warnings', '0']);
      expect(after.code).toBe(0);
      expect(after.output.summary).toMatchObject({ warnings: 0, explained: 1 });
    },
  );

  it('JSON explanations: the text reporter marks the warning 已说明 with the filer’s words and counts it apart', () => {
    const path = write('explained.json', reportWith([{ rule: 'N007', at: '/problems/1', text: '照录文件标题。' }]));
    for (let run = 1; run <= 2; run++) {
      const text = runCli(['validate', path, '--max-warnings', '0'], { cwd: dir });
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('✓ 已说明');
      expect(text.stdout).toContain('说明：照录文件标题。');
      expect(text.stdout).toContain('0 个警告（已说明 1）');
    }
    // SARIF: a suppression in the source, the filer's words its justification.
    const sarif = JSON.parse(runCli(['validate', path, '--format', 'sarif'], { cwd: dir }).stdout);
    expect(sarif.runs[0].results[0].suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: '照录文件标题。' },
    ]);
    // build carries the explanations in its JSON; `template --from` does not carry them into next year.
    expect(runCli(['build', path, '--to', 'json', '-o', join(dir, 'built')], { cwd: dir }).code).toBe(0);
    const built = JSON.parse(readFileSync(join(dir, 'built', '某市商务局2025年政府信息公开工作年度报告.json'), 'utf8'));
    expect(built.explanations).toEqual([{ rule: 'N007', at: '/problems/1', text: '照录文件标题。' }]);
    const next = join(dir, 'next.xlsx');
    expect(runCli(['template', '--from', path, '-o', next], { cwd: dir }).code).toBe(0);
    const nextBook = XLSX.read(readFileSync(next));
    const nextExplanations = nextBook.Sheets[EXPLANATIONS];
    expect(nextExplanations).toBeDefined();
    expect(nextExplanations?.A4).toBeUndefined();
  });

  it('an explanation cannot silence an error; one that answers nothing is said, as a warning', () => {
    const path = write(
      'error.json',
      reportWith(
        [
          { rule: 'schema', at: '/requests/newReceived/natural', text: '系统导出如此。' },
          { rule: 'N007', at: '/problems/0', text: '写错了位置。' },
        ],
        (model) => {
          ((model.requests as Record<string, Record<string, number>>).newReceived as Record<string, number>).natural =
            -1;
        },
      ),
    );
    const { code, output } = validateJson([path]);
    expect(code).toBe(1);
    const diagnostics = output.files[0]?.diagnostics ?? [];
    expect(diagnostics.find((d) => d.messageId === 'negative')).toMatchObject({ severity: 'error' });
    expect(diagnostics.find((d) => d.messageId === 'negative')?.explanation).toBeUndefined();
    expect(diagnostics.filter((d) => d.ruleId === 'E001').map((d) => [d.messageId, d.pointer])).toEqual([
      ['explainsError', '/explanations/0'],
      ['unused', '/explanations/1'],
    ]);
    expect(output.summary.errors).toBe(1);
  });
});

describe('a reviewer’s baseline', () => {
  /** The convert run's folder, which the Chromium check opens. */
  const out = join(dir, 'out');

  it('--write-baseline, edited: the decision holds on a rerun, after the file is renamed, and goes stale when fixed', () => {
    const report = write('commerce.json', reportWith());
    const baseline = join(dir, 'baseline.json');
    const first = runCli(['validate', report, '--write-baseline', baseline], { cwd: dir });
    expect(first.code).toBe(0);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    expect(written.version).toBe(1);
    expect(written.decisions).toHaveLength(1);
    expect(written.decisions[0]).toMatchObject({
      rule: 'N007',
      messageId: 'repeatedWord',
      at: '/problems/1',
      report: '某市商务局 · 2025',
      decision: 'accepted',
      note: '',
    });
    expect(written.decisions[0].fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // The reviewer decides.
    written.decisions[0].decision = 'falsePositive';
    written.decisions[0].note = '“资金资金”出自文件标题。';
    written.decisions[0].by = '李四';
    writeFileSync(baseline, JSON.stringify(written, null, 2));
    const check = (path: string) => validateJson([path, '--baseline', baseline, '--max-warnings', '0', '--lang', 'en']);
    for (const path of [report, report]) {
      const { code, output, stderr } = check(path);
      expect(code).toBe(0);
      expect(output.files[0]?.diagnostics[0]?.decision).toEqual({
        decision: 'falsePositive',
        note: '“资金资金”出自文件标题。',
        by: '李四',
      });
      expect(output.summary).toMatchObject({ warnings: 0, decided: 1 });
      expect(stderr).toContain('1 decisions applied, 0 stale');
    }
    // Moved and renamed: the report is keyed by its agency and year, not its path.
    const moved = join(dir, 'renamed-2025.json');
    renameSync(report, moved);
    expect(check(moved).output.summary).toMatchObject({ warnings: 0, decided: 1 });
    // Rewritten, the baseline keeps the reviewer's decision.
    expect(runCli(['validate', moved, '--baseline', baseline, '--write-baseline', join(dir, 'b2.json')]).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'b2.json'), 'utf8')).decisions[0]).toMatchObject({
      decision: 'falsePositive',
      by: '李四',
    });
    // The word corrected: the decision matches nothing, and the tally says it is stale.
    write('renamed-2025.json', readJsonFixture('example-2021'));
    const fixed = check(moved);
    expect(fixed.output.summary).toMatchObject({ warnings: 0, decided: 0 });
    expect(fixed.stderr).toContain('0 decisions applied, 1 stale');
    expect(fixed.stderr).toContain('N007 /problems/1');
  });

  it('the config’s baseline, relative to the config’s folder, is applied as --baseline is', () => {
    const report = write('configured.json', reportWith());
    const folder = join(dir, 'settings');
    mkdirSync(join(folder, 'review'), { recursive: true });
    const baseline = join(folder, 'review', 'baseline.json');
    expect(runCli(['validate', report, '--write-baseline', baseline], { cwd: dir }).code).toBe(0);
    writeFileSync(join(folder, 'report.config.json'), JSON.stringify({ baseline: 'review/baseline.json' }));
    const { code, output } = validateJson([
      report,
      '--config',
      join(folder, 'report.config.json'),
      '--max-warnings',
      '0',
    ]);
    expect(code).toBe(0);
    expect(output.summary).toMatchObject({ warnings: 0, decided: 1 });
  });

  it('a baseline is never written over an input, and a wrong one is a usage error (exit 2)', () => {
    const report = write('input.json', reportWith());
    expect(runCli(['validate', report, '--write-baseline', report], { cwd: dir }).code).toBe(2);
    expect(JSON.parse(readFileSync(report, 'utf8')).agency).toBe('某市商务局');
    const bad = join(dir, 'bad-baseline.json');
    writeFileSync(bad, JSON.stringify({ version: 1, decisions: [{ fingerprint: 'x', decision: 'maybe' }] }));
    const run = runCli(['validate', report, '--baseline', bad, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('decisions[0].fingerprint');
    expect(run.stderr).not.toMatch(/at \w+ \(/);
  });

  it('convert applies it: summary.json and the dashboard carry each decision, a decided report needs no look', () => {
    // An invalid report (a row's total off, an error) and one with N007's warning.
    const invalid = reportWith(undefined, (model) => {
      (model.problems as string[])[1] = '下一步，我局将加强监管。';
      ((model.requests as Record<string, Record<string, number>>).newReceived as Record<string, number>).total = 48;
    });
    invalid.agency = '某县政府';
    const inputs = [write('county.json', invalid), write('commerce-batch.json', reportWith())];
    const baseline = join(dir, 'convert-baseline.json');
    expect(runCli(['validate', ...inputs, '--write-baseline', baseline], { cwd: dir }).code).toBe(1);
    const written = JSON.parse(readFileSync(baseline, 'utf8'));
    for (const entry of written.decisions) entry.note = '已核对原件，照录。';
    writeFileSync(baseline, JSON.stringify(written));
    const converted = runCli(['convert', ...inputs, '-o', out, '--to', 'json', '--baseline', baseline], { cwd: dir });
    expect(converted.code).toBe(0);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(summary.totals).toMatchObject({ errors: 0, warnings: 0, decided: written.decisions.length });
    expect(summary.baseline).toMatchObject({ applied: written.decisions.length, stale: 0 });
    for (const input of summary.inputs)
      for (const diagnostic of input.diagnostics)
        expect(diagnostic.decision).toEqual({ decision: 'accepted', note: '已核对原件，照录。' });
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<select data-key="handling">');
    const bodies = [...page.matchAll(/<tbody class="report[^"]*" ([^>]*)>/g)].map((match) => match[1] as string);
    expect(bodies).toHaveLength(2);
    for (const attributes of bodies) {
      expect(attributes).toContain('data-handling="decided"');
      expect(attributes).toContain('data-look="0"');
    }
    expect(page).toContain('<li class="error decided">');
    expect(page).toContain('已决定：已接受');
    // The county's file renamed: its decision follows it.
    renameSync(join(dir, 'county.json'), join(dir, 'county-renamed.json'));
    const again = runCli(
      [
        'convert',
        join(dir, 'county-renamed.json'),
        inputs[1] as string,
        '-o',
        out,
        '--to',
        'json',
        '--baseline',
        baseline,
      ],
      { cwd: dir },
    );
    expect(again.code).toBe(0);
    const rerun = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
    expect(rerun.totals).toMatchObject({ errors: 0, decided: written.decisions.length });
    // Without the baseline the same batch fails on the county's error, and it needs a look.
    const plain = runCli(['convert', join(dir, 'county-renamed.json'), '-o', join(dir, 'plain'), '--to', 'json']);
    expect(plain.code).toBe(1);
    expect(readFileSync(join(dir, 'plain', 'index.html'), 'utf8')).toContain('data-look="1"');
  });

  const describeWithChromium = toolAvailable(CHROMIUM, 'the dashboard’s 处理情况 filter in Chromium')
    ? describe
    : describe.skip;
  describeWithChromium('the dashboard in headless Chromium', () => {
    let browser: Browser | undefined;
    afterAll(async () => browser?.close());

    it('filters the reports by 处理情况: open, explained, decided findings', async () => {
      // A third report, not in the baseline: an open error and a warning its filer explained.
      const district = reportWith([{ rule: 'N007', at: '五', text: '照录文件标题。' }], (model) => {
        ((model.requests as Record<string, Record<string, number>>).newReceived as Record<string, number>).total = 48;
      });
      district.agency = '某区政府';
      const inputs = [
        join(dir, 'county-renamed.json'),
        join(dir, 'commerce-batch.json'),
        write('district.json', district),
      ];
      const baseline = join(dir, 'convert-baseline.json');
      const run = runCli(['convert', ...inputs, '-o', out, '--to', 'json', '--baseline', baseline], { cwd: dir });
      expect(run.code).toBe(1);
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      const shown = () =>
        page.$$eval('#reports tbody:not([hidden])', (bodies) => bodies.map((b) => (b as HTMLElement).dataset.agency));
      // It opens on what needs a look: the district's open error only; the decided reports need none.
      expect(await shown()).toEqual(['某区政府']);
      await page.selectOption('select[data-key="look"]', '');
      expect((await shown()).sort()).toEqual(['某县政府', '某区政府', '某市商务局'].sort());
      await page.selectOption('select[data-key="handling"]', 'decided');
      expect((await shown()).sort()).toEqual(['某县政府', '某市商务局'].sort());
      await page.selectOption('select[data-key="handling"]', 'explained');
      expect(await shown()).toEqual(['某区政府']);
      await page.selectOption('select[data-key="handling"]', 'open');
      expect(await shown()).toEqual(['某区政府']);
      // A decided report expanded: the decision and the reviewer's note beside its finding.
      await page.selectOption('select[data-key="handling"]', 'decided');
      await page.click('#reports tbody:not([hidden]) button.expand');
      const aside = await page.textContent('#reports tbody:not([hidden]) li.decided .aside');
      expect(aside).toContain('已决定：已接受');
      expect(aside).toContain('已核对原件，照录。');
      expect(problems).toEqual([]);
    });
  });
});
