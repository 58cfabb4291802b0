// What the batch records of each input (summary.json's entries): its verdict, figures, versions and outputs. A file of
// its own so that the journal, the versions and the batch all use it without importing one another.
import type { Diagnostic, Lang } from '../diagnostics/diagnostic';
import type { ImportStatus } from '../validate/import-verdict';

/** Why the version used was preferred to another: the first of these that tells them apart. */
export type ChosenBecause = 'config' | 'valid' | 'complete' | 'later' | 'first';

/** A figure in which a version differs from the one used. */
export interface FigureDifference {
  pointer: string;
  label: string;
  /** In the version used, and in this one (absent where one of them lacks it). */
  used?: number;
  this?: number;
}

/** The verdict of an input (SPEC §8): `incomplete` when figures of the edition were not found. */
export type InputStatus = ImportStatus;

export type DuplicateReason = 'sameBytes' | 'sameAgencyYear';

/** An input as summary.json lists it. */
export interface InputRecord {
  path: string;
  /** The verdict of SPEC §8 (src/validate/import-verdict.ts). */
  status: InputStatus;
  /** The figures of the edition's tables, and how many the report gave (SPEC §8). */
  figures: { expected: number; found: number };
  edition?: string;
  agency?: string;
  year?: number;
  format?: string;
  readAs?: string;
  /** SHA-256 of the bytes read: a re-run skips the input while it is unchanged and its outputs are there. */
  sha256?: string;
  /** The outputs of a previous run were current: nothing rendered or written. */
  upToDate?: true;
  /**
   * A copy (the same bytes) of an input given before, or another version (the same agency and year) of the report
   * the batch uses: that input's path, and how they are the same (report-versions.ts).
   */
  duplicateOf?: string;
  duplicateReason?: DuplicateReason;
  /** Of another version: why the one used was preferred to it. */
  chosenBecause?: ChosenBecause;
  /** Of another version: the figures in which it differs from the one used (how many; the first few). */
  differences?: { count: number; figures: FigureDifference[] };
  /** Open errors and warnings: those set aside are counted apart. */
  errors: number;
  warnings: number;
  /** Warnings the filer explained (the report's 说明), when there are any. */
  explained?: number;
  /** Findings a reviewer decided on (--baseline), when there are any. */
  decided?: number;
  /** Diagnostics by rule id. */
  rules: Record<string, number>;
  outputs: string[];
  error?: string;
  /** The message id of `error` (a ReadError's, outputFailed or internalError). */
  errorId?: string;
  diagnostics: Diagnostic[];
  /** The language its messages are in. */
  lang?: Lang;
  /** The figures the index page charts across years (absent when the report lacks them). */
  trend: TrendFigures;
  /** With a rule pack that scores (`convert --pack`): this report's score and its deductions (pack-score.ts). */
  score?: ReportScore;
}

/** What the batch keeps in memory of an input: its record without the findings, which stay in the journal. */
export type BatchRecord = Omit<InputRecord, 'diagnostics'>;

export interface TrendFigures {
  newReceived?: number;
  handled?: number;
  carriedForward?: number;
  review?: number;
  litigation?: number;
  /** 复议纠错: reviews whose result was corrected (四, 行政复议 · 结果纠正), which assessments score. */
  reviewCorrected?: number;
  /** 诉讼败诉: lawsuits whose result was corrected (四, both kinds of 行政诉讼 · 结果纠正). */
  litigationLost?: number;
}

/** The counts of a report a pack may deduct for, per case: what assessments score in 四. */
export const SCORED_COUNTS = ['reviewCorrected', 'litigationLost'] as const satisfies readonly (keyof TrendFigures)[];
export type ScoredCount = (typeof SCORED_COUNTS)[number];

/** One line of a report's deductions: a rule's findings or a count's cases, how many, and the points taken. */
export type DeductionLine = ({ rule: string } | { count: ScoredCount }) & {
  times: number;
  each: number;
  points: number;
  /** The pack's `max` held the points below times × each. */
  capped?: true;
};

export interface ReportScore {
  score: number;
  base: number;
  deductions: DeductionLine[];
  /** Counts the pack deducts for that the report does not give: nothing was taken for them. */
  unknownCounts?: ScoredCount[];
}
