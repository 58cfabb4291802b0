// `npm run bench:stages`: what each stage of the pipeline costs per report, in-process, and what the DOCX adds to a
// whole `report convert`. Prints a table and writes bench/results/stages.json; reports figures, judges only the one
// target that is a ratio of two of them (all outputs ≤ 2× `--to json,html`). Needs `npm run build` first.
//
// In-process: each stage run alone in a loop over both examples (2019, 2021) and both DOCX styles, after a warm-up;
// per call the wall time and the process's CPU time (process.cpuUsage, user + system: on a shared machine it counts
// only what this process did). Medians, because other work on the machine lengthens some calls a lot and most not.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = (path) => require(join(root, 'dist', 'src', path));
const { readInputSync } = dist('read/read-input.js');
const { readJson } = dist('read/json-reader.js');
const { validateReport } = dist('validate/validate-report.js');
const { layoutReport } = dist('render/layout.js');
const { renderJson } = dist('render/json.js');
const { renderHtml } = dist('render/html.js');
const { renderDocx } = dist('render/docx.js');

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 50);
const CONVERT_COUNT = Number(process.env.BENCH_CONVERT_COUNT ?? 200);
const CONVERT_RUNS = Number(process.env.BENCH_CONVERT_RUNS ?? 3);
const GENERATOR = 'report bench';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** Wall and CPU milliseconds of `stage(i)`, per call, medians over ITERATIONS calls after WARMUP. */
async function time(stage) {
  for (let i = 0; i < WARMUP; i++) await stage(i);
  const wall = [];
  const cpu = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    await stage(i);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

const workbook = join(root, 'fixtures', 'example-2021.xlsx');
const examples = ['example-2021', 'example-2019'].map((name) => {
  const report = readJson(readFileSync(join(root, 'fixtures', `${name}.json`), 'utf8'), `${name}.json`);
  const { edition, diagnostics } = validateReport(report, { lang: 'zh' });
  if (!edition) throw new Error(`${name}: no edition (${diagnostics.length} diagnostics)`);
  return { name, report, edition, document: layoutReport(report.model, edition) };
});
const example = (i) => examples[i % examples.length];
const styles = ['gbt9704', 'plain'];

const loadBefore = loadavg();
const stages = {
  'read a template workbook (SheetJS, example-2021.xlsx)': await time(() => readInputSync(workbook)),
  validate: await time((i) => validateReport(example(i).report, { lang: 'zh' })),
  layout: await time((i) => layoutReport(example(i).report.model, example(i).edition)),
  'render JSON': await time((i) => renderJson(example(i).report.model, example(i).edition)),
  'render HTML': await time((i) => renderHtml(example(i).document, example(i).report.model, GENERATOR)),
  'render DOCX': await time((i) => renderDocx(example(i).document, styles[(i >> 1) % 2], GENERATOR)),
};
const loadDuring = loadavg();

// Whole processes: `report convert` of CONVERT_COUNT JSON reports (both editions, distinct agencies) on one worker,
// all outputs against `--to json,html`, in turn (A B A B …) so a change in the machine's load hits both alike.
const convert = CONVERT_COUNT > 0 ? benchConvert(CONVERT_COUNT) : undefined;
const loadAfter = loadavg();

const pad = (text, width) => String(text).padEnd(width);
const print = (line = '') => process.stdout.write(`${line}\n`);
print(
  `report bench:stages — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore[0].toFixed(1)} → ${loadAfter[0].toFixed(1)}`,
);
print(`per report, in-process: medians of ${ITERATIONS} calls after ${WARMUP} (example-2021 and example-2019)\n`);
print(`${pad('stage', 56)}${pad('wall ms', 10)}CPU ms`);
for (const [name, figures] of Object.entries(stages)) {
  print(`${pad(name, 56)}${pad(figures.wallMs.toFixed(2), 10)}${figures.cpuMs.toFixed(2)}`);
}
let missed = 0;
if (convert) {
  print(`\nreport convert of ${CONVERT_COUNT} JSON reports, --jobs 1, median of ${CONVERT_RUNS} runs each`);
  print(`${pad('outputs', 56)}${pad('wall s', 10)}${pad('CPU s', 10)}reports/s`);
  for (const [name, run] of Object.entries(convert.runs)) {
    print(`${pad(name, 56)}${pad(run.wallS.toFixed(2), 10)}${pad(run.cpuS.toFixed(2), 10)}${run.rate.toFixed(0)}`);
  }
  const ok = convert.ratio <= 2;
  if (!ok) missed++;
  print(
    `\n${ok ? 'PASS' : 'MISS'}  all outputs / --to json,html: ${convert.ratio.toFixed(2)}× wall, ${convert.cpuRatio.toFixed(2)}× CPU (target ≤ 2×)`,
  );
}

mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', 'stages.json'),
  `${JSON.stringify(
    {
      node: process.version,
      cpus: cpus().length,
      loadAverage: { before: loadBefore, duringStages: loadDuring, after: loadAfter },
      iterations: ITERATIONS,
      warmup: WARMUP,
      stages,
      convert,
    },
    null,
    2,
  )}\n`,
);
process.exitCode = missed ? 1 : 0;

/** Writes `count` JSON reports and converts them with all outputs and with `--to json,html`, CONVERT_RUNS times each. */
function benchConvert(count) {
  const base = join(tmpdir(), `report-bench-stages-${process.pid}`);
  const inputs = join(base, 'inputs');
  mkdirSync(inputs, { recursive: true });
  for (let i = 0; i < count; i++) {
    const { name, report } = example(i);
    const model = { ...structuredClone(report.model), agency: `某市第${i + 1}局` };
    writeFileSync(join(inputs, `${name}-${String(i).padStart(4, '0')}.json`), JSON.stringify(model));
  }
  const variants = { 'all outputs (docx, html, json)': [], 'json,html': ['--to', 'json,html'] };
  const samples = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  try {
    for (let run = 0; run < CONVERT_RUNS; run++) {
      for (const [name, extra] of Object.entries(variants)) {
        const out = join(base, 'out');
        rmSync(out, { recursive: true, force: true });
        const cpuBefore = childCpu();
        const start = process.hrtime.bigint();
        const result = spawnSync(
          process.execPath,
          [join(root, 'bin', 'report.js'), 'convert', inputs, '-o', out, '--jobs', '1', ...extra],
          { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: '1' } },
        );
        const wallS = Number(process.hrtime.bigint() - start) / 1e9;
        if (result.status !== 0)
          throw new Error(`convert ${name} exited ${result.status}: ${result.stderr.toString().slice(-2000)}`);
        samples[name].push({ wallS, cpuS: childCpu() - cpuBefore });
      }
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  const runs = Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      const wallS = median(list.map((sample) => sample.wallS));
      return [name, { wallS, cpuS: median(list.map((sample) => sample.cpuS)), rate: count / wallS }];
    }),
  );
  const [all, light] = Object.values(runs);
  return { count, jobs: 1, runs, ratio: all.wallS / light.wallS, cpuRatio: all.cpuS / light.cpuS };
}

/** CPU seconds of this process's finished children (user + system), from the kernel's accounting. */
function childCpu() {
  // Fields 16 and 17 of /proc/self/stat: cutime and cstime, in clock ticks (100 a second on Linux); elsewhere NaN.
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}
