// A seeded slice of `npm run fuzz` (the hostile inputs of issue 7, every caught regression and a few hundred mutated
// inputs of every format) through the real reading path: no internal error, no hang, no input over 300 MB.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers';

interface FuzzSummary {
  cases: number;
  internalErrors: number;
  hangs: number;
  stoppedAtLimit: number;
  overMemory: number;
  formats: Record<string, { cases: number }>;
  outcomes: { name: string; messageId: string; exitCode: number | null; said: number }[];
  failures: { name: string; problem: string; detail: string }[];
}

const run = spawnSync(
  process.execPath,
  [join(ROOT, 'dist', 'scripts', 'fuzz.js'), '--cases', '270', '--seed', '7', '--json'],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
const summary = JSON.parse(run.stdout) as FuzzSummary;

test('no input causes an internal error, takes over 10 s or more than 300 MB; a parser that loops is stopped', () => {
  expect(summary.failures).toEqual([]);
  expect(summary.internalErrors + summary.hangs + summary.overMemory).toBe(0);
  // Known: SheetJS loops forever on some caught inputs (fixtures/fuzz/, eight so far); the reader stops each at its
  // time limit, which for a small file is about 6 s. Any other input stopped there fails the test.
  const loops = summary.outcomes.filter((outcome) => outcome.messageId === 'readTimeout');
  expect(loops.map((outcome) => outcome.name)).toEqual(
    expect.arrayContaining([
      'fixtures/fuzz/ods-seed3-case-183-zip-xml-of-example-2021-ods-.ods',
      'fixtures/fuzz/xls-seed3-case-700-bytes-of-example-2021-xls-.xls',
    ]),
  );
  for (const loop of loops) {
    expect(loop.name).toMatch(/^fixtures\/fuzz\//);
    expect(loop.exitCode).toBe(2);
  }
});

test('mutated inputs of every format were tried', () => {
  for (const format of ['xlsx', 'ods', 'xls', 'et', 'json', 'html', 'txt', 'docx', 'pdf'])
    expect(summary.formats[format]?.cases).toBeGreaterThanOrEqual(20);
  expect(summary.cases).toBeGreaterThanOrEqual(300);
});

test.each<[string, RegExp]>([
  ['xlsx truncated to 409 bytes', /^notWorkbook$/],
  ['ods truncated to 409 bytes', /^notWorkbook$/],
  ['xlsx with a bit flipped at 50%', /^(notWorkbook|ok|invalid)$/],
  ['ods with a bit flipped at 50%', /^(notWorkbook|ok|invalid)$/],
  ['zip of 100,000 entries', /^tooManyEntries$/],
  ['zip bomb: 200 MB in one entry, declared', /^tooLargeInflated$/],
  ['zip bomb: 200 MB in one entry, declared as 1 kB', /^notDocx$/],
  ['zip bomb as .ods', /^notWorkbook$/],
  ['empty zip', /^notWorkbook$/],
  ['.xlsx that is really .xls', /^(ok|invalid)$/],
  ['image-only PDF', /^notPdf$/],
  ['0-byte file', /^empty$/],
  ['JSON nested 10^4 deep', /^tooDeep$/],
  ['JSON nested 10^6 deep', /^tooDeep$/],
  ['HTML of 80,000 nested divs', /^tooDeep$/],
  ['our page embedding a model nested 10^5 deep', /^tooDeep$/],
  // The element count stops it on Node 20 and 24; Node 22's parser reaches the reader's heap limit first.
  ['10 MB page of one plain table', /^(tooManyElements|tooLargeMemory)$/],
  ['10 MB page of one table with long cells', /^(notReport|tooLargeMemory)$/],
  ['XML nested 10^5 deep inside a .docx', /^tooDeep$/],
  ['/dev/zero', /^notRegularFile$/],
  ['a link to /dev/zero', /^notRegularFile$/],
  ['a FIFO', /^notRegularFile$/],
])('%s: refused with its own reason, in one line, exit 1 or 2', (name, reason) => {
  const outcome = summary.outcomes.find((candidate) => candidate.name === name);
  expect(outcome?.messageId).toMatch(reason);
  expect([0, 1, 2]).toContain(outcome?.exitCode);
  if (outcome && !/ok|invalid/.test(outcome.messageId)) expect(outcome.exitCode).toBe(2);
});
