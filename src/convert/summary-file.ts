// summary.json of a convert run: written at the end (also of an interrupted run), and read back by the next run in the
// same folder to find the inputs whose outputs are current — same bytes, same options, same tool version.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { CurrentOutputs, RunFingerprint } from './fingerprint';
import type { ConvertSummary } from './run-convert';

export const SUMMARY_FILE = 'summary.json';

export function summaryJson(summary: ConvertSummary, toolVersion: string): string {
  // Every diagnostic in full, and the figures charted: the dashboard and other tools read them.
  const inputs = summary.records;
  const totals = {
    inputs: inputs.length,
    ok: inputs.filter((r) => r.status === 'ok').length,
    incomplete: inputs.filter((r) => r.status === 'incomplete').length,
    invalid: inputs.filter((r) => r.status === 'invalid').length,
    unreadable: inputs.filter((r) => r.status === 'unreadable').length,
    errors: inputs.reduce((n, r) => n + r.errors, 0),
    warnings: inputs.reduce((n, r) => n + r.warnings, 0),
    upToDate: inputs.filter((r) => r.upToDate).length,
    duplicates: inputs.filter((r) => r.duplicateOf).length,
    notDone: summary.notDone,
  };
  const document = {
    tool: 'report',
    version: toolVersion,
    formatVersion: 1,
    ...(summary.interrupted ? { interrupted: true } : {}),
    options: summary.fingerprint,
    totals,
    inputs,
    crossYear: summary.crossYear,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/**
 * The inputs of the previous run in `outDir` whose outputs are current: that run had the same fingerprint, read the
 * input, and every output it lists is still there. Anything unexpected in the file means nothing is current.
 */
export function currentOutputs(outDir: string, fingerprint: RunFingerprint): Map<string, CurrentOutputs> {
  const current = new Map<string, CurrentOutputs>();
  const file = join(outDir, SUMMARY_FILE);
  if (!existsSync(file)) return current;
  let previous: unknown;
  try {
    previous = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return current;
  }
  if (!isObject(previous) || JSON.stringify(previous.options) !== JSON.stringify(fingerprint)) return current;
  if (!Array.isArray(previous.inputs)) return current;
  for (const input of previous.inputs) {
    if (!isObject(input) || typeof input.path !== 'string' || typeof input.sha256 !== 'string') continue;
    if (input.status === 'unreadable' || !Array.isArray(input.outputs)) continue;
    const outputs = input.outputs.filter((name): name is string => typeof name === 'string');
    // Only plain names inside the folder, each still a file there.
    const present = outputs.every(
      (name) => name === basename(name) && !name.startsWith('.') && isFile(join(outDir, name)),
    );
    if (present && outputs.length === input.outputs.length)
      current.set(resolve(input.path), { sha256: input.sha256, outputs });
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
