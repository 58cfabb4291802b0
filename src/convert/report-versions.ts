// Versions of one report in a batch: the same bytes twice are copies; the same agency and year in different files are
// versions — a draft and the final report, a page and its PDF, a report republished with other figures. The batch
// uses one of them (for the cross-year checks and the charts) by a stated rule, says which and why, and lists the
// figures in which each other version differs: reviewers look for reports changed after publication.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../diagnostics/diagnostic';
import { getEdition, isEditionId } from '../editions';
import { fieldsOf } from '../editions/fields';
import { agencyKey } from '../model/agency-key';
import { numberAt } from '../model/pointer';
import type { BatchRecord, ChosenBecause, FigureDifference } from './input-record';

export type { ChosenBecause, FigureDifference } from './input-record';

/** At most this many differing figures are listed per version; `count` says how many there are. */
export const MAX_LISTED_DIFFERENCES = 20;

interface Candidate {
  id: number;
  record: BatchRecord;
  modified: number;
}

/**
 * Marks copies and versions on the records (in input order): a later copy of the same bytes points at the first
 * (`sameBytes`); of the versions of one agency and year, the one used is chosen — named in the config first, then
 * without errors, then complete, then the newer file, then the first given — and every other points at it
 * (`sameAgencyYear`) with the reason and the figures that differ. `models` reads a record's model back.
 */
export function chooseVersions(
  ids: readonly number[],
  records: readonly (BatchRecord | undefined)[],
  models: (id: number) => Record<string, unknown> | undefined,
  options: { preferred: ReadonlySet<string>; lang: Lang },
): void {
  const firstOfBytes = new Map<string, string>();
  const groups = new Map<string, Candidate[]>();
  for (const id of ids) {
    const record = records[id];
    if (!record || record.status === 'unreadable' || record.status === 'unsupported') continue;
    const copyOf = record.sha256 ? firstOfBytes.get(record.sha256) : undefined;
    if (copyOf) {
      record.duplicateOf = copyOf;
      record.duplicateReason = 'sameBytes';
      continue;
    }
    if (record.sha256) firstOfBytes.set(record.sha256, record.path);
    if (!record.agency || record.year === undefined) continue;
    const key = `${agencyKey(record.agency)}\u0000${record.year}`;
    const candidate = { id, record, modified: modifiedAt(record.path) };
    const group = groups.get(key);
    if (group) group.push(candidate);
    else groups.set(key, [candidate]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ranked = [...group].sort((a, b) => compare(a, b, options.preferred) || a.id - b.id);
    const used = ranked[0] as Candidate;
    for (const other of group) {
      if (other === used) continue;
      other.record.duplicateOf = used.record.path;
      other.record.duplicateReason = 'sameAgencyYear';
      other.record.chosenBecause = reason(used, other, options.preferred);
      const differences = differingFigures(models(used.id), models(other.id), options.lang);
      if (differences.count > 0) other.record.differences = differences;
    }
  }
}

const isPreferred = (candidate: Candidate, preferred: ReadonlySet<string>) =>
  preferred.has(resolve(candidate.record.path));
const valid = (candidate: Candidate) => candidate.record.errors === 0;
const complete = (candidate: Candidate) => candidate.record.status !== 'incomplete';

/**
 * Files saved within a minute of each other have the same date: a folder copied or unpacked at once gives its files
 * times milliseconds apart in the order they were written, which says nothing of which report came later.
 */
const SAME_DATE_MS = 60_000;
const newer = (a: Candidate, b: Candidate) => a.modified - b.modified > SAME_DATE_MS;

/** Negative when `a` is to be used before `b`. */
function compare(a: Candidate, b: Candidate, preferred: ReadonlySet<string>): number {
  const tests: ((candidate: Candidate) => boolean)[] = [(c) => isPreferred(c, preferred), valid, complete];
  for (const test of tests) if (test(a) !== test(b)) return test(a) ? -1 : 1;
  return newer(a, b) ? -1 : newer(b, a) ? 1 : 0;
}

function reason(used: Candidate, other: Candidate, preferred: ReadonlySet<string>): ChosenBecause {
  if (isPreferred(used, preferred) !== isPreferred(other, preferred)) return 'config';
  if (valid(used) !== valid(other)) return 'valid';
  if (complete(used) !== complete(other)) return 'complete';
  if (newer(used, other)) return 'later';
  return 'first';
}

/** The file's modification time; 0 when it cannot be seen (it then never wins by date). */
function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** The figures of the edition in which two versions differ: how many, and the first few with their labels. */
export function differingFigures(
  used: Record<string, unknown> | undefined,
  other: Record<string, unknown> | undefined,
  lang: Lang,
): { count: number; figures: FigureDifference[] } {
  const editionId = used?.edition;
  if (!used || !other || !isEditionId(editionId) || other.edition !== editionId) return { count: 0, figures: [] };
  const fields = fieldsOf(getEdition(editionId));
  const figures: FigureDifference[] = [];
  let count = 0;
  for (const { pointer } of fields.numeric) {
    const a = numberAt(used, pointer);
    const b = numberAt(other, pointer);
    if (a === b) continue;
    count++;
    if (figures.length < MAX_LISTED_DIFFERENCES)
      figures.push({
        pointer,
        label: fields.labelOf(pointer, lang) ?? pointer,
        ...(a !== undefined ? { used: a } : {}),
        ...(b !== undefined ? { this: b } : {}),
      });
  }
  return { count, figures };
}
