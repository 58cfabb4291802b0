import { defineCases, lastYearOf2021ExampleIn2019Edition, lastYearOf2021Figures } from '../rule-cases';

/**
 * Last year here is this year's example with last year's figures and this year's very text: its fixtures show, in
 * `report diff` and the README, a year that copies the last (X100) beside the carry-over that does not match (X301).
 */
const copiedText = [
  { ruleId: 'X100', messageId: 'copied', pointer: '/overview' },
  { ruleId: 'X100', messageId: 'copied', pointer: '/problems' },
];

import { carriedOverMatchesPrevious } from './carried-over-matches-previous';

const naturalOneLess = { natural: 2, commercial: 1, research: 0, publicInterest: 0, legalService: 0, otherOrg: 0 };

export const cases = defineCases(carriedOverMatchesPrevious, {
  base: 'example-2021',
  valid: [
    {
      name: 'last year carried forward what this year carries over',
      previous: { patch: lastYearOf2021Figures },
      others: copiedText,
    },
    { name: 'last year in the 2019 edition, the same carry-forward', previous: lastYearOf2021ExampleIn2019Edition },
  ],
  invalid: [
    {
      name: 'last year carried forward one request fewer',
      previous: {
        patch: { ...lastYearOf2021Figures, '/requests/carriedForward': { ...naturalOneLess, total: 3 } },
      },
      others: copiedText,
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/requests/carriedOver/natural',
          expected: 2,
          actual: 3,
          params: { previousYear: 2024 },
        },
        {
          messageId: 'mismatch',
          pointer: '/requests/carriedOver/total',
          expected: 3,
          actual: 4,
          params: { previousYear: 2024 },
        },
      ],
    },
    {
      name: 'last year in the 2019 edition carried forward one more',
      previous: {
        base: 'example-2019',
        patch: {
          ...lastYearOf2021ExampleIn2019Edition.patch,
          '/requests/carriedForward': { ...naturalOneLess, natural: 3, otherOrg: 1, total: 5 },
        },
      },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/requests/carriedOver/otherOrg',
          expected: 1,
          actual: 0,
          params: { previousYear: 2024 },
        },
        {
          messageId: 'mismatch',
          pointer: '/requests/carriedOver/total',
          expected: 5,
          actual: 4,
          params: { previousYear: 2024 },
        },
      ],
    },
  ],
});
