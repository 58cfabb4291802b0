// What a reviewer may decide on a finding (a baseline file's `decision`), and how each is said. A decided finding is
// shown with its decision and not counted; the explanations a filer writes in the report are another thing
// (diagnostic.ts, `explanation`): those answer warnings only, a reviewer's decision any finding.
import { defineWords, type Lang } from './words';

/** The decisions a baseline entry may take. */
export const decisionKinds = ['accepted', 'wontFix', 'falsePositive'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

export const isDecisionKind = (value: unknown): value is DecisionKind =>
  typeof value === 'string' && (decisionKinds as readonly string[]).includes(value);

/** A reviewer's decision on a finding, as a baseline file records it (src/validate/baseline.ts). */
export interface Decision {
  decision: DecisionKind;
  note: string;
  by?: string;
  date?: string;
}

const decisionWords = defineWords({
  zh: {
    accepted: '已接受',
    wontFix: '不予修改',
    falsePositive: '误报',
  } as Record<DecisionKind, string>,
  en: {
    accepted: 'accepted',
    wontFix: "won't fix",
    falsePositive: 'false positive',
  } as Record<DecisionKind, string>,
});

/** A decision in words: 已接受, 不予修改, 误报. */
export const decisionInWords = (kind: DecisionKind, lang: Lang): string => decisionWords[lang][kind];
