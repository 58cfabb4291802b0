// A rule's cases, kept beside it in `<rule>.cases.ts`: reports it passes and reports it fails, each a patch on an
// example report of its edition, with what the rule says about each failing one. test/rule-cases.test.ts runs every
// rule's cases in process; `npm run generate` writes a rule's first valid and first invalid case to
// fixtures/rules/<id>/ (pass, fail) and shows `report validate` on the failing one in docs/rules/<id>.md.
import type { MessageTemplates, Severity } from '../diagnostics/diagnostic';
import type { MessageFields, MessageId, Rule } from './rule';

/** The example reports a case starts from: fixtures/<base>.json. */
export type CaseBase = 'example-2021' | 'example-2019';

/** JSON pointer → value, applied in order; `undefined` removes the key. */
export type Patch = Readonly<Record<string, unknown>>;

/** A report as a case gives it: an example, patched. */
export interface CaseReport {
  /** The example it starts from (default: the case's own base). */
  base?: CaseBase;
  patch?: Patch;
}

/** A diagnostic of another rule that the case's report also gets (one figure can break several sums). */
export interface OtherDiagnostic {
  ruleId: string;
  messageId: string;
  pointer: string;
}

interface CaseShape {
  /** What the case shows, in a few words (English). */
  name: string;
  /** The example the case starts from (default: the cases' base), and the patch that makes it this case. */
  base?: CaseBase;
  patch?: Patch;
  /** The case is a workbook: the template filled with the report, then these cells (by defined name) typed as text. */
  workbook?: Readonly<Record<string, string>>;
  /** Last year's report, for the cross-year rules. */
  previous?: CaseReport;
  /** Every diagnostic of the other rules on the same report; none when absent. */
  others?: readonly OtherDiagnostic[];
}

/**
 * What the rule says: a message of its own, where, and the params its templates name (compared in zh); `expected` and
 * `actual` as the diagnostic carries them, `severity` when it is not the rule's default, `cell` for a workbook.
 */
export type ExpectedDiagnostic<M extends MessageTemplates, Id extends MessageId<M> = MessageId<M>> = Id extends unknown
  ? { messageId: Id; pointer: string; severity?: Severity; cell?: string } & MessageFields<M[Id]>
  : never;

export interface Cases<M extends MessageTemplates> {
  /** The example most cases start from. */
  base: CaseBase;
  /** Reports the rule says nothing about; the first is the rule's passing example (fixtures/rules/<id>/pass). */
  valid: readonly CaseShape[];
  /** Reports the rule reports, with exactly what it says; the first is its failing example (…/fail, in the docs). */
  invalid: readonly (CaseShape & { diagnostics: readonly ExpectedDiagnostic<M>[] })[];
}

/** The expected diagnostic as the tester reads it, whatever the rule. */
export interface AnyExpectedDiagnostic {
  messageId: string;
  pointer: string;
  severity?: Severity;
  cell?: string;
  params?: Readonly<Record<string, string | number>>;
  expected?: number;
  actual?: number | string;
}

export type ValidCase = CaseShape;
export type InvalidCase = CaseShape & { diagnostics: readonly AnyExpectedDiagnostic[] };
export type RuleCase = ValidCase | InvalidCase;

/** A rule's cases, as the tester and the generator take them. */
export interface RuleCases {
  rule: Rule;
  base: CaseBase;
  valid: readonly ValidCase[];
  invalid: readonly InvalidCase[];
}

/** A rule's cases, typed by its messages: an expected message id the rule does not have, or a param it does not name, does not compile. */
export function defineCases<M extends MessageTemplates>(rule: Rule<M>, cases: Cases<M>): RuleCases {
  return { rule, ...cases };
}

/** The report with the patch applied (a copy). */
export function applyPatch<T>(base: T, patch: Patch): T {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const [pointer, value] of Object.entries(patch)) {
    const keys = pointer.split('/').slice(1);
    let node = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys[keys.length - 1] as string;
    if (value === undefined) delete node[last];
    else node[last] = value;
  }
  return copy as T;
}

const carriedForward = { natural: 3, commercial: 1, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0 };

/**
 * Last year's 一 and 五 as a real year before has them: other sentences than this year's (X100 warns of a report that
 * copies last year's). Each cross-year case's last year carries them, unless the case is about copied text.
 */
export const lastYearsText: Patch = {
  '/overview': [
    '上一年度，本单位围绕优化营商环境，稳步推进政府信息公开工作，主动公开各类信息一千余条。',
    '依申请公开方面，全年办理申请数十件，均在法定期限内答复，未因答复引起争议。',
    '平台建设方面，完成门户网站适老化改造，新增无障碍浏览功能，方便群众查阅。',
  ],
  '/problems': [
    '一是政府信息公开专栏栏目设置不够科学，部分信息更新不及时；二是工作人员业务培训覆盖面不广。',
    '今后将优化专栏设置，建立信息更新提醒机制，扩大培训范围。',
  ],
};

/**
 * Last year's reports of the examples, for the cross-year cases. The 2021 example's year before (2024): its
 * carry-forward is this year's carry-over and its documents in force lead to this year's 27.
 */
export const lastYearOf2021Figures: Patch = {
  '/year': 2024,
  '/requests/carriedForward': { ...carriedForward, total: 4 },
  '/proactive/normativeDocs/inForce': 25,
};
export const lastYearOf2021Example: Patch = { ...lastYearsText, ...lastYearOf2021Figures };

/** The same agency's 2024 report in the 2019 edition: the cross-year rules of one edition do not compare it. */
export const lastYearOf2021ExampleIn2019Edition: CaseReport = {
  base: 'example-2019',
  patch: {
    ...lastYearsText,
    '/agency': '某市商务局',
    '/year': 2024,
    '/requests/carriedForward': { ...carriedForward, total: 4 },
  },
};

/** The 2019 example's year before (2019): its carry-forward and item counts roll into 2020's. */
export const lastYearOf2019Example: Patch = {
  ...lastYearsText,
  '/year': 2019,
  '/requests/carriedForward': { ...carriedForward, total: 4 },
  '/proactive/licensing': { previousCount: 110, change: 2, decisions: 2105 },
  '/proactive/otherServices': { previousCount: 33, change: 2, decisions: 431 },
  '/proactive/fees': { previousCount: 5, change: -1 },
};
