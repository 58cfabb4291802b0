// R401: in each group of 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (one equation per group, equations.ts).
import { equationMessages, rowSumEquation } from '../equations';
import { defineRule } from '../rule';

export const appealsTotal = defineRule({
  id: 'R401',
  name: 'appeals-total',
  severity: 'error',
  description: {
    zh: '四：行政复议、两类行政诉讼各自的“总计”等于维持、纠正、其他、尚未审结之和',
    en: 'Table IV: each group’s 总计 equals upheld + corrected + other + pending',
  },
  details: {
    zh: '行政复议、行政诉讼（未经复议直接起诉）、行政诉讼（复议后起诉）三组各有五列，“总计”等于结果维持、结果纠正、其他结果、尚未审结四列之和。每个数字只出现在一个等式中，无法从算术判断哪一格有误：诊断列出这一组的五格及相差多少。',
    en: 'Administrative review and the two kinds of litigation each have five columns; 总计 equals the sum of 结果维持, 结果纠正, 其他结果 and 尚未审结. Each figure lies in one sum only, so the arithmetic cannot tell which cell is wrong: the diagnostic lists the group’s five cells and the difference.',
  },
  messages: {
    ...equationMessages,
    groupTotal: {
      zh: '{label}（{at}）为 {actual}，维持＋纠正＋其他＋尚未审结为 {sum}，相差 {difference}；这一组五格中有数字有误：{cells}',
      en: '{label} ({at}) is {actual}; upheld + corrected + other + pending is {sum}, {difference} apart; a figure among the five is wrong: {cells}',
    },
  },
  equations({ grids }) {
    // Each group as the model holds it: its five outcomes, the last their total.
    return grids.appeals.records.flatMap((group) => {
      const label = group.labels[group.labels.length - 1];
      return group.sums.map((sum) =>
        rowSumEquation('R401', 'groupTotal', group, sum, {
          zh: `“${label?.zh ?? ''}”一组`,
          en: `the group "${label?.en ?? ''}"`,
        }),
      );
    });
  },
});
