// Q101: a key total that jumps or collapses from last year (more than 5×, less than 1/5, from at least 10).
import { defineRule, type RuleContext } from '../rule';

/** The key totals a reviewer compares year on year; 诉讼 adds its two groups. */
const KEY_TOTALS: readonly {
  pointer: string;
  parts: readonly string[];
  messageId: 'jump' | 'litigationJump';
}[] = [
  { pointer: '/requests/newReceived/total', parts: ['/requests/newReceived/total'], messageId: 'jump' },
  { pointer: '/requests/results/total/total', parts: ['/requests/results/total/total'], messageId: 'jump' },
  { pointer: '/appeals/review/total', parts: ['/appeals/review/total'], messageId: 'jump' },
  {
    pointer: '/appeals/litigationDirect/total',
    parts: ['/appeals/litigationDirect/total', '/appeals/litigationAfterReview/total'],
    messageId: 'litigationJump',
  },
];

function total(read: RuleContext['number'], parts: readonly string[]): number | undefined {
  const values = parts.map((part) => read(part));
  return values.some((value) => value === undefined) ? undefined : (values as number[]).reduce((a, b) => a + b, 0);
}

export const yearOnYearJump = defineRule({
  id: 'Q101',
  name: 'year-on-year-jump',
  severity: 'warning',
  needsPrevious: true,
  description: {
    zh: '新收申请、办理结果总计、行政复议、行政诉讼较上年增长超过 5 倍或降至 1/5 以下（上年不少于 10 件）',
    en: 'New requests, results total, reviews or lawsuits grow over 5× or fall below 1/5 of last year (from at least 10)',
  },
  details: {
    zh: '与上年报告相比，关键总数（新收申请、办理结果总计、行政复议、行政诉讼合计）增长超过 5 倍或降到五分之一以下，多半是填错了栏目或单位，少数是真实变化（如批量申请）；请核对，属实的在报告中说明原因。上年不足 10 件的不比较。倍数和起点可在配置中修改：`"thresholds": { "Q101": { "factor": 5, "minimum": 10 } }`。',
    en: 'Compared with last year’s report, a key total (new requests, results total, reviews, lawsuits together) that grows more than 5-fold or falls below a fifth is usually a figure in the wrong cell, sometimes a real change (a wave of bulk requests): check it, and explain a real one in the report. Totals below 10 last year are not compared. Change the factor and the floor in the config: `"thresholds": { "Q101": { "factor": 5, "minimum": 10 } }`.',
  },
  messages: {
    jump: {
      zh: '{label}（{at}）由上年 {previous} 变为 {actual}，为上年的 {ratio} 倍，请核对',
      en: '{label} ({at}) went from {previous} last year to {actual}, {ratio} times as many: check it',
    },
    litigationJump: {
      zh: '行政诉讼（未经复议直接起诉与复议后起诉合计）由上年 {previous} 变为 {actual}，为上年的 {ratio} 倍，请核对',
      en: 'lawsuits (direct and after review together) went from {previous} last year to {actual}, {ratio} times as many: check it',
    },
  },
  check(context) {
    const previous = context.previous;
    if (!previous) return;
    const { factor, minimum } = context.thresholds.jump;
    for (const key of KEY_TOTALS) {
      const before = total(previous.number, key.parts);
      const now = total(context.number, key.parts);
      if (before === undefined || now === undefined || before < minimum) continue;
      if (now <= before * factor && now * factor >= before) continue;
      const ratio = Math.round((now / before) * 100) / 100;
      context.report({
        messageId: key.messageId,
        pointer: key.pointer,
        actual: now,
        params: { previous: before, ratio },
        ...(key.parts.length > 1 ? { related: [...key.parts] } : {}),
      });
    }
  },
});
