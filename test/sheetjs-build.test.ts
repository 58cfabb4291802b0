// The reader loads SheetJS's core build and adds the codepage tables only for non-zip inputs (src/read/sheetjs.ts):
// what it reads must be exactly what the package's full build reads, for every kind of workbook users send.
import { readFileSync } from 'node:fs';
import * as fullBuild from 'xlsx';
import { PARSING_OPTIONS, parseWorkbook } from '../src/read/workbook-reader';
import { fixture } from './helpers';

const example = fullBuild.read(readFileSync(fixture('example-2021.xlsx')), { type: 'buffer' });
const kinds: [string, Buffer][] = [
  ['xlsx (the template)', readFileSync(fixture('example-2021.xlsx'))],
  ['ods', fullBuild.write(example, { type: 'buffer', bookType: 'ods' })],
  ['xls (BIFF8)', fullBuild.write(example, { type: 'buffer', bookType: 'xls' })],
  ['xls (BIFF5)', fullBuild.write(example, { type: 'buffer', bookType: 'biff5' })],
  ['XML spreadsheet 2003', fullBuild.write(example, { type: 'buffer', bookType: 'xlml' })],
  ['HTML table saved as .xls', fullBuild.write(example, { type: 'buffer', bookType: 'html' })],
];

describe('the reader reads with the core build what the full build reads', () => {
  test.each(kinds)('%s', (_kind, bytes) => {
    const ours = parseWorkbook(bytes, 'book');
    const theirs = fullBuild.read(bytes, { ...PARSING_OPTIONS });
    expect(ours.SheetNames).toEqual(theirs.SheetNames);
    expect(ours.SheetNames.length).toBeGreaterThan(0);
    for (const name of theirs.SheetNames) expect(ours.Sheets[name]).toEqual(theirs.Sheets[name]);
    expect(ours.Workbook?.Names ?? []).toEqual(theirs.Workbook?.Names ?? []);
  });

  test('a legacy .xls keeps its Chinese labels (the codepage tables are loaded for it)', () => {
    const bytes = kinds.find(([kind]) => kind === 'xls (BIFF8)')?.[1] as Buffer;
    expect(JSON.stringify(parseWorkbook(bytes, 'book').Sheets)).toContain('政府信息公开');
  });
});
