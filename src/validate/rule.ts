// What a rule is: metadata (id, name, severity, editions, messages, docs) and, for checking rules, a check over the
// model. `defineRule` makes one typed unit of it: the message ids a check may report are the keys of the rule's own
// `messages`, and the params of each are the `{placeholders}` of its templates, so a misspelt id or a missing param
// is a compile error, not a message with a hole in it.
import type { Finding, LocalizedText, MessageTemplates, Severity } from '../diagnostics/diagnostic';
import type { EditionFields } from '../editions/fields';
import type { Edition, EditionId } from '../editions/types';
import type { BodyKind } from '../model/body-kind';
import type { Model } from '../model/pointer';
import type { Equation, EquationContext } from './equations';

export type { Model };

/** The `{name}`s of a template; none when the template is not a literal type. */
export type Placeholders<S extends string> = string extends S
  ? never
  : S extends `${string}{${infer Name}}${infer Rest}`
    ? Name | Placeholders<Rest>
    : never;

/** Placeholders the engine fills itself: the cell's label and place, the two figures and the related columns. */
export type PlacedName = 'label' | 'at' | 'expected' | 'actual' | 'relatedColumns';
export const PLACED_NAMES: readonly PlacedName[] = ['label', 'at', 'expected', 'actual', 'relatedColumns'];

/** The params a message needs: the placeholders of its zh and en templates that the engine does not fill. */
export type ParamName<T extends LocalizedText> = Exclude<Placeholders<T['zh']> | Placeholders<T['en']>, PlacedName>;
export type MessageParams<T extends LocalizedText> = { [Name in ParamName<T>]: string | number };
export type MessageId<M extends MessageTemplates> = keyof M & string;

/** `params` with exactly the message's names, and `expected` / `actual` required where the message shows them. */
export type MessageFields<T extends LocalizedText> = ([ParamName<T>] extends [never]
  ? { params?: undefined }
  : { params: MessageParams<T> }) &
  ('expected' extends Placeholders<T['zh']> | Placeholders<T['en']> ? { expected: number } : { expected?: number }) &
  ('actual' extends Placeholders<T['zh']> | Placeholders<T['en']>
    ? { actual: number | string }
    : { actual?: number | string });

/** What a check reports: one of its rule's messages, with that message's params. */
export type RuleFinding<M extends MessageTemplates, Id extends MessageId<M> = MessageId<M>> = Id extends unknown
  ? Omit<Finding, 'ruleId' | 'messageId' | 'params' | 'expected' | 'actual'> & { messageId: Id } & MessageFields<M[Id]>
  : never;

/** The messages an equation may fail with: those whose params the equation check gives (the sum, the difference, the cells). */
export type EquationMessageId<M extends MessageTemplates> = {
  [Id in MessageId<M>]: Exclude<ParamName<M[Id]>, 'sum' | 'difference' | 'cells'> extends never ? Id : never;
}[MessageId<M>];

export interface RuleMeta<M extends MessageTemplates = MessageTemplates> {
  /** Stable id: R301, X201, … (or `schema` / `input` for the checks made while reading). */
  id: string;
  /** Kebab-case alias: requests-row-total. */
  name: string;
  severity: Severity;
  /** The editions the rule applies to; every edition when absent. The engine skips it for the others. */
  editions?: readonly EditionId[];
  /** One line, for `report rules`. */
  description: LocalizedText;
  /** A paragraph for docs/rules/<id>.md: what holds, why, and how to fix it. */
  details: LocalizedText;
  messages: M;
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
  /** A people's government's report or a department's: the config's `bodyKind`, else as the agency's name tells. */
  bodyKind: BodyKind;
  /** The publication date given on the command line (`--published YYYY-MM-DD`), before any the report carries. */
  published?: string;
  report(finding: Omit<Finding, 'ruleId'>): void;
}

/** The context as a rule's check sees it: its reporter takes only the rule's messages, each with its params. */
export type TypedRuleContext<M extends MessageTemplates> = Omit<RuleContext, 'report'> & {
  report<Id extends MessageId<M>>(finding: RuleFinding<M, Id>): void;
};

/**
 * Q101: a key total that grows more than `factor` times, or falls below 1/`factor`, from at least `minimum`. X100: a
 * text section of which more than `share` of the sentences repeat last year's (the 宿迁 assessment rule: half).
 */
export interface Thresholds {
  jump: { factor: number; minimum: number };
  copied: { share: number };
}

export const defaultThresholds: Thresholds = { jump: { factor: 5, minimum: 10 }, copied: { share: 0.5 } };

/** A rule as the engine runs it: any rule's check takes the engine's context. */
export interface Rule<M extends MessageTemplates = MessageTemplates> extends RuleMeta<M> {
  /**
   * Cross-year rules run only when last year's report is given, and only when it is the same body's year before (the
   * engine checks the pair and says when it is not).
   */
  needsPrevious?: boolean;
  /** Cross-year rules: the editions last year's report must be of; any edition when absent. */
  previousEditions?: readonly EditionId[];
  /** A rule checks the model, or states equations the engine checks with every other rule's in one pass. */
  check?(context: RuleContext): void;
  equations?(context: EquationContext): Equation[];
}

/** A rule as it is written: its check reports only its own messages, and its equations fail only with them. */
export interface RuleDefinition<M extends MessageTemplates> extends Omit<Rule<M>, 'check' | 'equations'> {
  check?(context: TypedRuleContext<M>): void;
  equations?(context: EquationContext): Equation<EquationMessageId<M>>[];
}

/**
 * A rule as one typed unit. Its messages are kept as literal types (`const M`), so `context.report` takes only the
 * ids of `messages`, each with the params its templates name; a rule that states equations must carry the engine's
 * `likelyCell` message (`equationMessages`). The rule returned keeps its messages' types (for its cases); its check
 * takes the engine's context, whose `report` takes any finding, a wider type than the one the check was written
 * against, so the widening is safe.
 */
export function defineRule<const M extends MessageTemplates>(
  definition: RuleDefinition<M> & ('likelyCell' extends keyof M ? unknown : { equations?: never }),
): Rule<M> {
  return definition as Rule<M>;
}

/** Whether a rule applies to a report of this edition and, for a cross-year rule, to last year's of that one. */
export function ruleApplies(rule: Rule, edition: EditionId, previousEdition?: EditionId): boolean {
  if (rule.editions && !rule.editions.includes(edition)) return false;
  if (rule.needsPrevious && previousEdition === undefined) return false;
  if (rule.previousEditions && previousEdition !== undefined && !rule.previousEditions.includes(previousEdition))
    return false;
  return true;
}

/** The params a template names, at run time (the rule tester compares exactly these). */
export function paramNames(template: LocalizedText): string[] {
  const names = new Set<string>();
  for (const text of [template.zh, template.en])
    for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1] as string);
  return [...names].filter((name) => !(PLACED_NAMES as readonly string[]).includes(name));
}
