import { defineCases } from '../rule-cases';
import { appealsTotal } from './appeals-total';

/** The five cells of a group, as the message lists them. */
const cells = '总计、结果维持、结果纠正、其他结果、尚未审结';

export const cases = defineCases(appealsTotal, {
  base: 'example-2021',
  valid: [{ name: 'the 2021 example' }, { name: 'the 2019 example', base: 'example-2019' }],
  invalid: [
    {
      name: 'a wrong 总计 of 行政复议',
      patch: { '/appeals/review/total': 5 },
      diagnostics: [
        {
          messageId: 'groupTotal',
          pointer: '/appeals/review/total',
          actual: 5,
          params: { sum: 4, difference: 1, cells },
        },
      ],
      others: [{ ruleId: 'N001', messageId: 'mismatch', pointer: '/appeals/review/total' }],
    },
    {
      name: 'a wrong part of a lawsuit group: no single cell can be named',
      patch: { '/appeals/litigationDirect/upheld': 2 },
      diagnostics: [
        {
          messageId: 'groupTotal',
          pointer: '/appeals/litigationDirect/total',
          actual: 2,
          params: { sum: 3, difference: 1, cells },
        },
      ],
    },
    {
      name: 'a wrong part, 2019 edition',
      base: 'example-2019',
      patch: { '/appeals/litigationAfterReview/pending': 0 },
      diagnostics: [
        {
          messageId: 'groupTotal',
          pointer: '/appeals/litigationAfterReview/total',
          actual: 1,
          params: { sum: 0, difference: 1, cells },
        },
      ],
    },
  ],
});
