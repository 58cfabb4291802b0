// `report import` against the world corpus (scripts/world-corpus): published-report shapes made the way government
// sites, Word/WPS, LibreOffice and Chromium really make them, each with the truth a person sees. The corpus runs in
// its own process (pdfjs, which reads the PDFs, is an ES module Jest cannot load) with a fixed seed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, toolAvailable } from './helpers';

const SCRIPT = join(ROOT, 'dist', 'scripts', 'world-corpus', 'main.js');
const SEED = '7';
const PER_CLASS = '8';
const PER_EXPENSIVE = '4';

interface ClassInfo {
  name: string;
  cost: 'cheap' | 'office' | 'browser' | 'office-read';
  about: string;
}

interface ClassRow {
  name: string;
  samples: number;
  shown: number;
  right: number;
  wrong: number;
  missing: number;
  verdictsRight: number;
  agencyWrong: number;
  skipped: string[];
}

interface SampleScore {
  name: string;
  cls: string;
  expected: string;
  status: string;
  verdictRight: boolean;
  wrongPointers: string[];
  agency: 'exact' | 'unsure' | 'wrong';
  agencyExpected: string;
  agencyRead: string;
  error?: string;
}

function run(args: string[]): string {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`world corpus failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

// The class list is known before the tests are defined; the corpus itself runs once, in beforeAll.
const built = existsSync(SCRIPT);
const listed: ClassInfo[] = built ? (JSON.parse(run(['--list', '--json'])) as ClassInfo[]) : [];
const office = toolAvailable('soffice', 'world corpus classes made or read by LibreOffice');
const browser = toolAvailable('chromium', 'world corpus classes printed by Chromium');
const pdftotext = toolAvailable('pdftotext', 'world corpus classes copied from PDFs');
const classes = listed.filter(
  (cls) =>
    cls.cost === 'cheap' ||
    (cls.cost === 'browser' && browser && pdftotext) ||
    ((cls.cost === 'office' || cls.cost === 'office-read') && office && pdftotext),
);

let rows = new Map<string, ClassRow>();
let samples: SampleScore[] = [];

beforeAll(() => {
  const output = run([
    '--json',
    '--seed',
    SEED,
    '--per-class',
    PER_CLASS,
    '--per-expensive',
    PER_EXPENSIVE,
    '--classes',
    classes.map((cls) => cls.name).join(','),
  ]);
  const parsed = JSON.parse(output) as { classes: ClassRow[]; samples: SampleScore[] };
  rows = new Map(parsed.classes.map((row) => [row.name, row]));
  samples = parsed.samples;
}, 600_000);

test('the world corpus script is built', () => {
  expect(built).toBe(true);
  expect(classes.length).toBeGreaterThanOrEqual(40);
});

test('every sample was made (no generator failure)', () => {
  const skipped = [...rows.values()].flatMap((row) => row.skipped);
  expect(skipped).toEqual([]);
});

describe.each(classes.map((cls) => [cls.name, cls]))('%s', (name, cls) => {
  test('no figure is placed wrong (a different value, or where the document shows none)', () => {
    const row = rows.get(name);
    expect(row?.samples).toBeGreaterThan(0);
    const wrong = samples
      .filter((sample) => sample.cls === name && sample.wrongPointers.length > 0)
      .map((sample) => `${sample.name}: ${sample.wrongPointers.slice(0, 6).join('; ')}`);
    expect({ class: name, about: cls.about, wrong }).toEqual({ class: name, about: cls.about, wrong: [] });
  });

  test('no sample is unreadable', () => {
    const unreadable = samples
      .filter((sample) => sample.cls === name && sample.status === 'unreadable')
      .map((sample) => `${sample.name}: ${sample.error ?? ''}`);
    expect(unreadable).toEqual([]);
  });
});

test('verdicts: complete samples are ok, incomplete ones incomplete (at least 95 %)', () => {
  const failures = samples
    .filter((sample) => !sample.verdictRight)
    .map((sample) => `${sample.name}: ${sample.status}, expected ${sample.expected}`);
  const right = samples.length - failures.length;
  expect({ share: right / Math.max(1, samples.length) >= 0.95, failures }).toEqual({
    share: true,
    failures: expect.any(Array),
  });
});

test('verdicts: an incomplete sample is never ok', () => {
  const passedOff = samples
    .filter((sample) => sample.expected === 'incomplete' && sample.status === 'ok')
    .map((sample) => sample.name);
  expect(passedOff).toEqual([]);
});

test('the agency is never taken from a breadcrumb, a sentence, a footer or an info line', () => {
  const wrong = samples
    .filter((sample) => sample.agency === 'wrong')
    .map((sample) => `${sample.name}: read "${sample.agencyRead}", shown "${sample.agencyExpected}"`);
  expect(wrong).toEqual([]);
});
