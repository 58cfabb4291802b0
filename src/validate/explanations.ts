// The filer's explanations (`explanations`, the 说明 sheet) set against the diagnostics: a warning an explanation
// names by rule and place is marked explained (not counted); an explanation that names an error, an unknown rule or no
// finding at all becomes a finding of the `explanation` rule.
//
// How `at` matches, so that a filer who copies what validate printed is understood: the text is compared after NFKC
// (full-width letters, digits and ！ as ASCII), without blanks, `$` and the quotes around a sheet's name, a cell's
// letters in any case. It names a diagnostic when it is
// - its sheet!cell, or its cell alone (D5), or its sheet;
// - its JSON pointer, or a pointer above it (`/requests/newReceived` covers the row's cells);
// - its place in a text or PDF input as validate words it (第 12 行, 第 3 页, line 12);
// - its label (三 › 四、结转下年度继续办理 › 总计);
// - the section it lies in: 一 … 六, the section's title (一、总体情况) or key (overview);
// - `*`: anywhere in the report.
import { type Diagnostic, describeSource, type Finding, MORE_DIAGNOSTICS } from '../diagnostics/diagnostic';
import type { Edition } from '../editions/types';
import type { Model } from '../model/pointer';
import { MAX_EXPLANATIONS } from '../schema/limits';
import type { Rule } from './rule';
import { ruleCatalog } from './rules';
import { explanationRule } from './rules/explanation';

/** An explanation as the report holds it, with its index in `explanations`. */
export interface Explanation {
  index: number;
  rule: string;
  at: string;
  text: string;
}

/** The well-formed explanations of a model (the schema reports the others), the first MAX_EXPLANATIONS of them. */
export function explanationsOf(model: Model): Explanation[] {
  const list = model.explanations;
  if (!Array.isArray(list)) return [];
  return list.slice(0, MAX_EXPLANATIONS).flatMap((entry, index) => {
    if (entry === null || typeof entry !== 'object') return [];
    const { rule, at, text } = entry as Record<string, unknown>;
    if (typeof rule !== 'string' || typeof at !== 'string' || typeof text !== 'string') return [];
    if (!rule.trim() || !at.trim() || !text.trim()) return [];
    return [{ index, rule: rule.trim(), at: at.trim(), text: text.trim() }];
  });
}

/** A place as compared: NFKC, no blanks, no `$`, no quotes around a sheet's name, letters in upper case. */
export function normalisePlace(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\$/g, '')
    .replace(/^'(.*)'!/, '$1!')
    .toUpperCase();
}

const ruleByIdOrName = (text: string): Rule | undefined => {
  const wanted = text.normalize('NFKC').trim().toLowerCase();
  return ruleCatalog.find((rule) => rule.id.toLowerCase() === wanted || rule.name.toLowerCase() === wanted);
};

/** Every way validate names the place of a diagnostic, normalised. */
function placesOf(diagnostic: Diagnostic, edition: Edition): Set<string> {
  const places = new Set<string>();
  const add = (text: string | undefined) => {
    if (text) places.add(normalisePlace(text));
  };
  if (diagnostic.sheet !== undefined) {
    add(diagnostic.sheet);
    if (diagnostic.cell !== undefined) add(`${diagnostic.sheet}!${diagnostic.cell}`);
  }
  add(diagnostic.cell);
  add(diagnostic.label);
  if (diagnostic.line !== undefined || diagnostic.page !== undefined) {
    add(describeSource(diagnostic, 'zh'));
    add(describeSource(diagnostic, 'en'));
  }
  // The pointer and every pointer above it; the section it lies in by numeral, title and key.
  const keys = diagnostic.pointer.split('/').slice(1);
  for (let depth = 1; depth <= keys.length; depth++) add(`/${keys.slice(0, depth).join('/')}`);
  const section = edition.sections[keys[0] as keyof Edition['sections']];
  if (section) {
    add(section.numeral);
    add(section.title.zh);
    add(section.title.en);
    add(keys[0]);
  }
  return places;
}

export interface ExplanationOutcome {
  /** The diagnostics, the warnings explained marked with the filer's words. */
  diagnostics: Diagnostic[];
  /** Findings of the `explanation` rule on the explanations that answer no warning. */
  findings: Finding[];
}

/**
 * Sets the explanations against the diagnostics. `checked` tells which rules ran: an explanation of a rule that did
 * not run (a cross-year rule without last year's report) is neither used nor said to be unused.
 */
export function applyExplanations(
  diagnostics: readonly Diagnostic[],
  model: Model,
  edition: Edition,
  checked: (rule: Rule) => boolean = () => true,
): ExplanationOutcome {
  const explanations = explanationsOf(model);
  if (explanations.length === 0) return { diagnostics: [...diagnostics], findings: [] };
  const out = diagnostics.map((diagnostic) => ({ ...diagnostic }));
  const placeCache = new Map<Diagnostic, Set<string>>();
  const places = (diagnostic: Diagnostic) => {
    let cached = placeCache.get(diagnostic);
    if (!cached) {
      cached = placesOf(diagnostic, edition);
      placeCache.set(diagnostic, cached);
    }
    return cached;
  };
  const findings: Finding[] = [];
  for (const explanation of explanations) {
    const pointer = `/explanations/${explanation.index}`;
    const params = { rule: explanation.rule, place: explanation.at };
    const rule = ruleByIdOrName(explanation.rule);
    if (!rule) {
      findings.push({
        ruleId: explanationRule.id,
        messageId: 'unknownRule',
        pointer,
        params: { rule: explanation.rule },
      });
      continue;
    }
    const at = normalisePlace(explanation.at);
    const named = out.filter(
      (d) =>
        d.ruleId === rule.id &&
        d.messageId !== MORE_DIAGNOSTICS &&
        d.ruleId !== explanationRule.id &&
        (at === '*' || places(d).has(at)),
    );
    const warnings = named.filter((d) => d.severity === 'warning');
    // The first explanation of a warning is its explanation: a second one on it is still used, not repeated.
    for (const warning of warnings) warning.explanation ??= explanation.text;
    if (warnings.length > 0) continue;
    if (named.length > 0) findings.push({ ruleId: explanationRule.id, messageId: 'explainsError', pointer, params });
    else if (checked(rule)) findings.push({ ruleId: explanationRule.id, messageId: 'unused', pointer, params });
  }
  return { diagnostics: out, findings };
}
