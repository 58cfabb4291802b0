// The validate path stays light: it never loads docx, exceljs or the ajv compiler (figures: `npm run bench`).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, ROOT, runCli, scratch } from './helpers';

function modulesLoadedBy(args: string[]): string[] {
  const out = join(scratch(), 'modules.json');
  const run = runCli(args, {
    env: { NODE_OPTIONS: `--require ${join(ROOT, 'bench', 'record-modules.cjs')}`, RECORD_MODULES: out },
  });
  expect(run.code).toBe(0);
  // One line per thread: the main thread and the reading worker.
  return readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .flatMap((line) => JSON.parse(line) as string[]);
}

describe('start-up of report validate', () => {
  it.each([fixture('example-2021.xlsx'), fixture('example-2021.json')])(
    'loads neither docx, exceljs nor ajv’s compiler for %s',
    (file) => {
      const modules = modulesLoadedBy(['validate', file]);
      expect(modules.some((path) => path.includes('/node_modules/xlsx/'))).toBe(file.endsWith('.xlsx'));
      for (const heavy of [
        '/node_modules/exceljs/',
        '/node_modules/docx/',
        '/node_modules/ajv/dist/compile/',
        '/node_modules/ajv/dist/core',
      ]) {
        expect(modules.filter((path) => path.includes(heavy))).toEqual([]);
      }
    },
  );
});

describe('start-up of report import', () => {
  it('reads a DOCX without loading SheetJS or pdfjs (its encryption check loads SheetJS only for an OLE file)', () => {
    const dir = scratch();
    expect(runCli(['build', fixture('example-2021.xlsx'), '-o', dir, '--to', 'docx']).code).toBe(0);
    const docx = join(dir, readdirSync(dir).find((name) => name.endsWith('.docx')) ?? '');
    const modules = modulesLoadedBy(['import', docx, '-o', join(dir, 'imported.json')]);
    expect(modules.some((path) => path.includes('/node_modules/htmlparser2/'))).toBe(true);
    for (const unneeded of ['/node_modules/xlsx/', '/node_modules/pdfjs-dist/'])
      expect(modules.filter((path) => path.includes(unneeded))).toEqual([]);
  });
});
