import { defineCases } from '../rule-cases';
import { requestsResultsTotal } from './requests-results-total';

export const cases = defineCases(requestsResultsTotal, {
  base: 'example-2021',
  valid: [{ name: 'the 2021 example' }, { name: 'the 2019 example', base: 'example-2019' }],
  invalid: [
    {
      // The row of 予以公开 still adds up, so no single cell explains the two columns.
      name: 'a result row raised with its 总计: two columns of results disagree',
      patch: { '/requests/results/granted/natural': 16, '/requests/results/granted/total': 20 },
      diagnostics: [
        {
          messageId: 'resultsTotal',
          pointer: '/requests/results/total/natural',
          actual: 39,
          params: { sum: 40, difference: 1 },
        },
        {
          messageId: 'resultsTotal',
          pointer: '/requests/results/total/total',
          actual: 47,
          params: { sum: 48, difference: 1 },
        },
      ],
      others: [{ ruleId: 'N001', messageId: 'mismatch', pointer: '/requests/results/granted/total' }],
    },
    {
      name: 'a result counted under the wrong applicant',
      patch: { '/requests/results/granted/natural': 16, '/requests/results/granted/commercial': 1 },
      diagnostics: [
        {
          messageId: 'resultsTotal',
          pointer: '/requests/results/total/natural',
          actual: 39,
          params: { sum: 40, difference: 1 },
        },
        {
          messageId: 'resultsTotal',
          pointer: '/requests/results/total/commercial',
          actual: 5,
          params: { sum: 4, difference: 1 },
        },
      ],
    },
    {
      name: 'a result counted under the wrong applicant, 2019 edition',
      base: 'example-2019',
      patch: { '/requests/results/granted/natural': 14, '/requests/results/granted/publicInterest': 2 },
      diagnostics: [
        {
          messageId: 'resultsTotal',
          pointer: '/requests/results/total/natural',
          actual: 39,
          params: { sum: 38, difference: 1 },
        },
        {
          messageId: 'resultsTotal',
          pointer: '/requests/results/total/publicInterest',
          actual: 1,
          params: { sum: 2, difference: 1 },
        },
      ],
    },
  ],
});
