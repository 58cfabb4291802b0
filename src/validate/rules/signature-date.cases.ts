import { defineCases } from '../rule-cases';
import { signatureDate } from './signature-date';

export const cases = defineCases(signatureDate, {
  base: 'example-2021',
  valid: [
    {
      name: 'a 落款 in the text, dated after the statistics period',
      patch: { '/otherMatters/4': '某市商务局', '/otherMatters/5': '2026年1月20日' },
    },
    { name: 'the 2021 example: no 落款 in the text (build writes it)' },
    { name: 'the 落款’s date an import read, after the period', patch: { '/signedOn': '2026-01-20' } },
    { name: 'the 2019 example', base: 'example-2019' },
    {
      name: 'agency and date on one line, the date in Chinese numerals, the agency as 人民政府',
      base: 'example-2019',
      patch: { '/agency': '某县政府办公室', '/otherMatters': ['无', '某县人民政府办公室 二〇二一年一月十五日'] },
    },
    {
      name: 'a sentence of 六 that ends with a date is no 落款',
      patch: { '/otherMatters/4': '《某市政府信息公开办法》自2025年3月1日起施行，于2025年2月20日' },
    },
  ],
  invalid: [
    {
      name: 'the 落款 dated within the report year (last year’s left unchanged)',
      patch: { '/otherMatters/4': '某市商务局', '/otherMatters/5': '2025年1月20日' },
      diagnostics: [
        {
          messageId: 'dateInPeriod',
          pointer: '/otherMatters/5',
          params: { date: '2025-01-20', year: 2025, text: '2025年1月20日' },
        },
      ],
    },
    {
      name: 'the 2019 example signed in Chinese numerals within the report year',
      base: 'example-2019',
      patch: { '/otherMatters': ['无', '某县人民政府办公室', '二〇二〇年十二月三十日'] },
      diagnostics: [
        {
          messageId: 'dateInPeriod',
          pointer: '/otherMatters/2',
          params: { date: '2020-12-30', year: 2020, text: '二〇二〇年十二月三十日' },
        },
      ],
    },
    {
      name: 'the 落款’s date left blank',
      patch: { '/otherMatters/4': '某市商务局', '/otherMatters/5': '年  月  日' },
      diagnostics: [{ messageId: 'dateBlank', pointer: '/otherMatters/5', params: { text: '年月日' } }],
    },
    {
      name: 'another agency in the 落款, on one line with the date',
      patch: { '/otherMatters/4': '某县商务局 2026年1月20日' },
      diagnostics: [
        {
          messageId: 'agencyDiffers',
          pointer: '/otherMatters/4',
          params: { signed: '某县商务局', agency: '某市商务局' },
        },
      ],
    },
    {
      name: 'the 落款’s date an import read, within the report year',
      patch: { '/signedOn': '2025-12-30' },
      diagnostics: [
        {
          messageId: 'dateInPeriod',
          pointer: '/signedOn',
          params: { date: '2025-12-30', year: 2025, text: '2025-12-30' },
        },
      ],
    },
  ],
});
