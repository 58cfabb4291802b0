// The 2019 edition (国办公开办函〔2019〕60号, 试行), used for report years 2019 and 2020.
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
import type { Column, Edition } from './types';

declare module './types' {
  interface EditionIds {
    '2019': true;
  }
}

const documentColumns = [
  countColumn('newlyMade', '本年新制作数量', 'newly made this year', undefined, ['制发', '新制作', '制作']),
  countColumn('newlyPublished', '本年新公开数量', 'newly published this year'),
  countColumn('totalPublished', '对外公开总数量', 'published in total'),
];
const previousCount = countColumn('previousCount', '上一年项目数量', 'items last year');
const change: Column = {
  key: 'change',
  label: { zh: '本年增/减', en: 'change this year', variants: ['本年增减', '本年增／减'] },
  kind: 'signedCount',
};
const decisions = countColumn('decisions', '处理决定数量', 'decisions');

export const edition2019: Edition = {
  id: '2019',
  name: {
    zh: '2019年版（国办公开办函〔2019〕60号，试行）',
    en: '2019 edition, trial (State Council letter 2019 No. 60)',
  },
  fillingNote: '“本年增/减”可以是负数（减少时填 -4，不要写“减4”）；“采购总金额”以万元为单位，可保留四位小数。',
  years: { from: 2019, to: 2020 },
  sections,
  proactiveHeader,
  proactive: [
    {
      item: { zh: '第二十条第（一）项', en: 'Article 20 (1)' },
      columns: documentColumns,
      rows: [
        { key: 'rules', label: { zh: '规章', en: 'rules' }, narrative: ['规章'] },
        { key: 'normativeDocs', label: { zh: '规范性文件', en: 'normative documents' }, narrative: ['规范性文件'] },
      ],
    },
    {
      item: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
      columns: [previousCount, change, decisions],
      rows: [
        { key: 'licensing', label: { zh: '行政许可', en: 'administrative licensing' } },
        { key: 'otherServices', label: { zh: '其他对外管理服务事项', en: 'other services' } },
      ],
    },
    {
      item: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
      columns: [previousCount, change, decisions],
      rows: [
        { key: 'penalty', label: { zh: '行政处罚', en: 'administrative penalties' } },
        { key: 'enforcement', label: { zh: '行政强制', en: 'administrative enforcement' } },
      ],
    },
    {
      item: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
      columns: [previousCount, change],
      rows: [{ key: 'fees', label: { zh: '行政事业性收费', en: 'administrative fees' } }],
    },
    {
      item: { zh: '第二十条第（九）项', en: 'Article 20 (9)' },
      columns: [
        countColumn('projects', '采购项目数量', 'procurement projects'),
        {
          key: 'amount',
          label: { zh: '采购总金额', en: 'total procurement amount (10,000 yuan)' },
          kind: 'amount',
        },
      ],
      rows: [{ key: 'procurement', label: { zh: '政府集中采购', en: 'centralised procurement' } }],
    },
  ],
  requests: {
    ...requestsHeaders,
    columns: applicantColumns,
    rows: [
      ...requestsHead,
      requestsRow('results', resultsLabel.zh, resultsLabel.en, [
        ...resultsBeforeOther,
        requestsRow('other', '（六）其他处理', 'otherwise handled'),
        resultsTotal,
      ]),
      carriedForward,
    ],
  },
  appeals: { groups: appealsGroups, outcomes: appealsOutcomes },
};
