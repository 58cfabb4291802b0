// The verdict on one import (SPEC §8): whether every figure of the edition was found and no rule fails. Used by
// `import` (its exit code), by `convert` (summary.json) and by whatever shows a batch (index.html).
import { fieldsOf } from '../editions/fields';
import type { Edition } from '../editions/types';
import { numberAt } from '../model/pointer';

/**
 * `unsupported`: a kind `report` does not read (an image, an archive, an OFD…), or a legacy document without
 * LibreOffice to open it — said by name, and counted, so that no file of a batch goes unmentioned.
 */
export type ImportStatus = 'ok' | 'incomplete' | 'invalid' | 'unreadable' | 'unsupported';

export interface ImportVerdict {
  status: ImportStatus;
  /** Figures (numeric cells) of the edition's tables, and how many of them the report gave. */
  figures: { expected: number; found: number };
  /** A table printed no header, so its columns were taken in the official order: an assumption, said with the verdict. */
  columnsAssumed?: true;
}

/** The exit code of `import` for each status. */
export const importExitCode: Readonly<Record<ImportStatus, number>> = {
  ok: 0,
  incomplete: 1,
  invalid: 1,
  unreadable: 2,
  unsupported: 2,
};

/**
 * Missing figures weigh more than failing rules: a fragment is `incomplete` whatever its figures say (the rules stay
 * silent about cells they lack, so a truncated page can never pass as `ok`).
 */
export function importVerdict(
  model: unknown,
  edition: Edition | undefined,
  errors: number,
  findings: readonly { messageId: string }[] = [],
): ImportVerdict {
  if (!edition) return { status: 'invalid', figures: { expected: 0, found: 0 } };
  const numeric = fieldsOf(edition).numeric;
  const found = numeric.filter((field) => numberAt(model, field.pointer) !== undefined).length;
  const figures = { expected: numeric.length, found };
  const status: ImportStatus = found < numeric.length ? 'incomplete' : errors > 0 ? 'invalid' : 'ok';
  const assumed = findings.some((finding) => finding.messageId === 'columnsAssumed');
  return { status, figures, ...(assumed ? { columnsAssumed: true as const } : {}) };
}

export const unreadableVerdict = (): ImportVerdict => ({ status: 'unreadable', figures: { expected: 0, found: 0 } });

/** The read errors that mean "not a kind we read here", not "damaged". */
export const UNSUPPORTED_READ_ERRORS: ReadonlySet<string> = new Set(['unsupportedKind', 'needsOffice']);

/** The verdict of an input that could not be read, by why. */
export const notReadVerdict = (messageId: string): ImportVerdict => ({
  status: UNSUPPORTED_READ_ERRORS.has(messageId) ? 'unsupported' : 'unreadable',
  figures: { expected: 0, found: 0 },
});
