// X301: this year's 二、上年结转 equals last year's 四、结转下年度继续办理, per column.
import { defineRule } from '../rule';

export const carriedOverMatchesPrevious = defineRule({
  id: 'X301',
  name: 'carried-over-matches-previous',
  severity: 'error',
  needsPrevious: true,
  description: {
    zh: '本年“上年结转”等于上年报告的“结转下年度继续办理”，逐列成立',
    en: "This year's carried-over requests equal last year's carried-forward ones, per column",
  },
  details: {
    zh: '给出上年报告（--previous，或批量转换中同一机关的上一年度）时检查：本年“二、上年结转政府信息公开申请数量”每一列都应等于上年“四、结转下年度继续办理”的同一列。正在编制的报告中不一致为错误；批量转换历年报告时为警告，需要说明原因。',
    en: "With last year's report (--previous, or the previous year of the same agency in a batch): each column of this year's 二、上年结转 must equal the same column of last year's 四、结转下年度继续办理. An error for a report being prepared; a warning when converting past years, to be explained.",
  },
  messages: {
    mismatch: {
      zh: '{label}（{at}）应为 {expected}（{previousYear} 年度报告的结转下年度继续办理），实际为 {actual}',
      en: '{label} ({at}) should be {expected} (carried forward in the {previousYear} report), is {actual}',
    },
  },
  check(context) {
    const previous = context.previous;
    if (!previous) return;
    // The engine runs this rule only for the same body's year before (an input finding says when it is not).
    const previousYear = previous.number('/year') ?? '';
    for (const column of context.edition.requests.columns) {
      const pointer = `/requests/carriedOver/${column.key}`;
      const actual = context.number(pointer);
      const expected = previous.number(`/requests/carriedForward/${column.key}`);
      if (actual !== undefined && expected !== undefined && actual !== expected) {
        context.report({ messageId: 'mismatch', pointer, expected, actual, params: { previousYear } });
      }
    }
  },
});
