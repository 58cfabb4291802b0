// N002: the year in the title, the 统计期限 sentence and the year the text of 一 mostly speaks of equal the report year.
import { defineRule } from '../rule';

const YEAR = '((?:19|20)\\d{2})\\s*年';
/** 《…2024年政府信息公开工作年度报告》 or a heading line that is the title. */
const TITLE = new RegExp(`${YEAR}(?:度)?[^。，；\\d]{0,4}政府信息公开(?:工作)?年度报告`);
/** 本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止. */
const PERIOD = new RegExp(`(?:统计期限|统计时限|统计期间)[^。；]*?${YEAR}`);
/** A year as a point in time, not as part of 以前/以来 spans or 年度 ranges of a plan (2021—2025年). */
const MENTION = /((?:19|20)\d{2})\s*年(?!以前|以来|前|[—\-－~至到])/g;

export const reportPeriod = defineRule({
  id: 'N002',
  name: 'report-period',
  severity: 'warning',
  description: {
    zh: '标题中的年份、“统计期限”一句和“一、总体情况”主要所说的年份都等于报告年度',
    en: 'The year of the title, of the statistics period and the year section 一 mostly speaks of equal the report year',
  },
  details: {
    zh: '年度报告常由上年报告改写而成，漏改的年份会留在标题、“本报告所列数据的统计期限自 X 年 1 月 1 日起至 12 月 31 日止”一句或总体情况里。本规则读“一、总体情况”：写明报告标题或统计期限的，其年份应为报告年度；文中提到最多的年份（至少两次、多于报告年度）不是报告年度时也提示。“2019 年以前”“2021—2025 年”之类的时段不计。',
    en: 'Reports are often rewritten from last year’s, and a year left unchanged stays in the title, in the sentence giving the statistics period (1 January to 31 December of year X) or in the overview. The rule reads section 一: a title or statistics period it states must carry the report year, and the year it mentions most (at least twice, and more often than the report year) must be the report year. Spans such as “before 2019” or “2021–2025” are not counted.',
  },
  messages: {
    titleYear: {
      zh: '标题写的是 {stated} 年，报告年度为 {year}：“{sentence}”',
      en: 'the title says {stated}, the report year is {year}: "{sentence}"',
    },
    periodYear: {
      zh: '统计期限写的是 {stated} 年，报告年度为 {year}：“{sentence}”',
      en: 'the statistics period says {stated}, the report year is {year}: "{sentence}"',
    },
    mostlyOtherYear: {
      zh: '“一、总体情况”提到 {stated} 年 {times} 次、{year} 年 {yearTimes} 次，报告年度为 {year}，是否沿用了其他年度的文字？',
      en: 'section 一 mentions {stated} {times} times and {year} {yearTimes} times while the report year is {year}: text left over from another year?',
    },
  },
  check(context) {
    const year = context.number('/year');
    const overview = context.model.overview;
    if (year === undefined || !Array.isArray(overview)) return;
    const paragraphs = overview.filter((p): p is string => typeof p === 'string');
    const counts = new Map<number, number>();
    const reported = new Set<string>();
    paragraphs.forEach((paragraph, index) => {
      for (const [messageId, pattern] of [
        ['titleYear', TITLE],
        ['periodYear', PERIOD],
      ] as const) {
        const match = pattern.exec(paragraph);
        const stated: number = match ? Number(match[1]) : year;
        if (stated === year || reported.has(messageId)) continue;
        reported.add(messageId);
        const sentence = paragraph.split(/(?<=[。；！？])/).find((part) => pattern.test(part)) ?? paragraph;
        context.report({
          messageId,
          pointer: `/overview/${index}`,
          params: { stated, year, sentence: sentence.trim() },
        });
      }
      for (const match of paragraph.matchAll(MENTION)) {
        const mentioned = Number(match[1]);
        counts.set(mentioned, (counts.get(mentioned) ?? 0) + 1);
      }
    });
    const yearTimes = counts.get(year) ?? 0;
    const [stated, times] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [year, 0];
    if (stated !== year && times >= 2 && times > yearTimes) {
      context.report({
        messageId: 'mostlyOtherYear',
        pointer: '/overview',
        params: { stated, times, year, yearTimes },
      });
    }
  },
});
