// Workbooks laid out like the official tables by hand (not from our template): read by their labels, in every format.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getEdition } from '../src/editions';
import { fieldsOf } from '../src/editions/fields';
import { convertWithOffice, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

// The example report as nested records, looked up by key as the layout is written.
// biome-ignore lint/suspicious/noExplicitAny: a JSON fixture walked by keys taken from the edition definition.
const example = readJsonFixture('example-2021') as Record<string, any>;
const dir = scratch('report-handmade-');
const path = join(dir, 'handmade.xlsx');

/** How people type the labels: half-width brackets, 1、, spaces inside, Traditional characters. */
const variant = (label: string) =>
  label
    .replace('（一）', '(一)')
    .replace('（二）', '(二)')
    .replace(/^(\d)\./, '$1、')
    .replace('商业企业', '商业 企业')
    .replace('属于国家秘密', '屬於國家秘密')
    .replace('总计', '總計');

async function handmadeWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const main = workbook.addWorksheet('年报');
  main.addRow(['某市商务局2025年政府信息公开工作年度报告']);
  main.addRow(['一、总体情况']);
  for (const paragraph of example.overview) main.addRow([paragraph]);
  main.addRow([]);
  main.addRow(['二、主动公开政府信息情况']);
  const edition = getEdition('2021');
  for (const group of edition.proactive) {
    main.addRow([group.item.zh.replace('（', '(').replace('）', ')')]);
    main.addRow(['信息内容', ...group.columns.map((c) => c.label.zh)]);
    for (const row of group.rows)
      main.addRow([row.label.zh, ...group.columns.map((c) => example.proactive[row.key][c.key])]);
    // A provincial extra row the format does not have.
    if (group.item.zh.includes('（一）')) main.addRow(['其他主动公开文件', 5, 0, 5]);
    main.addRow([]);
  }
  main.addRow(['三、收到和处理政府信息公开申请情况']);
  const columns = edition.requests.columns;
  // An extra 序号 column before the labels and a 备注 column after the figures.
  const header1 = main.addRow([
    '序号',
    edition.requests.balanceNote.zh,
    '',
    '',
    '申请人情况',
    '',
    '',
    '',
    '',
    '',
    '',
    '备注',
  ]);
  const header2 = main.addRow(['', '', '', '', '自然人', '法人或其他组织', '', '', '', '', variant('总计')]);
  const header3 = main.addRow(['', '', '', '', '', ...columns.slice(1, -1).map((c) => variant(c.label.zh))]);
  main.mergeCells(header1.number, 2, header3.number, 4);
  main.mergeCells(header1.number, 5, header1.number, 11);
  main.mergeCells(header2.number, 6, header2.number, 10);
  main.mergeCells(header2.number, 5, header3.number, 5);
  main.mergeCells(header2.number, 11, header3.number, 11);
  let serial = 1;
  const leaves = fieldsOf(edition).requestsLeaves;
  const groupStart = new Map<string, number>();
  for (const leaf of leaves) {
    const values = columns.map((c) => leaf.keys.reduce((node, key) => node[key], example.requests)[c.key]);
    const labels = leaf.labels.map((l) => variant(l.zh));
    const cells = labels.length === 1 ? [labels[0], '', ''] : labels.length === 2 ? [labels[0], labels[1], ''] : labels;
    const row = main.addRow([serial++, ...cells, ...values, '']);
    for (let depth = 0; depth < labels.length - 1; depth++) {
      const key = leaf.keys.slice(0, depth + 1).join('.');
      if (!groupStart.has(key)) groupStart.set(key, row.number);
    }
    if (labels.length === 1) main.mergeCells(row.number, 2, row.number, 4);
    if (labels.length === 2) main.mergeCells(row.number, 3, row.number, 4);
    if (leaf.pointer.endsWith('/granted')) main.addRow(['', '', '其中：网上申请', '', 30, 2, 0, 1, 1, 0, 34]);
  }
  // Group labels merged down their rows, as the official table prints them.
  for (const [key, start] of groupStart) {
    const members = leaves.filter((leaf) => leaf.keys.join('.').startsWith(`${key}.`));
    const depth = key.split('.').length;
    const end = start + members.length - 1 + (key === 'results' ? 1 : 0);
    for (let r = start + 1; r <= end; r++) main.getCell(r, depth + 1).value = null;
    main.getCell(start, depth + 1).value = variant(members[0]?.labels[depth - 1]?.zh ?? '');
    main.mergeCells(start, depth + 1, end, depth + 1);
  }

  const rest = workbook.addWorksheet('复议诉讼及其他');
  rest.addRow(['四、政府信息公开行政复议、行政诉讼情况']);
  rest.addRow(['行政复议', '', '', '', '', '行政诉讼']);
  rest.addRow(['', '', '', '', '', '未经复议直接起诉', '', '', '', '', '复议后起诉']);
  const outcomes = edition.appeals.outcomes.map((o) => o.label.zh);
  rest.addRow([...outcomes, ...outcomes, ...outcomes]);
  rest.addRow(
    edition.appeals.groups.flatMap((g) => edition.appeals.outcomes.map((o) => example.appeals[g.key][o.key])),
  );
  rest.mergeCells(2, 1, 3, 5);
  rest.mergeCells(2, 6, 2, 15);
  rest.mergeCells(3, 6, 3, 10);
  rest.mergeCells(3, 11, 3, 15);
  rest.addRow([]);
  rest.addRow(['五、存在的主要问题及改进情况']);
  for (const paragraph of example.problems) rest.addRow([paragraph]);
  rest.addRow(['六、其他需要报告的事项']);
  for (const paragraph of example.otherMatters) rest.addRow([paragraph]);
  await workbook.xlsx.writeFile(path);
}

function check(input: string, format: string) {
  const run = runCli(['import', input, '-o', '-']);
  expect(run.code).toBe(0);
  const model = JSON.parse(run.stdout);
  expect(model).toEqual(example);
  expect(run.stderr).toContain(`（2021年版，按官方表格的栏目读取）`);
  const file = JSON.parse(runCli(['validate', input, '--format', 'json']).stdout).files[0];
  expect(file).toMatchObject({ format, readAs: 'labels', edition: '2021' });
  // Every label that fits nowhere is named, with its cell.
  const unplaced = (text: string, column: string) =>
    expect(file.diagnostics).toContainEqual(
      expect.objectContaining({
        ruleId: 'input',
        messageId: 'unplacedLabel',
        params: { text, edition: '2021' },
        sheet: '年报',
        cell: expect.stringMatching(new RegExp(`^${column}\\d+$`)),
      }),
    );
  unplaced('其他主动公开文件', 'A');
  unplaced('其中：网上申请', 'C');
  unplaced('备注', 'L');
}

describe('a hand-made workbook in the official layout', () => {
  beforeAll(handmadeWorkbook);

  it('reads as .xlsx: sections, tables on two sheets, label variants, extra rows and columns', () => {
    check(path, 'xlsx');
  });

  const hasOffice = toolAvailable('soffice', 'saving a hand-made workbook as .xls and .ods with LibreOffice');
  (hasOffice ? it : it.skip)('reads the same workbook saved as .xls, .ods (LibreOffice) and .et (WPS’s BIFF)', () => {
    for (const format of ['xls', 'ods']) {
      convertWithOffice(dir, format, [path]);
      check(join(dir, `handmade.${format}`), format);
    }
    copyFileSync(join(dir, 'handmade.xls'), join(dir, 'handmade.et'));
    check(join(dir, 'handmade.et'), 'et');
    expect(readFileSync(join(dir, 'handmade.et')).subarray(0, 4).toString('hex')).toBe('d0cf11e0');
  });
});
