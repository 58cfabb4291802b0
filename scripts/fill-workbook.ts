// Dev and test helper: fills a workbook through its defined names, as another program would (exceljs, no mocks).
import ExcelJS from 'exceljs';
import { pinZipTimestamps } from '../src/output/pin-zip-timestamps';

export type CellInput = string | number | { formula: string } | null;

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
    sheet.getCell(address).value = value;
  }
  workbook.created = new Date(Date.UTC(2021, 8, 26));
  workbook.modified = new Date(Date.UTC(2021, 8, 26));
  return pinZipTimestamps(new Uint8Array(await workbook.xlsx.writeBuffer()));
}

/** Every numeric cell and meta field of a model as defined-name → value (text sections are left out). */
export function namedValues(model: Record<string, unknown>): Record<string, number | string> {
  const values: Record<string, number | string> = {};
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'number' || (typeof node === 'string' && path.length === 1)) {
      values[path.join('.')] = node;
    } else if (node && typeof node === 'object' && !Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, [...path, key]);
    }
  };
  walk(model, []);
  delete values.edition;
  return values;
}
