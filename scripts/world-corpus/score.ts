// Imports one sample in-process as `report import` does (lenient reading, validation, verdict) and scores it against
// what a person sees: figures right, wrong (a different value, or placed where nothing is shown), missing; the verdict
// (ok for a complete sample, incomplete otherwise; unreadable is always wrong); the agency.
import { countBySeverity } from '../../src/diagnostics/diagnostic';
import { getEdition } from '../../src/editions';
import { fieldsOf } from '../../src/editions/fields';
import { numberAt, valueAt } from '../../src/model/pointer';
import { readInput } from '../../src/read/read-input.node';
import { importVerdict } from '../../src/validate/import-verdict';
import { validateReport } from '../../src/validate/validate-report';
import type { Sample } from './sample';

export type AgencyVerdict = 'exact' | 'unsure' | 'wrong';

export interface Score {
  name: string;
  cls: string;
  ext: string;
  edition: string;
  complete: boolean;
  /** Figures the document shows. */
  shown: number;
  right: number;
  wrong: number;
  missing: number;
  /** `pointer: read X ≠ shown Y`, or `pointer: read X, shown nothing`. */
  wrongPointers: string[];
  missingPointers: string[];
  /** ok for a complete sample, incomplete otherwise; `any` where the copy shows other rows' figures as a row's. */
  expected: 'ok' | 'incomplete' | 'any';
  /** Figures read where the copy is ambiguous (not scored). */
  ambiguousRead: number;
  status: string;
  verdictRight: boolean;
  agencyExpected: string;
  agencyRead: string;
  /** exact: the same; unsure: read nothing where the document names one; wrong: anything else. */
  agency: AgencyVerdict;
  /** Why the reader failed (a read error's message) when it did. */
  error?: string;
}

export async function scoreSample(sample: Sample, path: string): Promise<Score> {
  const fields = fieldsOf(getEdition(sample.edition)).numeric;
  const expected = sample.ambiguous?.size ? 'any' : sample.complete ? 'ok' : 'incomplete';
  const score: Score = {
    name: sample.name,
    cls: sample.cls,
    ext: sample.ext,
    edition: sample.edition,
    complete: sample.complete,
    shown: sample.truth.size,
    right: 0,
    wrong: 0,
    missing: 0,
    wrongPointers: [],
    missingPointers: [],
    expected,
    ambiguousRead: 0,
    status: 'unreadable',
    verdictRight: false,
    agencyExpected: sample.agency,
    agencyRead: '',
    agency: sample.agency === '' ? 'exact' : 'unsure',
  };
  let report: Awaited<ReturnType<typeof readInput>>;
  try {
    report = await readInput(path, { lenient: true });
  } catch (error) {
    score.missing = sample.truth.size;
    score.missingPointers = [...sample.truth.keys()];
    score.error = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return score;
  }
  const { edition, diagnostics } = validateReport(report, { lang: 'en' });
  const verdict = importVerdict(report.model, edition, countBySeverity(diagnostics).errors);
  score.status = verdict.status;
  // A complete sample whose document names no agency is `invalid` (SPEC §8: the model lacks its required agency, and
  // the import says so), never `ok`.
  const wanted = expected === 'ok' && sample.agency === '' && report.model.agency === undefined ? 'invalid' : expected;
  score.verdictRight = wanted === 'any' ? verdict.status !== 'unreadable' : verdict.status === wanted;
  const readEdition = edition?.id ?? String(valueAt(report.model, '/edition') ?? '');
  if (readEdition && readEdition !== sample.edition) score.error = `read as edition ${readEdition}`;
  for (const field of fields) {
    const found = numberAt(report.model, field.pointer);
    const want = sample.truth.get(field.pointer);
    if (want === undefined && sample.ambiguous?.has(field.pointer)) {
      if (found !== undefined) score.ambiguousRead++;
    } else if (want === undefined) {
      if (found !== undefined) {
        score.wrong++;
        score.wrongPointers.push(`${field.pointer}: read ${found}, shown nothing`);
      }
    } else if (found === undefined) {
      score.missing++;
      score.missingPointers.push(field.pointer);
    } else if (Math.abs(found - want) > 1e-9) {
      score.wrong++;
      score.wrongPointers.push(`${field.pointer}: read ${found} ≠ shown ${want}`);
    } else score.right++;
  }
  const agency = valueAt(report.model, '/agency');
  score.agencyRead = typeof agency === 'string' ? agency : '';
  score.agency = score.agencyRead === sample.agency ? 'exact' : score.agencyRead === '' ? 'unsure' : 'wrong';
  return score;
}
