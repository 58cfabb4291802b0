// One bad path is one line: a folder that cannot be listed (past the path-length limit, no permission) and a folder
// in the output named like an output are each said once, and the batch goes on to its summary.
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('every file of a folder is accounted for', () => {
  const dir = scratch('report-kinds-');
  const inputs = join(dir, 'archive');
  mkdirSync(inputs);
  copyFileSync(fixture('example-2021.json'), join(inputs, 'a.json'));
  writeFileSync(join(inputs, 'scan.png'), Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  writeFileSync(join(inputs, 'bundle.zip'), Buffer.from('504b0304', 'hex'));
  writeFileSync(join(inputs, 'notes.ofd'), 'x');
  writeFileSync(join(inputs, 'readme.bak'), 'x');
  // Hidden files and Office's lock files are not files of the batch.
  writeFileSync(join(inputs, '.DS_Store'), 'x');
  writeFileSync(join(inputs, '~$a.docx'), 'x');

  test('convert lists every kind, each with a verdict; the ones it does not read are `unsupported`, with what they are', () => {
    const out = join(dir, 'out');
    const run = runCli(['convert', inputs, '-o', out, '--to', 'json', '--lang', 'en'], { env: { COLUMNS: '200' } });
    expect(run.code).toBe(1);
    const summary = summaryOf(out);
    const byName = Object.fromEntries(
      (summary.inputs as { path: string; status: string; errorId?: string }[]).map((input) => [
        input.path.split('/').pop(),
        [input.status, input.errorId],
      ]),
    );
    expect(byName).toEqual({
      'a.json': ['ok', undefined],
      'bundle.zip': ['unsupported', 'unsupportedKind'],
      'notes.ofd': ['unsupported', 'unsupportedKind'],
      'readme.bak': ['unsupported', 'unsupportedKind'],
      'scan.png': ['unsupported', 'unsupportedKind'],
    });
    expect(summary.totals).toMatchObject({ inputs: 5, ok: 1, unsupported: 4 });
    expect(run.stdout).toMatch(/scan\.png is an image \(\.png\): tables in an image cannot be read/);
    expect(run.stdout).toMatch(/4 unsupported/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('data-status="unsupported"');
  });

  test('named on the command line, a file says what it is', () => {
    const run = runCli(['validate', join(inputs, 'bundle.zip'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('bundle.zip is an archive (.zip): unpack it first, then convert what it holds');
  });

  test('a Word 97-2003 document without LibreOffice to open it: `unsupported`, saying what it needs', () => {
    const legacy = join(dir, 'legacy');
    mkdirSync(legacy);
    // An OLE compound file's signature: a real .doc (a page or a DOCX saved as .doc would be read as what it is).
    writeFileSync(join(legacy, 'old.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(504)]));
    copyFileSync(fixture('example-2021.json'), join(legacy, 'a.json'));
    const out = join(dir, 'legacy-out');
    const run = runCli(['convert', legacy, '-o', out, '--to', 'json', '--lang', 'en'], {
      env: { REPORT_SOFFICE: join(dir, 'no-such-soffice'), COLUMNS: '200' },
    });
    expect(run.code).toBe(1);
    const old = (summaryOf(out).inputs as { path: string; status: string; errorId?: string }[]).find((input) =>
      input.path.endsWith('old.doc'),
    );
    expect(old).toMatchObject({ status: 'unsupported', errorId: 'needsOffice' });
  });
});
