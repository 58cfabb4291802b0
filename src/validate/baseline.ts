// A reviewer's baseline: decisions on findings kept in a file beside the reports, applied by validate and convert
// (`--baseline FILE`, the config's `baseline`), made by `validate --write-baseline FILE` for the reviewer to edit.
//
// Each decision names its finding by a fingerprint (fingerprint.ts, SHA-256): the rule, the report, the place in the
// model (JSON pointer), the message id, and the finding's order among those four alike. The report is named by its
// agency (as agency-key.ts compares names: 人民政府 ≈ 政府, full-width ≈ half-width) and year when it states them, so
// a decision survives moving or renaming the file, reading the same report from another format, rewording a message,
// another language, another severity, a changed figure, and the lines of text moving; only a report that states no
// agency or year is named by its path as given. Core code, no Node module: the file is read by the CLI.
import type { Decision } from '../diagnostics/decision';
import { decisionKinds, isDecisionKind } from '../diagnostics/decision';
import type { Diagnostic } from '../diagnostics/diagnostic';
import { MORE_DIAGNOSTICS } from '../diagnostics/diagnostic';
import { fingerprintsOf } from '../diagnostics/fingerprint';
import { agencyKey } from '../model/agency-key';
import type { Model } from '../model/pointer';

export const BASELINE_VERSION = 1;
/** Decisions a baseline may hold: thousands of reports' worth of findings. */
export const MAX_BASELINE_ENTRIES = 200_000;
/** A note, a reviewer's name, a place: bounded like the model's texts. */
const MAX_TEXT = 2000;

/** One decision as the file holds it. `rule`, `report`, `file`, `at` and `message` are for people; `fingerprint` matches. */
export interface BaselineEntry extends Decision {
  fingerprint: string;
  rule: string;
  messageId?: string;
  /** The report as keyed: `agency · year` (or its path). */
  report?: string;
  file?: string;
  at: string;
  message?: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  decisions: BaselineEntry[];
}

/** What is wrong with a baseline file: where, and what was expected there. */
export interface BaselineProblem {
  where: string;
  expected: string;
}

const ENTRY_KEYS = [
  'fingerprint',
  'rule',
  'messageId',
  'report',
  'file',
  'at',
  'message',
  'decision',
  'note',
  'by',
  'date',
];
const EXAMPLE = '{ "version": 1, "decisions": [ … ] }';

/** The baseline in a parsed JSON value, or the first thing wrong with it. */
export function parseBaseline(raw: unknown): { baseline: Baseline } | { problem: BaselineProblem } {
  const problem = (where: string, expected: string) => ({ problem: { where, expected } });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return problem('(top level)', EXAMPLE);
  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top))
    if (key !== 'version' && key !== 'decisions' && key !== '$schema') return problem(key, 'version | decisions');
  if (top.version !== BASELINE_VERSION) return problem('version', String(BASELINE_VERSION));
  if (!Array.isArray(top.decisions) || top.decisions.length > MAX_BASELINE_ENTRIES)
    return problem('decisions', `[ … ] (≤ ${MAX_BASELINE_ENTRIES})`);
  const decisions: BaselineEntry[] = [];
  for (const [index, item] of top.decisions.entries()) {
    const at = (field: string) => `decisions[${index}]${field ? `.${field}` : ''}`;
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      return problem(at(''), '{ "fingerprint": …, "decision": …, "note": … }');
    const entry = item as Record<string, unknown>;
    for (const key of Object.keys(entry))
      if (!ENTRY_KEYS.includes(key)) return problem(at(key), ENTRY_KEYS.join(' | '));
    if (typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{64}$/.test(entry.fingerprint))
      return problem(at('fingerprint'), '64 hex digits, as --write-baseline writes it');
    if (!isDecisionKind(entry.decision)) return problem(at('decision'), decisionKinds.join(' | '));
    for (const key of ['rule', 'messageId', 'report', 'file', 'at', 'message', 'note', 'by', 'date']) {
      const value = entry[key];
      const required = key === 'rule' || key === 'at' || key === 'note';
      if (value === undefined && !required) continue;
      if (typeof value !== 'string' || value.length > MAX_TEXT) return problem(at(key), `text (≤ ${MAX_TEXT})`);
    }
    if (entry.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(entry.date as string))
      return problem(at('date'), 'YYYY-MM-DD');
    decisions.push(entry as unknown as BaselineEntry);
  }
  return { baseline: { version: BASELINE_VERSION, decisions } };
}

/** How a baseline names a report: its agency and year when it states them, else its path as given. */
export function reportKey(model: Model | undefined, file: string): string {
  const agency = typeof model?.agency === 'string' ? model.agency.trim() : '';
  const year = model?.year;
  if (agency && typeof year === 'number') return `${agencyKey(agency)} · ${year}`;
  return file;
}

/** The baseline fingerprint of each of a report's diagnostics (undefined for the line that closes a capped list). */
function baselineFingerprints(key: string, diagnostics: readonly Diagnostic[]): (string | undefined)[] {
  const fingerprints = fingerprintsOf(key, diagnostics);
  return diagnostics.map((diagnostic, index) =>
    diagnostic.messageId === MORE_DIAGNOSTICS ? undefined : fingerprints[index],
  );
}

/** A baseline ready to apply: its decisions by fingerprint, and which of them this run has matched. */
export class BaselineIndex {
  private readonly byFingerprint = new Map<string, BaselineEntry>();
  private readonly matched = new Set<string>();

  constructor(readonly baseline: Baseline) {
    for (const entry of baseline.decisions) this.byFingerprint.set(entry.fingerprint, entry);
  }

  /** The diagnostics with their decisions (a decision of an earlier application is replaced). */
  apply(key: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
    const fingerprints = baselineFingerprints(key, diagnostics);
    return diagnostics.map((diagnostic, index) => {
      const { decision: _earlier, ...plain } = diagnostic;
      const fingerprint = fingerprints[index];
      const entry = fingerprint === undefined ? undefined : this.byFingerprint.get(fingerprint);
      if (!entry || fingerprint === undefined) return plain;
      this.matched.add(fingerprint);
      const { decision, note, by, date } = entry;
      return { ...plain, decision: { decision, note, ...(by ? { by } : {}), ...(date ? { date } : {}) } };
    });
  }

  /** The entry of a fingerprint, if the baseline has one. */
  entry(fingerprint: string): BaselineEntry | undefined {
    return this.byFingerprint.get(fingerprint);
  }

  /** How many decisions matched a finding of this run, and the entries that matched none (stale). */
  tally(): { applied: number; stale: BaselineEntry[] } {
    const stale = this.baseline.decisions.filter((entry) => !this.matched.has(entry.fingerprint));
    return { applied: this.matched.size, stale };
  }
}

/** What --write-baseline writes of a report: an entry per finding, the decision one of `index` has kept. */
export function baselineEntries(
  report: { key: string; file: string; diagnostics: readonly Diagnostic[] },
  index?: BaselineIndex,
): BaselineEntry[] {
  const fingerprints = baselineFingerprints(report.key, report.diagnostics);
  return report.diagnostics.flatMap((diagnostic, position) => {
    const fingerprint = fingerprints[position];
    // The filer's explained warnings are answered in the report itself; the closing line of a capped list is none.
    if (fingerprint === undefined || diagnostic.explanation !== undefined) return [];
    const kept = index?.entry(fingerprint);
    const at =
      diagnostic.sheet && diagnostic.cell ? `${diagnostic.sheet}!${diagnostic.cell}` : diagnostic.pointer || '/';
    return [
      {
        fingerprint,
        rule: diagnostic.ruleId,
        messageId: diagnostic.messageId,
        report: report.key,
        file: report.file,
        at,
        message: diagnostic.message,
        decision: kept?.decision ?? 'accepted',
        note: kept?.note ?? '',
        ...(kept?.by ? { by: kept.by } : {}),
        ...(kept?.date ? { date: kept.date } : {}),
      },
    ];
  });
}

/** A baseline file's text: two-space JSON, one entry after another as written. */
export function baselineText(decisions: readonly BaselineEntry[]): string {
  return `${JSON.stringify({ version: BASELINE_VERSION, decisions }, null, 2)}\n`;
}
