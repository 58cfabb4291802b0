import { defineCases } from '../rule-cases';
import { repeatedFigure } from './repeated-figure';

/** The sentence of the 2021 example's 一 that gives the requests received, as the rule quotes it. */
const requestsSentence = '全年共收到政府信息公开申请 47 件，上年结转 4 件；';
const documentsSentence =
  '制发行政规范性文件 3 件，废止 1 件，现行有效 27 件，均按规定在市政府网站规范性文件库集中公开。';

export const cases = defineCases(repeatedFigure, {
  base: 'example-2021',
  valid: [
    { name: 'the 2021 example: every quantity is given once' },
    { name: 'the 2019 example', base: 'example-2019' },
    {
      name: 'a figure of another scope (本级) is another quantity',
      patch: { '/otherMatters/0': '市政府本级收到政府信息公开申请 12 件，本年度未收取信息处理费。' },
    },
    {
      name: 'a sentence of another year or comparing with one is left out',
      patch: {
        '/problems/1':
          '2024年共收到政府信息公开申请 30 件。收到申请 47 件，同比增长 56%；下一步，我局将加强答复文书审核。',
      },
    },
  ],
  invalid: [
    {
      name: '一 says 47 requests received, 六 says 45',
      patch: { '/otherMatters/0': '本年度共收到政府信息公开申请 45 件，未收取信息处理费。' },
      diagnostics: [
        {
          messageId: 'twoFigures',
          pointer: '/otherMatters/0',
          params: {
            quantity: '收到申请数',
            first: 47,
            firstAt: '一、总体情况 › 第5段',
            firstSentence: requestsSentence,
            second: 45,
            sentence: '本年度共收到政府信息公开申请 45 件，未收取信息处理费。',
          },
        },
      ],
    },
    {
      name: 'the 2019 example: 一 carries 4 requests forward, 六 says 5',
      base: 'example-2019',
      patch: { '/otherMatters/0': '本年结转下年度继续办理 5 件。' },
      diagnostics: [
        {
          messageId: 'twoFigures',
          pointer: '/otherMatters/0',
          params: {
            quantity: '结转下年度数',
            first: 4,
            firstAt: '一、总体情况 › 第2段',
            firstSentence: '全年共收到政府信息公开申请 47 件，上年结转 4 件，结转下年度继续办理 4 件。',
            second: 5,
            sentence: '本年结转下年度继续办理 5 件。',
          },
        },
      ],
    },
    {
      name: 'the documents of 二: 一 says 3 issued, 六 says 4',
      patch: { '/otherMatters/0': '本年度制发行政规范性文件 4 件，未收取信息处理费。' },
      diagnostics: [
        {
          messageId: 'twoFigures',
          pointer: '/otherMatters/0',
          params: {
            quantity: '二 › 第二十条第（一）项 › 行政规范性文件 › 本年制发件数',
            first: 3,
            firstAt: '一、总体情况 › 第3段',
            firstSentence: documentsSentence,
            second: 4,
            sentence: '本年度制发行政规范性文件 4 件，未收取信息处理费。',
          },
        },
      ],
    },
  ],
});
