// X100: 一、总体情况 or 五、存在的主要问题及改进情况 mostly repeats last year's report, sentence by sentence.
import type { TextSectionKey } from '../../editions/types';
import { defineRule } from '../rule';
import { textReuse } from '../text-reuse';

/** The sections a report must write afresh each year; 六 repeats by nature (the same headings of other matters). */
const SECTIONS: readonly TextSectionKey[] = ['overview', 'problems'];

export const textCopied = defineRule({
  id: 'X100',
  name: 'text-copied-from-last-year',
  severity: 'warning',
  needsPrevious: true,
  description: {
    zh: '“一、总体情况”和“五、存在的主要问题及改进情况”不应大部分照抄上年报告',
    en: "Sections 一 and 五 are not mostly copied from last year's report",
  },
  details: {
    zh: '给出上年报告（--previous，或批量转换中同一机关的上一年度）时，逐句比较本年与上年的“一、总体情况”和“五、存在的主要问题及改进情况”：一句与上年某句逐字相同，或只是年份、数字、标点不同（字符二元组相似度 0.8 以上），即算作照抄。照抄的句子超过该部分句数的一半时给出警告（宿迁市政务公开考核细则：与上年报告雷同超过 50% 的扣分），可在配置中调整：thresholds.X100.share。report diff 逐句标出相同和几乎相同的句子。',
    en: "With last year's report (--previous, or the previous year of the same agency in a batch), sections 一 and 五 are compared sentence by sentence: a sentence that is last year's word for word, or with only years, figures or punctuation changed (character bigram similarity of 0.8 or more), counts as copied. More than half of a section copied gives a warning (the 宿迁 assessment rules deduct for a report over 50 % the same as last year's); the share is set in the config, thresholds.X100.share. report diff marks each copied sentence.",
  },
  messages: {
    copied: {
      zh: '{label}（{at}）{total} 句中有 {same} 句（{share}）与上年报告相同或几乎相同，超过 {limit}；report diff 可逐句查看',
      en: "{label} ({at}): {same} of {total} sentences ({share}) repeat last year's report, over {limit}; report diff shows each",
    },
  },
  check(context) {
    const previous = context.previous;
    if (!previous) return;
    const limit = context.thresholds.copied.share;
    for (const section of SECTIONS) {
      const reuse = textReuse(section, previous.model[section], context.model[section]);
      if (reuse.total === 0 || reuse.sentences.length / reuse.total <= limit) continue;
      context.report({
        messageId: 'copied',
        pointer: `/${section}`,
        params: {
          total: reuse.total,
          same: reuse.sentences.length,
          share: `${Math.round((reuse.sentences.length / reuse.total) * 100)}%`,
          limit: `${Math.round(limit * 100)}%`,
        },
      });
    }
  },
});
