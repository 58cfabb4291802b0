// `npm run bench`: start-up and speed of whole `report` processes against bare baselines, and peak memory.
// Prints a table, writes bench/results/latest.json, and exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchPage } from './page.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'report.js');
const workbook = join(root, 'fixtures', 'example-2021.xlsx');
const WARMUP = 3;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function measure(args, expectedCode = 0, runs = RUNS, warmup = WARMUP) {
  const rssFile = join(tmpdir(), `report-bench-rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const times = [];
  for (let run = 0; run < warmup + runs; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: `--require ${join(root, 'bench', 'record-rss.cjs')}`, RECORD_RSS: rssFile },
    });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== expectedCode) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (run >= warmup) times.push(elapsed);
  }
  const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
  rmSync(rssFile, { force: true });
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { median: at(0.5), p90: at(0.9), min: times[0], peakRssMb: Math.max(...rss) / 1024 / 1024 };
}

const buildDir = join(tmpdir(), `report-bench-build-${process.pid}`);
// validate of many workbooks in one process (one reading worker for all) against a bare SheetJS read of the same files.
const MANY = Number(process.env.BENCH_VALIDATE_COUNT ?? 200);
const manyDir = join(tmpdir(), `report-bench-many-${process.pid}`);
mkdirSync(manyDir, { recursive: true });
const manyFiles = Array.from({ length: MANY }, (_, i) => {
  const path = join(manyDir, `report-${String(i).padStart(3, '0')}.xlsx`);
  writeFileSync(path, readFileSync(workbook));
  return path;
});
const rows = {
  'report validate example-2021.xlsx': measure([bin, 'validate', workbook]),
  'report build example-2021.xlsx (docx+html+json)': measure([bin, 'build', workbook, '-o', buildDir]),
  'node bench/read-workbook.cjs (SheetJS read only)': measure([join(root, 'bench', 'read-workbook.cjs'), workbook]),
  [`report validate ${MANY} workbooks`]: measure([bin, 'validate', ...manyFiles]),
  [`node bench/read-workbooks.cjs (SheetJS read of ${MANY})`]: measure([
    join(root, 'bench', 'read-workbooks.cjs'),
    ...manyFiles,
  ]),
  'report --version': measure([bin, '--version']),
  'node -e 0': measure(['-e', '0']),
};

rmSync(buildDir, { recursive: true, force: true });
rmSync(manyDir, { recursive: true, force: true });
const [validate, build, bare, validateMany, bareMany, version, empty] = Object.values(rows);

// PDF import against pdfjs's own text extraction of the same file (the real 淮安 report, when ../shared is there).
const pdf = join(root, '..', 'shared', 'corpus', '2024-huaian-city-government.pdf');
const PDF_RUNS = Number(process.env.BENCH_PDF_RUNS ?? 5);
const pdfRows = existsSync(pdf)
  ? {
      'report import huaian-2024.pdf': measure(
        [bin, 'import', pdf, '-o', join(tmpdir(), `report-bench-${process.pid}.json`)],
        0,
        PDF_RUNS,
        1,
      ),
      'node bench/pdf-text.cjs (pdfjs text only)': measure([join(root, 'bench', 'pdf-text.cjs'), pdf], 0, PDF_RUNS, 1),
    }
  : undefined;
if (pdfRows) Object.assign(rows, pdfRows);
else process.stderr.write(`*** SKIPPED: the PDF import target — ${pdf} is missing ***\n`);

// report convert of many generated workbooks (all outputs) on one and on two worker threads: whole runs, once each.
const CONVERT_COUNT = Number(process.env.BENCH_CONVERT_COUNT ?? 1000);
const convertRuns = CONVERT_COUNT > 0 ? await benchConvert(CONVERT_COUNT) : undefined;
// The filer's page (issue 21): its size, and a picked template workbook's time to its result, in headless Chromium.
const page = await benchPage();
const targets = [
  ...(page
    ? [
        { name: "filer's page size", value: page.sizeBytes / 1024 / 1024, limit: 3, unit: ' MB' },
        { name: "filer's page: picked → result (first)", value: page.firstMs, limit: 1000, unit: ' ms' },
        { name: "filer's page: picked → result (median)", value: page.medianMs, limit: 1000, unit: ' ms' },
      ]
    : []),
  ...(convertRuns
    ? [
        { name: 'convert --jobs 2 / --jobs 1 speed', value: convertRuns.speedup, limit: 1.6, unit: '×', atLeast: true },
        {
          name: 'convert --jobs 2, all outputs',
          value: convertRuns.jobs2.rate,
          limit: 100,
          unit: ' reports/s',
          atLeast: true,
        },
        { name: 'peak RSS of convert (--jobs 2)', value: convertRuns.jobs2.peakRssMb, limit: 400, unit: ' MB' },
      ]
    : []),
  { name: 'validate / bare SheetJS read', value: validate.median / bare.median, limit: 1.5, unit: '×' },
  ...(pdfRows
    ? [
        {
          name: 'PDF import / pdfjs text extraction',
          value:
            pdfRows['report import huaian-2024.pdf'].median /
            pdfRows['node bench/pdf-text.cjs (pdfjs text only)'].median,
          limit: 1.3,
          unit: '×',
        },
      ]
    : []),
  {
    name: `validate ${MANY} / bare read of ${MANY}`,
    value: validateMany.median / bareMany.median,
    limit: 1.3,
    unit: '×',
  },
  { name: 'report --version / node -e 0', value: version.median / empty.median, limit: 2, unit: '×' },
  { name: 'peak RSS of report validate', value: validate.peakRssMb, limit: 150, unit: ' MB' },
];
// Reported, no target: what writing the three outputs costs on top of validating.
const buildRatio = build.median / validate.median;

const pad = (text, width) => String(text).padEnd(width);
const print = (line = '') => process.stdout.write(`${line}\n`);
print(
  `report bench — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${RUNS} runs after ${WARMUP} warm-ups\n`,
);
print(`${pad('command', 52)}${pad('median ms', 12)}${pad('p90 ms', 10)}peak RSS MB`);
for (const [name, row] of Object.entries(rows)) {
  print(`${pad(name, 52)}${pad(row.median.toFixed(0), 12)}${pad(row.p90.toFixed(0), 10)}${row.peakRssMb.toFixed(1)}`);
}
print();
let missed = 0;
if (convertRuns) {
  for (const [name, run] of [
    ['--jobs 1', convertRuns.jobs1],
    ['--jobs 2', convertRuns.jobs2],
  ]) {
    print(
      `report convert ${CONVERT_COUNT} workbooks ${pad(name, 10)} ${run.seconds.toFixed(1)} s  ${run.rate.toFixed(1)} reports/s  peak RSS ${run.peakRssMb.toFixed(1)} MB`,
    );
  }
  print();
}
for (const target of targets) {
  const ok = target.atLeast ? target.value >= target.limit : target.value <= target.limit;
  if (!ok) missed++;
  print(
    `${ok ? 'PASS' : 'MISS'}  ${pad(target.name, 34)} ${target.value.toFixed(2)}${target.unit} (target ${target.atLeast ? '≥' : '≤'} ${target.limit}${target.unit})`,
  );
}

print(`      ${pad('build / validate (no target)', 34)} ${buildRatio.toFixed(2)}×`);
if (page) print(`      ${pad("filer's page: opened → ready (no target)", 34)} ${page.readyMs.toFixed(0)} ms`);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'latest.json'),
  `${JSON.stringify({ node: process.version, runs: RUNS, rows, targets, buildRatio, convert: convertRuns, page }, null, 2)}\n`,
);
process.exitCode = missed ? 1 : 0;

/** Writes `count` template workbooks (20 distinct reports, each under several names) and converts them twice. */
async function benchConvert(count) {
  const require = createRequire(import.meta.url);
  const { writeTemplate } = require(join(root, 'dist', 'src', 'template', 'write-template.js'));
  const { getEdition } = require(join(root, 'dist', 'src', 'editions', 'index.js'));
  const example = JSON.parse(readFileSync(join(root, 'fixtures', 'example-2021.json'), 'utf8'));
  const base = join(tmpdir(), `report-bench-convert-${process.pid}`);
  const inputs = join(base, 'inputs');
  mkdirSync(inputs, { recursive: true });
  const distinct = [];
  for (let i = 0; i < 20; i++) {
    const model = structuredClone(example);
    model.agency = `某市第${i + 1}局`;
    model.year = 2021 + (i % 5);
    model.proactive.licensing.decisions += i;
    distinct.push(await writeTemplate(getEdition('2021'), { model }));
  }
  for (let i = 0; i < count; i++)
    writeFileSync(join(inputs, `report-${String(i).padStart(4, '0')}.xlsx`), distinct[i % distinct.length]);
  const run = (jobs) => {
    const out = join(base, `out-${jobs}`);
    const rssFile = join(base, `rss-${jobs}.txt`);
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, 'convert', inputs, '-o', out, '--jobs', String(jobs)], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        ...process.env,
        CI: '1',
        NODE_OPTIONS: `--require ${join(root, 'bench', 'record-rss.cjs')}`,
        RECORD_RSS: rssFile,
      },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0)
      throw new Error(`convert --jobs ${jobs} exited ${result.status}: ${result.stderr.toString().slice(-2000)}`);
    const rss = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
    rmSync(out, { recursive: true, force: true });
    return { seconds, rate: count / seconds, peakRssMb: rss / 1024 / 1024 };
  };
  const jobs1 = run(1);
  const jobs2 = run(2);
  rmSync(base, { recursive: true, force: true });
  return { count, jobs1, jobs2, speedup: jobs2.rate / jobs1.rate };
}
