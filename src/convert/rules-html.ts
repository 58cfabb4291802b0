// rules.html beside a batch's index.html: every rule's page (from its metadata), so the dashboard's links work offline.
import type { Lang } from '../diagnostics/diagnostic';
import { defineWords, languageWords } from '../diagnostics/words';
import { escapeHtml } from '../render/html';
import { rulePage } from '../validate/rule-page';
import { ruleCatalog } from '../validate/rules';

const words = defineWords({
  zh: { title: '检查规则说明', back: '返回转换结果', messagesHead: '消息' },
  en: { title: 'The rules', back: 'back to the results', messagesHead: 'Messages' },
});

export function renderRulesPage(lang: Lang, generator: string): string {
  const { title, back, messagesHead } = words[lang];
  const sections = ruleCatalog.map((rule) => {
    const page = rulePage(rule, lang);
    return `<section id="${escapeHtml(rule.id)}"><h2>${escapeHtml(page.title)}</h2>
<p><b>${escapeHtml(page.description)}</b></p>
<dl>${page.facts.map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
<p>${escapeHtml(page.details)}</p>
<h3>${messagesHead}</h3><ul>${page.messages.map(([id, text]) => `<li><code>${escapeHtml(id)}</code> ${escapeHtml(text)}</li>`).join('')}</ul></section>`;
  });
  return `<!DOCTYPE html>
<html lang="${languageWords[lang].htmlLang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}"><title>${title}</title>
<style>
body { margin: 0; color: #111; line-height: 1.6; overflow-wrap: anywhere;
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 860px; margin: 0 auto; padding: 16px; }
section { border-top: 1px solid #ccc; padding: 4px 0 12px; }
section:target { background: #fff8dc; }
dt { font-weight: bold; } dd { margin: 0 0 4px 1.5em; }
code { background: #f2f2f2; padding: 0 4px; }
</style></head>
<body><main><h1>${title}</h1><p><a href="index.html">${back}</a></p>
<nav>${ruleCatalog.map((rule) => `<a href="#${escapeHtml(rule.id)}">${escapeHtml(rule.id)}</a>`).join(' · ')}</nav>
${sections.join('\n')}
</main></body></html>
`;
}
