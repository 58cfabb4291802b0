// The README's console examples are true: every `$ npx report …` it shows runs here, in order, in a scratch folder that
// holds the repository's fixtures (as a clone's root does), and prints what the README shows — standard output and
// standard error as one stream, times, the filer's page's size and absolute paths normalised, a line `…` standing for any lines.
import { spawnSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, scratch } from './helpers';

interface Example {
  command: string;
  shown: string[];
  /** Line of the README where the command stands. */
  line: number;
}

/**
 * Commands the README shows that this suite stands in for: installing made node_modules, testing runs this, and the
 * benchmarks and the long fuzz run are measurements (their figures are in docs/performance.md and docs/fuzzing.md,
 * not console output).
 */
const NOT_RUN = new Set([
  'npm install',
  'npm ci',
  'npm test',
  'npm run test:fast',
  'npm run bench',
  'npm run bench:import',
  'npm run bench:stages',
  'npm run fuzz',
]);

/** `npm install && npm start`: the start script's commands are run, as `npx report …` examples are. */
const START = 'npm install && npm start';
const startScript = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } })
  .scripts.start;
const runnable = (command: string) => command.startsWith('npx report ') || command === START;
const shellCommand = (command: string) =>
  command === START
    ? startScript.replaceAll('node bin/report.js', `'${process.execPath}' '${BIN}'`).replaceAll(' && ', ' 2>&1 && ')
    : `'${process.execPath}' '${BIN}' ${command.slice('npx report '.length)}`;

function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const lines = markdown.split('\n');
  let inConsole = false;
  for (const [index, text] of lines.entries()) {
    if (text.startsWith('```')) {
      inConsole = !inConsole && text.trim() === '```console';
      continue;
    }
    if (!inConsole) continue;
    if (text.startsWith('$ ')) {
      // A trailing comment after two or more spaces explains the command; it is not part of it.
      found.push({
        command: text
          .slice(2)
          .replace(/\s{2,}#.*$/, '')
          .trim(),
        shown: [],
        line: index + 1,
      });
    } else {
      found.at(-1)?.shown.push(text);
    }
  }
  return found;
}

const normalise = (text: string, dir: string) =>
  text
    .split(dir)
    .join('')
    .replace(/用时 \d+(\.\d+)? 秒/g, '用时 N 秒')
    .replace(/, \d+(\.\d+)? s$/gm, ', N s')
    // The filer's page's size moves with every change to the code it carries (docs/performance.md has the figure).
    .replace(/检查网页：(.+?)（\d+ KB）/g, '检查网页：$1（N KB）')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');

/** The shown lines as one pattern: each line literally, `…` any number of lines. */
function pattern(shown: string[]): RegExp {
  const lines = [...shown];
  while (lines.length && lines.at(-1)?.trim() === '') lines.pop();
  const parts = lines.map((line) =>
    line.trim() === '…' ? '(?:[^\\n]*\\n)*?' : `${line.trimEnd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`,
  );
  return new RegExp(`^${parts.join('')}$`);
}

describe('README.md', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const all = examples(readme);
  const dir = scratch('report-readme-');
  symlinkSync(join(ROOT, 'fixtures'), join(dir, 'fixtures'));

  test('shows console examples, and only commands of report besides installing and testing', () => {
    expect(all.filter((example) => example.command.startsWith('npx report ')).length).toBeGreaterThanOrEqual(8);
    expect(all.some((example) => example.command === START)).toBe(true);
    for (const { command, shown } of all.filter((example) => !runnable(example.command))) {
      expect(NOT_RUN).toContain(command);
      expect(shown.join('').trim()).toBe('');
    }
  });

  // In README order: later examples use what earlier ones wrote (out/…).
  test.each(all.filter((example) => runnable(example.command)).map((e) => [e.line, e.command, e]))(
    'line %i: $ %s',
    (_line, _command, example) => {
      const { command, shown } = example as Example;
      const run = spawnSync('sh', ['-c', `${shellCommand(command)} 2>&1`], {
        cwd: dir,
        env: { ...process.env, NO_COLOR: '1', REPORT_LANG: '', CI: '1' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      const printed = `${normalise(run.stdout, `${dir}/`)}\n`;
      const expected = pattern(shown.map((line) => normalise(line, `${dir}/`)));
      if (!expected.test(printed)) {
        // The whole difference at once, to copy into the README.
        expect(printed).toBe(`${shown.join('\n').trimEnd()}\n`);
      }
    },
  );
});
