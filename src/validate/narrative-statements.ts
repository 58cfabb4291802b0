// The statements by which a report's text restates a table's figures (收到申请 N 件, 上年结转 M 件, 行政复议 K 件,
// 未收到…申请, and the documents of 二 in the edition's own words), shared by the rules that read the text: N001
// compares them with the tables, N005 compares them with each other, N006 reads the "none" statements outside 一.
import { pointerOf } from '../editions/fields';
import type { Edition } from '../editions/types';
import type { RuleContext } from './rule';

/** A paragraph's sentences, each with its closing mark (。；！？, full or half width). */
export function sentencesOf(paragraph: string): string[] {
  return paragraph.split(/(?<=[。；;！!？?])/);
}

/** A statement: its pattern (the figure in group 1, or none when it says "none"), and the table cells it totals. */
export interface Statement {
  what: string;
  pattern: RegExp;
  /** The figure the statement gives when the pattern has no number (未收到… = 0). */
  fixed?: number;
  pointers: (context: RuleContext) => string[];
}

const N = '(\\d+)\\s*(?:件|起|宗|个)';
const totals = (context: RuleContext, prefix: string) =>
  context.fields.requestsLeaves
    .filter((leaf) => leaf.pointer.startsWith(prefix))
    .map((leaf) => `${leaf.pointer}/total`);

// Patterns keep to one clause (no 。；，between the words and the figure), so a figure is never borrowed from the next.
export const STATEMENTS: readonly Statement[] = [
  {
    what: 'newReceived',
    pattern: new RegExp(`(?:收到|受理|新收)[^。；，,\\d]{0,16}?申请(?:共|合计)?\\s*${N}`),
    pointers: () => ['/requests/newReceived/total'],
  },
  {
    what: 'carriedOver',
    pattern: new RegExp(`上年(?:度)?结转[^。；，,\\d]{0,12}?${N}`),
    pointers: () => ['/requests/carriedOver/total'],
  },
  {
    what: 'carriedForward',
    pattern: new RegExp(`结转(?:至|到)?下(?:一)?年度?(?:继续办理)?\\s*${N}`),
    pointers: () => ['/requests/carriedForward/total'],
  },
  {
    what: 'handled',
    pattern: new RegExp(`(?:已办结|共办结|办结)\\s*${N}`),
    pointers: () => ['/requests/results/total/total'],
  },
  { what: 'granted', pattern: new RegExp(`予以公开\\s*${N}`), pointers: () => ['/requests/results/granted/total'] },
  {
    what: 'partiallyGranted',
    pattern: new RegExp(`部分公开\\s*${N}`),
    pointers: () => ['/requests/results/partiallyGranted/total'],
  },
  { what: 'denied', pattern: new RegExp(`不予公开\\s*${N}`), pointers: (c) => totals(c, '/requests/results/denied/') },
  {
    what: 'unable',
    pattern: new RegExp(`无法提供\\s*${N}`),
    pointers: (c) => totals(c, '/requests/results/unableToProvide/'),
  },
  {
    what: 'notProcessed',
    pattern: new RegExp(`不予处理\\s*${N}`),
    pointers: (c) => totals(c, '/requests/results/notProcessed/'),
  },
  { what: 'other', pattern: new RegExp(`其他处理\\s*${N}`), pointers: (c) => totals(c, '/requests/results/other') },
  { what: 'review', pattern: new RegExp(`行政复议(?:案件|申请)?\\s*${N}`), pointers: () => ['/appeals/review/total'] },
  {
    what: 'litigation',
    pattern: new RegExp(`行政诉讼(?:案件)?\\s*${N}`),
    pointers: () => ['/appeals/litigationDirect/total', '/appeals/litigationAfterReview/total'],
  },
  {
    what: 'noRequests',
    pattern: /未(?:收到|受理)[^。；，,\d]{0,8}?(?:依申请公开|政府信息公开申请)/,
    fixed: 0,
    pointers: () => ['/requests/newReceived/total'],
  },
  {
    what: 'noReview',
    pattern: /未(?:发生|收到)[^。；，,\d]{0,8}?行政复议/,
    fixed: 0,
    pointers: () => ['/appeals/review/total'],
  },
  {
    what: 'noLitigation',
    pattern: /未(?:发生|收到)[^。；，,\d]{0,12}?行政诉讼/,
    fixed: 0,
    pointers: () => ['/appeals/litigationDirect/total', '/appeals/litigationAfterReview/total'],
  },
];

/**
 * 二 as a report's text names it: the words for each row (规章, 规范性文件) and column (制发, 废止, 现行有效) come from
 * the edition (`narrative`), so each edition's table is read in its own words.
 */
interface DocumentWords {
  /** The subject: the last row named before a figure. */
  subject: RegExp;
  figure: RegExp;
  rows: ReadonlyMap<string, readonly string[]>;
  columns: ReadonlyMap<string, readonly string[]>;
}

const wordsByEdition = new WeakMap<Edition, DocumentWords | undefined>();
const alternatives = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

function documentWords(edition: Edition): DocumentWords | undefined {
  if (wordsByEdition.has(edition)) return wordsByEdition.get(edition);
  const rows = new Map<string, string[]>();
  const columns = new Map<string, string[]>();
  for (const group of edition.proactive) {
    const named = group.rows.filter((row) => row.narrative);
    const stated = group.columns.filter((column) => column.narrative);
    if (!named.length || !stated.length) continue;
    for (const row of named)
      for (const word of row.narrative ?? []) rows.set(word, [...(rows.get(word) ?? []), row.key]);
    for (const column of stated)
      for (const word of column.narrative ?? []) columns.set(word, [...(columns.get(word) ?? []), column.key]);
  }
  const words =
    rows.size && columns.size
      ? {
          subject: new RegExp(alternatives(rows.keys()), 'g'),
          figure: new RegExp(`(${alternatives(columns.keys())})[^。；，,\\d]{0,12}?${N}`, 'g'),
          rows,
          columns,
        }
      : undefined;
  wordsByEdition.set(edition, words);
  return words;
}

/** Each figure of 二 a sentence states: the cell it names and the figure. */
export function documentStatements(sentence: string, edition: Edition): { pointer: string; stated: number }[] {
  const words = documentWords(edition);
  if (!words) return [];
  const subjects = [...sentence.matchAll(words.subject)];
  const statements: { pointer: string; stated: number }[] = [];
  for (const match of sentence.matchAll(words.figure)) {
    const column = words.columns.get(match[1] as string)?.[0];
    const figureAt = (match.index ?? 0) + match[0].search(/\d/);
    const subject = subjects.filter((s) => (s.index ?? 0) < figureAt).pop();
    const row = subject && words.rows.get(subject[0])?.[0];
    if (!column || !row) continue;
    statements.push({ pointer: pointerOf(['proactive', row, column]), stated: Number(match[2]) });
  }
  return statements;
}
