// The default reporter: diagnostics grouped by file, coloured on a terminal, with a one-line summary. Every text from
// an input (file names, messages that quote it) is made inert before it is coloured, so only our colours reach the terminal.
import { decisionInWords } from '../diagnostics/decision';
import { countBySeverity, type Diagnostic, type Lang } from '../diagnostics/diagnostic';
import { inert } from '../diagnostics/inert-text';
import { defineWords, languageWords } from '../diagnostics/words';
import { appendAll } from '../model/many-values';
import type { FileResult, Reporter, ReporterContext } from './file-result';
import { summarize } from './file-result';
import { painter, type Style } from './paint';

const words = defineWords({
  zh: {
    error: '错误',
    warning: '警告',
    clean: '无错误',
    readAs: {
      template: '按模板定义名称读取',
      model: 'JSON',
      embedded: '读取网页中嵌入的 JSON',
      labels: '按官方表格的栏目读取',
      published: '按已发布报告的章节和栏目读取',
    } as Record<string, string>,
    edition: (id: string) => `${id}年版`,
    explain: (ids: string) => `规则说明：report rules <编号>（本次涉及 ${ids}）`,
    summary: (files: number, errors: number, warnings: number, unreadable: number) =>
      `${files} 个文件：${errors} 个错误，${warnings} 个警告${unreadable ? `，${unreadable} 个无法读取` : ''}`,
    setAside: (explained: number, decided: number) =>
      [explained ? `已说明 ${explained}` : '', decided ? `已决定 ${decided}` : ''].filter(Boolean).join('，'),
    explained: '已说明',
    decided: (decision: string) => `已决定：${decision}`,
    filerSays: (text: string) => `说明：${text}`,
    reviewerSays: (note: string, by: string) => `${note || '（未写理由）'}${by ? `（${by}）` : ''}`,
  },
  en: {
    error: 'error',
    warning: 'warning',
    clean: 'no errors',
    readAs: {
      template: 'read by the template’s defined names',
      model: 'JSON',
      embedded: 'the JSON embedded in the page',
      labels: 'read by the labels of the official tables',
      published: 'read by the sections and labels of a published report',
    } as Record<string, string>,
    edition: (id: string) => `${id} edition`,
    explain: (ids: string) => `to read about a rule: report rules <id> (here: ${ids})`,
    summary: (files: number, errors: number, warnings: number, unreadable: number) =>
      `${files} file${files === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${unreadable ? `, ${unreadable} unreadable` : ''}`,
    setAside: (explained, decided) =>
      [explained ? `${explained} explained` : '', decided ? `${decided} decided` : ''].filter(Boolean).join(', '),
    explained: 'explained',
    decided: (decision) => `decided: ${decision}`,
    filerSays: (text) => `explanation: ${text}`,
    reviewerSays: (note, by) => `${note || '(no reason given)'}${by ? ` (${by})` : ''}`,
  },
});

/** How an input was read, in words (`readAs` of a ReadReport). */
export function readAsWords(lang: Lang, readAs: string): string {
  return words[lang].readAs[readAs] ?? readAs;
}

/**
 * Grouped by file, then the totals. Quiet, only the files that need a look (errors, or unreadable) and their errors are
 * listed, so a few problems are not lost among thousands of clean files; the totals still count every file and
 * every warning.
 */
export const textReporter: Reporter = (results, context) => {
  const w = words[context.lang];
  const paint = painter(context.color);
  const lines: string[] = [];
  const listed = context.quiet ? results.flatMap((result) => needingALook(result) ?? []) : results;
  for (const result of listed) {
    lines.push(heading(result, context, paint));
    if (result.error) lines.push(`  ${paint('red', `✖ ${inert(result.error.message)}`)}`);
    for (const diagnostic of result.diagnostics) appendAll(lines, diagnosticLines(diagnostic, context.lang, paint));
    lines.push('');
  }
  const total = summarize(results);
  const setAside = w.setAside(total.explained, total.decided);
  const line = `${w.summary(total.files, total.errors, total.warnings, total.unreadable)}${setAside ? languageWords[context.lang].aside(setAside) : ''}`;
  const failed = total.errors > 0 || total.unreadable > 0;
  const ruleIds = [...new Set(listed.flatMap((result) => result.diagnostics.map((d) => d.ruleId)))];
  if (ruleIds.length) lines.push(paint('gray', inert(w.explain(ruleIds.join(' ')))));
  lines.push(failed ? paint(['red', 'bold'], `✖ ${line}`) : paint(['green', 'bold'], `✓ ${line}`));
  return `${lines.join('\n')}\n`;
};

/**
 * A diagnostic's line, and under it the words that set it aside: a warning the filer explained (已说明, their words),
 * a finding a reviewer decided on (已决定 and the decision, the reviewer's note).
 */
function diagnosticLines(diagnostic: Diagnostic, lang: Lang, paint: (style: Style, text: string) => string): string[] {
  const w = words[lang];
  const tail = `${inert(diagnostic.message)}  ${paint('gray', inert(diagnostic.ruleId))}`;
  if (diagnostic.decision) {
    const { decision, note, by } = diagnostic.decision;
    return [
      `  ${paint('cyan', `✓ ${w.decided(decisionInWords(decision, lang))}`)}  ${tail}`,
      `      ${paint('gray', inert(w.reviewerSays(note, by ?? '')))}`,
    ];
  }
  if (diagnostic.explanation !== undefined)
    return [
      `  ${paint('cyan', `✓ ${w.explained}`)}  ${tail}`,
      `      ${paint('gray', inert(w.filerSays(diagnostic.explanation)))}`,
    ];
  const mark = diagnostic.severity === 'error' ? paint('red', `✖ ${w.error}`) : paint('yellow', `⚠ ${w.warning}`);
  return [`  ${mark}  ${tail}`];
}

/** The file with its open errors only, or undefined when it has none and was read. */
function needingALook(result: FileResult): FileResult | undefined {
  const errors = result.diagnostics.filter((d) => d.severity === 'error' && d.decision === undefined);
  if (result.status !== 'unreadable' && errors.length === 0) return undefined;
  return { ...result, diagnostics: errors };
}

function heading(result: FileResult, context: ReporterContext, paint: (style: Style, text: string) => string): string {
  const w = words[context.lang];
  const details = [
    result.edition ? w.edition(inert(result.edition)) : undefined,
    result.readAs ? w.readAs[result.readAs] : undefined,
  ]
    .filter(Boolean)
    .join(languageWords[context.lang].listSeparator);
  const about = details ? languageWords[context.lang].aside(details) : '';
  const { errors, warnings } = countBySeverity(result.diagnostics);
  const clean =
    result.status !== 'unreadable' && errors === 0 && warnings === 0 ? `  ${paint('green', `✓ ${w.clean}`)}` : '';
  return `${paint('bold', inert(result.file))}${about}${clean}`;
}
