// Writes the fillable workbook of an edition (the only exceljs import): official layout, names = model paths, live checks.
import ExcelJS from 'exceljs';
import { metaLabels, textSections } from '../editions/fields';
import { type FigureCell, type GridRow, type HeaderCell, modelPath, tableGrids } from '../editions/table-grid';
import type { Edition, TextSectionKey, ValueKind } from '../editions/types';
import { numberAt, valueAt } from '../model/pointer';
import {
  explanationsHeaders,
  explanationsName,
  explanationsSheet,
  fillingHint,
  markerSheet,
  markerTag,
  officialPlaceholders,
  templateVersion,
} from '../model/workbook-marker';
import { pinZipTimestamps } from '../render/pin-zip-timestamps';
import { textEm } from '../render/text-width';
import { ruleApplies } from '../validate/rule';
import { processingFeeStated } from '../validate/rules/processing-fee-stated';

export interface TemplateOptions {
  agency?: string;
  year?: number;
  /** A report to fill the template with (e.g. an imported prior year, or what `--from` carries into the next). */
  model?: Record<string, unknown>;
  /** Extra lines for the 填写说明 sheet (e.g. last year's baselines that `--from` brings). */
  notes?: readonly string[];
}

const FONT = '宋体';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const OK = '✓';
/** Pinned so the same input gives the same bytes (exceljs stamps the clock into docProps otherwise). */
const FIXED_DATE = new Date(Date.UTC(2021, 8, 26));
/** The text column of 一, 五, 六: A4 portrait between 0.5-inch margins, about 40 characters of 11-pt 宋体 a line. */
const TEXT_COLUMN_WIDTH = 72;
const TEXT_CHARACTERS_PER_LINE = 30;
const TEXT_LINE_POINTS = 15;
const TEXT_ROWS: Readonly<Record<TextSectionKey, number>> = { overview: 60, problems: 30, otherMatters: 20 };
/** Each printed page's footer: the sheet's name and its page (codes &A, &P). */
const PAGE_FOOTER = '&C&A　第 &P 页';
/**
 * The columns of 三 (in characters of the default font): 三、本年度办理结果 in short lines down its 22 rows, the
 * group labels in two lines, the fifteen reasons (1.属于国家秘密) on one line each, the figures and the check.
 * Together they fit a landscape A4 page at full size, so the sheet prints at its 10 pt, not shrunk to about 7.
 */
const REQUESTS_WIDTHS = [7, 10, 28, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 6.5, 8];
/** 二 in portrait: 其他对外管理服务事项 on one line, each figure's header (本年新制作数量) over it. */
const PROACTIVE_LABEL_WIDTH = 20;
const PROACTIVE_FIGURE_WIDTH = 17;
/** Each of 四's fifteen columns: 结果维持 in two lines over a figure. */
const APPEALS_WIDTH = 7;
/** 填写说明: the names of its fields, and its lines. */
const INSTRUCTIONS_WIDTHS = [12, 60];
/**
 * 说明: 规则 (N007), 位置 (a sheet!cell or pointer as validate prints it), 说明; together as wide as a text sheet's
 * column, so the sheet prints at full size on portrait A4.
 */
const EXPLANATIONS_WIDTHS = [10, 24, 38];
/** Rows for explanations in a blank template: a report has a handful; rows can be inserted. */
const EXPLANATION_ROWS = 30;
/*
 * Widths are in characters of the workbook's default font (Calibri 11: 7 px a character, 5 px of padding). A program
 * that sets it in a wider face (LibreOffice without Calibri: about 9.7 px) draws every column wider: the widths above
 * keep each sheet within its page's width there too, so nothing is shrunk to fit. Row heights are counted for the
 * narrowest drawing (Calibri's), so wrapped labels are never cut off.
 */
/** The columns a sheet can have (XFD): a page break runs over them all. */
const MAX_COLUMNS = 16384;
const PIXELS_PER_CHARACTER = 7;
const COLUMN_PADDING_PIXELS = 5;

/** The height in points of a row whose `text` of `size`-point characters wraps in a cell `width` characters wide. */
function wrappedHeight(text: string, width: number, size = 10): number {
  const characterPixels = (size * 4) / 3;
  const perLine = Math.max(1, Math.floor((width * PIXELS_PER_CHARACTER + COLUMN_PADDING_PIXELS - 6) / characterPixels));
  const lines = Math.ceil(textEm(text) / perLine);
  return lines > 1 ? lines * (size + 3) + 3 : 15;
}

const quoteSheet = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const col = (index: number) => {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};
const lowest = (indexes: readonly number[]) => indexes.reduce((min, index) => Math.min(min, index));
const highest = (indexes: readonly number[]) => indexes.reduce((max, index) => Math.max(max, index));
/** The range over cells that stand side by side (a total's parts), from the first of `indexes` to the last. */
const span = (indexes: readonly number[], address: (index: number) => string) =>
  `${address(lowest(indexes))}:${address(highest(indexes))}`;

export async function writeTemplate(edition: Edition, options: TemplateOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'report';
  workbook.lastModifiedBy = 'report';
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.calcProperties.fullCalcOnLoad = true;
  const writer = new TemplateWriter(workbook, edition, options);
  await writer.write();
  return pinZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

class TemplateWriter {
  constructor(
    private readonly workbook: ExcelJS.Workbook,
    private readonly edition: Edition,
    private readonly options: TemplateOptions,
  ) {}

  async write(): Promise<void> {
    const sheets: ExcelJS.Worksheet[] = [];
    sheets.push(this.instructionsSheet());
    sheets.push(this.textSheet('overview'));
    sheets.push(this.proactiveSheet());
    sheets.push(this.requestsSheet());
    sheets.push(this.appealsSheet());
    sheets.push(this.textSheet('problems'));
    sheets.push(this.textSheet('otherMatters'));
    sheets.push(this.explanationsSheet());
    this.markerSheet();
    for (const sheet of sheets) {
      const isText =
        sheet.name === explanationsSheet ||
        (textSections as readonly string[]).some(
          (key) => this.edition.sections[key as TextSectionKey].sheet === sheet.name,
        );
      // No password: protection only keeps labels from being overwritten by accident.
      await sheet.protect('', {
        selectLockedCells: true,
        selectUnlockedCells: true,
        formatColumns: true,
        formatRows: true,
        insertRows: isText,
        deleteRows: isText,
      });
    }
  }

  private name(sheet: ExcelJS.Worksheet, address: string, name: string): void {
    this.workbook.definedNames.add(`${quoteSheet(sheet.name)}!${address}`, name);
  }

  /**
   * A sheet printed on A4 as wide as its columns (fitted to the page's width, never to its height), its title row
   * repeated on every printed page and each page numbered in the footer.
   */
  private sheet(name: string, widths: number[], landscape = false): ExcelJS.Worksheet {
    const sheet = this.workbook.addWorksheet(name, {
      pageSetup: {
        paperSize: 9,
        orientation: landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
        printTitlesRow: '1:1',
        // Each sheet counts its pages from 1, as its footer names it.
        firstPageNumber: 1,
      },
      headerFooter: { oddFooter: PAGE_FOOTER, evenFooter: PAGE_FOOTER },
    });
    widths.forEach((width, index) => {
      sheet.getColumn(index + 1).width = width;
    });
    return sheet;
  }

  private title(sheet: ExcelJS.Worksheet, text: string, lastColumn: number): void {
    sheet.mergeCells(1, 1, 1, lastColumn);
    const cell = sheet.getCell(1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 14, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(1).height = 28;
  }

  /** A locked label or header cell, optionally merged over a block. */
  private label(
    sheet: ExcelJS.Worksheet,
    text: string,
    top: number,
    left: number,
    bottom = top,
    right = left,
    style: { header?: boolean; align?: 'left' | 'center'; top?: boolean } = {},
  ): void {
    if (bottom !== top || right !== left) sheet.mergeCells(top, left, bottom, right);
    const cell = sheet.getCell(top, left);
    cell.value = text;
    cell.font = { name: FONT, size: 10, bold: style.header ?? false };
    cell.alignment = { horizontal: style.align ?? 'center', vertical: style.top ? 'top' : 'middle', wrapText: true };
    if (style.header) cell.fill = HEADER_FILL;
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) sheet.getCell(r, c).border = THIN;
  }

  /** An unlocked, shaded, validated number cell named after its model path. */
  private input(
    sheet: ExcelJS.Worksheet,
    row: number,
    column: number,
    pointer: string,
    kind: ValueKind,
    span = 1,
  ): void {
    if (span > 1) sheet.mergeCells(row, column, row, column + span - 1);
    const cell = sheet.getCell(row, column);
    for (let c = column; c < column + span; c++) sheet.getCell(row, c).border = THIN;
    cell.fill = INPUT_FILL;
    cell.protection = { locked: false };
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { horizontal: 'right', vertical: 'middle' };
    cell.numFmt = kind === 'amount' ? '0.00##' : '0';
    cell.dataValidation = validationFor(kind);
    const value = this.options.model ? valueAt(this.options.model, pointer) : undefined;
    if (typeof value === 'number') cell.value = value;
    this.name(sheet, `$${col(column)}$${row}`, modelPath(pointer));
  }

  /**
   * A live check over the input cells `inputs`: blank until a figure is typed there (a blank template promises
   * nothing), then ✓ when the formula's difference is zero and the difference otherwise, red when broken.
   */
  private check(
    sheet: ExcelJS.Worksheet,
    row: number,
    column: number,
    inputs: string,
    condition: string,
    difference: string,
  ): void {
    const cell = sheet.getCell(row, column);
    cell.value = { formula: `IF(COUNT(${inputs})=0,"",IF(${condition},"${OK}",${difference}))` };
    cell.font = { name: FONT, size: 10, color: { argb: 'FF006100' } };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = THIN;
    const address = `${col(column)}${row}`;
    sheet.addConditionalFormatting({
      ref: address,
      rules: [
        {
          type: 'expression',
          priority: 1,
          formulae: [`AND(${address}<>"",${address}<>"${OK}")`],
          style: { fill: ERROR_FILL, font: { color: { argb: 'FF9C0006' }, bold: true } },
        },
      ],
    });
  }

  private instructionsSheet(): ExcelJS.Worksheet {
    const edition = this.edition;
    const sheet = this.sheet('填写说明', INSTRUCTIONS_WIDTHS);
    this.title(sheet, '政府信息公开工作年度报告 · 填报模板', 2);
    const meta: [keyof typeof metaLabels, string | number | undefined][] = [
      ['agency', this.options.agency ?? stringAt(this.options.model, '/agency')],
      ['year', this.options.year ?? numberAt(this.options.model, '/year')],
    ];
    meta.forEach(([key, value], index) => {
      const row = 3 + index;
      this.label(sheet, metaLabels[key].zh, row, 1, row, 1, { header: true });
      const cell = sheet.getCell(row, 2);
      cell.border = THIN;
      cell.fill = INPUT_FILL;
      cell.protection = { locked: false };
      cell.font = { name: FONT, size: 11 };
      if (value !== undefined) cell.value = value;
      if (key === 'year') {
        cell.numFmt = '0';
        cell.dataValidation = {
          type: 'whole',
          operator: 'between',
          allowBlank: true,
          formulae: [2008, 2100],
          showErrorMessage: true,
          errorTitle: '报告年度',
          error: '请填写四位数的年份，如 2025。',
        };
      }
      this.name(sheet, `$B$${row}`, key);
    });
    this.label(sheet, metaLabels.edition.zh, 5, 1, 5, 1, { header: true });
    this.label(sheet, edition.name.zh, 5, 2, 5, 2, { align: 'left' });

    const amountNote = edition.fillingNote;
    const lines = [
      '只在浅黄色单元格中填写，其余单元格已锁定（工作表保护没有密码，需要时可在“审阅”中撤销）。',
      '所有数量填写非负整数；没有的填 0，不要留空，也不要写“—”“/”“无”。',
      amountNote,
      '三、四表格中的“核对”单元格实时检查勾稽关系：显示 ✓ 表示无误，否则显示差额并标红。',
      '一、五、六为文字部分：每段写在一行（一个单元格），小标题也单独占一行；行不够时可插入行。',
      '“核对”单元格只查表内的加减关系；一中的数字与表格是否一致、上年结转是否相符等，要用 report 工具检查。填好后保存，把本文件交给负责年度报告的同事（一般是政务公开工作机构）检查，再由其生成签发用的 Word 文档和网站用的网页。',
      '请勿修改工作表名称；每个输入格都有与数据字段同名的“定义名称”，其他程序可以据此读写。',
      ...(this.options.notes ?? []),
    ];
    this.label(sheet, '填写说明', 7, 1, 7, 2, { header: true, align: 'left' });
    lines.forEach((line, index) => {
      const cell = sheet.getCell(8 + index, 1);
      sheet.mergeCells(8 + index, 1, 8 + index, 2);
      cell.value = `${index + 1}. ${line}`;
      cell.font = { name: FONT, size: 10 };
      cell.alignment = { wrapText: true, vertical: 'top' };
      sheet.getRow(8 + index).height =
        wrappedHeight(
          cell.value,
          INSTRUCTIONS_WIDTHS.reduce((a, b) => a + b, 0),
        ) + 4;
    });
    return sheet;
  }

  private textSheet(key: TextSectionKey): ExcelJS.Worksheet {
    const section = this.edition.sections[key];
    const sheet = this.sheet(section.sheet, [TEXT_COLUMN_WIDTH]);
    this.title(sheet, section.title.zh, 1);
    const hint = sheet.getCell(2, 1);
    // The official template's placeholder, then how to fill (2021: 六 is where 信息处理费 is reported).
    const [describe, describeWithFees] = officialPlaceholders;
    hint.value = fillingHint(
      key === 'otherMatters' && ruleApplies(processingFeeStated, this.edition.id) ? describeWithFees : describe,
    );
    hint.alignment = { wrapText: true, vertical: 'top' };
    hint.font = { name: FONT, size: 9, italic: true, color: { argb: 'FF7F7F7F' } };
    const paragraphs = this.options.model?.[key];
    const given = Array.isArray(paragraphs) ? paragraphs.filter((p): p is string => typeof p === 'string') : [];
    const rows = Math.max(TEXT_ROWS[key], given.length + 10);
    for (let index = 0; index < rows; index++) {
      const cell = sheet.getCell(3 + index, 1);
      cell.fill = INPUT_FILL;
      cell.protection = { locked: false };
      cell.border = THIN;
      cell.font = { name: FONT, size: 11 };
      cell.alignment = { wrapText: true, vertical: 'top' };
      const paragraph = given[index];
      if (paragraph !== undefined) {
        cell.value = paragraph;
        // Spreadsheet programs do not grow a row to wrapped text they did not type: the height is set, so a
        // printed paragraph shows every line.
        const lines = Math.max(1, Math.ceil(textEm(paragraph) / TEXT_CHARACTERS_PER_LINE));
        sheet.getRow(3 + index).height = lines * TEXT_LINE_POINTS + 4;
      }
    }
    this.name(sheet, `$A$3:$A$${2 + rows}`, key);
    return sheet;
  }

  /**
   * 说明: where the filer answers a warning that stands (a figure that truly jumped, a quotation typed as it is),
   * one row each: the rule, the place as validate names it, why. Read back as `explanations`; only warnings are
   * answered so, and only those this year's check gives (`--from` does not carry last year's).
   */
  private explanationsSheet(): ExcelJS.Worksheet {
    const sheet = this.sheet(explanationsSheet, EXPLANATIONS_WIDTHS);
    this.title(sheet, '说明（对检查警告的解释）', 3);
    sheet.mergeCells(2, 1, 2, 3);
    const note = sheet.getCell(2, 1);
    note.value =
      '检查给出的警告如确属实际情况（如数字确有大幅变化、引文照录），可在此逐条说明，检查时显示为“已说明”，不计入警告数。规则填编号或名称（如 N007、Q101）；位置照检查结果所列填写（如“三、收到和处理政府信息公开申请情况!E5”或“E5”，文字部分写“一”至“六”或所列的 /problems/1 等）；说明写明原因。错误须改正，不能以说明代替。';
    note.alignment = { wrapText: true, vertical: 'top' };
    note.font = { name: FONT, size: 9, italic: true, color: { argb: 'FF7F7F7F' } };
    sheet.getRow(2).height =
      wrappedHeight(
        String(note.value),
        EXPLANATIONS_WIDTHS.reduce((a, b) => a + b, 0),
        9,
      ) + 4;
    explanationsHeaders.forEach((text, index) => {
      this.label(sheet, text, 3, index + 1, 3, index + 1, { header: true });
    });
    // Row 3 is the header printed over every page; row 1 is the sheet's title.
    sheet.pageSetup.printTitlesRow = '3:3';
    sheet.views = [{ state: 'frozen', ySplit: 3 }];
    const given = explanationsOf(this.options.model);
    const rows = Math.max(EXPLANATION_ROWS, given.length + 10);
    for (let index = 0; index < rows; index++) {
      const row = 4 + index;
      const entry = given[index];
      EXPLANATIONS_WIDTHS.forEach((_, column) => {
        const cell = sheet.getCell(row, column + 1);
        cell.fill = INPUT_FILL;
        cell.protection = { locked: false };
        cell.border = THIN;
        cell.font = { name: FONT, size: 10 };
        cell.alignment = { wrapText: true, vertical: 'top' };
        if (entry) cell.value = [entry.rule, entry.at, entry.text][column] ?? '';
      });
      if (entry) sheet.getRow(row).height = wrappedHeight(entry.text, EXPLANATIONS_WIDTHS[2] as number) + 2;
    }
    this.name(sheet, `$A$4:$C$${3 + rows}`, explanationsName);
    return sheet;
  }

  /** A header or label cell of a table's drawing, placed with the drawing's top left at `top`, `left`. */
  private drawn(
    sheet: ExcelJS.Worksheet,
    cell: HeaderCell,
    top: number,
    left: number,
    style: { header?: boolean; align?: 'left' | 'center'; top?: boolean },
  ): void {
    const row = top + cell.row;
    const column = left + cell.column;
    this.label(sheet, cell.text, row, column, row + cell.rowSpan - 1, column + cell.colSpan - 1, style);
  }

  /** A figure cell of a table's drawing: an input named after its model path. */
  private figure(sheet: ExcelJS.Worksheet, cell: FigureCell, top: number, left: number): void {
    const { pointer, column } = cell.figure;
    this.input(sheet, top + cell.row, left + cell.column, pointer, column.kind, cell.colSpan);
  }

  private proactiveSheet(): ExcelJS.Worksheet {
    const { drawing } = tableGrids(this.edition).proactive;
    const sheet = this.sheet(this.edition.sections.proactive.sheet, [
      PROACTIVE_LABEL_WIDTH,
      ...Array<number>(drawing.width - 1).fill(PROACTIVE_FIGURE_WIDTH),
    ]);
    this.title(sheet, this.edition.sections.proactive.title.zh, drawing.width);
    // Each item's sub-table under the one before it, no blank row between: the official table runs on.
    const top = 3;
    for (const cells of drawing.body) {
      for (const cell of cells) {
        if (cell.figure) this.figure(sheet, cell, top, 1);
        // The item over its sub-table, then the sub-table's own header, then its rows' labels.
        else if (cell.heads === 'colgroup') this.drawn(sheet, cell, top, 1, { header: true, align: 'left' });
        else this.drawn(sheet, cell, top, 1, { header: cell.heads === 'col' });
      }
      if (cells.some((cell) => cell.heads === 'col')) sheet.getRow(top + (cells[0]?.row ?? 0)).height = 30;
    }
    return sheet;
  }

  private requestsSheet(): ExcelJS.Worksheet {
    const { sections } = this.edition;
    const grid = tableGrids(this.edition).requests;
    const { drawing } = grid;
    const sheet = this.sheet(sections.requests.sheet, REQUESTS_WIDTHS, true);
    const top = 2;
    const first = 1 + drawing.labelColumns; // first numeric column (D)
    const totalColumn = drawing.width;
    const checkColumn = totalColumn + 1;
    const headRows = drawing.head.length;
    this.title(sheet, sections.requests.title.zh, checkColumn);
    for (const cell of drawing.head.flat()) if (!cell.figure) this.drawn(sheet, cell, top, 1, { header: true });
    this.label(sheet, '核对：总计−六类之和', top, checkColumn, top + headRows - 1, checkColumn, { header: true });
    sheet.getRow(top + headRows - 1).height = 30;

    // A group's label is merged over its rows once they are written, the innermost first.
    const closing = new Map<number, HeaderCell[]>();
    for (const cell of drawing.body.flat()) {
      if (cell.heads !== 'rowgroup') continue;
      const last = cell.row + cell.rowSpan - 1;
      closing.set(last, [cell, ...(closing.get(last) ?? [])]);
    }
    // Printed at full size 三 takes two pages: the first ends with the group that ends nearest the middle of the
    // rows, so no group of reasons is cut by the page's edge; a group over that edge says its name at its top.
    const ends = [...closing.keys()].filter((end) => closing.get(end)?.some((group) => group.column > 0));
    const middle = headRows + drawing.body.length / 2;
    const pageEnd = ends.reduce<number | undefined>(
      (best, end) => (best === undefined || Math.abs(end + 1 - middle) < Math.abs(best + 1 - middle) ? end : best),
      undefined,
    );
    const rowOf = new Map<GridRow, number>();
    for (const cells of drawing.body) {
      const row = top + (cells[0]?.row ?? 0);
      let gridRow: GridRow | undefined;
      let height = 15;
      for (const cell of cells) {
        if (cell.figure) {
          this.figure(sheet, cell, top, 1);
          gridRow = cell.figure.row;
        } else if (cell.heads === 'row') {
          this.drawn(sheet, cell, top, 1, { align: 'left' });
          const width = REQUESTS_WIDTHS.slice(cell.column, cell.column + cell.colSpan).reduce((a, b) => a + b, 0);
          height = wrappedHeight(cell.text, width);
        }
      }
      if (gridRow) {
        rowOf.set(gridRow, row);
        for (const sum of gridRow.sums) {
          const totalCell = `${col(first + sum.total)}${row}`;
          const parts = `SUM(${span(sum.parts, (c) => `${col(first + c)}${row}`)})`;
          const inputs = span([...sum.parts, sum.total], (c) => `${col(first + c)}${row}`);
          this.check(sheet, row, checkColumn, inputs, `${totalCell}=${parts}`, `${totalCell}-${parts}`);
        }
      }
      if (height > 15) sheet.getRow(row).height = height;
      for (const group of closing.get(row - top) ?? []) {
        const acrossPages = pageEnd !== undefined && group.row <= pageEnd && pageEnd < group.row + group.rowSpan - 1;
        this.drawn(sheet, group, top, 1, { align: 'center', top: acrossPages });
      }
      // Over every column (exceljs's default, 16838, is past the last column: LibreOffice drops such a break).
      if (row - top === pageEnd) sheet.getRow(row).addPageBreak(1, MAX_COLUMNS);
    }
    const end = top + headRows + drawing.body.length;
    sheet.views = [{ state: 'frozen', xSplit: drawing.labelColumns, ySplit: top + headRows - 1 }];
    // Its title and header rows on every printed page. At full size, not fitted: a program that fits a sheet to the
    // page ignores its page breaks (Excel and LibreOffice alike), and the columns above fit a landscape page.
    sheet.pageSetup.printTitlesRow = `1:${top + headRows - 1}`;
    sheet.pageSetup.fitToPage = false;
    sheet.pageSetup.scale = 100;

    // Column checks below the table: R302 and R303 as formulas.
    const sheetRow = (index: number) => rowOf.get(grid.rows[index] as GridRow) ?? 0;
    const checks = end + 1;
    const sumRows = grid.columnSums.map((sum, index) => ({ sum, row: checks + index }));
    const balanceRow = checks + grid.columnSums.length;
    // Each check's name under the label columns.
    const name = (text: string, row: number) =>
      this.label(sheet, text, row, 1, row, drawing.labelColumns, { header: true, align: 'left' });
    for (const { row } of sumRows) name('核对：（七）总计 − 办理结果各项之和', row);
    if (grid.balance) name('核对：一＋二 −（七）总计 − 四', balanceRow);
    for (let c = first; c <= totalColumn; c++) {
      const letter = col(c);
      const column = `${letter}${top + headRows}:${letter}${end - 1}`;
      for (const { sum, row } of sumRows) {
        const totalCell = `${letter}${sheetRow(sum.total)}`;
        const parts = `SUM(${span(sum.parts, (r) => `${letter}${sheetRow(r)}`)})`;
        this.check(sheet, row, c, column, `${totalCell}=${parts}`, `${totalCell}-${parts}`);
      }
      if (grid.balance) {
        const terms = (rows: readonly number[]) => rows.map((r) => `${letter}${sheetRow(r)}`);
        const balance = `${terms(grid.balance.left).join('+')}-${terms(grid.balance.right).join('-')}`;
        this.check(sheet, balanceRow, c, column, `${balance}=0`, balance);
      }
    }
    return sheet;
  }

  private appealsSheet(): ExcelJS.Worksheet {
    const { sections } = this.edition;
    const { drawing } = tableGrids(this.edition).appeals;
    const sheet = this.sheet(sections.appeals.sheet, Array(drawing.width).fill(APPEALS_WIDTH), true);
    this.title(sheet, sections.appeals.title.zh, drawing.width);
    const top = 2;
    // The header as the layout tree draws it for every output (行政复议 one row high, its outcomes merged down).
    for (const cell of drawing.head.flat()) if (!cell.figure) this.drawn(sheet, cell, top, 1, { header: true });
    const figures = (drawing.body[0] ?? []).filter((cell): cell is FigureCell => cell.figure !== undefined);
    const row = figures[0]?.figure.row;
    const inputRow = top + drawing.head.length;
    // Each total with its parts: their inputs, then the check under them.
    for (const sum of row?.sums ?? []) {
      const at = (index: number) => 1 + drawing.labelColumns + index;
      const indexes = [...sum.parts, sum.total];
      for (const cell of figures)
        if (indexes.includes((row as GridRow).columns.indexOf(cell.figure.column))) this.figure(sheet, cell, top, 1);
      const totalCell = `${col(at(sum.total))}${inputRow}`;
      const parts = `SUM(${span(sum.parts, (c) => `${col(at(c))}${inputRow}`)})`;
      const left = at(lowest(sum.parts));
      const right = at(highest(sum.parts));
      this.label(sheet, '核对：总计−各项之和', inputRow + 1, left, inputRow + 1, right, { align: 'center' });
      const inputs = span(indexes, (c) => `${col(at(c))}${inputRow}`);
      this.check(sheet, inputRow + 1, at(sum.total), inputs, `${totalCell}=${parts}`, `${totalCell}-${parts}`);
    }
    sheet.getRow(top + drawing.head.length - 1).height = 30;
    return sheet;
  }

  private markerSheet(): void {
    const sheet = this.workbook.addWorksheet(markerSheet, { state: 'veryHidden' });
    sheet.getCell('A1').value = markerTag;
    sheet.getCell('B1').value = this.edition.id;
    sheet.getCell('C1').value = templateVersion;
  }
}

function validationFor(kind: ValueKind): ExcelJS.DataValidation {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: 'stop' as const, errorTitle: '数值有误' };
  switch (kind) {
    case 'count':
      return {
        ...common,
        type: 'whole',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: '请填写非负整数，没有的填 0。',
      };
    case 'signedCount':
      return {
        ...common,
        type: 'whole',
        operator: 'between',
        formulae: [-1000000, 1000000],
        error: '请填写整数，减少时填负数。',
      };
    case 'amount':
      return {
        ...common,
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        formulae: [0],
        error: '请填写以万元为单位的非负数。',
      };
  }
}

/** The explanations a model gives (the well-formed ones), to write into the 说明 sheet. */
function explanationsOf(model: unknown): { rule: string; at: string; text: string }[] {
  const list = valueAt(model, '/explanations');
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry) => {
    const { rule, at, text } = (entry ?? {}) as Record<string, unknown>;
    return typeof rule === 'string' && typeof at === 'string' && typeof text === 'string' ? [{ rule, at, text }] : [];
  });
}

function stringAt(model: unknown, pointer: string): string | undefined {
  const value = valueAt(model, pointer);
  return typeof value === 'string' ? value : undefined;
}
