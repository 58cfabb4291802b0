// summary.json of a convert run: written at the end (also of an interrupted run), one input at a time from the journal
// so that a batch of 20,000 reports is never held whole. The next run resumes from the journal beside it
// (batch-journal.ts); summary.json is for people and other tools.
import type { ConvertSummary, InputRecord } from './run-convert';

export const SUMMARY_FILE = 'summary.json';

/** The totals, counted from the short records the batch keeps. */
function totalsOf(summary: ConvertSummary) {
  const inputs = summary.records;
  let errors = 0;
  let warnings = 0;
  let explained = 0;
  let decided = 0;
  for (const record of inputs) {
    errors += record.errors;
    warnings += record.warnings;
    explained += record.explained ?? 0;
    decided += record.decided ?? 0;
  }
  const count = (test: (record: (typeof inputs)[number]) => boolean) => inputs.filter(test).length;
  return {
    inputs: inputs.length,
    ok: count((r) => r.status === 'ok'),
    incomplete: count((r) => r.status === 'incomplete'),
    invalid: count((r) => r.status === 'invalid'),
    unreadable: count((r) => r.status === 'unreadable'),
    unsupported: count((r) => r.status === 'unsupported'),
    errors,
    warnings,
    explained,
    decided,
    upToDate: count((r) => r.upToDate === true),
    duplicates: count((r) => r.duplicateOf !== undefined),
    notDone: summary.notDone,
  };
}

/** summary.json in parts: every diagnostic in full, and the figures charted (the dashboard and other tools read them). */
export function* summaryJson(summary: ConvertSummary, toolVersion: string): Generator<string> {
  const head = {
    tool: 'report',
    version: toolVersion,
    formatVersion: 1,
    ...(summary.interrupted ? { interrupted: true } : {}),
    options: summary.fingerprint,
    totals: totalsOf(summary),
    ...(summary.skipped?.length ? { skippedFolders: summary.skipped } : {}),
    ...(summary.baseline ? { baseline: baselineOf(summary.baseline) } : {}),
    ...(summary.pack ? { pack: summary.pack } : {}),
  };
  // The document as JSON.stringify(…, null, 2) would write it, its inputs produced one by one.
  const opening = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  yield `${opening},\n  "inputs": [`;
  let first = true;
  for (const record of summary.full()) {
    yield `${first ? '' : ','}\n${indent(JSON.stringify(withoutLang(record), null, 2), '    ')}`;
    first = false;
  }
  yield first ? '],\n' : '\n  ],\n';
  const ranking = summary.ranking
    ? `,\n  "ranking": ${indent(JSON.stringify(summary.ranking, null, 2), '  ').trimStart()}`
    : '';
  yield `  "crossYear": ${indent(JSON.stringify(summary.crossYear, null, 2), '  ').trimStart()}${ranking}\n}\n`;
}

/** Stale baseline entries listed in summary.json, at most (the count says how many there are). */
const STALE_LISTED = 100;

/** What the baseline did: the file, the decisions applied, and the stale ones (matching no finding of this run). */
function baselineOf(baseline: NonNullable<ConvertSummary['baseline']>) {
  const { applied, stale } = baseline.index.tally();
  return {
    file: baseline.file,
    applied,
    stale: stale.length,
    staleEntries: stale
      .slice(0, STALE_LISTED)
      .map(({ fingerprint, rule, at, report }) => ({ fingerprint, rule, at, ...(report ? { report } : {}) })),
  };
}

/** The language is the journal's business: summary.json's messages are all in the run's. */
function withoutLang(record: InputRecord): Omit<InputRecord, 'lang'> {
  const { lang: _lang, ...rest } = record;
  return rest;
}

const indent = (text: string, by: string) => text.replace(/^/gm, by);
