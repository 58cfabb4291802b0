// What a PDF may make pdfjs hold (src/read/published/pdf-source.node.ts): its operator list is read chunk by chunk
// through a pdfjs internal and cancelled past a bound, and its text is read from pdfjs's stream and refused past
// another. These tests fail if a pdfjs release delivers otherwise, and show that the bounds leave a report's pages whole.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makePdfDrawing } from '../scripts/fuzz/seeds';
import { ROOT, runCli, scratch } from './helpers';

const dir = scratch('report-pdf-bounds-');
const FIGURES = Array.from(
  { length: 40 },
  (_, i) => `BT /F1 8 Tf ${50 + (i % 10) * 50} ${700 - ((i / 10) | 0) * 12} Td (${i}) Tj ET\n`,
).join('');
const segments = (count: number) =>
  Array.from({ length: count }, (_, i) => `${i % 500} ${(i / 500) | 0} m ${(i % 500) + 1} ${(i / 500) | 0} l S\n`).join(
    '',
  );

/** Runs bounded and full operator lists of page 1 in a Node process of its own (pdfjs is an ES module jest cannot load). */
function operatorLists(file: string, limit: number): { bounded: number | null; full: number; destroyed: boolean } {
  const script = `
    const { loadPdfjs, boundedOperatorList } = require(${JSON.stringify(join(ROOT, 'dist', 'src', 'read', 'published', 'pdf-source.node.js'))});
    const open = () => loadPdfjs().getDocument({ data: new Uint8Array(require('node:fs').readFileSync(${JSON.stringify(file)})), verbosity: 0, isEvalSupported: false }).promise;
    (async () => {
      const first = await open();
      const bounded = await boundedOperatorList(await first.getPage(1), ${limit});
      // A cancelled list must leave pdfjs able to finish: destroy waits for the worker's task on the page.
      let timer;
      const destroyed = await Promise.race([first.destroy().then(() => true), new Promise((r) => { timer = setTimeout(() => r(false), 5000); })]);
      clearTimeout(timer);
      const second = await open();
      const full = (await (await second.getPage(1)).getOperatorList()).fnArray.length;
      await second.destroy();
      process.stdout.write(JSON.stringify({ bounded: bounded ? bounded.fnArray.length : null, full, destroyed }));
    })();`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

test('a page within the bound gives the whole operator list pdfjs would give', () => {
  const file = join(dir, 'table.pdf');
  writeFileSync(file, makePdfDrawing(segments(300) + FIGURES));
  const lists = operatorLists(file, 40_000);
  expect(lists.full).toBeGreaterThan(300);
  expect(lists.bounded).toBe(lists.full);
  expect(lists.destroyed).toBe(true);
});

test('past the bound the list is cut, and pdfjs stops and can be destroyed', () => {
  const file = join(dir, 'segments.pdf');
  writeFileSync(file, makePdfDrawing(segments(130_000) + FIGURES));
  const lists = operatorLists(file, 40_000);
  expect(lists.full).toBeGreaterThan(130_000);
  expect(lists.bounded).toBeNull();
  expect(lists.destroyed).toBe(true);
});

test('a page drawing 130,000 segments is read as text without rules, not held in memory', () => {
  const file = join(dir, 'segments-among-figures.pdf');
  writeFileSync(file, makePdfDrawing(segments(130_000) + FIGURES));
  const run = runCli(['validate', file, '--format', 'json']);
  expect(run.code).toBe(2);
  const report = JSON.parse(run.stdout) as { files: { error: { messageId: string } }[] };
  expect(report.files[0]?.error.messageId).toBe('notReport');
});

test('a PDF of more than 100,000 pieces of text is refused as no report, before pdfjs holds them all', () => {
  const file = join(dir, 'text-pieces.pdf');
  // One figure per piece, each moved by Td: 110,000 pieces on one page.
  writeFileSync(file, makePdfDrawing(`BT /F1 1 Tf 40 800 Td ${'(1) Tj 0.004 0 Td '.repeat(110_000)}ET`));
  const run = runCli(['validate', file, '--format', 'json', '--lang', 'en']);
  expect(run.code).toBe(2);
  const report = JSON.parse(run.stdout) as { files: { error: { messageId: string; message: string } }[] };
  expect(report.files[0]?.error.messageId).toBe('tooManyElements');
});
