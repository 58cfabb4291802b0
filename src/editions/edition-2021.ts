// The 2021 edition (国办公开办函〔2021〕30号), used from report year 2021 on.
import {
  appealsGroups,
  appealsOutcomes,
  applicantColumns,
  carriedForward,
  countColumn,
  proactiveHeader,
  requestsHead,
  requestsHeaders,
  requestsRow,
  resultsBeforeOther,
  resultsLabel,
  resultsTotal,
  sections,
} from './shared-tables';
import type { Edition } from './types';

declare module './types' {
  interface EditionIds {
    '2021': true;
  }
}

const documentColumns = [
  countColumn('issued', '本年制发件数', 'issued this year', ['本年发件', '本年制发件'], ['制发']),
  countColumn('repealed', '本年废止件数', 'repealed this year', ['本年废止件'], ['废止']),
  countColumn('inForce', '现行有效件数', 'in force', ['现行有效件'], ['现行有效']),
];
// 2021 reports that print 2019's table 二 head the same column 处理决定数量.
const decisions = [countColumn('decisions', '本年处理决定数量', 'decisions this year', ['处理决定数量'])];

export const edition2021: Edition = {
  id: '2021',
  name: { zh: '2021年版（国办公开办函〔2021〕30号）', en: '2021 edition (State Council letter 2021 No. 30)' },
  fillingNote: '行政事业性收费的“本年收费金额”以万元为单位，可保留四位小数。',
  years: { from: 2021 },
  sections,
  // The 2021 notice: 一 reports the five areas, 六 the processing fees charged and the other matters it names.
  coverage: {
    overview: [
      { key: 'proactive', name: { zh: '主动公开', en: 'proactive disclosure' }, words: ['主动公开'] },
      {
        key: 'onRequest',
        name: { zh: '依申请公开', en: 'disclosure on request' },
        words: ['依申请', '申请公开', '公开申请'],
      },
      {
        key: 'management',
        name: { zh: '政府信息管理', en: 'information management' },
        words: ['信息管理', '信息资源管理', '保密审查', '公开审查', '动态调整', '公开属性'],
      },
      {
        key: 'platforms',
        name: { zh: '政府信息公开平台建设', en: 'disclosure platforms' },
        words: ['平台', '网站', '公开专栏', '新媒体', '公开栏', '公开专区'],
      },
      {
        key: 'oversight',
        name: { zh: '监督保障', en: 'oversight and support' },
        words: ['监督', '保障', '考核', '培训'],
      },
    ],
    otherMatters: [
      {
        key: 'processingFees',
        name: { zh: '信息处理费的收取情况', en: 'the processing fees charged' },
        words: ['处理费', '收费'],
      },
      {
        key: 'workPoints',
        name: { zh: '落实上级年度政务公开工作要点情况', en: 'carrying out the year’s work points' },
        words: ['工作要点'],
      },
      {
        key: 'proposals',
        name: {
          zh: '人大代表建议和政协提案办理结果公开情况',
          en: 'the results of deputies’ suggestions and proposals',
        },
        words: ['建议和政协提案', '建议和提案', '代表建议', '政协提案', '建议提案'],
      },
      { key: 'innovation', name: { zh: '政务公开工作创新情况', en: 'innovation in open government' }, words: ['创新'] },
    ],
  },
  proactiveHeader,
  proactive: [
    {
      item: { zh: '第二十条第（一）项', en: 'Article 20 (1)' },
      columns: documentColumns,
      rows: [
        { key: 'rules', label: { zh: '规章', en: 'rules' }, narrative: ['规章'] },
        {
          key: 'normativeDocs',
          label: { zh: '行政规范性文件', en: 'normative documents', variants: ['规范性文件'] },
          narrative: ['规范性文件'],
        },
      ],
    },
    {
      item: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
      columns: decisions,
      rows: [{ key: 'licensing', label: { zh: '行政许可', en: 'administrative licensing' } }],
    },
    {
      item: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
      columns: decisions,
      rows: [
        { key: 'penalty', label: { zh: '行政处罚', en: 'administrative penalties' } },
        { key: 'enforcement', label: { zh: '行政强制', en: 'administrative enforcement' } },
      ],
    },
    {
      item: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
      columns: [
        {
          key: 'amount',
          label: {
            zh: '本年收费金额（单位：万元）',
            en: 'fees collected this year (10,000 yuan)',
            variants: ['本年收费金额'],
          },
          kind: 'amount',
        },
      ],
      rows: [{ key: 'fees', label: { zh: '行政事业性收费', en: 'administrative fees' } }],
    },
  ],
  requests: {
    ...requestsHeaders,
    columns: applicantColumns,
    rows: [
      ...requestsHead,
      requestsRow('results', resultsLabel.zh, resultsLabel.en, [
        ...resultsBeforeOther,
        requestsRow('other', '（六）其他处理', 'otherwise handled', [
          requestsRow(
            'overdueCorrection',
            '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
            'applicant did not correct in time',
          ),
          requestsRow(
            'overdueFee',
            '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
            'applicant did not pay the fee in time',
          ),
          requestsRow('other', '3.其他', 'other'),
        ]),
        resultsTotal,
      ]),
      carriedForward,
    ],
  },
  appeals: { groups: appealsGroups, outcomes: appealsOutcomes },
};
