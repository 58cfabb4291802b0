// `npm run fuzz`: mutated copies of a valid input of every format, the hostile inputs of issue 7 and every input the
// fuzzer ever caught (fixtures/fuzz/) go through the real reading path. The hostile and caught ones run as whole
// `report validate` processes (their own time and peak RSS); the mutated ones run in this process through the
// sandbox (a child process under a time and memory limit), then the rules and the JSON and HTML renderers. Counts per
// format what was read, what was refused and why, internal errors, hangs and peak memory; exits 1 on any internal
// error, hang or input over the memory target. --save keeps each caught input under fixtures/fuzz/.
//
//   node dist/scripts/fuzz.js [--cases 10000] [--seed 1] [--limit 10] [--no-hostile] [--save] [--json] [--progress]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { ReadError } from '../src/read/read-report';
import { DEFAULT_TIME_LIMIT } from '../src/read/time-limit';
import { renderOutputs } from '../src/render/render-outputs';
import { Sandbox } from '../src/sandbox/sandbox-pool';
import { validateReport } from '../src/validate/validate-report';
import { type InputManifest, MANIFEST } from './fuzz/make-inputs';
import { mutate } from './fuzz/mutate';
import type { FuzzFormat, Seed } from './fuzz/seeds';
import { ROOT } from './generate';
import { seededRandom } from './seeded-random';

interface Options {
  cases: number;
  seed: number;
  /** `--limit SECONDS` passes a fixed `--timeout`; by default each input gets the product's own limit (by its size). */
  limitSeconds: number | undefined;
  hostile: boolean;
  save: boolean;
  json: boolean;
  progress: boolean;
}

/** Peak RSS any single input may drive the process to. */
const RSS_TARGET_MB = 300;
/** The longest any single input may take, from start to verdict (a reader stopped at its limit included). */
const HANG_SECONDS = 10;

interface FormatStats {
  cases: number;
  read: number;
  refused: Record<string, number>;
  internal: number;
  hangs: number;
  slowestMs: number;
  peakRssMb: number;
}

interface Failure {
  name: string;
  format: string;
  problem: 'internal error' | 'hang' | 'memory';
  detail: string;
  saved?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const value = (flag: string, fallback: number) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? Number(argv[index + 1]) : fallback;
  };
  return {
    cases: value('--cases', 10_000),
    seed: value('--seed', 1),
    limitSeconds: argv.includes('--limit') ? value('--limit', 0) : undefined,
    hostile: !argv.includes('--no-hostile'),
    save: argv.includes('--save'),
    json: argv.includes('--json'),
    progress: argv.includes('--progress'),
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'report-fuzz-'));
  const made = spawnSync(
    process.execPath,
    [join(__dirname, 'fuzz', 'make-inputs.js'), work, ...(options.hostile ? [] : ['--no-hostile'])],
    { stdio: 'inherit' },
  );
  if (made.status !== 0) throw new Error('could not make the inputs');
  const manifest = JSON.parse(readFileSync(join(work, MANIFEST), 'utf8')) as InputManifest;
  const seeds: Seed[] = manifest.seeds.map((seed) => ({
    format: seed.format as FuzzFormat,
    name: seed.name,
    bytes: readFileSync(seed.path),
  }));
  const random = seededRandom(options.seed);
  const stats = new Map<string, FormatStats>();
  const failures: Failure[] = [];
  /** Mutated inputs a reader was stopped on at its time limit. */
  const stopped: { name: string; saved?: string }[] = [];
  const reader = new Sandbox(1, { timeLimit: options.limitSeconds });
  let peakRssMb = 0;
  let cliPeakRssMb = 0;
  /** What each whole-command input ended as. */
  const outcomes: {
    name: string;
    messageId: string;
    exitCode: number | null;
    ms: number;
    rssMb: number;
    said: number;
  }[] = [];

  const statsOf = (format: string) => {
    const entry = stats.get(format) ?? {
      cases: 0,
      read: 0,
      refused: {},
      internal: 0,
      hangs: 0,
      slowestMs: 0,
      peakRssMb: 0,
    };
    stats.set(format, entry);
    entry.cases++;
    return entry;
  };
  /** One input through the whole command, `report validate FILE`, as its own process: its peak RSS is its own. */
  const runCli = (name: string, format: string, path: string) => {
    const entry = statsOf(format);
    const rssFile = join(work, 'rss.txt');
    rmSync(rssFile, { force: true });
    const start = Date.now();
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'bin', 'report.js'),
        'validate',
        path,
        '--format',
        'json',
        '--lang',
        'en',
        ...(options.limitSeconds === undefined ? [] : ['--timeout', String(options.limitSeconds)]),
      ],
      {
        encoding: 'utf8',
        timeout: ((options.limitSeconds ?? DEFAULT_TIME_LIMIT.legacySeconds) + 30) * 1000,
        env: {
          ...process.env,
          NODE_OPTIONS: `--require ${join(ROOT, 'bench', 'record-rss.cjs')}`,
          RECORD_RSS: rssFile,
        },
      },
    );
    const elapsed = Date.now() - start;
    let rssMb = 0;
    try {
      // One line per process (the command and its reader): together they are what the input cost.
      rssMb =
        readFileSync(rssFile, 'utf8')
          .trim()
          .split('\n')
          .reduce((sum, line) => sum + Number(line), 0) /
        1024 /
        1024;
    } catch {}
    entry.slowestMs = Math.max(entry.slowestMs, elapsed);
    entry.peakRssMb = Math.max(entry.peakRssMb, rssMb);
    cliPeakRssMb = Math.max(cliPeakRssMb, rssMb);
    const said = `${result.stdout}${result.stderr}`;
    let messageId = 'unknown';
    try {
      const file = (JSON.parse(result.stdout) as { files: { status: string; error?: { messageId: string } }[] })
        .files[0];
      messageId = file?.error?.messageId ?? file?.status ?? 'unknown';
    } catch {}
    let problem: Failure['problem'] | undefined;
    if (
      messageId === 'internalError' ||
      /internal error|内部错误|\n\s+at .+:\d+:\d+/.test(said) ||
      result.status === null
    )
      problem = 'internal error';
    else if (elapsed > HANG_SECONDS * 1000) problem = 'hang';
    else if (rssMb > RSS_TARGET_MB) problem = 'memory';
    outcomes.push({
      name,
      messageId,
      exitCode: result.status,
      ms: elapsed,
      rssMb: Math.round(rssMb),
      said: said.split('\n').filter(Boolean).length,
    });
    if (messageId === 'ok' || messageId === 'invalid') entry.read++;
    else entry.refused[messageId] = (entry.refused[messageId] ?? 0) + 1;
    if (problem === 'hang') entry.hangs++;
    if (problem === 'internal error') entry.internal++;
    if (problem)
      failures.push({
        name,
        format,
        problem,
        detail: `${said.slice(0, 600)} (exit ${result.status}, ${elapsed} ms, ${rssMb.toFixed(0)} MB)`,
      });
  };

  /** One mutated input through the reading path in this process (the reader's worker, the rules, the renderers). */
  const run = async (name: string, format: string, path: string, bytes: Buffer | undefined) => {
    const entry = statsOf(format);
    let casePeak = process.memoryUsage.rss();
    const sampler = setInterval(() => {
      casePeak = Math.max(casePeak, process.memoryUsage.rss());
    }, 5);
    sampler.unref();
    const start = Date.now();
    let problem: Failure['problem'] | undefined;
    let detail = '';
    let stoppedAtLimit = false;
    try {
      const report = await reader.read(path, { lenient: random() < 0.5 });
      const validation = validateReport(report, { lang: 'en', rules: {} });
      if (validation.edition)
        await renderOutputs(report.model, validation.edition, ['json', 'html'], {
          docxStyle: 'gbt9704',
          notValidated: true,
          generator: 'fuzz',
        });
      entry.read++;
    } catch (error) {
      if (error instanceof ReadError) {
        entry.refused[error.messageId] = (entry.refused[error.messageId] ?? 0) + 1;
        stoppedAtLimit = error.messageId === 'readTimeout';
        detail = error.describe('en');
      } else {
        problem = 'internal error';
        detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      }
    } finally {
      clearInterval(sampler);
    }
    const elapsed = Date.now() - start;
    casePeak = Math.max(casePeak, process.memoryUsage.rss()) / 1024 / 1024;
    entry.slowestMs = Math.max(entry.slowestMs, elapsed);
    entry.peakRssMb = Math.max(entry.peakRssMb, casePeak);
    peakRssMb = Math.max(peakRssMb, casePeak);
    if (!problem && elapsed > HANG_SECONDS * 1000) problem = 'hang';
    // A parser caught in a loop is stopped in time, not a failure; its input is kept all the same, as a regression.
    if (stoppedAtLimit && !problem) stopped.push({ name, ...keep(format, name, bytes) });
    if (!problem) return;
    if (problem === 'hang') entry.hangs++;
    if (problem === 'internal error') entry.internal++;
    failures.push({
      name,
      format,
      problem,
      detail: `${detail.split('\n').slice(0, 6).join('\n')} (${elapsed} ms, ${casePeak.toFixed(0)} MB)`,
      ...keep(format, name, bytes),
    });
  };

  /** With --save, a caught input is written to fixtures/fuzz/, where every later run and `npm test` try it first. */
  const keep = (format: string, name: string, bytes: Buffer | undefined): { saved?: string } => {
    if (!options.save || !bytes) return {};
    mkdirSync(join(ROOT, 'fixtures', 'fuzz'), { recursive: true });
    const saved = join('fixtures', 'fuzz', `${format}-seed${options.seed}-${name.replace(/\W+/g, '-')}.${format}`);
    writeFileSync(join(ROOT, saved), bytes);
    return { saved };
  };

  try {
    // Every input the fuzzer ever caught, first.
    const regressions = join(ROOT, 'fixtures', 'fuzz');
    for (const name of safeList(regressions)) {
      const format = extname(name).slice(1);
      runCli(`fixtures/fuzz/${name}`, format, join(regressions, name));
    }
    for (const hostile of manifest.hostile)
      runCli(hostile.name, extname(hostile.path).slice(1) || 'device', hostile.path);
    for (let n = 0; n < options.cases; n++) {
      const seed = seeds[n % seeds.length];
      if (!seed) break;
      const caseRandom = seededRandom(options.seed * 1_000_003 + n);
      let mutation: ReturnType<typeof mutate>;
      try {
        mutation = mutate(seed, caseRandom);
      } catch {
        // A mutation the seed does not allow (e.g. cells of a workbook SheetJS cannot write back): bytes instead.
        mutation = { kind: 'bytes', bytes: Buffer.from(seed.bytes) };
      }
      const path = join(work, `case-${n}.${seed.format}`);
      writeFileSync(path, mutation.bytes);
      await run(`case ${n} (${mutation.kind} of ${seed.name})`, seed.format, path, mutation.bytes);
      if (options.progress && n % 500 === 499) process.stderr.write(`fuzz: ${n + 1} of ${options.cases} cases\n`);
      rmSync(path, { force: true });
    }
  } finally {
    await reader.close();
    rmSync(work, { recursive: true, force: true });
  }

  const summary = {
    command: `node dist/scripts/fuzz.js ${process.argv.slice(2).join(' ')}`.trim(),
    node: process.version,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    cases: [...stats.values()].reduce((sum, entry) => sum + entry.cases, 0),
    internalErrors: failures.filter((failure) => failure.problem === 'internal error').length,
    hangs: failures.filter((failure) => failure.problem === 'hang').length,
    stoppedAtLimit: [...stats.values()].reduce((sum, entry) => sum + (entry.refused.readTimeout ?? 0), 0),
    stopped,
    overMemory: failures.filter((failure) => failure.problem === 'memory').length,
    peakRssMb: Math.round(peakRssMb),
    cliPeakRssMb: Math.round(cliPeakRssMb),
    processMaxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    formats: Object.fromEntries(stats),
    outcomes,
    failures,
  };
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary);
  void random;
  return failures.length ? 1 : 0;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => !name.startsWith('.') && name !== 'README.md')
      .sort();
  } catch {
    return [];
  }
}

function printSummary(summary: {
  command: string;
  seconds: number;
  cases: number;
  internalErrors: number;
  hangs: number;
  stoppedAtLimit: number;
  overMemory: number;
  peakRssMb: number;
  cliPeakRssMb: number;
  processMaxRssMb: number;
  formats: Record<string, FormatStats>;
  failures: Failure[];
  stopped: { name: string; saved?: string }[];
}): void {
  const print = (line = '') => process.stdout.write(`${line}\n`);
  print(`${summary.command} — ${summary.cases} cases in ${summary.seconds} s`);
  print('format   cases   read  refused  internal  hangs  slowest ms  peak RSS MB  refused as');
  for (const [format, entry] of Object.entries(summary.formats)) {
    const refused = Object.values(entry.refused).reduce((sum, count) => sum + count, 0);
    const reasons = Object.entries(entry.refused)
      .sort((a, b) => b[1] - a[1])
      .map(([id, count]) => `${id} ${count}`)
      .join(', ');
    print(
      `${format.padEnd(9)}${String(entry.cases).padStart(5)}${String(entry.read).padStart(7)}${String(refused).padStart(9)}${String(entry.internal).padStart(10)}${String(entry.hangs).padStart(7)}${String(entry.slowestMs).padStart(12)}${entry.peakRssMb.toFixed(0).padStart(13)}  ${reasons}`,
    );
  }
  print(
    `internal errors ${summary.internalErrors}, hangs (over ${HANG_SECONDS} s) ${summary.hangs}, stopped at the reading time limit ${summary.stoppedAtLimit}, inputs over ${RSS_TARGET_MB} MB ${summary.overMemory}; peak RSS of one input's own process (hostile and regression inputs, \`report validate\`) ${summary.cliPeakRssMb} MB; the fuzzer's process over all mutated cases ${summary.processMaxRssMb} MB`,
  );
  for (const input of summary.stopped)
    print(`stopped at the time limit: ${input.name}${input.saved ? ` → ${input.saved}` : ''}`);
  for (const failure of summary.failures)
    print(`FAIL ${failure.problem}: ${failure.name}${failure.saved ? ` → ${failure.saved}` : ''}\n  ${failure.detail}`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`fuzz: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
