import { defineCases, lastYearOf2021Example } from '../rule-cases';
import { yearOnYearJump } from './year-on-year-jump';

export const cases = defineCases(yearOnYearJump, {
  base: 'example-2021',
  valid: [
    { name: 'the same figures as last year', previous: { patch: lastYearOf2021Example } },
    {
      name: 'from 9 new requests to 47: under 10 last year, not compared',
      previous: { patch: { ...lastYearOf2021Example, '/requests/newReceived/total': 9 } },
    },
  ],
  invalid: [
    {
      name: 'new requests and lawsuits fall to a fifth and a tenth',
      previous: {
        patch: {
          ...lastYearOf2021Example,
          '/requests/newReceived/total': 240,
          '/appeals/litigationDirect/total': 20,
          '/appeals/litigationAfterReview/total': 10,
        },
      },
      diagnostics: [
        {
          messageId: 'jump',
          pointer: '/requests/newReceived/total',
          actual: 47,
          params: { previous: 240, ratio: 0.2 },
        },
        {
          messageId: 'litigationJump',
          pointer: '/appeals/litigationDirect/total',
          actual: 3,
          params: { previous: 30, ratio: 0.1 },
        },
      ],
    },
    {
      name: 'reviews fall from 25 to 4',
      previous: { patch: { ...lastYearOf2021Example, '/appeals/review/total': 25 } },
      diagnostics: [
        { messageId: 'jump', pointer: '/appeals/review/total', actual: 4, params: { previous: 25, ratio: 0.16 } },
      ],
    },
  ],
});
