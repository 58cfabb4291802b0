// A rule's page from its metadata, in one language: what `report rules ID` prints and what rules.html shows.
import type { Lang } from '../diagnostics/diagnostic';
import { defineWords } from '../diagnostics/words';
import type { Rule } from './rule';

const rulePageWords = defineWords({
  zh: { messagesHead: '消息', docsHead: '文档' },
  en: { messagesHead: 'Messages', docsHead: 'Docs' },
});

export interface RulePage {
  title: string;
  description: string;
  facts: [string, string][];
  details: string;
  messages: [string, string][];
  docs: string;
}

const words = {
  zh: {
    severity: '默认级别',
    error: '错误',
    warning: '警告',
    configure: '配置',
    crossYear: '跨年度',
    crossYearText: '给出上年报告（--previous，或批量转换、report diff 中同一机关的相邻年度）时检查',
    locked: '（不能关闭）',
    editions: '适用版本',
    editionList: (ids: string) => `${ids} 年版`,
    previousEditionList: (ids: string) => `；上年报告为 ${ids} 年版`,
    or: '或',
  },
  en: {
    severity: 'default severity',
    error: 'error',
    warning: 'warning',
    configure: 'configure',
    crossYear: 'across years',
    crossYearText:
      "checked when last year's report is given (--previous, or adjacent years of one agency in convert and report diff)",
    locked: ' (cannot be turned off)',
    editions: 'editions',
    editionList: (ids: string) => `the ${ids} edition`,
    previousEditionList: (ids: string) => `; last year's report of the ${ids} edition`,
    or: ' or ',
  },
};

/** The editions a rule applies to, in words; undefined when it applies to every edition. */
export function editionsInWords(rule: Rule, lang: Lang): string | undefined {
  const w = words[lang];
  if (!rule.editions && !rule.previousEditions) return undefined;
  const these = rule.editions ? w.editionList(rule.editions.join(w.or)) : '';
  const previous = rule.previousEditions ? w.previousEditionList(rule.previousEditions.join(w.or)) : '';
  return `${these}${previous}`.replace(/^；|^; /, '');
}

export function rulePage(rule: Rule, lang: Lang): RulePage {
  const w = words[lang];
  const locked = rule.id === 'schema' || rule.id === 'input';
  const facts: [string, string][] = [
    [w.severity, rule.severity === 'error' ? w.error : w.warning],
    [
      w.configure,
      `report.config.json: { "rules": { "${rule.id}": "off" | "warning" | "error" } }${locked ? w.locked : ''}`,
    ],
  ];
  const editions = editionsInWords(rule, lang);
  if (editions) facts.push([w.editions, editions]);
  if (rule.needsPrevious) facts.push([w.crossYear, w.crossYearText]);
  return {
    title: `${rule.id} · ${rule.name}`,
    description: rule.description[lang],
    facts,
    details: rule.details[lang],
    messages: Object.entries(rule.messages).map(([id, text]) => [id, text[lang]]),
    docs: `docs/rules/${rule.id}.md`,
  };
}

/** The page as terminal text. */
export function rulePageText(rule: Rule, lang: Lang): string {
  const page = rulePage(rule, lang);
  const { messagesHead, docsHead } = rulePageWords[lang];
  return [
    page.title,
    '',
    page.description,
    '',
    ...page.facts.map(([name, value]) => `${name}: ${value}`),
    '',
    page.details,
    '',
    `${messagesHead}:`,
    ...page.messages.map(([id, text]) => `  ${id}: ${text}`),
    '',
    `${docsHead}: ${page.docs}`,
    '',
  ].join('\n');
}
