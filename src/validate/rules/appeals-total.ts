// R401: in each group of 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

import type { Rule } from '../rule';
import { checkSum } from '../sum-check';

export const appealsTotal: Rule = {
  id: 'R401',
  name: 'appeals-total',
  severity: 'error',
  description: {
    zh: '四：行政复议、两类行政诉讼各自的“总计”等于维持、纠正、其他、尚未审结之和',
    en: 'Table IV: each group’s 总计 equals upheld + corrected + other + pending',
  },
  details: {
    zh: '行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉）三组各有五列，“总计”等于结果维持、结果纠正、其他结果、尚未审结四列之和。',
    en: 'Administrative review and the two kinds of litigation each have five columns; 总计 equals the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结.',
  },
  messages: {
    groupTotal: {
      zh: '{label}（{at}）应为 {expected}（维持＋纠正＋其他＋尚未审结），实际为 {actual}',
      en: '{label} ({at}) should be {expected} (upheld + corrected + other + pending), is {actual}',
    },
  },
  check(context) {
    const outcomes = context.edition.appeals.outcomes;
    const total = outcomes[outcomes.length - 1];
    if (!total) return;
    for (const group of context.edition.appeals.groups) {
      const at = (key: string) => `/appeals/${group.key}/${key}`;
      checkSum(
        context,
        'groupTotal',
        at(total.key),
        outcomes.slice(0, -1).map((outcome) => at(outcome.key)),
      );
    }
  },
};
