import { defineCases } from '../rule-cases';
import { schemaRule } from './schema';

export const cases = defineCases(schemaRule, {
  base: 'example-2021',
  valid: [
    { name: 'the 2021 example' },
    { name: 'the 2019 example, a negative 本年增/减 included', base: 'example-2019' },
  ],
  invalid: [
    {
      name: 'a negative count and an amount with five decimals',
      patch: { '/appeals/review/pending': -1, '/proactive/fees/amount': 12.34567 },
      diagnostics: [
        { messageId: 'tooManyDecimals', pointer: '/proactive/fees/amount', actual: 12.34567 },
        { messageId: 'negative', pointer: '/appeals/review/pending', actual: -1 },
      ],
    },
    {
      name: 'a blank cell: the sums that use it stay silent',
      patch: { '/appeals/review/pending': undefined },
      diagnostics: [{ messageId: 'blank', pointer: '/appeals/review/pending' }],
    },
    {
      name: 'a count that is not whole',
      patch: { '/requests/newReceived/natural': 38.5 },
      diagnostics: [{ messageId: 'notInteger', pointer: '/requests/newReceived/natural', actual: 38.5 }],
    },
    {
      name: 'an item outside the edition',
      base: 'example-2019',
      patch: { '/proactive/normativeDocs/inForce': 27 },
      diagnostics: [
        { messageId: 'unknownProperty', pointer: '/proactive/normativeDocs/inForce', params: { edition: '2019' } },
      ],
    },
    {
      name: 'values of the wrong kind, told in words: an agency that is a number, 一 that is one text, a year with a fraction',
      patch: { '/agency': 123, '/overview': '全年收到申请 47 件。', '/year': 2025.5 },
      diagnostics: [
        { messageId: 'notText', pointer: '/agency' },
        { messageId: 'notWholeNumber', pointer: '/year' },
        { messageId: 'notList', pointer: '/overview' },
      ],
    },
    {
      name: 'dates a report may carry, not written as dates',
      patch: { '/publishedOn': '2026年1月20日', '/signedOn': '2026-02-30x' },
      diagnostics: [
        { messageId: 'notDate', pointer: '/signedOn', actual: '"2026-02-30x"' },
        { messageId: 'notDate', pointer: '/publishedOn', actual: '"2026年1月20日"' },
      ],
    },
  ],
});
