// The template in a real spreadsheet program: LibreOffice opens it, recalculates its live checks, and saves it as
// .xls and .ods, which `report validate` reads by the same defined names.
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as XLSX from 'xlsx';
import { fillByNames, namedValues } from '../scripts/fill-workbook';
import { parseWorkbook } from '../src/read/workbook-reader';
import { convertWithOffice, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const REQUESTS = '三、收到和处理政府信息公开申请情况';
const hasOffice = toolAvailable('soffice', 'opening the template in LibreOffice and saving it as .xls/.ods/.pdf');
const hasPdftotext = toolAvailable('pdftotext', 'reading the text of the PDF that LibreOffice prints');
const describeWithOffice = hasOffice ? describe : describe.skip;

describeWithOffice('the template in LibreOffice', () => {
  const dir = scratch('report-office-');
  const filled = join(dir, 'filled.xlsx');
  const broken = join(dir, 'broken.xlsx');

  beforeAll(async () => {
    const blank = join(dir, 'blank.xlsx');
    expect(runCli(['template', '--agency', '某市商务局', '--year', '2025', '-o', blank]).code).toBe(0);
    const values = namedValues(readJsonFixture('example-2021'));
    writeFileSync(filled, await fillByNames(readFileSync(blank), values));
    writeFileSync(broken, await fillByNames(readFileSync(blank), { ...values, 'requests.newReceived.total': 48 }));
    convertWithOffice(dir, 'xls', [filled, broken]);
    convertWithOffice(dir, 'ods', [filled, broken]);
    convertWithOffice(dir, 'pdf', [blank]);
  }, 300_000);

  it.each(['xls', 'ods'])('a filled template saved as .%s validates clean', (format) => {
    const run = runCli(['validate', join(dir, `filled.${format}`), '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({
      status: 'ok',
      format,
      readAs: 'template',
      errors: 0,
      warnings: 0,
    });
  });

  it.each(['xls', 'ods'])('a broken total saved as .%s is found at its cell', (format) => {
    const run = runCli(['validate', join(dir, `broken.${format}`)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`（${REQUESTS}!J5）可能有误：为 47 时`);
  });

  it('a WPS .et workbook (the BIFF format of .xls) is read by its content', () => {
    const et = join(dir, 'filled.et');
    copyFileSync(join(dir, 'filled.xls'), et);
    const run = runCli(['validate', et, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).files[0]).toMatchObject({ status: 'ok', format: 'et', readAs: 'template' });
  });

  it('recalculates the live checks: ✓ on good rows, the difference on the broken one', () => {
    const workbook = parseWorkbook(readFileSync(join(dir, 'broken.ods')), 'broken.ods');
    const sheet = workbook.Sheets[REQUESTS] as XLSX.WorkSheet;
    expect(sheet.K5?.v).toBe(1);
    expect(sheet.K6?.v).toBe('✓');
    const good = parseWorkbook(readFileSync(join(dir, 'filled.ods')), 'filled.ods').Sheets[REQUESTS] as XLSX.WorkSheet;
    const checks = Object.entries(good).filter(([address]) => /^K\d+$/.test(address) && Number(address.slice(1)) >= 5);
    expect(checks.length).toBe(25);
    for (const [, cell] of checks) expect((cell as XLSX.CellObject).v).toBe('✓');
  });

  (hasPdftotext ? it : it.skip)('prints the official labels when LibreOffice renders the blank template to PDF', () => {
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'blank.pdf'), '-'], { encoding: 'utf8' }).stdout;
    for (const label of [
      '填写说明',
      '某市商务局',
      '申请人情况',
      '一、本年新收政府信息公开申请数量',
      '结果维持',
      '第二十条第（一）项',
    ]) {
      expect(text).toContain(label);
    }
  });
});
