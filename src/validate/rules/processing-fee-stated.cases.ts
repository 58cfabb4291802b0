import { defineCases } from '../rule-cases';
import { processingFeeStated } from './processing-fee-stated';

/** A request dropped for an unpaid fee instead of for a missing correction: the arithmetic still holds. */
const unpaidFee = {
  '/requests/results/other/overdueCorrection/natural': 0,
  '/requests/results/other/overdueCorrection/total': 0,
  '/requests/results/other/overdueFee/natural': 1,
  '/requests/results/other/overdueFee/total': 1,
};

export const cases = defineCases(processingFeeStated, {
  base: 'example-2021',
  valid: [
    { name: 'a request ended for an unpaid fee; 六 says no processing fee was charged', patch: unpaidFee },
    {
      name: 'no request ended for an unpaid fee; 六 says 无 of fees (N009 misses them)',
      patch: { '/otherMatters/0': '无。' },
      others: [{ ruleId: 'N009', messageId: 'topicsMissing', pointer: '/otherMatters' }],
    },
    { name: 'a 2019 report: the rule is of the 2021 edition', base: 'example-2019' },
  ],
  invalid: [
    {
      name: 'a request ended for an unpaid fee; 六 says 无',
      patch: { ...unpaidFee, '/otherMatters/0': '无。' },
      diagnostics: [{ messageId: 'notStated', pointer: '/requests/results/other/overdueFee/total', actual: 1 }],
    },
    {
      name: '六 speaks of fees, not of processing fees',
      patch: { ...unpaidFee, '/otherMatters/0': '本年度未收取任何费用。' },
      diagnostics: [{ messageId: 'notStated', pointer: '/requests/results/other/overdueFee/total', actual: 1 }],
    },
  ],
});
