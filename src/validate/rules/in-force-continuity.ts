// X201: last year's 现行有效件数 + this year's 制发 − 废止 = this year's 现行有效件数 (2021 edition both years).
import { defineRule } from '../rule';

const documentRows = ['rules', 'normativeDocs'] as const;

export const inForceContinuity = defineRule({
  id: 'X201',
  name: 'in-force-continuity',
  severity: 'warning',
  editions: ['2021'],
  needsPrevious: true,
  previousEditions: ['2021'],
  description: {
    zh: '上年现行有效件数＋本年制发件数−本年废止件数＝本年现行有效件数（2021年版）',
    en: "Last year's in force + issued − repealed = this year's in force (2021 edition)",
  },
  details: {
    zh: '两年报告均为 2021 年版时，规章和行政规范性文件的“现行有效件数”应能由上年数推出。集中清理、上级统一废止等情况会合理地打破这一关系，所以只作警告：请核对并在报告中说明。',
    en: 'When both years use the 2021 edition, the count of rules and normative documents in force should follow from last year. Clean-ups legitimately break it, hence a warning: check the figure and explain it in the report.',
  },
  messages: {
    mismatch: {
      zh: '{label}（{at}）按上年 {previousInForce} ＋ 制发 {issued} − 废止 {repealed} 应为 {expected}，实际为 {actual}',
      en: '{label} ({at}) should be {expected} (last year {previousInForce} + issued {issued} − repealed {repealed}), is {actual}',
    },
  },
  check(context) {
    const previous = context.previous;
    if (!previous) return;
    for (const row of documentRows) {
      const pointer = `/proactive/${row}/inForce`;
      const previousInForce = previous.number(pointer);
      const issued = context.number(`/proactive/${row}/issued`);
      const repealed = context.number(`/proactive/${row}/repealed`);
      const actual = context.number(pointer);
      if (previousInForce === undefined || issued === undefined || repealed === undefined || actual === undefined)
        continue;
      const expected = previousInForce + issued - repealed;
      if (expected !== actual) {
        context.report({
          messageId: 'mismatch',
          pointer,
          expected,
          actual,
          params: { previousInForce, issued, repealed },
          related: [`/proactive/${row}/issued`, `/proactive/${row}/repealed`],
        });
      }
    }
  },
});
