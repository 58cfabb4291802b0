import { defineCases } from '../rule-cases';
import { sectionCoverage } from './section-coverage';

const overview = [
  '2025年，某市商务局认真贯彻落实《中华人民共和国政府信息公开条例》。',
  '全年主动公开政府信息 612 条。',
  '全年共收到政府信息公开申请 47 件。',
];

export const cases = defineCases(sectionCoverage, {
  base: 'example-2021',
  valid: [
    { name: 'the 2021 example: 一 speaks of the five areas, 六 of fees, work points, proposals and innovation' },
    { name: 'the 2019 example: its format names no topics, and a 办公室 is a department', base: 'example-2019' },
    {
      name: 'a government’s report that gives its assessment, appraisal and accountability',
      patch: {
        '/agency': '某市人民政府',
        '/problems/2': '本年度将政务公开纳入绩效考核，开展社会评议，未发生责任追究。',
      },
    },
    { name: 'a 人民政府办公室 reports as a department', patch: { '/agency': '某市人民政府办公室' } },
    { name: 'an empty 六 is not listed topic by topic', patch: { '/otherMatters': [] } },
    {
      name: 'words broken across a line still count',
      patch: { '/otherMatters/1': '认真落实上级年度政务公开工作\n要点，各项任务均按期完成。' },
    },
  ],
  invalid: [
    {
      name: '一 without information management and oversight',
      patch: { '/overview': overview },
      diagnostics: [
        {
          messageId: 'topicsMissing',
          pointer: '/overview',
          params: {
            topics: '政府信息管理、政府信息公开平台建设、监督保障',
            source: '2021 年版格式要求写明的五个方面',
          },
        },
      ],
    },
    {
      name: '六 only on fees, as most reports write it',
      patch: { '/otherMatters': ['本年度未收取信息处理费。'] },
      diagnostics: [
        {
          messageId: 'topicsMissing',
          pointer: '/otherMatters',
          params: {
            topics: '落实上级年度政务公开工作要点情况、人大代表建议和政协提案办理结果公开情况、政务公开工作创新情况',
            source: '2021 年版格式要求在此报告的事项',
          },
        },
      ],
    },
    {
      name: 'a government’s report without its public appraisal',
      patch: { '/agency': '某市人民政府' },
      diagnostics: [
        {
          messageId: 'governmentTopicsMissing',
          pointer: '/overview',
          params: { agency: '某市人民政府', topics: '社会评议' },
        },
      ],
    },
    {
      name: 'a 县政府 of the 2019 edition without any of the three',
      base: 'example-2019',
      patch: { '/agency': '某县人民政府', '/overview': ['2020年，某县人民政府主动公开政府信息 300 条。'] },
      diagnostics: [
        {
          messageId: 'governmentTopicsMissing',
          pointer: '/overview',
          params: { agency: '某县人民政府', topics: '工作考核、社会评议、责任追究结果' },
        },
      ],
    },
  ],
});
