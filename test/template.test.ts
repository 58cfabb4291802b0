// `report template` writes the official layout; a workbook filled through its defined names validates.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fillByNames, namedValues } from '../scripts/fill-workbook';
import { getEdition } from '../src/editions';
import { fieldsOf } from '../src/editions/fields';
import { readJsonFixture, runCli, scratch } from './helpers';

const REQUESTS = '三、收到和处理政府信息公开申请情况';

async function load(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
  return workbook;
}

describe('report template', () => {
  const dir = scratch();
  const blank = join(dir, '2025.xlsx');

  beforeAll(() => {
    const run = runCli(['template', '--edition', '2021', '--agency', '某市商务局', '--year', '2025', '-o', blank]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('已生成2021年版');
    expect(run.stdout).toContain(blank);
  });

  it('lays out one sheet per table and text section, after 填写说明, then 说明, with a very hidden marker', async () => {
    const workbook = await load(blank);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '填写说明',
      '一、总体情况',
      '二、主动公开政府信息情况',
      REQUESTS,
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
      '说明',
      '_report',
    ]);
    const marker = workbook.getWorksheet('_report');
    expect(marker?.state).toBe('veryHidden');
    expect([marker?.getCell('A1').value, marker?.getCell('B1').value]).toEqual(['report-template', '2021']);
    const instructions = workbook.getWorksheet('填写说明');
    expect(instructions?.getCell('B3').value).toBe('某市商务局');
    expect(instructions?.getCell('B4').value).toBe(2025);
    expect(instructions?.getCell('B5').value).toBe(getEdition('2021').name.zh);
  });

  it('merges the header of 三 as the official table and prints its labels', async () => {
    const sheet = (await load(blank)).getWorksheet(REQUESTS) as ExcelJS.Worksheet;
    const merges = (sheet.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4']));
    expect(sheet.getCell('A2').value).toBe(getEdition('2021').requests.balanceNote.zh);
    expect(sheet.getCell('D2').value).toBe('申请人情况');
    expect(sheet.getCell('E3').value).toBe('法人或其他组织');
    const texts = new Set<string>();
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.add(cell.value);
      });
    });
    for (const leaf of fieldsOf(getEdition('2021')).requestsLeaves) {
      for (const label of leaf.labels) expect(texts).toContain(label.zh);
    }
  });

  it('names every input cell by its model path; inputs are unlocked, shaded and validated, labels locked', async () => {
    const workbook = await load(blank);
    for (const field of fieldsOf(getEdition('2021')).numeric) {
      const [range] = workbook.definedNames.getRanges(field.path).ranges;
      expect(range).toBeDefined();
      const bang = (range as string).lastIndexOf('!');
      const sheet = workbook.getWorksheet((range as string).slice(0, bang).replace(/^'|'$/g, ''));
      const cell = sheet?.getCell((range as string).slice(bang + 1).replace(/\$/g, '')) as ExcelJS.Cell;
      expect(cell.protection?.locked).toBe(false);
      expect(cell.fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFF2CC' } });
      expect(cell.dataValidation).toMatchObject(
        field.kind === 'amount'
          ? { type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] }
          : { type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] },
      );
    }
    const sheet = workbook.getWorksheet(REQUESTS) as ExcelJS.Worksheet;
    expect(sheet.getCell('A5').value).toBe('一、本年新收政府信息公开申请数量');
    expect(sheet.getCell('A5').protection?.locked).not.toBe(false);
    // Protected without a password: no hash is stored.
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty('hashValue');
    expect(workbook.definedNames.getRanges('overview').ranges[0]).toMatch(/!\$A\$3:\$A\$62$/);
  });

  it('carries live checks: a formula beside each row of 三 and conditional formatting that turns it red', async () => {
    const sheet = (await load(blank)).getWorksheet(REQUESTS) as ExcelJS.Worksheet;
    expect(sheet.getCell('K5').value).toEqual({
      formula: 'IF(COUNT(D5:J5)=0,"",IF(J5=SUM(D5:I5),"✓",J5-SUM(D5:I5)))',
    });
    const rules = (sheet.model as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(rules.map((rule) => rule.ref)).toContain('K5');
  });

  it('reads back, filled through its defined names, with no diagnostics', async () => {
    const example = readJsonFixture('example-2021');
    const filled = join(dir, 'filled.xlsx');
    writeFileSync(filled, await fillByNames(readFileSync(blank), namedValues(example)));
    const run = runCli(['validate', filled]);
    expect(run.stdout).toContain('无错误');
    expect(run.code).toBe(0);
    const asJson = JSON.parse(runCli(['validate', filled, '--format', 'json']).stdout);
    expect(asJson.files[0]).toMatchObject({
      status: 'ok',
      edition: '2021',
      readAs: 'template',
      errors: 0,
      warnings: 0,
    });
  });

  it('names the cell, its label, the expected and the actual figure when one total is changed, in zh and en', async () => {
    const example = readJsonFixture('example-2021');
    const broken = join(dir, 'broken.xlsx');
    const values = { ...namedValues(example), 'requests.newReceived.total': 48 };
    writeFileSync(broken, await fillByNames(readFileSync(blank), values));
    const zh = runCli(['validate', broken]);
    expect(zh.code).toBe(1);
    expect(zh.stdout).toContain(
      `三 › 一、本年新收政府信息公开申请数量 › 总计（${REQUESTS}!J5）可能有误：为 47 时“一、本年新收政府信息公开申请数量”一行与“总计”一列的勾稽关系都成立，实际为 48`,
    );
    const en = runCli(['validate', broken, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stdout).toContain(
      `III › new requests this year › total (${REQUESTS}!J5) may be wrong: at 47, the row "new requests this year" and the balance of the column "total" would hold; it is 48`,
    );
    const json = JSON.parse(runCli(['validate', broken, '--format', 'json']).stdout);
    expect(json.files[0].diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: 'R301',
        severity: 'error',
        pointer: '/requests/newReceived/total',
        label: '三 › 一、本年新收政府信息公开申请数量 › 总计',
        sheet: REQUESTS,
        cell: 'J5',
        expected: 47,
        actual: 48,
      }),
    );
  });

  it('is read by its names wherever the rows have moved', async () => {
    const example = readJsonFixture('example-2021');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await fillByNames(readFileSync(blank), namedValues(example))) as unknown as ArrayBuffer);
    // Insert three rows above table 三; exceljs moves the defined names with them, as Excel and WPS do.
    const sheet = workbook.getWorksheet(REQUESTS) as ExcelJS.Worksheet;
    sheet.spliceRows(2, 0, ['插入的说明行'], [], []);
    expect(workbook.definedNames.getRanges('requests.newReceived.total').ranges).toEqual([`'${REQUESTS}'!$J$8`]);
    const moved = join(dir, 'moved.xlsx');
    writeFileSync(moved, Buffer.from(await workbook.xlsx.writeBuffer()));
    const json = JSON.parse(runCli(['validate', moved, '--format', 'json']).stdout);
    expect(json.files[0]).toMatchObject({ status: 'ok', errors: 0 });
    const broken = join(dir, 'moved-broken.xlsx');
    writeFileSync(broken, await fillByNames(readFileSync(moved), { 'requests.carriedForward.total': 5 }));
    const diagnostics = JSON.parse(runCli(['validate', broken, '--format', 'json']).stdout).files[0].diagnostics;
    expect(diagnostics).toContainEqual(
      expect.objectContaining({ ruleId: 'R301', cell: 'J32', actual: 5, expected: 4 }),
    );
  });

  it('chooses the 2019 edition for 2020 and writes its tables', async () => {
    const path = join(dir, '2020.xlsx');
    const run = runCli(['template', '--year', '2020', '-o', path, '--lang', 'en']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('2019 edition');
    const workbook = await load(path);
    expect(workbook.definedNames.getRanges('proactive.procurement.amount').ranges).toHaveLength(1);
    expect(workbook.definedNames.getRanges('requests.results.other.total').ranges).toHaveLength(1);
    expect(workbook.definedNames.getRanges('proactive.rules.issued').ranges).toHaveLength(0);
  });

  it('never overwrites an existing file without --force, and only writes .xlsx', () => {
    // A refusal on standard error with no id: checked in English words.
    const again = runCli(['template', '-o', blank, '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists and was not overwritten');
    expect(runCli(['template', '-o', blank, '--force']).code).toBe(0);
    const wrong = runCli(['template', '-o', join(dir, 'x.xls'), '--lang', 'en']);
    expect(wrong).toMatchObject({ code: 2 });
    expect(wrong.stderr).toContain('can only be written as .xlsx');
    expect(runCli(['template', '--edition', '2020', '-o', join(dir, 'y.xlsx')]).code).toBe(2);
  });

  it('writes the same bytes on every run', () => {
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    runCli(['template', '-o', first, '--agency', '某市商务局']);
    runCli(['template', '-o', second, '--agency', '某市商务局']);
    expect(readFileSync(first).equals(readFileSync(second))).toBe(true);
  });
});
