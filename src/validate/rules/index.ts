// The one list of rules: checking rules run in this order; the catalog adds the checks made while reading.
import type { Rule } from '../rule';
import { appealsTotal } from './appeals-total';
import { carriedOverMatchesPrevious } from './carried-over-matches-previous';
import { editionYear } from './edition-year';
import { explanationRule } from './explanation';
import { inForceContinuity } from './in-force-continuity';
import { inputRule } from './input';
import { itemRollForward } from './item-roll-forward';
import { narrativeFigures } from './narrative-figures';
import { processingFeeStated } from './processing-fee-stated';
import { publishedOnTime } from './published-on-time';
import { publishedWithinTotal } from './published-within-total';
import { repeatedFigure } from './repeated-figure';
import { reportPeriod } from './report-period';
import { requestsBalance } from './requests-balance';
import { requestsResultsTotal } from './requests-results-total';
import { requestsRowTotal } from './requests-row-total';
import { schemaRule } from './schema';
import { sectionCoverage } from './section-coverage';
import { signatureDate } from './signature-date';
import { textContradictsTable } from './text-contradicts-table';
import { textCopied } from './text-copied';
import { textPresent } from './text-present';
import { textQuality } from './text-quality';
import { yearOnYearJump } from './year-on-year-jump';

export const checkingRules: readonly Rule[] = [
  editionYear,
  textPresent,
  requestsRowTotal,
  requestsResultsTotal,
  requestsBalance,
  appealsTotal,
  publishedWithinTotal,
  carriedOverMatchesPrevious,
  inForceContinuity,
  itemRollForward,
  yearOnYearJump,
  narrativeFigures,
  reportPeriod,
  processingFeeStated,
  signatureDate,
  repeatedFigure,
  textContradictsTable,
  textQuality,
  textCopied,
  publishedOnTime,
  sectionCoverage,
];

/** Every rule with its messages: the two reading checks first, then the checking rules, then the explanations'. */
export const ruleCatalog: readonly Rule[] = [inputRule, schemaRule, ...checkingRules, explanationRule];

export function findRule(idOrName: string): Rule | undefined {
  return ruleCatalog.find((rule) => rule.id === idOrName || rule.name === idOrName);
}

/** The rules that compare a report with last year's. */
export const crossYearRuleIds: readonly string[] = checkingRules
  .filter((rule) => rule.needsPrevious)
  .map((rule) => rule.id);
