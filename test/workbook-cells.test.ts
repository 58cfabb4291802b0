// What a workbook's cells hold besides plain figures (issue 22): a date is no count, a formula's saved result is read
// with a note (the template's own live checks without one), and a hand-made sheet is read wherever its text stands,
// with a warning naming a sheet that holds more than is read. Real files, made with SheetJS.
import { readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { getEdition } from '../src/editions';
import { readBytes } from '../src/read/read-input.node';
import { MAX_GRID_CELLS, visibleSheetGrids } from '../src/read/workbook-reader';
import { writeTemplate } from '../src/template/write-template';
import { validateReport } from '../src/validate/validate-report';
import { fixture, readJsonFixture } from './helpers';

const REQUESTS = '三、收到和处理政府信息公开申请情况';
const PARSE: XLSX.ParsingOptions = { type: 'buffer', cellFormula: true, cellNF: true, cellStyles: true };
const template = () => XLSX.read(readFileSync(fixture('example-2021.xlsx')), PARSE);
/** The example workbook without its defined names and marker: a workbook laid out by hand, read by its labels. */
function handMade(): XLSX.WorkBook {
  const workbook = template();
  delete (workbook.Workbook as XLSX.WBProps).Names;
  const marker = workbook.SheetNames.indexOf('_report');
  workbook.SheetNames.splice(marker, 1);
  workbook.Workbook?.Sheets?.splice(marker, 1);
  delete workbook.Sheets._report;
  return workbook;
}
const sheetOf = (workbook: XLSX.WorkBook, name = REQUESTS) => workbook.Sheets[name] as XLSX.WorkSheet;
const bytes = (workbook: XLSX.WorkBook, bookType: XLSX.BookType = 'xlsx') =>
  XLSX.write(workbook, { type: 'buffer', bookType }) as Buffer;
const check = (workbook: XLSX.WorkBook, bookType: XLSX.BookType = 'xlsx', lang: 'zh' | 'en' = 'zh') => {
  // SheetJS's biff8 is an .xls file.
  const extension = bookType === 'biff8' ? '.xls' : `.${bookType}`;
  const report = readBytes(bytes(workbook, bookType), `book${extension}`, extension);
  return { report, diagnostics: validateReport(report, { lang }).diagnostics };
};
const brief = (d: Diagnostic) => `${d.severity} ${d.ruleId} ${d.messageId} ${d.pointer} ${d.cell ?? ''}`.trim();

describe('a cell formatted as a date is no count', () => {
  it('in our template: refused, saying it is a date', () => {
    const workbook = template();
    sheetOf(workbook).D5 = { t: 'n', v: 36530, z: 'yyyy-mm-dd' };
    const { report, diagnostics } = check(workbook);
    expect(diagnostics.map(brief)).toEqual(['error input dateCell /requests/newReceived/natural D5']);
    expect(diagnostics[0]?.message).toBe(
      `三 › 一、本年新收政府信息公开申请数量 › 自然人（${REQUESTS}!D5）是日期格式的单元格（显示为 2000-01-05），不是数量：请把单元格格式改为“常规”或“数值”，再填写数字`,
    );
    expect((report.model.requests as Record<string, Record<string, unknown>>).newReceived?.natural).toBeUndefined();
  });

  it.each(['xlsx', 'biff8', 'ods'] as const)(
    'laid out by hand (%s): refused as a date, never read as 36530',
    (bookType) => {
      const workbook = handMade();
      sheetOf(workbook).D5 = { t: 'n', v: 36530, z: 'yyyy-mm-dd' };
      const { report, diagnostics } = check(workbook, bookType, 'en');
      expect(report.readAs).toBe('labels');
      expect(diagnostics.map(brief)).toContain('error input dateCell /requests/newReceived/natural D5');
      expect(JSON.stringify(report.model)).not.toContain('36530');
      expect(diagnostics.find((d) => d.messageId === 'dateCell')?.message).toContain(
        'is a cell formatted as a date (it shows 2000-01-05), not a count',
      );
    },
  );

  it('a date-formatted cell shows its date in the grid (a 落款 date), a number format does not change a figure', () => {
    const workbook = handMade();
    sheetOf(workbook).D5 = { t: 'n', v: 36530, z: 'yyyy"年"m"月"d"日"' };
    sheetOf(workbook).E5 = { t: 'n', v: 1234, z: '#,##0' };
    const grid = visibleSheetGrids(XLSX.read(bytes(workbook), PARSE)).find((sheet) => sheet.name === REQUESTS);
    const row = grid?.rows.find((cells) => cells.some((cell) => cell.address === 'D5'));
    expect(row?.find((cell) => cell.address === 'D5')?.text).toBe('2000年1月5日');
    expect(row?.find((cell) => cell.address === 'E5')?.text).toBe('1234');
  });
});

describe("a formula's saved result", () => {
  it('in an input cell of our template: read, with a warning that it is a formula’s result', () => {
    const workbook = template();
    sheetOf(workbook).J5 = { t: 'n', v: 47, f: 'SUM(D5:I5)' };
    const { report, diagnostics } = check(workbook);
    expect(diagnostics.map(brief)).toEqual(['warning input formulaValue /requests/newReceived/total J5']);
    expect(diagnostics[0]?.message).toBe(
      `三 › 一、本年新收政府信息公开申请数量 › 总计（${REQUESTS}!J5）是公式 =SUM(D5:I5)，已按文件中保存的计算结果 47 读取：请确认结果是最新的，或直接填数字`,
    );
    expect((report.model.requests as Record<string, Record<string, unknown>>).newReceived?.total).toBe(47);
  });

  it('the template’s own live checks, saved with their results by Excel, never warn', () => {
    const workbook = template();
    let checks = 0;
    for (const sheet of Object.values(workbook.Sheets))
      for (const [address, cell] of Object.entries(sheet))
        if (!address.startsWith('!') && (cell as XLSX.CellObject).f) {
          Object.assign(cell, { t: 's', v: '✓' });
          checks++;
        }
    expect(checks).toBeGreaterThan(20);
    expect(check(workbook).diagnostics).toEqual([]);
  });

  it('laid out by hand: a total made by SUM is read with the same warning', () => {
    const workbook = handMade();
    const sheet = sheetOf(workbook);
    sheet.J5 = { t: 'n', v: 47, f: 'SUM(D5:I5)' };
    const { diagnostics } = check(workbook);
    expect(diagnostics.map(brief)).toEqual(['warning input formulaValue /requests/newReceived/total J5']);
  });
});

describe('a hand-made sheet is read wherever its text stands', () => {
  /** The requests sheet moved down by `rows` rows, as a long preamble would put it. */
  function movedDown(rows: number): XLSX.WorkBook {
    const workbook = handMade();
    const sheet = sheetOf(workbook);
    const moved: XLSX.WorkSheet = {};
    const range = XLSX.utils.decode_range(sheet['!ref'] as string);
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!')) continue;
      const { r, c } = XLSX.utils.decode_cell(address);
      moved[XLSX.utils.encode_cell({ r: r + rows, c })] = cell;
    }
    moved['!merges'] = (sheet['!merges'] ?? []).map(({ s, e }) => ({
      s: { r: s.r + rows, c: s.c },
      e: { r: e.r + rows, c: e.c },
    }));
    moved['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: range.e.r + rows, c: range.e.c } });
    workbook.Sheets[REQUESTS] = moved;
    return workbook;
  }

  it('a table below row 2,001 is read (it was silently cut off)', () => {
    const { report, diagnostics } = check(movedDown(5000));
    expect(diagnostics).toEqual([]);
    expect((report.model.requests as Record<string, Record<string, unknown>>).newReceived?.total).toBe(47);
    expect(report.sources.get('/requests/newReceived/total')).toEqual({ sheet: REQUESTS, cell: 'J5005' });
  });

  it('a sheet claiming a huge range for one cell far away costs only the rows that hold text', () => {
    // In memory: SheetJS itself would write every position of such a range.
    const workbook = XLSX.read(bytes(handMade()), PARSE);
    const sheet = sheetOf(workbook);
    sheet.XFD1048576 = { t: 'z' };
    sheet['!ref'] = 'A1:XFD1048576';
    const started = Date.now();
    const grid = visibleSheetGrids(workbook).find((each) => each.name === REQUESTS);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(grid?.rows.length).toBeLessThan(60);
    expect(grid?.rows[0]?.length).toBeLessThan(20);
  });

  it('a sheet with more text than the grid holds is read up to its bound, and named in a warning', () => {
    const workbook = handMade();
    const rows = Array.from({ length: MAX_GRID_CELLS / 10 + 10 }, (_, i) => [`申请 ${i}`, ...Array(9).fill(i)]);
    const list = XLSX.utils.aoa_to_sheet(rows);
    XLSX.utils.book_append_sheet(workbook, list, '申请登记');
    const { diagnostics } = check(workbook, 'xlsx', 'en');
    expect(diagnostics.map(brief)).toEqual(['warning input sheetClipped']);
    expect(diagnostics[0]?.message).toBe(
      `the sheet "申请登记" holds more than is read: only its first ${MAX_GRID_CELLS / 10} rows and 10 columns were read (at most ${MAX_GRID_CELLS} cells a sheet)`,
    );
  });
});

describe('a template workbook without its marker sheet (copied into another workbook)', () => {
  it.each(['2019', '2021'] as const)('is known as %s by the names only its edition has', async (id) => {
    const written = await writeTemplate(getEdition(id), { model: readJsonFixture(`example-${id}`) });
    const workbook = XLSX.read(written, PARSE);
    const marker = workbook.SheetNames.indexOf('_report');
    expect(marker).toBeGreaterThanOrEqual(0);
    workbook.SheetNames.splice(marker, 1);
    workbook.Workbook?.Sheets?.splice(marker, 1);
    delete workbook.Sheets._report;
    const { report, diagnostics } = check(workbook);
    expect(report.readAs).toBe('template');
    expect(report.model.edition).toBe(id);
    expect(report.model).toEqual(readBytes(written, 'marked.xlsx', '.xlsx').model);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
