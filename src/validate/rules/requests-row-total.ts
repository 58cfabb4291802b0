// R301: in every row of 三, 总计 is the sum of the six applicant columns (one equation per row, equations.ts).
import { equationMessages, rowSumEquation } from '../equations';
import { defineRule } from '../rule';

export const requestsRowTotal = defineRule({
  id: 'R301',
  name: 'requests-row-total',
  severity: 'error',
  description: {
    zh: '三：每一行的“总计”等于六类申请人之和',
    en: 'Table III: in every row, 总计 equals the sum of the six applicant columns',
  },
  details: {
    zh: '申请人情况分为自然人和法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。每一行的“总计”列必须等于这六列之和；表中没有“法人或其他组织”的小计列，不要把小计填进“其他”。一个单元格填错，往往同时让它所在的行和列都不相等：这时诊断指向那个单元格，并说明它为多少时各处都成立；找不到这样的单元格时，只说明哪一行不相等、相差多少，不猜哪个数字有误。',
    en: 'Applicants are natural persons and five kinds of organisation. The 总计 column of each row must equal the sum of those six columns; the table has no subtotal column for organisations, so do not put one into 其他. One wrong cell usually breaks its row and its column at once: the diagnostic then names that cell and the value at which every sum holds; where no single cell explains a mismatch, it says which row disagrees and by how much, without guessing which figure is wrong.',
  },
  messages: {
    ...equationMessages,
    rowTotal: {
      zh: '{label}（{at}）为 {actual}，六类申请人之和为 {sum}，相差 {difference}',
      en: '{label} ({at}) is {actual}; the six applicant columns add up to {sum}, {difference} apart',
    },
  },
  equations({ grids }) {
    return grids.requests.rows.flatMap((row) => {
      const label = row.labels[row.labels.length - 1];
      return row.sums.map((sum) =>
        rowSumEquation('R301', 'rowTotal', row, sum, {
          zh: `“${label?.zh ?? ''}”一行`,
          en: `the row "${label?.en ?? ''}"`,
        }),
      );
    });
  },
});
