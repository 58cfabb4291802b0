// `npm run bench`: start-up and speed of whole `report` processes against bare baselines, and peak memory.
// Prints a table, writes bench/results/latest.json, and exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'report.js');
const workbook = join(root, 'fixtures', 'example-2021.xlsx');
const WARMUP = 3;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function measure(args, expectedCode = 0) {
  const rssFile = join(tmpdir(), `report-bench-rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const times = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: `--require ${join(root, 'bench', 'record-rss.cjs')}`, RECORD_RSS: rssFile },
    });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== expectedCode) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    if (run >= WARMUP) times.push(elapsed);
  }
  const rss = readFileSync(rssFile, 'utf8').trim().split('\n').map(Number);
  rmSync(rssFile, { force: true });
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { median: at(0.5), p90: at(0.9), min: times[0], peakRssMb: Math.max(...rss) / 1024 / 1024 };
}

const buildDir = join(tmpdir(), `report-bench-build-${process.pid}`);
const rows = {
  'report validate example-2021.xlsx': measure([bin, 'validate', workbook]),
  'report build example-2021.xlsx (docx+html+json)': measure([bin, 'build', workbook, '-o', buildDir]),
  'node bench/read-workbook.cjs (SheetJS read only)': measure([join(root, 'bench', 'read-workbook.cjs'), workbook]),
  'report --version': measure([bin, '--version']),
  'node -e 0': measure(['-e', '0']),
};

rmSync(buildDir, { recursive: true, force: true });
const [validate, build, bare, version, empty] = Object.values(rows);
const targets = [
  { name: 'validate / bare SheetJS read', value: validate.median / bare.median, limit: 1.5, unit: '×' },
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
for (const target of targets) {
  const ok = target.value <= target.limit;
  if (!ok) missed++;
  print(
    `${ok ? 'PASS' : 'MISS'}  ${pad(target.name, 34)} ${target.value.toFixed(2)}${target.unit} (target ≤ ${target.limit}${target.unit})`,
  );
}

print(`      ${pad('build / validate (no target)', 34)} ${buildRatio.toFixed(2)}×`);

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'latest.json'),
  `${JSON.stringify({ node: process.version, runs: RUNS, rows, targets, buildRatio }, null, 2)}\n`,
);
process.exitCode = missed ? 1 : 0;
