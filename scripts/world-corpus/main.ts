// The world corpus: published-report shapes made the way government sites and office programs make them, imported
// in-process by `report import`'s reader and scored against what a person sees. Prints a table per class, or with
// --json every sample's score.
//
//   node dist/scripts/world-corpus/main.js [--json] [--seed N] [--per-class N] [--per-expensive N]
//                                          [--classes a,b] [--keep DIR] [--progress] [--list] [--verify]
//
// --verify: check each HTML class's truth in Chromium instead of importing (the generator's own test).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EditionId } from '../../src/editions/types';
import { worldClasses } from './classes';
import { chromiumPrint, hasTool, officeConvert } from './external';
import { hash, withMarks } from './html';
import { randomReport, seededRandom } from './random-report';
import { type Draft, isComplete, type Sample, type WorldClass } from './sample';
import { type Score, scoreSample } from './score';
import { type PageCheck, verifyPages } from './verify';

interface Options {
  json: boolean;
  seed: number;
  perClass: number;
  perExpensive: number;
  classes?: string[];
  keep?: string;
  progress: boolean;
  list: boolean;
  verifyOnly: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    json: false,
    seed: 1,
    perClass: 10,
    perExpensive: -1,
    progress: false,
    list: false,
    verifyOnly: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    const value = () => {
      const next = argv[++index];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--json') options.json = true;
    else if (arg === '--seed') options.seed = Number(value());
    else if (arg === '--per-class') options.perClass = Number(value());
    else if (arg === '--per-expensive') options.perExpensive = Number(value());
    else if (arg === '--classes') options.classes = value().split(',').filter(Boolean);
    else if (arg === '--keep') options.keep = value();
    else if (arg === '--progress') options.progress = true;
    else if (arg === '--list') options.list = true;
    else if (arg === '--verify') options.verifyOnly = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.perExpensive < 0) options.perExpensive = options.perClass;
  return options;
}

interface Pending {
  name: string;
  cls: WorldClass;
  edition: EditionId;
  draft: Draft;
  output?: Buffer;
}

export interface ClassRow {
  name: string;
  about: string;
  samples: number;
  shown: number;
  right: number;
  wrong: number;
  missing: number;
  verdictsRight: number;
  agencyRight: number;
  agencyWrong: number;
  /** Samples the generator could not make (a tool missing, a conversion that failed). */
  skipped: string[];
}

/** The draft of one sample: the same class, seed and index always give the same draft. */
function draftFor(cls: WorldClass, seed: number, index: number): { name: string; edition: EditionId; draft: Draft } {
  const random = seededRandom((seed * 1_000_003) ^ hash(cls.name) ^ Math.imul(index + 1, 2_654_435_761));
  const editions = cls.editions ?? (['2021', '2019'] as const);
  const edition = editions[index % editions.length] as EditionId;
  const report = randomReport(random, edition);
  return { name: `${cls.name}-${index}-${edition}`, edition, draft: cls.make(random, report) };
}

/** Classes whose 三 header knowingly stands a column off (its figures are read by the header's order). */
const HEADER_OFF = new Set(['cms-header-colspan-mismatch']);

/** Checks the truth of every HTML sample in Chromium and prints what disagrees (a generator bug). */
async function verify(options: Options): Promise<void> {
  const chosen = worldClasses.filter((cls) => !options.classes || options.classes.includes(cls.name));
  const pages: PageCheck[] = [];
  for (const cls of chosen) {
    for (let index = 0; index < options.perClass; index++) {
      const { name, draft } = withMarks(() => draftFor(cls, options.seed, index));
      if (draft.ext !== 'html' || !draft.bytes) continue;
      const html = draft.bytes.toString('utf8');
      if (!html.includes('data-w-fig')) continue;
      pages.push({ name, html, noHeaderCheck: HEADER_OFF.has(cls.name) });
    }
  }
  const results = await verifyPages(pages);
  let bad = 0;
  for (const [name, findings] of results) {
    if (findings.length === 0) continue;
    bad++;
    process.stdout.write(
      `${name}: ${findings.length} disagreements\n${findings
        .slice(0, 8)
        .map((f) => `  ${f}`)
        .join('\n')}\n`,
    );
  }
  process.stdout.write(`verified ${results.size} pages, ${bad} disagree\n`);
}

function toolsFor(cls: WorldClass): string[] {
  if (cls.cost === 'office' || cls.cost === 'office-read') return ['soffice', 'pdftotext'];
  if (cls.cost === 'browser') return ['/usr/bin/chromium', 'pdftotext'];
  return [];
}

async function run(options: Options): Promise<{ rows: ClassRow[]; scores: Score[] }> {
  const chosen = options.classes
    ? options.classes.map((name) => {
        const found = worldClasses.find((cls) => cls.name === name);
        if (!found) throw new Error(`unknown class ${name}`);
        return found;
      })
    : worldClasses;
  const rows = new Map<string, ClassRow>();
  const pending: Pending[] = [];
  for (const cls of chosen) {
    const row: ClassRow = {
      name: cls.name,
      about: cls.about,
      samples: 0,
      shown: 0,
      right: 0,
      wrong: 0,
      missing: 0,
      verdictsRight: 0,
      agencyRight: 0,
      agencyWrong: 0,
      skipped: [],
    };
    rows.set(cls.name, row);
    const missingTool = toolsFor(cls).find((tool) => !hasTool(tool));
    const count = cls.cost === 'cheap' ? options.perClass : options.perExpensive;
    for (let index = 0; index < count; index++) {
      const name = `${cls.name}-${index}`;
      if (missingTool) {
        row.skipped.push(`${name}: ${missingTool} not installed`);
        continue;
      }
      try {
        pending.push({ ...draftFor(cls, options.seed, index), cls });
      } catch (error) {
        row.skipped.push(`${name}: generator failed: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }

  // The real programs, batched: one soffice call per target, one browser for every print.
  const office = pending.filter((item) => item.draft.office);
  if (office.length) {
    if (options.progress) process.stderr.write(`LibreOffice: ${office.length} conversions\n`);
    const outputs = officeConvert(office.map((item) => item.draft.office as NonNullable<Draft['office']>));
    office.forEach((item, index) => {
      const output = outputs[index];
      if (output instanceof Buffer) item.output = output;
      else
        rows
          .get(item.cls.name)
          ?.skipped.push(`${item.name}: ${output instanceof Error ? output.message : 'no output'}`);
    });
  }
  const prints = pending.filter((item) => item.draft.print);
  if (prints.length) {
    if (options.progress) process.stderr.write(`Chromium: ${prints.length} prints\n`);
    const outputs = await chromiumPrint(prints.map((item) => item.draft.print as NonNullable<Draft['print']>));
    prints.forEach((item, index) => {
      const output = outputs[index];
      if (output instanceof Buffer) item.output = output;
      else
        rows
          .get(item.cls.name)
          ?.skipped.push(`${item.name}: ${output instanceof Error ? output.message : 'no output'}`);
    });
  }

  const samples: Sample[] = [];
  for (const item of pending) {
    const { draft } = item;
    const external = draft.office || draft.print;
    if (external && !item.output) continue;
    try {
      let bytes = draft.bytes ?? item.output ?? Buffer.alloc(0);
      let ext = draft.ext;
      let truth = draft.truth;
      let complete = draft.complete;
      let ambiguous: Set<string> | undefined;
      if (draft.finish && item.output) {
        const finished = draft.finish(item.output);
        bytes = finished.bytes;
        ext = finished.ext ?? ext;
        truth = finished.truth ?? truth;
        complete = finished.complete ?? complete;
        ambiguous = finished.ambiguous;
      }
      samples.push({
        name: item.name,
        cls: item.cls.name,
        ext,
        bytes,
        edition: item.edition,
        truth,
        complete: (complete ?? true) && isComplete(item.edition, truth),
        agency: draft.agency,
        ...(ambiguous?.size ? { ambiguous } : {}),
      });
    } catch (error) {
      rows.get(item.cls.name)?.skipped.push(`${item.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const dir = options.keep ?? mkdtempSync(join(tmpdir(), 'world-corpus-'));
  mkdirSync(dir, { recursive: true });
  const scores: Score[] = [];
  try {
    for (const sample of samples) {
      const path = join(dir, `${sample.name}.${sample.ext}`);
      writeFileSync(path, sample.bytes);
      if (options.keep) {
        const truth = Object.fromEntries(sample.truth);
        writeFileSync(
          join(dir, `${sample.name}.truth.json`),
          `${JSON.stringify({ complete: sample.complete, agency: sample.agency, truth }, null, 2)}\n`,
        );
      }
      if (options.progress) process.stderr.write(`${sample.name}.${sample.ext}\n`);
      const score = await scoreSample(sample, path);
      scores.push(score);
      const row = rows.get(sample.cls);
      if (!row) continue;
      row.samples++;
      row.shown += score.shown;
      row.right += score.right;
      row.wrong += score.wrong;
      row.missing += score.missing;
      if (score.verdictRight) row.verdictsRight++;
      if (score.agency !== 'wrong') row.agencyRight++;
      else row.agencyWrong++;
    }
  } finally {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
  return { rows: [...rows.values()], scores };
}

function table(rows: readonly ClassRow[]): string {
  const header = [
    'class',
    'samples',
    'shown',
    'right',
    'wrong',
    'missing',
    'verdicts',
    'agency',
    'agency wrong',
    'skipped',
  ];
  const lines = rows.map((row) => [
    row.name,
    String(row.samples),
    String(row.shown),
    String(row.right),
    String(row.wrong),
    String(row.missing),
    `${row.verdictsRight}/${row.samples}`,
    `${row.agencyRight}/${row.samples}`,
    String(row.agencyWrong),
    String(row.skipped.length),
  ]);
  const sum = (pick: (row: ClassRow) => number) => String(rows.reduce((total, row) => total + pick(row), 0));
  const samples = sum((row) => row.samples);
  lines.push([
    'TOTAL',
    samples,
    sum((row) => row.shown),
    sum((row) => row.right),
    sum((row) => row.wrong),
    sum((row) => row.missing),
    `${sum((row) => row.verdictsRight)}/${samples}`,
    `${sum((row) => row.agencyRight)}/${samples}`,
    sum((row) => row.agencyWrong),
    sum((row) => row.skipped.length),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)),
  );
  const format = (line: readonly string[]) =>
    line
      .map((field, column) => (column === 0 ? field.padEnd(widths[0] ?? 0) : field.padStart(widths[column] ?? 0)))
      .join('  ');
  return [format(header), ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.list) {
    if (options.json) {
      const list = worldClasses.map((cls) => ({ name: cls.name, cost: cls.cost, about: cls.about }));
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    } else for (const cls of worldClasses) process.stdout.write(`${cls.name} (${cls.cost}): ${cls.about}\n`);
    return;
  }
  if (options.verifyOnly) {
    await verify(options);
    return;
  }
  const { rows, scores } = await run(options);
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({ seed: options.seed, perClass: options.perClass, perExpensive: options.perExpensive, classes: rows, samples: scores }, null, 2)}\n`,
    );
    return;
  }
  process.stdout.write(`${table(rows)}\n`);
  const skipped = rows.flatMap((row) => row.skipped);
  if (skipped.length) process.stdout.write(`\nskipped:\n${skipped.map((line) => `  ${line}`).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
