// The fuzzer's own instruments, checked on inputs whose answer is known: the HTML oracle (a figure against what
// Chromium shows in its cell) and the scan for control characters in what a command prints.
import { readFileSync } from 'node:fs';
import { chromiumAvailable, type OracleCase, runHtmlOracle, showsFigure } from '../scripts/fuzz/html-oracle';
import { controlCharacters, escapeControls } from '../scripts/fuzz/processes';
import { getEdition } from '../src/editions';
import { fixture } from './helpers';

const edition = getEdition('2021');

/** A page of one official-looking table whose second row is 规章 0 0 0, with the cells given. */
const page = (cells: string, head = '') =>
  `<html><head>${head}</head><body><table><tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr><tr><th>规章</th>${cells}</tr></table></body></html>`;

const figures = (issued: number, repealed: number, inForce: number): OracleCase['figures'] => [
  { pointer: '/proactive/rules/issued', value: issued, table: 1, row: 2, column: 2 },
  { pointer: '/proactive/rules/repealed', value: repealed, table: 1, row: 2, column: 3 },
  { pointer: '/proactive/rules/inForce', value: inForce, table: 1, row: 2, column: 4 },
];

const oracleCase = (name: string, html: string, values: OracleCase['figures']): OracleCase => ({
  name,
  html,
  edition,
  lenient: true,
  figures: values,
});

(chromiumAvailable() ? describe : describe.skip)('the HTML oracle in headless Chromium', () => {
  test('figures shown where the importer says agree; hidden text, spans and a wrong figure do not', async () => {
    const result = await runHtmlOracle([
      oracleCase('plain', page('<td>1</td><td>2</td><td>3</td>'), figures(1, 2, 3)),
      oracleCase(
        'hidden text left out, blank as 0',
        page('<td><span style="display:none">9</span>1</td><td>2<span hidden>9</span></td><td></td>'),
        figures(1, 2, 0),
      ),
      oracleCase('a merged cell', page('<td colspan="2">5</td><td>3</td>'), figures(5, 5, 3)),
      oracleCase(
        'a stylesheet hides what an importer might read',
        page('<td><span class="x">9</span>1</td><td>2</td><td>3</td>', '<style>td .x{display:none}</style>'),
        figures(91, 2, 3),
      ),
      oracleCase(
        'an invisible cell keeps its place',
        page('<td style="visibility:hidden">7</td><td>2</td><td>3</td>'),
        figures(2, 3, 0),
      ),
    ]);
    expect(result.pages).toBe(5);
    expect(result.failedPages).toEqual([]);
    const wrong = result.mismatches.map((mismatch) => `${mismatch.name} ${mismatch.pointer} ${mismatch.shown}`);
    expect(wrong).toEqual([
      'a stylesheet hides what an importer might read /proactive/rules/issued 1',
      'an invisible cell keeps its place /proactive/rules/issued ',
      'an invisible cell keeps its place /proactive/rules/repealed 2',
      'an invisible cell keeps its place /proactive/rules/inForce 3',
    ]);
  }, 60_000);
});

test('a figure is what the cell shows: digits as a number, a blank as 0 when lenient, words as the reader reads them', () => {
  expect(showsFigure(' 1\u00a0256 ', 1256, 'count', false)).toBe(true);
  expect(showsFigure('12.35', 12.35, 'amount', false)).toBe(true);
  expect(showsFigure('', 0, 'count', true)).toBe(true);
  expect(showsFigure('', 0, 'count', false)).toBe(false);
  expect(showsFigure('１２', 12, 'count', true)).toBe(true);
  expect(showsFigure('18', 918, 'count', true)).toBe(false);
});

test('raw controls in what a command prints are found, and shown escaped', () => {
  const said = Buffer.from(`ok\tline\n\u001b]52;c;eA==\u0007 \u202e \u009b \u2066 \u007f\r`);
  expect(controlCharacters(said).sort()).toEqual(
    ['U+009B', 'U+202E', 'U+2066', '\\x07', '\\x0d', '\\x1b', '\\x7f'].sort(),
  );
  expect(controlCharacters(readFileSync(fixture('example-2021.json')))).toEqual([]);
  expect(escapeControls('a\u001b[2Jb\u202e')).toBe('a\\x1b[2Jb\\u202e');
});
