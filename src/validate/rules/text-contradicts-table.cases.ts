import { defineCases } from '../rule-cases';
import { textContradictsTable } from './text-contradicts-table';

/** A request dropped for an unpaid fee instead of for a missing correction: the arithmetic still holds. */
const unpaidFee = {
  '/requests/results/other/overdueCorrection/natural': 0,
  '/requests/results/other/overdueCorrection/total': 0,
  '/requests/results/other/overdueFee/natural': 1,
  '/requests/results/other/overdueFee/total': 1,
};
const allHandled = '本年度所有政府信息公开申请均已按期办结，未收取信息处理费。';
const noAppeals = '本年度未发生政府信息公开行政复议和行政诉讼。';
const noNotice = '本年度未收取信息处理费，也未发出收费通知。';

export const cases = defineCases(textContradictsTable, {
  base: 'example-2021',
  valid: [
    { name: 'the 2021 example: 六 says no processing fee was charged' },
    { name: 'the 2019 example', base: 'example-2019' },
    {
      name: 'what is handled is last year’s requests, or deputies’ suggestions',
      patch: {
        '/problems/1': '上年结转的 4 件申请均已办结；承办人大代表建议 7 件，均已办结。',
      },
    },
    {
      name: 'a request ended for an unpaid fee, and 六 says no fee was charged: no contradiction',
      patch: unpaidFee,
    },
  ],
  invalid: [
    {
      name: '六 says every request was handled; 4 are carried forward',
      patch: { '/otherMatters/0': allHandled },
      diagnostics: [
        {
          messageId: 'contradicts',
          pointer: '/requests/carriedForward/total',
          actual: 4,
          params: { where: '六、其他需要报告的事项 › 第1段', sentence: allHandled },
        },
      ],
    },
    {
      name: '五 says there were no reviews and no lawsuits',
      patch: { '/problems/1': noAppeals },
      diagnostics: [
        {
          messageId: 'contradicts',
          pointer: '/appeals/review/total',
          actual: 4,
          params: { where: '五、存在的主要问题及改进情况 › 第2段', sentence: noAppeals },
        },
        {
          messageId: 'contradicts',
          pointer: '/appeals/litigationDirect/total',
          actual: 2,
          params: { where: '五、存在的主要问题及改进情况 › 第2段', sentence: noAppeals },
        },
      ],
    },
    {
      name: '六 says no fee notice was sent; a request ended for an unpaid fee',
      patch: { ...unpaidFee, '/otherMatters/0': noNotice },
      diagnostics: [
        {
          messageId: 'contradicts',
          pointer: '/requests/results/other/overdueFee/total',
          actual: 1,
          params: { where: '六、其他需要报告的事项 › 第1段', sentence: noNotice },
        },
      ],
    },
  ],
});
