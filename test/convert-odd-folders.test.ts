// One bad path is one line: a folder that cannot be listed (past the path-length limit, no permission) and a folder
// in the output named like an output are each said once, and the batch goes on to its summary.
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, runCli, scratch } from './helpers';

const STACK = /\n\s+at .+:\d+:\d+/;
const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));

describe('convert with odd folders', () => {
  const dir = scratch('report-odd-');

  test('a tree past the path-length limit: its deep folder is one line, the rest converted', () => {
    const inputs = join(dir, 'deep');
    mkdirSync(inputs);
    copyFileSync(fixture('example-2021.json'), join(inputs, 'a.json'));
    // Built a step at a time from inside (no single path may pass 4,096 bytes), to about 6,000 bytes.
    const cwd = process.cwd();
    try {
      process.chdir(inputs);
      for (let i = 0; i < 300; i++) {
        mkdirSync('a-rather-long-folder');
        process.chdir('a-rather-long-folder');
      }
    } finally {
      process.chdir(cwd);
    }
    const out = join(dir, 'deep-out');
    const run = runCli(['convert', inputs, '-o', out, '--to', 'json', '--lang', 'en']);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(run.code).toBe(0);
    const said = run.stderr.split('\n').filter((line) => line.includes('cannot list the folder'));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/\(ENAMETOOLONG\): its files are not converted; the rest go on$/);
    const summary = summaryOf(out);
    expect(summary.totals).toMatchObject({ inputs: 1, ok: 1 });
    expect(summary.skippedFolders).toEqual([expect.objectContaining({ code: 'ENAMETOOLONG' })]);
  });

  const asRoot = process.getuid?.() === 0;
  (asRoot ? test.skip : test)('a folder without permission: one line, the rest converted', () => {
    const inputs = join(dir, 'closed');
    mkdirSync(join(inputs, 'shut'), { recursive: true });
    copyFileSync(fixture('example-2021.json'), join(inputs, 'a.json'));
    copyFileSync(fixture('example-2019.json'), join(inputs, 'shut', 'b.json'));
    chmodSync(join(inputs, 'shut'), 0o000);
    try {
      const run = runCli(['convert', inputs, '-o', join(dir, 'closed-out'), '--to', 'json', '--lang', 'en']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/cannot list the folder .*shut \(EACCES\)/);
    } finally {
      chmodSync(join(inputs, 'shut'), 0o755);
    }
  });
  if (asRoot)
    process.stderr.write(
      '\n*** SKIPPED: the EACCES folder case: running as root, which reads every folder (the ENAMETOOLONG case takes the same path) ***\n\n',
    );

  test('a folder in the output named like an output: that report is listed without outputs, the others written', () => {
    const inputs = join(dir, 'clash');
    mkdirSync(inputs);
    copyFileSync(fixture('example-2021.json'), join(inputs, 'a.json'));
    copyFileSync(fixture('example-2019.json'), join(inputs, 'c.json'));
    const out = join(dir, 'clash-out');
    mkdirSync(join(out, '某市商务局2025年政府信息公开工作年度报告.json'), { recursive: true });
    const run = runCli(['convert', inputs, '-o', out, '--to', 'json', '--lang', 'en']);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^report: cannot write the output .*某市商务局2025年政府信息公开工作年度报告\.json: EISDIR$/m,
    );
    const [a, c] = summaryOf(out).inputs;
    expect(a).toMatchObject({ status: 'ok', outputs: [], errorId: 'outputFailed' });
    expect(c).toMatchObject({ status: 'ok', outputs: ['某县人民政府办公室2020年政府信息公开工作年度报告.json'] });
  });

  test('summary.json taken by a folder: refused before anything is converted', () => {
    const out = join(dir, 'taken-out');
    mkdirSync(join(out, 'summary.json'), { recursive: true });
    const run = runCli(['convert', fixture('example-2021.json'), '-o', out, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^report: .*summary\.json in the output folder is not a file/);
  });
});
