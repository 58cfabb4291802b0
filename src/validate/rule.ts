// What a rule is: metadata (id, name, severity, messages, docs) and, for checking rules, a check over the model.
import type { Finding, LocalizedText, MessageTemplates, Severity } from '../diagnostics/diagnostic';
import type { EditionFields } from '../editions/fields';
import type { Edition } from '../editions/types';
import type { Model } from '../model/pointer';

export type { Model };

export interface RuleMeta {
  /** Stable id: R301, X201, … (or `schema` / `input` for the checks made while reading). */
  id: string;
  /** Kebab-case alias: requests-row-total. */
  name: string;
  severity: Severity;
  /** One line, for `report rules`. */
  description: LocalizedText;
  /** A paragraph for docs/rules/<id>.md: what holds, why, and how to fix it. */
  details: LocalizedText;
  messages: MessageTemplates;
}

export interface RuleContext {
  edition: Edition;
  fields: EditionFields;
  model: Model;
  /** The number at a pointer; undefined when it is missing or was already reported as invalid. */
  number(pointer: string): number | undefined;
  /** Last year's report, for the cross-year rules. */
  previous?: { edition: Edition; model: Model; number(pointer: string): number | undefined };
  report(finding: Omit<Finding, 'ruleId'>): void;
}

export interface Rule extends RuleMeta {
  /** Cross-year rules run only when last year's report is given. */
  needsPrevious?: boolean;
  check(context: RuleContext): void;
}
