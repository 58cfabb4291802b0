// X202: 2019 edition, across years: this year's 上一年项目数量 = last year's 上一年项目数量 + 本年增/减, per row.
import { defineRule } from '../rule';

/** The rows of 二 (2019 edition) that count items with 上一年项目数量 and 本年增/减. */
const itemRows = ['licensing', 'otherServices', 'penalty', 'enforcement', 'fees'] as const;

export const itemRollForward = defineRule({
  id: 'X202',
  name: 'item-roll-forward',
  severity: 'warning',
  editions: ['2019'],
  needsPrevious: true,
  previousEditions: ['2019'],
  description: {
    zh: '2019 年版：本年“上一年项目数量”＝上年报告的“上一年项目数量”＋“本年增/减”，逐行成立',
    en: "2019 edition: this year's previous item count = last year's previous count + change, per row",
  },
  details: {
    zh: '两年报告均为 2019 年版时，行政许可、其他对外管理服务事项、行政处罚、行政强制、行政事业性收费各行的“上一年项目数量”应等于上年报告同一行的“上一年项目数量”加“本年增/减”。不一致时，要么本年抄错了基数，要么上年的增减数有误；请核对后说明。',
    en: "When both years use the 2019 edition, each row's previous item count (licensing, other services, penalties, enforcement, fees) should equal last year's previous count plus last year's change. A mismatch means this year's base was copied wrong or last year's change was; check and explain.",
  },
  messages: {
    mismatch: {
      zh: '{label}（{at}）按上年 {previousCount} ＋ 增减 {change} 应为 {expected}，实际为 {actual}',
      en: '{label} ({at}) should be {expected} (last year {previousCount} + change {change}), is {actual}',
    },
  },
  check(context) {
    const previous = context.previous;
    if (!previous) return;
    for (const row of itemRows) {
      const pointer = `/proactive/${row}/previousCount`;
      const previousCount = previous.number(pointer);
      const change = previous.number(`/proactive/${row}/change`);
      const actual = context.number(pointer);
      if (previousCount === undefined || change === undefined || actual === undefined) continue;
      const expected = previousCount + change;
      if (expected !== actual) {
        context.report({ messageId: 'mismatch', pointer, expected, actual, params: { previousCount, change } });
      }
    }
  },
});
