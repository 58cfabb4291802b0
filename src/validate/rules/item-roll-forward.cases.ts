import { defineCases, lastYearOf2019Example, lastYearOf2021ExampleIn2019Edition } from '../rule-cases';
import { itemRollForward } from './item-roll-forward';

export const cases = defineCases(itemRollForward, {
  base: 'example-2019',
  valid: [
    { name: "last year's counts and changes lead to this year's", previous: { patch: lastYearOf2019Example } },
    {
      name: 'this year in the 2021 edition: not compared',
      base: 'example-2021',
      previous: lastYearOf2021ExampleIn2019Edition,
    },
  ],
  invalid: [
    {
      name: 'licensing: last year 100 + 2, this year 112',
      previous: {
        patch: { ...lastYearOf2019Example, '/proactive/licensing': { previousCount: 100, change: 2, decisions: 2105 } },
      },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/proactive/licensing/previousCount',
          expected: 102,
          actual: 112,
          params: { previousCount: 100, change: 2 },
        },
      ],
    },
    {
      name: 'fees: last year 5 and no change, this year 4',
      previous: { patch: { ...lastYearOf2019Example, '/proactive/fees': { previousCount: 5, change: 0 } } },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/proactive/fees/previousCount',
          expected: 5,
          actual: 4,
          params: { previousCount: 5, change: 0 },
        },
      ],
    },
  ],
});
