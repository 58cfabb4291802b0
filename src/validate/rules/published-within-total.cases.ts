import { defineCases } from '../rule-cases';
import { publishedWithinTotal } from './published-within-total';

export const cases = defineCases(publishedWithinTotal, {
  base: 'example-2019',
  valid: [
    { name: 'the 2019 example' },
    { name: 'all published this year', patch: { '/proactive/normativeDocs/newlyPublished': 63 } },
    { name: 'a 2021 report: the rule is of the 2019 edition', base: 'example-2021' },
  ],
  invalid: [
    {
      name: 'more newly published normative documents than published in all',
      patch: { '/proactive/normativeDocs/newlyPublished': 70 },
      diagnostics: [
        { messageId: 'exceedsTotal', pointer: '/proactive/normativeDocs/newlyPublished', expected: 63, actual: 70 },
      ],
    },
    {
      name: 'rules newly published, none in the total',
      patch: { '/proactive/rules/newlyPublished': 2 },
      diagnostics: [{ messageId: 'exceedsTotal', pointer: '/proactive/rules/newlyPublished', expected: 0, actual: 2 }],
    },
  ],
});
