import { defineCases } from '../rule-cases';
import { narrativeFigures } from './narrative-figures';

/** The sentence of 一 that restates the requests, as the rule quotes it: up to its first 。 or ；. */
const requestsSentence = '全年共收到政府信息公开申请 45 件，上年结转 4 件；';
const requestsRest =
  '已办结 47 件，其中予以公开 19 件、部分公开 5 件、不予公开 7 件、无法提供 12 件、不予处理 3 件、其他处理 1 件，结转下年度继续办理 4 件。';
const appealsSentence = '全年因政府信息公开被申请行政复议 5 件、提起行政诉讼 3 件。';
const noneSentence = '本年度未收到政府信息公开申请，未发生行政复议。';
const documentsSentence =
  '制发行政规范性文件 3 件，废止 1 件，现行有效 27 件，均按规定在市政府网站规范性文件库集中公开。';

export const cases = defineCases(narrativeFigures, {
  base: 'example-2021',
  valid: [
    { name: 'the 2021 example: every figure it restates matches' },
    { name: 'the 2019 example', base: 'example-2019' },
    {
      name: 'figures it cannot tie to a cell are left alone',
      patch: { '/overview/11': '全年办理人大建议 12 件，政协提案 8 件。' },
    },
  ],
  invalid: [
    {
      name: '一 says 45 requests and 5 reviews; the tables 47 and 4',
      patch: { '/overview/4': `${requestsSentence}${requestsRest}${appealsSentence}` },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/requests/newReceived/total',
          expected: 45,
          actual: 47,
          params: { sentence: requestsSentence },
        },
        {
          messageId: 'mismatch',
          pointer: '/appeals/review/total',
          expected: 5,
          actual: 4,
          params: { sentence: appealsSentence },
        },
      ],
    },
    {
      name: '一 says there were no requests and no reviews',
      patch: { '/overview': [noneSentence, '全年办理人大建议 12 件，政协提案 8 件。'] },
      // An overview of two sentences speaks of few of the five areas the 2021 format asks for.
      others: [{ ruleId: 'N009', messageId: 'topicsMissing', pointer: '/overview' }],
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/requests/newReceived/total',
          expected: 0,
          actual: 47,
          params: { sentence: noneSentence },
        },
        {
          messageId: 'mismatch',
          pointer: '/appeals/review/total',
          expected: 0,
          actual: 4,
          params: { sentence: noneSentence },
        },
      ],
    },
    {
      // 制发的 56 件规范性文件 in 一 names no subject before its figure: not read as a statement of 制发.
      name: 'the documents of 二 that 一 restates: 制发 and 现行有效',
      patch: { '/proactive/normativeDocs/issued': 4, '/proactive/normativeDocs/inForce': 28 },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/proactive/normativeDocs/issued',
          expected: 3,
          actual: 4,
          params: { sentence: documentsSentence },
        },
        {
          messageId: 'mismatch',
          pointer: '/proactive/normativeDocs/inForce',
          expected: 27,
          actual: 28,
          params: { sentence: documentsSentence },
        },
      ],
    },
    {
      // 2019's table names 本年新制作数量: its words (新制作, 制作, 制发) come from the 2019 edition, not 2021's.
      name: 'the 2019 example: 一 says 6 documents newly made, the table 5',
      base: 'example-2019',
      patch: { '/overview/1': '本年新制作规范性文件 6 件，全部在县政府网站公开。' },
      diagnostics: [
        {
          messageId: 'mismatch',
          pointer: '/proactive/normativeDocs/newlyMade',
          expected: 6,
          actual: 5,
          params: { sentence: '本年新制作规范性文件 6 件，全部在县政府网站公开。' },
        },
      ],
    },
  ],
});
