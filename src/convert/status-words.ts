// The verdicts of a batch's inputs in words, for the terminal and the index page.
import type { Lang } from '../diagnostics/diagnostic';
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

/**
 * What a batch says under a copy or another version of a report: which input it is the same as, why that one is used,
 * and the figures in which they differ (the first, with both values).
 */
export function duplicateNote(
  record: Pick<BatchRecord, 'duplicateOf' | 'duplicateReason' | 'chosenBecause' | 'differences'>,
  of: string,
  lang: Lang,
): string {
  const zh = lang === 'zh';
  if (record.duplicateReason !== 'sameAgencyYear')
    return zh ? `重复：与 ${of} 内容完全相同` : `a copy of ${of} (the same bytes)`;
  const why = chosenWords[lang][record.chosenBecause ?? 'first'];
  const head = zh ? `另一版本：采用 ${of}（${why}）` : `another version: ${of} is used (${why})`;
  const differences = record.differences;
  const first = differences?.figures[0];
  if (!differences || !first) return zh ? `${head}；数字相同` : `${head}; the same figures`;
  const value = (n: number | undefined) => (n === undefined ? '—' : String(n));
  return zh
    ? `${head}；${differences.count} 个数字不同，如 ${first.label}：本文件 ${value(first.this)}，采用的 ${value(first.used)}`
    : `${head}; ${differences.count === 1 ? '1 figure differs' : `${differences.count} figures differ`}, e.g. ${first.label}: ${value(first.this)} here, ${value(first.used)} in the one used`;
}

/** An input a reviewer must look at: not `ok`, with errors, unreadable, or another version with other figures. */
export function needsLook(record: BatchRecord): boolean {
  return (
    record.status !== 'ok' || record.errors > 0 || record.error !== undefined || (record.differences?.count ?? 0) > 0
  );
}
