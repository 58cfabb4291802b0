import { defineCases } from '../rule-cases';
import { inputRule } from './input';

export const cases = defineCases(inputRule, {
  base: 'example-2021',
  valid: [
    { name: 'the template filled with the 2021 example', workbook: {} },
    { name: 'a number typed as text, blanks around it', workbook: { 'requests.newReceived.natural': ' 38 ' } },
  ],
  invalid: [
    {
      name: 'text in a number cell, and full-width digits',
      workbook: { 'requests.newReceived.natural': '38件', 'requests.newReceived.commercial': '５' },
      diagnostics: [
        {
          messageId: 'notANumber',
          pointer: '/requests/newReceived/natural',
          cell: 'D5',
          params: { text: '38件' },
        },
        {
          messageId: 'fullWidthDigits',
          pointer: '/requests/newReceived/commercial',
          severity: 'warning',
          cell: 'E5',
          params: { text: '５', value: 5 },
        },
      ],
    },
    {
      name: 'a dash for none in a current report',
      workbook: { 'appeals.review.pending': '—' },
      diagnostics: [
        { messageId: 'placeholder', pointer: '/appeals/review/pending', cell: 'D5', params: { text: '—' } },
      ],
    },
  ],
});
