// Test helpers: run the real CLI as a process, make scratch folders, find external tools and ../shared (or skip loudly).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as XLSX from 'xlsx';
import type { ConvertJob } from '../src/convert/job';

export const ROOT = join(__dirname, '..');
export const BIN = join(ROOT, 'bin', 'report.js');
export const fixture = (...parts: string[]) => join(ROOT, 'fixtures', ...parts);
export const readJsonFixture = (name: string) =>
  JSON.parse(readFileSync(fixture(`${name}.json`), 'utf8')) as Record<string, unknown>;

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Last year (2024) of the example's agency, its name spelled with a space: its carry-forward disagrees with this
 * year's carry-over (X301), and its documents in force lead to this year's 27 (X201 holds).
 */
export function lastYearOfExample(): Record<string, unknown> {
  const lastYear = readJsonFixture('example-2021');
  lastYear.year = 2024;
  lastYear.agency = '某市 商务局';
  ((lastYear.proactive as Record<string, Record<string, number>>).normativeDocs as Record<string, number>).inForce = 25;
  (lastYear.requests as Record<string, unknown>).carriedForward = {
    natural: 2,
    commercial: 1,
    research: 0,
    publicInterest: 0,
    legalService: 0,
    otherOrg: 1,
    total: 4,
  };
  return lastYear;
}

/** A convert job as the pool receives it, for tests that drive the pool with a worker of their own. */
export function convertJob(id: number, path: string, outDir: string): ConvertJob {
  return {
    id,
    path,
    lang: 'en',
    lenient: true,
    formats: ['json'],
    docxStyle: 'gbt9704',
    rules: {},
    generator: 'test',
    outDir,
    temporaryPrefix: '.report-test-',
  };
}

export function runCli(
  args: string[],
  options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {},
): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...process.env, NO_COLOR: '1', REPORT_LANG: '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function scratch(prefix = 'report-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Whether an external program is on PATH; under REPORT_REQUIRE_TOOLS=1 a missing one fails the suite. */
export function toolAvailable(command: string, why: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
  return found || missing(command, why);
}

/** The real reports beside the repository (`../shared`): there on the team's machines and in CI, not in a clone. */
export const SHARED = join(ROOT, '..', 'shared');
export const sharedPath = (...parts: string[]) => join(SHARED, ...parts);

/**
 * Whether files of ../shared (the real reports every developer and CI have beside the project) are there. A fresh
 * clone elsewhere has none: the tests that need them skip loudly, and fail under REPORT_REQUIRE_SHARED=1 (CI).
 */
export function sharedAvailable(paths: string | readonly string[], why: string): boolean {
  const absent = (typeof paths === 'string' ? [paths] : paths).filter((path) => !existsSync(path));
  if (absent.length === 0) return true;
  const what = absent.map((path) => relative(ROOT, path)).join(', ');
  if (process.env.REPORT_REQUIRE_SHARED === '1') {
    throw new Error(`REPORT_REQUIRE_SHARED=1 but ${what} is missing (needed for ${why})`);
  }
  process.stderr.write(
    `\n*** SKIPPED: ${why} — ${what} is missing: the real reports live in ../shared beside the repository. Put them there or set REPORT_REQUIRE_SHARED=1 to make this a failure. ***\n\n`,
  );
  return false;
}

/** Whether fontconfig resolves `family` to a font whose name contains `provider` (e.g. Times New Roman → Liberation). */
export function fontAvailable(family: string, provider: string, why: string): boolean {
  const match = spawnSync('fc-match', [family], { encoding: 'utf8' });
  return (match.status === 0 && match.stdout.includes(provider)) || missing(`a font for ${family} (${provider})`, why);
}

function missing(what: string, why: string): false {
  if (process.env.REPORT_REQUIRE_TOOLS === '1') {
    throw new Error(`REPORT_REQUIRE_TOOLS=1 but ${what} is not installed (needed for ${why})`);
  }
  process.stderr.write(
    `\n*** SKIPPED: ${why} — ${what} is not installed. Install it (see .ci/run) or set REPORT_REQUIRE_TOOLS=1 to make this a failure. ***\n\n`,
  );
  return false;
}

/** The text of one part of a zip container (a .docx), read with SheetJS's zip reader. */
export function zipText(path: string, part: string): string {
  const container = XLSX.CFB.read(readFileSync(path), { type: 'buffer' });
  const entry = XLSX.CFB.find(container, `/${part}`);
  if (!entry?.content) throw new Error(`${part} not in ${path}`);
  return Buffer.from(entry.content as Uint8Array).toString('utf8');
}

/** Converts files with headless LibreOffice into `dir` (its own profile, so parallel runs do not collide). */
export function convertWithOffice(dir: string, format: string, files: readonly string[]): void {
  const result = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      dir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`soffice --convert-to ${format} failed: ${result.stderr}`);
}

/** A file of ../shared (the real reports), or undefined after a loud skip notice; under REPORT_REQUIRE_SHARED=1 a
 * missing one fails the suite. */
export function sharedFile(relativePath: string, why: string): string | undefined {
  const path = sharedPath(relativePath);
  return sharedAvailable(path, why) ? path : undefined;
}
