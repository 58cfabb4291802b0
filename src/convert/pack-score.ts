// A rule pack's scores (docs/packs.md): each body's report of a year starts from the pack's base and loses points per
// finding of a rule and per case of a count the report gives (复议纠错, 诉讼败诉); the bodies of a year are ranked only
// when at least the pack's minimum have a score. Pure: the batch's short records in, scores and rankings out.
import { agencyKey } from '../model/agency-key';
import {
  type BatchRecord,
  type DeductionLine,
  type ReportScore,
  SCORED_COUNTS,
  type ScoredCount,
} from './input-record';

export { type DeductionLine, type ReportScore, SCORED_COUNTS, type ScoredCount } from './input-record';

/** Points off each time, and at most `max` in all for one report (none: no cap). */
export interface Deduction {
  points: number;
  max?: number;
}

export interface Scoring {
  /** Each report's score before deductions; a score never goes below 0. */
  base: number;
  /** By rule id: per finding of the rule in the report (its cross-year findings included). */
  perFinding: Record<string, Deduction>;
  /** Per case the report counts. */
  perCount: Partial<Record<ScoredCount, Deduction>>;
  /** No year is ranked with fewer bodies scored than this. */
  minimumBodies: number;
}

/** What summary.json and the dashboard say of the pack used. */
export interface PackInfo {
  name: string;
  title?: { zh: string; en: string };
  /** What the pack's figures come from; the note says which of them do, and which are the pack's own. */
  source?: { citation: string; url?: string; note?: { zh: string; en: string } };
  /** The file it was read from, when it is not one the tool ships. */
  file?: string;
  scoring?: Scoring;
}

export interface RankedPlace {
  rank: number;
  agency: string;
  score: number;
  path: string;
}

/** A year's ranking, or why there is none. */
export type YearRanking =
  | { year: number; bodies: number; minimumBodies: number; ranked: true; places: RankedPlace[] }
  | { year: number; bodies: number; minimumBodies: number; ranked: false; reason: 'tooFewBodies' };

/** Points as a person writes them: 97.5, never 97.49999999999999. */
const round = (points: number) => Math.round(points * 10_000) / 10_000;

function deduct(times: number, deduction: Deduction): { each: number; points: number; capped?: true } {
  const full = times * deduction.points;
  const points = deduction.max === undefined ? full : Math.min(full, deduction.max);
  return { each: deduction.points, points: round(points), ...(points < full ? { capped: true as const } : {}) };
}

/** A report's score: its findings by rule (`rules`) and its counts (`trend`) against the pack's deductions. */
export function scoreReport(report: Pick<BatchRecord, 'rules' | 'trend'>, scoring: Scoring): ReportScore {
  const deductions: DeductionLine[] = [];
  for (const [rule, deduction] of Object.entries(scoring.perFinding)) {
    const times = report.rules[rule] ?? 0;
    if (times > 0) deductions.push({ rule, times, ...deduct(times, deduction) });
  }
  const unknownCounts: ScoredCount[] = [];
  for (const count of SCORED_COUNTS) {
    const deduction = scoring.perCount[count];
    if (!deduction) continue;
    const times = report.trend[count];
    if (times === undefined) unknownCounts.push(count);
    else if (times > 0) deductions.push({ count, times, ...deduct(times, deduction) });
  }
  const taken = deductions.reduce((sum, line) => sum + line.points, 0);
  return {
    score: round(Math.max(0, scoring.base - taken)),
    base: scoring.base,
    deductions,
    ...(unknownCounts.length ? { unknownCounts } : {}),
  };
}

/**
 * Whether a record is scored: a report read, of a known body and year, and the version the batch uses (not a copy or
 * another version: one score per body and year).
 */
export function isScored(record: BatchRecord): record is BatchRecord & { agency: string; year: number } {
  return (
    record.agency !== undefined &&
    record.year !== undefined &&
    record.duplicateOf === undefined &&
    record.status !== 'unreadable' &&
    record.status !== 'unsupported'
  );
}

/**
 * Each year's ranking among the bodies scored that year: best score first, equal scores sharing a rank (1, 1, 3), an
 * equal pair listed by agency; no ranking when fewer than `minimumBodies` bodies have a score, and the reason.
 */
export function rankYears(
  scored: readonly { agency: string; year: number; path: string; score: number }[],
  minimumBodies: number,
): YearRanking[] {
  const byYear = new Map<number, Map<string, { agency: string; path: string; score: number }>>();
  for (const { agency, year, path, score } of scored) {
    const bodies = byYear.get(year) ?? new Map();
    // One report per body and year is scored (isScored); were one given twice, the first stands.
    if (!bodies.has(agencyKey(agency))) bodies.set(agencyKey(agency), { agency, path, score });
    byYear.set(year, bodies);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, bodies]): YearRanking => {
      const count = bodies.size;
      if (count < minimumBodies) return { year, bodies: count, minimumBodies, ranked: false, reason: 'tooFewBodies' };
      const sorted = [...bodies.values()].sort(
        (a, b) => b.score - a.score || a.agency.localeCompare(b.agency, 'zh-CN'),
      );
      const places: RankedPlace[] = [];
      sorted.forEach((body, index) => {
        const previous = places[index - 1];
        const rank = previous && previous.score === body.score ? previous.rank : index + 1;
        places.push({ rank, ...body });
      });
      return { year, bodies: count, minimumBodies, ranked: true, places };
    });
}

/** The batch scored: each scored record gets its `score`; the rankings by year, latest first. */
export function scoreBatch(records: readonly BatchRecord[], scoring: Scoring): YearRanking[] {
  const scored: { agency: string; year: number; path: string; score: number }[] = [];
  for (const record of records) {
    if (!isScored(record)) continue;
    record.score = scoreReport(record, scoring);
    scored.push({ agency: record.agency, year: record.year, path: record.path, score: record.score.score });
  }
  return rankYears(scored, scoring.minimumBodies);
}
