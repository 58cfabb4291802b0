import { defineCases } from '../rule-cases';
import { requestsRowTotal } from './requests-row-total';

export const cases = defineCases(requestsRowTotal, {
  base: 'example-2021',
  valid: [{ name: 'the 2021 example' }, { name: 'the 2019 example', base: 'example-2019' }],
  invalid: [
    {
      // One wrong figure breaks its row (R301) and its column's balance (R303): the cell that explains both is named,
      // with the value at which both hold; the sentence in 一 that restates it now disagrees with the table.
      name: 'one wrong 总计: the cell is named',
      patch: { '/requests/newReceived/total': 48 },
      diagnostics: [
        {
          messageId: 'likelyCell',
          pointer: '/requests/newReceived/total',
          expected: 47,
          actual: 48,
          params: { value: 47, sums: '“一、本年新收政府信息公开申请数量”一行与“总计”一列的勾稽关系都' },
        },
      ],
      others: [{ ruleId: 'N001', messageId: 'mismatch', pointer: '/requests/newReceived/total' }],
    },
    {
      name: 'two wrong figures in a row: the row and its difference, no cell guessed',
      patch: { '/requests/newReceived/natural': 39, '/requests/newReceived/total': 49 },
      diagnostics: [
        {
          messageId: 'rowTotal',
          pointer: '/requests/newReceived/total',
          actual: 49,
          params: { sum: 48, difference: 1 },
        },
      ],
      others: [
        { ruleId: 'R303', messageId: 'balance', pointer: '/requests/carriedForward/natural' },
        { ruleId: 'R303', messageId: 'balance', pointer: '/requests/carriedForward/total' },
        { ruleId: 'N001', messageId: 'mismatch', pointer: '/requests/newReceived/total' },
      ],
    },
    {
      name: 'one wrong cell of the 2019 edition',
      base: 'example-2019',
      patch: { '/requests/carriedOver/natural': 4 },
      diagnostics: [
        {
          messageId: 'likelyCell',
          pointer: '/requests/carriedOver/natural',
          expected: 3,
          actual: 4,
          params: { value: 3, sums: '“二、上年结转政府信息公开申请数量”一行与“自然人”一列的勾稽关系都' },
        },
      ],
    },
  ],
});
