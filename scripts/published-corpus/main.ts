// `node dist/scripts/published-corpus/main.js [--json] [--seed N] [--per-class N] [--per-external N]`: runs the generated
// import corpus in its own process (pdfjs is an ES module that Jest's runtime cannot load) and prints per-class
// figures (`npm run bench:import`) or every sample's score as JSON (the property test).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ClassTotals, runCorpus } from './corpus-run';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  return Number.isFinite(value) ? value : fallback;
}

const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'report-import-corpus-'));
  const tools = { office: onPath('soffice'), chromium: onPath('/usr/bin/chromium') };
  try {
    const started = Date.now();
    const { totals, results } = await runCorpus({
      seed: option('--seed', 1),
      perDirectClass: option('--per-class', 200),
      perExternalClass: option('--per-external', 20),
      dir,
      tools,
    });
    if (process.argv.includes('--json')) {
      const samples = results.map(({ sample, score }) => ({
        name: sample.name,
        cls: sample.cls,
        edition: sample.edition,
        truncated: sample.truncated,
        garbled: sample.garbled,
        kept: sample.kept.size,
        ...score,
      }));
      process.stdout.write(`${JSON.stringify({ tools, samples })}\n`);
      return;
    }
    process.stdout.write(table(totals, tools, (Date.now() - started) / 1000));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function table(
  totals: Map<string, ClassTotals>,
  tools: { office: boolean; chromium: boolean },
  seconds: number,
): string {
  const head = [
    'class',
    'samples',
    'kept figures',
    'right',
    'wrong',
    'missing',
    'found %',
    'truncated → incomplete',
    'verdicts right',
  ];
  const rows = [...totals].map(([cls, t]) => [
    cls,
    String(t.samples),
    String(t.kept),
    String(t.right),
    String(t.wrong + t.lostButFound),
    String(t.missing),
    t.kept ? ((100 * t.right) / t.kept).toFixed(2) : '—',
    t.truncated ? `${t.truncatedIncomplete}/${t.truncated}` : '—',
    `${t.verdictsRight}/${t.samples}`,
  ]);
  const all = [...totals.values()].reduce(
    (sum, t) => ({ kept: sum.kept + t.kept, right: sum.right + t.right, wrong: sum.wrong + t.wrong + t.lostButFound }),
    { kept: 0, right: 0, wrong: 0 },
  );
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const skipped = [...(tools.office ? [] : ['LibreOffice']), ...(tools.chromium ? [] : ['Chromium'])];
  return [
    line(head),
    line(head.map(() => '---')),
    ...rows.map(line),
    '',
    `all classes: ${all.right} of ${all.kept} kept figures found (${((100 * all.right) / Math.max(1, all.kept)).toFixed(2)} %), ${all.wrong} wrong; ${seconds.toFixed(0)} s`,
    ...(skipped.length ? [`*** SKIPPED: the classes that need ${skipped.join(' and ')} (not installed) ***`] : []),
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
