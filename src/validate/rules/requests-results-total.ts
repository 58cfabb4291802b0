// R302: （七）总计 is the sum of every result row （一）…（六）, per column.

import type { Rule } from '../rule';
import { checkSum } from '../sum-check';

export const requestsResultsTotal: Rule = {
  id: 'R302',
  name: 'requests-results-total',
  severity: 'error',
  description: {
    zh: '三：“（七）总计”等于办理结果（一）至（六）各项之和',
    en: 'Table III: （七）总计 equals the sum of result rows （一）–（六）, per column',
  },
  details: {
    zh: '“三、本年度办理结果”下的（一）予以公开、（二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5 和（六）其他处理（2021年版为 1–3 项）之和，逐列等于“（七）总计”。每件申请只计一种办理结果（部分公开的只计“部分公开”）。',
    en: 'Under 三、本年度办理结果, the rows （一）, （二）, （三）1–8, （四）1–3, （五）1–5 and （六） (in the 2021 edition its items 1–3) add up, column by column, to （七）总计. Each request counts under one result only (a partial disclosure only under （二）).',
  },
  messages: {
    resultsTotal: {
      zh: '{label}（{at}）应为 {expected}（办理结果各项之和），实际为 {actual}',
      en: '{label} ({at}) should be {expected} (the sum of the result rows), is {actual}',
    },
  },
  check(context) {
    for (const column of context.edition.requests.columns) {
      checkSum(
        context,
        'resultsTotal',
        `/requests/results/total/${column.key}`,
        context.fields.resultParts.map((leaf) => `${leaf.pointer}/${column.key}`),
      );
    }
  },
};
