// Dev and test helper: fills a workbook through its defined names, as another program would (exceljs, no mocks).
import ExcelJS from 'exceljs';
import { pinZipTimestamps } from '../src/render/pin-zip-timestamps';

/** A cell's value, or for a paragraph range (overview, problems, otherMatters) its paragraphs, one a row. */
export type CellInput = string | number | { formula: string } | null | readonly string[];

/** Sets each named cell to a value; a name that is missing is an error, so tests cannot pass by accident. */
export async function fillByNames(
  workbookBytes: Uint8Array,
  values: Readonly<Record<string, CellInput>>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(workbookBytes as unknown as ArrayBuffer);
  for (const [name, value] of Object.entries(values)) {
    const ranges = workbook.definedNames.getRanges(name).ranges;
    const first = ranges[0];
    if (!first) throw new Error(`no defined name ${name}`);
    const bang = first.lastIndexOf('!');
    const sheetName = first.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    const address = first
      .slice(bang + 1)
      .replace(/\$/g, '')
      .split(':')[0] as string;
    const sheet = workbook.getWorksheet(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName} for ${name}`);
    if (Array.isArray(value)) {
      const start = sheet.getCell(address);
      value.forEach((paragraph, index) => {
        sheet.getCell(Number(start.row) + index, Number(start.col)).value = paragraph;
      });
    } else {
      sheet.getCell(address).value = value as Exclude<CellInput, readonly string[]>;
    }
  }
  workbook.created = new Date(Date.UTC(2021, 8, 26));
  workbook.modified = new Date(Date.UTC(2021, 8, 26));
  return Buffer.from(pinZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer())));
}

/** Every value of a model as defined-name → value: numbers, agency, year and the paragraphs of the text sections. */
export function namedValues(model: Record<string, unknown>): Record<string, CellInput> {
  const values: Record<string, CellInput> = {};
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'number' || (typeof node === 'string' && path.length === 1)) {
      values[path.join('.')] = node;
    } else if (Array.isArray(node) && path.length === 1) {
      values[path.join('.')] = node.filter((p): p is string => typeof p === 'string');
    } else if (node && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    }
  };
  walk(model, []);
  delete values.edition;
  return values;
}
