// The verdicts of a batch's inputs in words, for the terminal and the index page.
import type { Lang } from '../diagnostics/diagnostic';
import { defineWords } from '../diagnostics/words';
import type { ChosenBecause } from './report-versions';
import type { BatchRecord, InputStatus } from './run-convert';

export const statusWords: Readonly<Record<Lang, Readonly<Record<InputStatus, string>>>> = {
  zh: { ok: '通过', incomplete: '不完整', invalid: '有错误', unreadable: '无法读取', unsupported: '不支持' },
  en: { ok: 'ok', incomplete: 'incomplete', invalid: 'invalid', unreadable: 'unreadable', unsupported: 'unsupported' },
};

export const statusOrder: readonly InputStatus[] = ['ok', 'incomplete', 'invalid', 'unreadable', 'unsupported'];

const chosenWords: Readonly<Record<Lang, Readonly<Record<ChosenBecause, string>>>> = {
  zh: { config: '配置中指定', valid: '它没有错误', complete: '它数字齐全', later: '它的文件较新', first: '它在前' },
  en: {
    config: 'named in the config',
    valid: 'it has no errors',
    complete: 'it is complete',
    later: 'its file is newer',
    first: 'it comes first',
  },
};

/** What a batch says under a copy or another version of a report, in each language. */
const noteWords = defineWords({
  zh: {
    copy: (of: string) => `重复：与 ${of} 内容完全相同`,
    another: (of: string, why: string) => `另一版本：采用 ${of}（${why}）`,
    sameFigures: (head: string) => `${head}；数字相同`,
    otherFigures: (head: string, count: number, label: string, here: string, used: string) =>
      `${head}；${count} 个数字不同，如 ${label}：本文件 ${here}，采用的 ${used}`,
  },
  en: {
    copy: (of) => `a copy of ${of} (the same bytes)`,
    another: (of, why) => `another version: ${of} is used (${why})`,
    sameFigures: (head) => `${head}; the same figures`,
    otherFigures: (head, count, label, here, used) =>
      `${head}; ${count === 1 ? '1 figure differs' : `${count} figures differ`}, e.g. ${label}: ${here} here, ${used} in the one used`,
  },
});

/**
 * What a batch says under a copy or another version of a report: which input it is the same as, why that one is used,
 * and the figures in which they differ (the first, with both values).
 */
export function duplicateNote(
  record: Pick<BatchRecord, 'duplicateOf' | 'duplicateReason' | 'chosenBecause' | 'differences'>,
  of: string,
  lang: Lang,
): string {
  const w = noteWords[lang];
  if (record.duplicateReason !== 'sameAgencyYear') return w.copy(of);
  const head = w.another(of, chosenWords[lang][record.chosenBecause ?? 'first']);
  const differences = record.differences;
  const first = differences?.figures[0];
  if (!differences || !first) return w.sameFigures(head);
  const value = (n: number | undefined) => (n === undefined ? '—' : String(n));
  return w.otherFigures(head, differences.count, first.label, value(first.this), value(first.used));
}

/**
 * A report found invalid whose every error a reviewer has decided on (--baseline): its verdict stands, but there is
 * nothing left to look at, and the batch does not fail on it.
 */
export const allDecided = (record: BatchRecord): boolean =>
  record.status === 'invalid' && record.errors === 0 && (record.decided ?? 0) > 0 && record.error === undefined;

/**
 * An input a reviewer must look at: not `ok` (unless invalid with every error decided), with open errors, unreadable,
 * or another version with other figures.
 */
export function needsLook(record: BatchRecord): boolean {
  return (
    (record.status !== 'ok' && !allDecided(record)) ||
    record.errors > 0 ||
    record.error !== undefined ||
    (record.differences?.count ?? 0) > 0
  );
}
