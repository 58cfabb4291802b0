// The command line as a newcomer meets it (issue 18): `report` alone, global options before the command, help in the
// user's language, validate of folders and globs like convert.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hoistGlobalOptions } from '../src/cli/main';
import { displayWidth } from '../src/convert/display-text';
import { fixture, ROOT, readJsonFixture, runCli, scratch, toolAvailable } from './helpers';

const COMMANDS = ['validate', 'build', 'rules'];

describe('global options may stand before the command', () => {
  test.each([
    [
      ['--lang', 'en', 'validate', 'x.json'],
      ['validate', '--lang', 'en', 'x.json'],
    ],
    [
      ['--lang=en', '--no-color', 'rules', 'R301'],
      ['rules', '--lang=en', '--no-color', 'R301'],
    ],
    [
      ['--config', 'c.json', '--debug', 'build', 'a.xlsx', '-o', 'out'],
      ['build', '--config', 'c.json', '--debug', 'a.xlsx', '-o', 'out'],
    ],
    // Left as typed: no command after them, an option that is not global, or nothing before the command.
    [
      ['--lang', 'en'],
      ['--lang', 'en'],
    ],
    [
      ['--format', 'json', 'validate', 'x'],
      ['--format', 'json', 'validate', 'x'],
    ],
    [
      ['validate', 'x', '--lang', 'en'],
      ['validate', 'x', '--lang', 'en'],
    ],
  ])('%j', (typed, read) => {
    expect(hoistGlobalOptions(typed, COMMANDS)).toEqual(read);
  });

  test('`report --lang en validate x` is `report validate x --lang en`', () => {
    const before = runCli(['--lang', 'en', 'validate', fixture('example-2021.json'), '--format', 'json']);
    const after = runCli(['validate', fixture('example-2021.json'), '--format', 'json', '--lang', 'en']);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(after.stdout);
    expect(JSON.parse(before.stdout).lang).toBe('en');
  });
});

describe('help', () => {
  test('`report` alone prints the help and exits 0, nothing else', () => {
    const bare = runCli([]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe('');
    expect(bare.stdout).toMatch(/^用法： report \[options\] \[command\]/);
    expect(bare.stdout).toContain('validate');
    expect(runCli([], { env: { REPORT_LANG: 'en' } }).stdout).toMatch(/^Usage: report \[options\] \[command\]/);
  });

  test.each(['validate', 'template', 'build', 'import', 'convert', 'diff', 'page', 'schema', 'rules'])(
    "%s --help is in the user's language: no commander English in Chinese, the same options in both",
    (command) => {
      const zh = runCli([command, '--help']);
      const en = runCli([command, '--help', '--lang', 'en']);
      expect(zh.code).toBe(0);
      expect(en.code).toBe(0);
      for (const english of ['Usage:', 'Options:', 'Arguments:', 'display help', 'choices:', 'default:'])
        expect(zh.stdout).not.toContain(english);
      expect(en.stdout).toContain('Usage:');
      const flags = (text: string) => [...text.matchAll(/^\s+(-\w, )?(--[\w-]+)/gm)].map((match) => match[2]);
      expect(flags(zh.stdout)).toEqual(flags(en.stdout));
      expect(flags(zh.stdout)).toEqual(expect.arrayContaining(['--lang', '--config', '--help']));
    },
  );

  test('validate and build say they read every kind, not only workbooks and JSON', () => {
    for (const command of ['validate', 'build'])
      expect(runCli([command, '--help', '--lang', 'en']).stdout).toMatch(/PDF/);
  });
});

describe('validate takes folders and globs, as convert does', () => {
  const dir = scratch('report-validate-folder-');
  mkdirSync(join(dir, 'reports', '2024'), { recursive: true });
  copyFileSync(fixture('example-2021.json'), join(dir, 'reports', 'a.json'));
  copyFileSync(fixture('example-2021.xlsx'), join(dir, 'reports', '2024', 'b.xlsx'));
  // Office's lock file beside an open workbook, and a hidden file: not reports.
  writeFileSync(join(dir, 'reports', '2024', '~$b.xlsx'), 'lock');
  writeFileSync(join(dir, 'reports', '.DS_Store'), 'x');

  const files = (args: string[]) => {
    const run = runCli(['validate', ...args, '--format', 'json']);
    return { code: run.code, files: (JSON.parse(run.stdout).files as { file: string }[]).map((f) => f.file) };
  };

  test('a folder: every report in it and its subfolders', () => {
    expect(files([join(dir, 'reports')])).toEqual({
      code: 0,
      files: [join(dir, 'reports', '2024', 'b.xlsx'), join(dir, 'reports', 'a.json')],
    });
  });

  test('a quoted glob, and a file named twice counted once', () => {
    const glob = join(dir, 'reports', '**', '*.xlsx');
    expect(files([glob, join(dir, 'reports', '2024', 'b.xlsx')])).toEqual({
      code: 0,
      files: [join(dir, 'reports', '2024', 'b.xlsx')],
    });
  });

  test('an empty folder is a usage error, not an empty success', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const run = runCli(['validate', empty, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a glob that finds nothing is a usage error, not an empty success', () => {
    const run = runCli(['validate', join(dir, 'nowhere', '*.xlsx')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
  });
});

describe('build replaces only what it wrote and nobody changed since', () => {
  const dir = scratch('report-build-record-');
  const out = join(dir, 'out');
  const build = (...more: string[]) => runCli(['build', fixture('example-2021.json'), '-o', out, ...more]);
  const docx = join(out, '某市商务局2025年政府信息公开工作年度报告.docx');

  test('built twice: the second build replaces the first, as recorded', () => {
    expect(build().code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(join(out, '.report-written.json'), 'utf8'))).sort()).toEqual([
      '某市商务局2025年政府信息公开工作年度报告.docx',
      '某市商务局2025年政府信息公开工作年度报告.html',
      '某市商务局2025年政府信息公开工作年度报告.json',
    ]);
    expect(build().code).toBe(0);
  });

  test('a DOCX corrected by hand is kept, and nothing else is replaced; --force replaces it', () => {
    expect(build().code).toBe(0);
    const edited = Buffer.concat([readFileSync(docx), Buffer.from('edited')]);
    writeFileSync(docx, edited);
    const html = join(out, '某市商务局2025年政府信息公开工作年度报告.html');
    writeFileSync(html, readFileSync(html));
    const refused = build('--lang', 'en');
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(docx)).toEqual(edited);
    expect(build('--force').code).toBe(0);
    expect(readFileSync(docx)).not.toEqual(edited);
    expect(build().code).toBe(0);
  });

  test('a file of the same name that report never wrote is not replaced', () => {
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, '某市商务局2025年政府信息公开工作年度报告.json'), '{"mine": true}\n');
    const run = runCli(['build', fixture('example-2021.json'), '-o', other]);
    expect(run.code).toBe(2);
    expect(readFileSync(join(other, '某市商务局2025年政府信息公开工作年度报告.json'), 'utf8')).toBe('{"mine": true}\n');
  });
});

describe('convert', () => {
  const dir = scratch('report-convert-edges-');
  const inputs = [fixture('example-2021.json'), fixture('example-2019.json')];

  test('outputs of an earlier --to do not stay beside the new ones; a file of someone else does', () => {
    const out = join(dir, 'to');
    expect(runCli(['convert', ...inputs, '-o', out, '--jobs', '1']).code).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const listing = () =>
      readdirSync(out)
        .filter((name) => !name.startsWith('.'))
        .sort();
    expect(listing().filter((name) => name.endsWith('.docx'))).toHaveLength(2);
    expect(runCli(['convert', ...inputs, '-o', out, '--jobs', '1', '--to', 'json']).code).toBe(0);
    expect(listing()).toEqual([
      'index.html',
      'notes.txt',
      'rules.html',
      'summary.json',
      '某县人民政府办公室2020年政府信息公开工作年度报告.json',
      '某市商务局2025年政府信息公开工作年度报告.json',
    ]);
  });

  test('two versions of a report whose paths differ only at the end stay two lines on a narrow terminal', () => {
    const folder = join(dir, '某市商务局政府信息公开工作年度报告归档材料（二〇二四年度，按科室整理）');
    mkdirSync(folder, { recursive: true });
    const draft = join(folder, '2024年政府信息公开工作年度报告（征求意见稿）.json');
    const final = join(folder, '2024年政府信息公开工作年度报告（终稿）.json');
    copyFileSync(fixture('example-2021.json'), draft);
    copyFileSync(fixture('example-2021.json'), final);
    // A third report elsewhere, so that the common folder is not taken off the two.
    const other = join(dir, 'other.json');
    copyFileSync(fixture('example-2019.json'), other);
    const run = runCli(['convert', draft, final, other, '-o', join(dir, 'narrow'), '--jobs', '1'], {
      env: { COLUMNS: '60' },
    });
    // The table's rows of the two (a note below one of them names the other in full, indented).
    const rows = run.stdout.split('\n').filter((line) => /^\S.*稿）\.json/.test(line));
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.split(/\s{2,}/)[0])).size).toBe(2);
    for (const row of rows) expect(displayWidth(row)).toBeLessThanOrEqual(60);
  });

  (toolAvailable('script', 'the progress bar on a terminal') ? test : test.skip)(
    'on a terminal the progress line names the input in hand, and fits the line',
    () => {
      const out = join(dir, 'bar');
      const command = `${process.execPath} ${join(ROOT, 'bin', 'report.js')} convert ${inputs.join(' ')} -o ${out} --jobs 1`;
      const run = spawnSync('script', ['-qfec', command, '/dev/null'], {
        encoding: 'utf8',
        env: { ...process.env, COLUMNS: '100', CI: '' },
      });
      const redraws = run.stdout.split('\r').filter((part) => part.includes('█') || part.includes('░'));
      expect(redraws.length).toBeGreaterThan(0);
      expect(redraws.some((part) => /example-20(19|21)\.json/.test(part))).toBe(true);
      const ERASE_LINE = '\u001b[K';
      for (const part of redraws) expect(displayWidth(part.split(ERASE_LINE)[0] ?? '')).toBeLessThanOrEqual(100);
    },
  );
});

test('复议纠错 and 诉讼败诉, which assessments score, are counted in summary.json and shown in the trend table', () => {
  const dir = scratch('report-assessed-');
  const last = readJsonFixture('example-2021');
  last.year = 2024;
  const appeals = last.appeals as Record<string, Record<string, number>>;
  appeals.litigationDirect = { upheld: 0, corrected: 1, other: 0, pending: 1, total: 2 };
  appeals.litigationAfterReview = { upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 };
  writeFileSync(join(dir, 'last.json'), JSON.stringify(last));
  const out = join(dir, 'out');
  runCli(['convert', join(dir, 'last.json'), fixture('example-2021.json'), '-o', out, '--jobs', '1', '--to', 'json']);
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
    inputs: { year: number; trend: Record<string, number> }[];
  };
  const byYear = new Map(summary.inputs.map((input) => [input.year, input.trend]));
  expect(byYear.get(2024)).toMatchObject({ reviewCorrected: 1, litigationLost: 2 });
  expect(byYear.get(2025)).toMatchObject({ reviewCorrected: 1, litigationLost: 0 });
  const index = readFileSync(join(out, 'index.html'), 'utf8');
  expect(index).toMatch(/复议纠错<\/th><td class="n">1<\/td><td class="n">1<\/td>/);
  expect(index).toMatch(/诉讼败诉<\/th><td class="n">2<\/td><td class="n">0<\/td>/);
});

describe('outputs never replace what is not a file of ours (review of issues 20 and 21)', () => {
  const dir = scratch('report-not-a-file-');

  test('--force does not put a file in place of a pipe; the page is written only as .html', () => {
    const fifo = join(dir, 'pipe.html');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const page = runCli(['page', '-o', fifo, '--force', '--lang', 'en']);
    expect(page.code).toBe(2);
    expect(page.stderr).toBe(
      `report: ${fifo} is not a regular file (a folder, device or pipe): nothing written, not even with --force\n`,
    );
    expect(spawnSync('test', ['-p', fifo]).status).toBe(0);
    const report = join(dir, 'report.json');
    copyFileSync(fixture('example-2021.json'), report);
    const wrongKind = runCli(['page', '-o', report, '--force', '--lang', 'en']);
    expect(wrongKind.code).toBe(2);
    expect(wrongKind.stderr).toBe(`report: the page can only be written as .html, not ${report}\n`);
    expect(readFileSync(report, 'utf8')).toBe(readFileSync(fixture('example-2021.json'), 'utf8'));
  });

  test('--write-baseline never replaces the pack or the config, and is refused before anything is read', () => {
    const pack = join(dir, 'mine.json');
    writeFileSync(pack, '{"name": "mine"}');
    const config = join(dir, 'report.config.json');
    writeFileSync(config, '{}');
    for (const [flag, file] of [
      ['--pack', pack],
      ['--config', config],
    ] as const) {
      const run = runCli([
        'validate',
        fixture('example-2021.json'),
        flag,
        file,
        '--write-baseline',
        file,
        '--lang',
        'en',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`report: the output ${file} is the input file: not overwritten\n`);
      expect(run.stdout).toBe('');
    }
    const nested = join(dir, 'review', '2025', 'baseline.json');
    const made = runCli(['validate', fixture('example-2021.json'), '--write-baseline', nested, '--lang', 'en']);
    expect(made.code).toBe(0);
    expect(JSON.parse(readFileSync(nested, 'utf8'))).toMatchObject({ version: 1, decisions: [] });
    expect(readFileSync(pack, 'utf8')).toBe('{"name": "mine"}');
    expect(readFileSync(config, 'utf8')).toBe('{}');
  });

  test('an empty --pack is a pack not found, not no pack', () => {
    const run = runCli(['validate', fixture('example-2021.json'), '--pack', '', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^report: the rule pack .* cannot be read: there is no such file\n$/);
  });
});
