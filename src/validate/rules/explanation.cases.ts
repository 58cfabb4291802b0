import { defineCases } from '../rule-cases';
import { explanationRule } from './explanation';

/** A word typed twice in 五: N007's warning, which the cases explain. */
const typedTwice = '下一步，我局将加强资金资金监管，做好答复的审核工作。';
const because = '“资金资金”是原文引用的文件标题，照录。';

export const cases = defineCases(explanationRule, {
  base: 'example-2021',
  valid: [
    {
      name: 'a warning explained by rule id and pointer, as validate printed them',
      patch: {
        '/problems/1': typedTwice,
        '/explanations': [{ rule: 'N007', at: '/problems/1', text: because }],
      },
      others: [{ ruleId: 'N007', messageId: 'repeatedWord', pointer: '/problems/1' }],
    },
    {
      name: 'the same, by the rule’s name and the section 五 between full-width blanks',
      patch: {
        '/problems/1': typedTwice,
        '/explanations': [{ rule: 'text-quality', at: '\u3000五\u3000', text: because }],
      },
      others: [{ ruleId: 'N007', messageId: 'repeatedWord', pointer: '/problems/1' }],
    },
    {
      name: 'a workbook’s 说明 sheet naming the warning’s sheet!cell, as validate printed it',
      patch: {
        '/explanations': [
          { rule: 'input', at: '三、收到和处理政府信息公开申请情况!$E$5', text: '系统导出的全角数字，已核对无误。' },
        ],
      },
      workbook: { 'requests.newReceived.commercial': '５' },
      others: [{ ruleId: 'input', messageId: 'fullWidthDigits', pointer: '/requests/newReceived/commercial' }],
    },
    {
      name: 'a cross-year rule explained, checked without last year’s report: neither used nor unused',
      patch: { '/explanations': [{ rule: 'X301', at: '/requests/carriedOver/total', text: '上年报告有误，已更正。' }] },
    },
    {
      name: 'the same with last year’s of another body: the cross-year rules were skipped, the explanation not unused',
      patch: { '/explanations': [{ rule: 'X301', at: '/requests/carriedOver/total', text: '上年报告有误，已更正。' }] },
      previous: { patch: { '/agency': '某县教育局', '/year': 2024 } },
      others: [{ ruleId: 'input', messageId: 'previousMismatch', pointer: '' }],
    },
  ],
  invalid: [
    {
      name: 'an explanation whose place names no warning of its rule',
      patch: {
        '/problems/1': typedTwice,
        '/explanations': [{ rule: 'N007', at: '/problems/0', text: because }],
      },
      diagnostics: [
        { messageId: 'unused', pointer: '/explanations/0', params: { rule: 'N007', place: '/problems/0' } },
      ],
      others: [{ ruleId: 'N007', messageId: 'repeatedWord', pointer: '/problems/1' }],
    },
    {
      name: 'an explanation of an error does not silence it',
      patch: {
        '/requests/newReceived/natural': -1,
        '/explanations': [{ rule: 'schema', at: '/requests/newReceived/natural', text: '系统导出如此。' }],
      },
      diagnostics: [
        {
          messageId: 'explainsError',
          pointer: '/explanations/0',
          params: { rule: 'schema', place: '/requests/newReceived/natural' },
        },
      ],
      others: [{ ruleId: 'schema', messageId: 'negative', pointer: '/requests/newReceived/natural' }],
    },
    {
      name: 'an explanation of a rule there is not',
      patch: { '/explanations': [{ rule: 'R999', at: 'D5', text: '见附件。' }] },
      diagnostics: [{ messageId: 'unknownRule', pointer: '/explanations/0', params: { rule: 'R999' } }],
    },
  ],
});
