import { defineCases } from '../rule-cases';
import { requestsBalance } from './requests-balance';

export const cases = defineCases(requestsBalance, {
  base: 'example-2021',
  valid: [{ name: 'the 2021 example' }, { name: 'the 2019 example', base: 'example-2019' }],
  invalid: [
    {
      name: 'a carry-forward raised with its 总计: two columns do not balance',
      patch: { '/requests/carriedForward/natural': 3, '/requests/carriedForward/total': 5 },
      diagnostics: [
        {
          messageId: 'balance',
          pointer: '/requests/carriedForward/natural',
          actual: 3,
          params: { sum: 2, difference: 1 },
        },
        {
          messageId: 'balance',
          pointer: '/requests/carriedForward/total',
          actual: 5,
          params: { sum: 4, difference: 1 },
        },
      ],
      others: [{ ruleId: 'N001', messageId: 'mismatch', pointer: '/requests/carriedForward/total' }],
    },
    {
      name: 'a new request counted under the wrong applicant',
      patch: { '/requests/newReceived/natural': 39, '/requests/newReceived/commercial': 4 },
      diagnostics: [
        {
          messageId: 'balance',
          pointer: '/requests/carriedForward/natural',
          actual: 2,
          params: { sum: 3, difference: 1 },
        },
        {
          messageId: 'balance',
          pointer: '/requests/carriedForward/commercial',
          actual: 1,
          params: { sum: 0, difference: 1 },
        },
      ],
    },
  ],
});
