// The three faces of `report diff`: terminal text, the documented JSON, and a self-contained side-by-side HTML page.

import type { Lang } from '../diagnostics/diagnostic';
import { inert, inertJson } from '../diagnostics/inert-text';
import { defineWords, languageWords } from '../diagnostics/words';
import { defaultEditionId, getEdition, isEditionId } from '../editions';
import type { TextSectionKey } from '../editions/types';
import type { ReadReport } from '../model/read-report';
import { escapeHtml } from '../render/html';
import type { FigureChange, ReportSide, YearDiff } from './compare-years';

const words = defineWords({
  zh: {
    title: (a: string, from: string, to: string) => `年度对比：${a} ${from} → ${to}`,
    previous: '上年',
    current: '本年',
    figures: '数字变化',
    noFigures: '没有变化的数字',
    jump: '跳变',
    text: '沿用上年的文字',
    reuse: (same: number, total: number, share: string) => `${total} 句中 ${same} 句（${share}）与上年相同或几乎相同`,
    exact: '相同',
    near: '几乎相同',
    was: '上年',
    rules: '跨年度核对',
    noFindings: '无问题',
    label: '栏目',
    change: '增减',
    ratio: '倍数',
    error: '错误',
    warning: '警告',
    unknown: '（未写明）',
    explain: '规则说明：report rules <编号>',
    notSameAgency: (a: string, b: string) => `注意：两份报告的机关不同（${a}、${b}）`,
    editionChanged: (a: string, b: string) => `注意：两年的格式版本不同，上年为${a}，本年为${b}；只比较两版都有的栏目`,
  },
  en: {
    title: (a: string, from: string, to: string) => `Year over year: ${a} ${from} → ${to}`,
    previous: 'last year',
    current: 'this year',
    figures: 'Figures that changed',
    noFigures: 'no figure changed',
    jump: 'jump',
    text: 'Text carried over from last year',
    reuse: (same: number, total: number, share: string) =>
      `${same} of ${total} sentences (${share}) repeat last year's, exactly or nearly`,
    exact: 'same',
    near: 'nearly same',
    was: 'last year',
    rules: 'Cross-year rules',
    noFindings: 'no findings',
    label: 'cell',
    change: 'change',
    ratio: 'ratio',
    error: 'error',
    warning: 'warning',
    unknown: '(not stated)',
    explain: 'to read about a rule: report rules <id>',
    notSameAgency: (a: string, b: string) => `note: the two reports are of different bodies (${a}, ${b})`,
    editionChanged: (a: string, b: string) =>
      `note: the edition changed between the years (last year ${a}, this year ${b}); only the cells both have are compared`,
  },
});

const sectionTitle = (diff: YearDiff, section: TextSectionKey, lang: Lang) => {
  const id = isEditionId(diff.current.edition) ? diff.current.edition : defaultEditionId;
  return getEdition(id).sections[section].title[lang];
};
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const percent = (share: number) => `${Math.round(share * 100)}%`;
const yearOf = (side: ReportSide, lang: Lang) => (side.year === undefined ? words[lang].unknown : String(side.year));
const agencyOf = (diff: YearDiff, lang: Lang) => diff.current.agency ?? diff.previous.agency ?? words[lang].unknown;

/** A report's agency as compared: 某市 人民政府 ≈ 某市政府. */
export function differentAgencies(diff: YearDiff, key: (agency: string) => string): boolean {
  const { previous, current } = diff;
  return previous.agency !== undefined && current.agency !== undefined && key(previous.agency) !== key(current.agency);
}

/** The note that the two years are in different editions (2019's and 2021's 二 differ), by the editions' names. */
export function editionNote(diff: YearDiff, lang: Lang): string[] {
  const { previous, current } = diff;
  if (!isEditionId(previous.edition) || !isEditionId(current.edition) || previous.edition === current.edition)
    return [];
  return [words[lang].editionChanged(getEdition(previous.edition).name[lang], getEdition(current.edition).name[lang])];
}

function figureLine(figure: FigureChange, lang: Lang): string {
  const ratio = figure.ratio === null ? '' : `, ×${figure.ratio}`;
  const jump = figure.jump ? `  ⚠ ${words[lang].jump}` : '';
  return `  ${figure.label}: ${figure.previous} → ${figure.current} (${signed(figure.change)}${ratio})${jump}`;
}

export function diffText(diff: YearDiff, lang: Lang, notes: readonly string[]): string {
  const w = words[lang];
  const lines = [
    w.title(agencyOf(diff, lang), yearOf(diff.previous, lang), yearOf(diff.current, lang)),
    `  ${w.previous}: ${diff.previous.file}`,
    `  ${w.current}: ${diff.current.file}`,
    ...[...notes, ...editionNote(diff, lang)].map((note) => `  ${note}`),
    '',
    `${w.figures} (${diff.figures.length})`,
    ...(diff.figures.length ? diff.figures.map((figure) => figureLine(figure, lang)) : [`  ${w.noFigures}`]),
    '',
    w.text,
  ];
  for (const reuse of diff.text) {
    lines.push(
      `  ${sectionTitle(diff, reuse.section, lang)}: ${w.reuse(reuse.sentences.length, reuse.total, percent(reuse.reused))}`,
    );
    for (const sentence of reuse.sentences) {
      const mark = sentence.exact ? '=' : '≈';
      lines.push(`    ${mark} ${sentence.current}`);
      if (!sentence.exact) lines.push(`      ${w.was}: ${sentence.previous}`);
    }
  }
  lines.push('', `${w.rules} (${diff.diagnostics.length})`);
  if (diff.diagnostics.length === 0) lines.push(`  ${w.noFindings}`);
  for (const d of diff.diagnostics) {
    lines.push(`  ${d.severity === 'error' ? `✖ ${w.error}` : `⚠ ${w.warning}`}  ${d.message}  ${d.ruleId}`);
  }
  if (diff.diagnostics.length) lines.push(`  ${w.explain}`);
  // Each line made inert: agencies, file names and quoted sentences come from the inputs.
  return `${lines.map(inert).join('\n')}\n`;
}

/** The documented shape: { previous, current, figures, text, diagnostics }. */
export function diffJson(diff: YearDiff, toolVersion: string): string {
  return `${inertJson(JSON.stringify({ tool: 'report', version: toolVersion, formatVersion: 1, ...diff }, null, 2))}\n`;
}

const STYLE = `
* { box-sizing: border-box; }
body { margin: 0; padding: 16px; color: #111; line-height: 1.6;
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; overflow-wrap: anywhere; }
main { max-width: 1200px; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 0 0 0.4em; }
h2 { font-size: 1.15rem; margin: 1.4em 0 0.5em; border-bottom: 2px solid #ccc; }
.files { color: #555; font-size: 0.85rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.85rem; }
th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; }
th { background: #f2f2f2; text-align: left; }
/* Years and short headings never break a character a line. */
thead th:not(:first-child) { white-space: nowrap; overflow-wrap: normal; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.jump td { background: #fff3cd; }
/* White on this brown is 6.8:1 (WCAG AA asks 4.5:1 of small text; the orange before was 4.23:1). */
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; background: #8a4b00; color: #fff; font-size: 0.75rem; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.pair > div { border: 1px solid #ddd; padding: 8px 12px; min-width: 0; }
.pair h4 { margin: 0 0 0.4em; color: #555; }
.pair p { margin: 0.3em 0; }
mark.same { background: #ffd6d6; }
mark.near { background: #ffeeba; }
.legend mark { padding: 0 4px; }
ul.findings li { margin: 0.3em 0; }
.error { color: #b00020; font-weight: bold; }
.warning { color: #8a5a00; font-weight: bold; }
@media (max-width: 700px) { .pair { grid-template-columns: 1fr; } table { font-size: 0.8rem; } }
`;

/** Paragraphs with every repeated sentence marked: `same` word for word, `near` nearly. */
function markedParagraphs(paragraphs: unknown, marks: ReadonlyMap<string, 'same' | 'near'>): string {
  const list = Array.isArray(paragraphs) ? paragraphs.filter((p): p is string => typeof p === 'string') : [];
  return list
    .map((paragraph) => {
      const html = paragraph
        .split(/(?<=[。！？；!?;])/)
        .map((sentence) => {
          const kind = marks.get(sentence.trim());
          return kind ? `<mark class="${kind}">${escapeHtml(sentence)}</mark>` : escapeHtml(sentence);
        })
        .join('');
      return `<p>${html}</p>`;
    })
    .join('\n');
}

export function diffHtml(
  diff: YearDiff,
  previous: ReadReport,
  current: ReadReport,
  lang: Lang,
  notes: readonly string[],
): string {
  const w = words[lang];
  const title = w.title(agencyOf(diff, lang), yearOf(diff.previous, lang), yearOf(diff.current, lang));
  const figureRows = diff.figures
    .map(
      (f) =>
        `<tr${f.jump ? ' class="jump"' : ''}><td>${escapeHtml(f.label)}${f.jump ? ` <span class="badge">${w.jump}</span>` : ''}</td><td class="n">${f.previous}</td><td class="n">${f.current}</td><td class="n">${signed(f.change)}</td><td class="n">${f.ratio === null ? '—' : `×${f.ratio}`}</td></tr>`,
    )
    .join('\n');
  const figures = diff.figures.length
    ? `<table><thead><tr><th scope="col">${w.label}</th><th scope="col">${yearOf(diff.previous, lang)}</th><th scope="col">${yearOf(diff.current, lang)}</th><th scope="col">${w.change}</th><th scope="col">${w.ratio}</th></tr></thead><tbody>${figureRows}</tbody></table>`
    : `<p>${w.noFigures}</p>`;
  const texts = diff.text
    .map((reuse) => {
      const currentMarks = new Map(reuse.sentences.map((s) => [s.current, s.exact ? 'same' : 'near'] as const));
      const previousMarks = new Map(reuse.sentences.map((s) => [s.previous, s.exact ? 'same' : 'near'] as const));
      return `<h3>${escapeHtml(sectionTitle(diff, reuse.section, lang))}</h3>
<p>${escapeHtml(w.reuse(reuse.sentences.length, reuse.total, percent(reuse.reused)))}</p>
<div class="pair"><div><h4>${w.previous} ${yearOf(diff.previous, lang)}</h4>${markedParagraphs(previous.model[reuse.section], previousMarks)}</div>
<div><h4>${w.current} ${yearOf(diff.current, lang)}</h4>${markedParagraphs(current.model[reuse.section], currentMarks)}</div></div>`;
    })
    .join('\n');
  const findings = diff.diagnostics.length
    ? `<ul class="findings">${diff.diagnostics.map((d) => `<li><span class="${d.severity}">${d.severity === 'error' ? w.error : w.warning}</span> <b>${escapeHtml(d.ruleId)}</b> ${escapeHtml(d.message)}</li>`).join('')}</ul>`
    : `<p>${w.noFindings}</p>`;
  return `<!DOCTYPE html>
<html lang="${languageWords[lang].htmlLang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<p class="files">${w.previous}: ${escapeHtml(diff.previous.file)}<br>${w.current}: ${escapeHtml(diff.current.file)}${[...notes, ...editionNote(diff, lang)].map((note) => `<br>${escapeHtml(note)}`).join('')}</p>
<h2>${w.rules}</h2>
${findings}
<h2>${w.figures} (${diff.figures.length})</h2>
${figures}
<h2>${w.text}</h2>
<p class="legend"><mark class="same">${w.exact}</mark> <mark class="near">${w.near}</mark></p>
${texts}
</main></body></html>
`;
}

export function agencyNote(diff: YearDiff, lang: Lang, key: (agency: string) => string): string[] {
  return differentAgencies(diff, key)
    ? [words[lang].notSameAgency(diff.previous.agency as string, diff.current.agency as string)]
    : [];
}
