// `report rules [ID]`: every rule with its id, name, default severity and one-line description; with an id, its page.

import type { Lang } from '../diagnostics/diagnostic';
import { maxOf } from '../model/many-values';
import { painter } from '../reporters/paint';
import { rulePage, rulePageText } from '../validate/rule-page';
import { findRule, ruleCatalog } from '../validate/rules';
import { say, UsageError } from './cli-messages';
import { reportFailure } from './report-failure';
import { type CommonOptions, resolveCommon } from './shared-options';

export async function runRules(id: string | undefined, flags: CommonOptions & { format: string }): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    if (id !== undefined) {
      const rule = findRule(id) ?? findRule(id.toUpperCase());
      if (!rule) throw new UsageError('unknownRule', { id, ids: ruleCatalog.map((r) => r.id).join(' ') });
      process.stdout.write(
        flags.format === 'json'
          ? `${JSON.stringify({ id: rule.id, name: rule.name, ...rulePage(rule, lang) }, null, 2)}\n`
          : rulePageText(rule, lang),
      );
      return 0;
    }
    if (flags.format === 'json') {
      const rules = ruleCatalog.map((rule) => ({
        id: rule.id,
        name: rule.name,
        severity: common.config.rules[rule.id] ?? rule.severity,
        description: rule.description[lang],
        docs: `docs/rules/${rule.id}.md`,
      }));
      process.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      return 0;
    }
    const paint = painter(common.color);
    const width = maxOf(
      ruleCatalog.map((rule) => rule.name.length),
      0,
    );
    // The severity column is as wide as the longer of its two words (错误 / 警告, error / warning).
    const severityWidth = Math.max(say(lang, 'severityError').length, say(lang, 'severityWarning').length);
    const lines = ruleCatalog.map((rule) => {
      const setting = common.config.rules[rule.id] ?? rule.severity;
      const severity = setting === 'off' ? 'off' : say(lang, setting === 'error' ? 'severityError' : 'severityWarning');
      return `${paint('bold', rule.id.padEnd(6))} ${rule.name.padEnd(width)}  ${severity.padEnd(severityWidth)}  ${rule.description[lang]}`;
    });
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}
