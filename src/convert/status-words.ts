// The verdicts of a batch's inputs in words, for the terminal and the index page.
import type { Lang } from '../diagnostics/diagnostic';
import type { InputStatus } from './run-convert';

export const statusWords: Readonly<Record<Lang, Readonly<Record<InputStatus, string>>>> = {
  zh: { ok: '通过', incomplete: '不完整', invalid: '有错误', unreadable: '无法读取', unsupported: '不支持' },
  en: { ok: 'ok', incomplete: 'incomplete', invalid: 'invalid', unreadable: 'unreadable', unsupported: 'unsupported' },
};

export const statusOrder: readonly InputStatus[] = ['ok', 'incomplete', 'invalid', 'unreadable', 'unsupported'];
