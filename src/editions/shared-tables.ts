// Parts of the official tables that both editions print identically; each edition file composes them.
import type { AppealsGroup, Column, RequestsRow, Section, SectionKey } from './types';

const count = (key: string, zh: string, en: string, variants?: string[], narrative?: string[]): Column => ({
  key,
  label: { zh, en, ...(variants ? { variants } : {}) },
  kind: 'count',
  ...(narrative ? { narrative } : {}),
});

export { count as countColumn };

export const applicantColumns: readonly Column[] = [
  count('natural', '自然人', 'natural persons'),
  count('commercial', '商业企业', 'commercial enterprises', ['商业 企业']),
  count('research', '科研机构', 'research institutions'),
  count('publicInterest', '社会公益组织', 'public-interest organisations'),
  count('legalService', '法律服务机构', 'legal service providers'),
  count('otherOrg', '其他', 'other organisations'),
  count('total', '总计', 'total'),
];

export const appealsOutcomes: readonly Column[] = [
  count('upheld', '结果维持', 'upheld'),
  count('corrected', '结果纠正', 'corrected'),
  count('other', '其他结果', 'other outcome'),
  count('pending', '尚未审结', 'pending'),
  count('total', '总计', 'total'),
];

const litigation = { zh: '行政诉讼', en: 'administrative litigation' };
export const appealsGroups: readonly AppealsGroup[] = [
  { key: 'review', label: { zh: '行政复议', en: 'administrative review' } },
  {
    key: 'litigationDirect',
    label: { zh: '未经复议直接起诉', en: 'sued without prior review' },
    parent: litigation,
  },
  {
    key: 'litigationAfterReview',
    label: { zh: '复议后起诉', en: 'sued after review' },
    parent: litigation,
  },
];

const row = (key: string, zh: string, en: string, children?: RequestsRow[]): RequestsRow => ({
  key,
  label: { zh, en },
  ...(children ? { children } : {}),
});

export { row as requestsRow };

export const requestsHead: readonly RequestsRow[] = [
  row('newReceived', '一、本年新收政府信息公开申请数量', 'new requests this year'),
  row('carriedOver', '二、上年结转政府信息公开申请数量', 'carried over from last year'),
];

/** （一）…（五） of 三、本年度办理结果; （六） differs between editions, （七） closes the list. */
export const resultsBeforeOther: readonly RequestsRow[] = [
  row('granted', '（一）予以公开', 'disclosed'),
  row('partiallyGranted', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partially disclosed'),
  row('denied', '（三）不予公开', 'not disclosed', [
    row('stateSecret', '1.属于国家秘密', 'state secret'),
    row('prohibitedByLaw', '2.其他法律行政法规禁止公开', 'prohibited by other laws'),
    row('threeSecurities', '3.危及“三安全一稳定”', 'endangers security or stability'),
    row('thirdPartyRights', '4.保护第三方合法权益', "protects third parties' rights"),
    row('internalAffairs', '5.属于三类内部事务信息', 'internal affairs'),
    row('processInformation', '6.属于四类过程性信息', 'process information'),
    row('enforcementFiles', '7.属于行政执法案卷', 'enforcement case files'),
    row('administrativeQuery', '8.属于行政查询事项', 'administrative query'),
  ]),
  row('unableToProvide', '（四）无法提供', 'unable to provide', [
    row('notHeld', '1.本机关不掌握相关政府信息', 'not held by this body'),
    row('needsCreation', '2.没有现成信息需要另行制作', 'would need to be created'),
    row('stillUnclear', '3.补正后申请内容仍不明确', 'still unclear after correction'),
  ]),
  row('notProcessed', '（五）不予处理', 'not processed', [
    row('petitionComplaint', '1.信访举报投诉类申请', 'petition or complaint'),
    row('duplicate', '2.重复申请', 'duplicate request'),
    row('publication', '3.要求提供公开出版物', 'asks for a publication'),
    row('excessive', '4.无正当理由大量反复申请', 'excessive repeated requests'),
    row(
      'confirmation',
      '5.要求行政机关确认或重新出具已获取信息',
      'asks to confirm or reissue information already obtained',
    ),
  ]),
];

export const resultsTotal = row('total', '（七）总计', 'total');
export const carriedForward = row('carriedForward', '四、结转下年度继续办理', 'carried forward to next year');
export const resultsLabel = { zh: '三、本年度办理结果', en: 'results this year' };

export const proactiveHeader = { zh: '信息内容', en: 'item' };

export const requestsHeaders = {
  balanceNote: {
    zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    en: '(this column: item 1 + item 2 = item 3 + item 4)',
  },
  applicantHeader: { zh: '申请人情况', en: 'applicants' },
  organisationHeader: { zh: '法人或其他组织', en: 'legal persons or other organisations' },
};

export const sections: Readonly<Record<SectionKey, Section>> = {
  overview: { title: { zh: '一、总体情况', en: 'I. Overview' }, numeral: '一', sheet: '一、总体情况' },
  proactive: {
    title: { zh: '二、主动公开政府信息情况', en: 'II. Proactive disclosure' },
    numeral: '二',
    sheet: '二、主动公开政府信息情况',
  },
  requests: {
    title: { zh: '三、收到和处理政府信息公开申请情况', en: 'III. Requests received and handled' },
    numeral: '三',
    sheet: '三、收到和处理政府信息公开申请情况',
  },
  appeals: {
    title: {
      zh: '四、政府信息公开行政复议、行政诉讼情况',
      en: 'IV. Administrative review and litigation',
      variants: ['四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', '四、政府信息公开行政复议和行政诉讼情况'],
    },
    numeral: '四',
    sheet: '四、政府信息公开行政复议、行政诉讼情况',
  },
  problems: {
    title: {
      zh: '五、存在的主要问题及改进情况',
      en: 'V. Main problems and improvements',
      variants: ['五、政府信息公开工作存在的主要问题及改进情况', '五、存在问题及改进情况', '五、存在的问题及改进情况'],
    },
    numeral: '五',
    sheet: '五、存在的主要问题及改进情况',
  },
  otherMatters: {
    title: { zh: '六、其他需要报告的事项', en: 'VI. Other matters' },
    numeral: '六',
    sheet: '六、其他需要报告的事项',
  },
};
