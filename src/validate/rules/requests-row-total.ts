// R301: in every row of 三, 总计 is the sum of the six applicant columns.

import type { Rule } from '../rule';
import { checkSum } from '../sum-check';

export const requestsRowTotal: Rule = {
  id: 'R301',
  name: 'requests-row-total',
  severity: 'error',
  description: {
    zh: '三：每一行的“总计”等于六类申请人之和',
    en: 'Table III: in every row, 总计 equals the sum of the six applicant columns',
  },
  details: {
    zh: '申请人情况分为自然人和法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）。每一行的“总计”列必须等于这六列之和；表中没有“法人或其他组织”的小计列，不要把小计填进“其他”。',
    en: 'Applicants are natural persons and five kinds of organisation. The 总计 column of each row must equal the sum of those six columns; the table has no subtotal column for organisations, so do not put one into 其他.',
  },
  messages: {
    rowTotal: {
      zh: '{label}（{at}）应为 {expected}（六类申请人之和），实际为 {actual}',
      en: '{label} ({at}) should be {expected} (the sum of the six applicant columns), is {actual}',
    },
  },
  check(context) {
    const columns = context.edition.requests.columns;
    const total = columns[columns.length - 1];
    if (!total) return;
    for (const leaf of context.fields.requestsLeaves) {
      checkSum(
        context,
        'rowTotal',
        `${leaf.pointer}/${total.key}`,
        columns.slice(0, -1).map((column) => `${leaf.pointer}/${column.key}`),
      );
    }
  },
};
