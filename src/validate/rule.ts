// What a rule is: metadata (id, name, severity, messages, docs) and, for checking rules, a check over the model.
import type { Finding, LocalizedText, MessageTemplates, Severity } from '../diagnostics/diagnostic';
import type { EditionFields } from '../editions/fields';
import type { Edition } from '../editions/types';
import type { Model } from '../model/pointer';
import type { Equation, EquationContext } from './equations';

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
  /** Thresholds of the rules that have some (Q101), from the config or their defaults. */
  thresholds: Thresholds;
  report(finding: Omit<Finding, 'ruleId'>): void;
}

/** Q101: a key total that grows more than `factor` times, or falls below 1/`factor`, from at least `minimum`. */
export interface Thresholds {
  jump: { factor: number; minimum: number };
}

export const defaultThresholds: Thresholds = { jump: { factor: 5, minimum: 10 } };

export interface Rule extends RuleMeta {
  /**
   * Cross-year rules run only when last year's report is given, and only when it is the same body's year before (the
   * engine checks the pair and says when it is not).
   */
  needsPrevious?: boolean;
  /** A rule checks the model, or states equations the engine checks with every other rule's in one pass. */
  check?(context: RuleContext): void;
  equations?(context: EquationContext): Equation[];
}
