// `npm run fuzz`: mutated copies of a valid input of every format, the hostile inputs of issue 7 and every input the
// fuzzer ever caught (fixtures/fuzz/) go through the real reading path. The hostile and caught ones run as whole
// `report validate` processes (their own time and peak RSS); the mutated ones run in this process through the
// sandbox (a child process under a time and memory limit), then the rules and the JSON and HTML renderers. Counts per
// format what was read, what was refused and why, internal errors, hangs and peak memory; exits 1 on any internal
// error, hang or input over the memory target. --save keeps each caught input under fixtures/fuzz/.
// Then whole-process scenarios (scripts/fuzz/processes.ts): every hostile input through validate, import, build and
// convert, a pipe closed by its reader, signals in the middle of a batch, odd folders (--processes full, the default;
// quick, a slice for the tests; none); and the HTML oracle (scripts/fuzz/html-oracle.ts): every page whose import
// verdict is ok, rendered in headless Chromium, must show each imported figure where the importer took it from
// (--no-html-oracle skips it; --oracle-pages N caps the pages).
//
//   node dist/scripts/fuzz.js [--cases 10000] [--seed 1] [--limit 10] [--no-hostile] [--save] [--json] [--progress]
//                             [--processes full|quick|none] [--no-html-oracle] [--oracle-pages 2000]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { countBySeverity } from '../src/diagnostics/diagnostic';
import { numberAt } from '../src/model/pointer';
import { ReadError, type ReadReport } from '../src/model/read-report';
import { renderOutputs } from '../src/output/render-outputs';
import { DEFAULT_TIME_LIMIT } from '../src/read/time-limit';
import { Sandbox } from '../src/sandbox/sandbox-pool';
import { importVerdict } from '../src/validate/import-verdict';
import { type Validation, validateReport } from '../src/validate/validate-report';
import { type OracleCase, type OracleResult, runHtmlOracle } from './fuzz/html-oracle';
import { type InputManifest, MANIFEST } from './fuzz/make-inputs';
import { mutate } from './fuzz/mutate';
import { type HostileInput, type ProcessOutcome, ProcessRunner, writeSmallReports } from './fuzz/processes';
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
  processes: 'full' | 'quick' | 'none';
  htmlOracle: boolean;
  oraclePages: number;
  /** `--max-scale N`: the largest list or string the scale mutations make (10³…10⁶; default 10⁶). */
  maxScale: number;
}

/** Peak RSS any single input may drive the process to. */
const RSS_TARGET_MB = 300;
/** Peak RSS of `convert` of a folder of one input: its own process and its readers' (two at a time), added up. */
const CONVERT_RSS_TARGET_MB = 1024;
/** The largest input kept in fixtures/fuzz/ by --save. */
const MAX_KEPT_BYTES = 1024 * 1024;
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
  /** How to write the input again when it was not kept: `node dist/scripts/fuzz/replay.js --seed S --case N`. */
  replay?: string;
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
    processes: processMode(argv.includes('--processes') ? argv[argv.indexOf('--processes') + 1] : undefined),
    htmlOracle: !argv.includes('--no-html-oracle'),
    oraclePages: value('--oracle-pages', 2000),
    maxScale: value('--max-scale', 1_000_000),
  };
}

function processMode(value: string | undefined): Options['processes'] {
  return value === 'quick' || value === 'none' ? value : 'full';
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
  // The report's plain text, which the PDF scale mutations lay out (scale.ts).
  const context = {
    text: seeds.find((seed) => seed.name === 'published.txt')?.bytes.toString('utf8') ?? '',
    maxScale: options.maxScale,
  };
  /** Seconds each phase took: the hostile and caught inputs, the mutated cases, the processes, the oracle. */
  const phases: Record<string, number> = {};
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phases[name] = Math.round((Date.now() - phaseStart) / 100) / 10;
    phaseStart = Date.now();
  };
  /** How many mutated cases each family made (`scale-tr-100000` counts as `scale-tr`). */
  const mutations: Record<string, number> = {};
  /** Pages whose import verdict is ok, for the HTML oracle. */
  const oracleCases: OracleCase[] = [];
  const stats = new Map<string, FormatStats>();
  const failures: Failure[] = [];
  /** Mutated inputs a reader was stopped on at its time limit. */
  const stopped: { name: string; saved?: string; replay?: string }[] = [];
  const reader = new Sandbox(1, { timeLimit: options.limitSeconds });
  const runner = new ProcessRunner({
    root: ROOT,
    work,
    hangSeconds: HANG_SECONDS,
    rssTargetMb: RSS_TARGET_MB,
    convertRssTargetMb: CONVERT_RSS_TARGET_MB,
    ...(options.limitSeconds === undefined ? {} : { limitSeconds: options.limitSeconds }),
  });
  let oracle: OracleResult | undefined;
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
        // Findings are capped at 500, but a hostile input's own text may still be long: a small buffer would end the
        // command, not the command itself.
        maxBuffer: 256 * 1024 * 1024,
        timeout: ((options.limitSeconds ?? DEFAULT_TIME_LIMIT.legacySeconds) + 30) * 1000,
        env: {
          ...process.env,
          NODE_OPTIONS: `--require ${join(ROOT, 'scripts', 'fuzz', 'record-hwm.cjs')}`,
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
      const lenient = random() < 0.5;
      const report = await reader.read(path, { lenient });
      const validation = validateReport(report, { lang: 'en', rules: {} });
      if (format === 'html' && bytes) collectOracle(name, bytes, report, validation, lenient);
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
    // A parser caught in a loop is stopped in time, not a failure; its input is kept all the same, as a regression —
    // but for a list grown to 10⁴–10⁶, which the time limit is there to stop (its case number replays it).
    if (stoppedAtLimit && !problem)
      stopped.push({ name, ...(/\(scale-/.test(name) ? replayOf(name) : keep(format, name, bytes)) });
    if (!problem) return;
    if (problem === 'hang') entry.hangs++;
    if (problem === 'internal error') entry.internal++;
    failures.push({
      name,
      format,
      problem,
      detail: `${detail.split('\n').slice(0, 6).join('\n')} (${elapsed} ms, ${casePeak.toFixed(0)} MB)`,
      ...keep(format, name, bytes),
      ...replayOf(name),
    });
  };

  /** The command that writes a mutated case again. */
  const replayOf = (name: string): { replay?: string } => {
    const n = /^case (\d+) /.exec(name)?.[1];
    return n === undefined
      ? {}
      : {
          replay: `node dist/scripts/fuzz/replay.js --seed ${options.seed} --case ${n}${options.maxScale === 1_000_000 ? '' : ` --max-scale ${options.maxScale}`}`,
        };
  };

  /** A page read as a published report with the verdict ok: every figure it gave, with its table, row and column. */
  const collectOracle = (
    name: string,
    bytes: Buffer,
    report: ReadReport,
    validation: Validation,
    lenient: boolean,
    saved?: string,
  ) => {
    if (!options.htmlOracle || oracleCases.length >= options.oraclePages) return;
    const edition = validation.edition;
    if (report.readAs !== 'published' || !edition) return;
    const { errors } = countBySeverity(validation.diagnostics);
    if (importVerdict(report.model, edition, errors, report.findings).status !== 'ok') return;
    const figures: OracleCase['figures'] = [];
    for (const [pointer, source] of report.sources) {
      const value = numberAt(report.model, pointer);
      if (value === undefined || source.table === undefined || source.row === undefined || source.column === undefined)
        continue;
      figures.push({ pointer, value, table: source.table, row: source.row, column: source.column });
    }
    oracleCases.push({
      name,
      html: bytes.toString('utf8'),
      edition,
      lenient,
      figures,
      keep: () => saved ?? keep('html', `oracle-${name}`, bytes).saved,
    });
  };

  /** With --save, a caught input is written to fixtures/fuzz/, where every later run and `npm test` try it first. */
  const keep = (format: string, name: string, bytes: Buffer | undefined): { saved?: string } => {
    // fixtures/fuzz/ holds small inputs (every test run reads them all); a larger one is replayed from its case
    // number: node dist/scripts/fuzz/replay.js --seed S --case N (scripts/fuzz/replay.ts).
    if (!options.save || !bytes || bytes.length > MAX_KEPT_BYTES) return {};
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
    phase('hostile and caught inputs (validate)');
    for (let n = 0; n < options.cases; n++) {
      const seed = seeds[n % seeds.length];
      if (!seed) break;
      const caseRandom = seededRandom(options.seed * 1_000_003 + n);
      let mutation: ReturnType<typeof mutate>;
      try {
        mutation = mutate(seed, caseRandom, context);
      } catch {
        // A mutation the seed does not allow (e.g. cells of a workbook SheetJS cannot write back): bytes instead.
        mutation = { kind: 'bytes', bytes: Buffer.from(seed.bytes) };
      }
      const family = `${seed.format} ${mutation.kind.replace(/-\d+$/, '').replace(/^shown-.*/, 'shown')}`;
      mutations[family] = (mutations[family] ?? 0) + 1;
      const path = join(work, `case-${n}.${seed.format}`);
      writeFileSync(path, mutation.bytes);
      await run(`case ${n} (${mutation.kind} of ${seed.name})`, seed.format, path, mutation.bytes);
      if (options.progress && n % 500 === 499) process.stderr.write(`fuzz: ${n + 1} of ${options.cases} cases\n`);
      rmSync(path, { force: true });
    }
    phase('mutated cases');
    // The seed page itself, first among the oracle's pages (a mismatch there is the oracle's own mistake), then the
    // pages it once caught (fixtures/fuzz/html-*-oracle-*.html).
    const page = seeds.find((seed) => seed.name === 'published.html');
    if (options.htmlOracle) {
      const caught = safeList(join(ROOT, 'fixtures', 'fuzz'))
        .filter((name) => /^html-.*oracle.*\.html$/.test(name))
        .map((name) => ({ name: `fixtures/fuzz/${name}`, path: join(ROOT, 'fixtures', 'fuzz', name), saved: true }));
      const firstPages = [
        ...(page ? [{ name: 'seed published.html', path: join(work, 'published.html'), saved: false }] : []),
        ...caught,
      ];
      if (page) writeFileSync(join(work, 'published.html'), page.bytes);
      const mutated = oracleCases.splice(0);
      for (const first of firstPages) {
        try {
          const report = await reader.read(first.path, { lenient: true });
          const bytes = readFileSync(first.path);
          const validation = validateReport(report, { lang: 'en', rules: {} });
          collectOracle(first.name, bytes, report, validation, true, first.saved ? first.name : undefined);
        } catch {}
      }
      oracleCases.push(...mutated);
    }
    if (options.processes !== 'none') {
      if (options.progress) process.stderr.write('fuzz: whole-process scenarios\n');
      await processScenarios(runner, options.processes, manifest, seeds);
      phase('whole-process scenarios');
    }
    if (options.htmlOracle) {
      if (options.progress) process.stderr.write(`fuzz: HTML oracle over ${oracleCases.length} pages\n`);
      oracle = await runHtmlOracle(oracleCases);
      phase('HTML oracle');
    }
  } finally {
    await reader.close();
    // `rm -rf`: the deep-path scenario leaves folders past PATH_MAX, which fs.rmSync cannot reach.
    spawnSync('rm', ['-rf', work]);
  }
  const processFailures = runner.outcomes.filter((outcome) => outcome.problems.length > 0);

  const summary = {
    command: `node dist/scripts/fuzz.js ${process.argv.slice(2).join(' ')}`.trim(),
    node: process.version,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    phases,
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
    mutations,
    outcomes,
    failures,
    processes: runner.outcomes,
    processFailures,
    oracle,
  };
  if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printSummary(summary);
  void random;
  return failures.length || processFailures.length || oracle?.mismatches.length ? 1 : 0;
}

/**
 * The whole-process scenarios. full: every hostile input through validate, import, build and convert; quick (the
 * tests' slice): the inputs with terminal controls through all four, the JSON ones grown to 10⁵–10⁶ through build
 * (validate already ran every hostile input); both: a pipe closed after one line, signals mid-batch, odd folders.
 */
async function processScenarios(
  runner: ProcessRunner,
  mode: 'full' | 'quick',
  manifest: InputManifest,
  seeds: readonly Seed[],
): Promise<void> {
  const all = ['validate', 'import', 'build', 'convert'];
  for (const input of manifest.hostile as HostileInput[]) {
    if (mode === 'full') await runner.commands(input, all);
    else if (input.group === 'control') await runner.commands(input, all);
    else if (input.group === 'scale' && input.path.endsWith('.json')) await runner.commands(input, ['build']);
  }
  // The reproducers of issue 22 kept in fixtures/fuzz/ (already validated with the caught inputs): the other commands.
  for (const name of safeList(join(ROOT, 'fixtures', 'fuzz')).filter((file) => file.includes('-issue22-')))
    await runner.commands(
      { name: `fixtures/fuzz/${name}`, path: join(ROOT, 'fixtures', 'fuzz', name), group: 'issue22' },
      mode === 'full' ? all : ['import', 'build'],
    );
  const report = seeds.find((seed) => seed.name === 'example-2021.json')?.bytes ?? Buffer.alloc(0);
  const model = JSON.parse(report.toString('utf8')) as Record<string, unknown>;
  const inputs = runner.folder('pipe-inputs');
  // 20,000 paragraphs of the wrong type: 20,000 lines of errors, far more than a pipe holds.
  const noisy = join(inputs, 'overview-20k-numbers.json');
  writeFileSync(noisy, JSON.stringify({ ...model, overview: Array.from({ length: 20_000 }, (_, i) => i) }));
  const long = join(inputs, 'paragraphs-50k.json');
  writeFileSync(long, JSON.stringify({ ...model, overview: Array.from({ length: 50_000 }, (_, i) => `第${i}段。`) }));
  await runner.closedPipe('validate … | head -1', ['validate', noisy, '--lang', 'en']);
  await runner.closedPipe('validate --format json … | head -1', ['validate', noisy, '--format', 'json']);
  await runner.closedPipe('import … -o - | head -1', ['import', long, '-o', '-', '--lang', 'en']);
  await runner.closedPipe('validate … 2>&1 | head -1', ['validate', noisy, '--lang', 'en'], true);
  const batch = runner.folder('batch');
  writeSmallReports(batch, report, 300);
  if (mode === 'full') {
    await runner.closedPipe('schema | head -1', ['schema']);
    await runner.closedPipe('rules | head -1', ['rules', '--lang', 'en']);
    const out = runner.folder('pipe-convert-out');
    await runner.closedPipe('convert … | head -1', ['convert', batch, '-o', out, '--lang', 'en']);
  }
  for (const signals of [
    ['SIGINT'],
    ['SIGTERM'],
    ['SIGHUP'],
    ...(mode === 'full' ? [['SIGINT', 'SIGINT']] : []),
  ] as NodeJS.Signals[][])
    await runner.signal(`${signals.join(' then ')} mid-convert of 300 reports`, batch, signals);
  await runner.oddFolders(report);
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
  phases: Record<string, number>;
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
  stopped: { name: string; saved?: string; replay?: string }[];
  processes: ProcessOutcome[];
  processFailures: ProcessOutcome[];
  oracle: OracleResult | undefined;
}): void {
  const print = (line = '') => process.stdout.write(`${line}\n`);
  print(`${summary.command} — ${summary.cases} cases in ${summary.seconds} s`);
  print(
    Object.entries(summary.phases)
      .map(([name, seconds]) => `${name} ${seconds} s`)
      .join('; '),
  );
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
    print(
      `stopped at the time limit: ${input.name}${input.saved ? ` → ${input.saved}` : input.replay ? ` (${input.replay})` : ''}`,
    );
  for (const failure of summary.failures)
    print(
      `FAIL ${failure.problem}: ${failure.name}${failure.saved ? ` → ${failure.saved}` : failure.replay ? ` (${failure.replay})` : ''}\n  ${failure.detail}`,
    );
  if (summary.processes.length) {
    print();
    print('scenario  runs  ok  refused  failed  slowest ms  peak RSS MB  problems');
    const scenarios = [...new Set(summary.processes.map((outcome) => outcome.scenario))];
    for (const scenario of scenarios) {
      const runs = summary.processes.filter((outcome) => outcome.scenario === scenario);
      const problems = new Map<string, number>();
      for (const run of runs)
        for (const problem of run.problems) problems.set(problem, (problems.get(problem) ?? 0) + 1);
      print(
        `${scenario.padEnd(9)}${String(runs.length).padStart(5)}${String(runs.filter((run) => run.verdict === 'ok').length).padStart(4)}${String(runs.filter((run) => run.verdict === 'refused').length).padStart(9)}${String(runs.filter((run) => run.problems.length).length).padStart(8)}${String(Math.max(...runs.map((run) => run.ms))).padStart(12)}${String(Math.max(...runs.map((run) => run.rssMb))).padStart(13)}  ${[...problems].map(([problem, count]) => `${problem} ${count}`).join(', ')}`,
      );
    }
    for (const outcome of summary.processes)
      if (outcome.notes && !outcome.problems.length)
        print(`note: ${outcome.scenario} ${outcome.name}: ${outcome.notes.join('; ')}`);
    for (const outcome of summary.processFailures)
      print(
        `FAIL ${outcome.problems.join(', ')}: ${outcome.scenario} ${outcome.name} (exit ${outcome.exitCode ?? outcome.signal}, ${outcome.ms} ms, ${outcome.rssMb} MB, ${outcome.lines} lines)\n  ${outcome.command}${outcome.notes ? `\n  ${outcome.notes.join('\n  ')}` : ''}\n  ${outcome.detail.split('\n').slice(0, 4).join('\n  ')}`,
      );
  }
  const oracle = summary.oracle;
  if (oracle) {
    print();
    print(
      oracle.skipped
        ? `HTML oracle: skipped (${oracle.skipped})`
        : `HTML oracle: ${oracle.pages} pages with the verdict ok, ${oracle.figures} figures compared with Chromium, ${oracle.mismatches.length} mismatches, ${oracle.failedPages.length} pages not rendered, ${(oracle.ms / 1000).toFixed(1)} s`,
    );
    if (oracle.renumbered.length)
      print(
        `the browser numbers ${oracle.renumbered.length} tables otherwise (an unclosed tag, a table left empty) and shows every figure of each in the same places: ${[
          ...new Set(oracle.renumbered.map((entry) => entry.name)),
        ]
          .slice(0, 5)
          .join('; ')}`,
      );
    for (const failed of oracle.failedPages) print(`not rendered: ${failed.name}: ${failed.error}`);
    const byPage = new Map<string, OracleResult['mismatches']>();
    for (const mismatch of oracle.mismatches)
      byPage.set(mismatch.name, [...(byPage.get(mismatch.name) ?? []), mismatch]);
    for (const [name, mismatches] of byPage) {
      const saved = mismatches[0]?.saved;
      print(`FAIL html oracle: ${name}${saved ? ` → ${saved}` : ''}: ${mismatches.length} figures`);
      for (const mismatch of mismatches.slice(0, 3))
        print(
          `  ${mismatch.pointer} imported as ${mismatch.figure}, the browser shows ${mismatch.shown === undefined ? 'nothing' : JSON.stringify(mismatch.shown)} at ${mismatch.place}`,
        );
    }
  }
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
