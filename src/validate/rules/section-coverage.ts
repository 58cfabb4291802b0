// N009: the text sections speak of what the format and the 条例 say they must: 一 of the five areas and 六 of the
// fees and the other matters the 2021 notice names (edition data), and a government's report of its 考核、评议、追究.
import type { SectionTopic, TextSectionKey } from '../../editions/types';
import { defineRule } from '../rule';
import { FEE_NOT_PAID } from './processing-fee-stated';

/** 条例第五十条: 各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况. */
const GOVERNMENT_TOPICS: readonly SectionTopic[] = [
  { key: 'assessment', name: { zh: '工作考核', en: 'assessment' }, words: ['考核'] },
  { key: 'appraisal', name: { zh: '社会评议', en: 'public appraisal' }, words: ['评议', '社会评价', '满意度', '测评'] },
  { key: 'accountability', name: { zh: '责任追究结果', en: 'accountability' }, words: ['责任追究', '追责', '问责'] },
];

/** The paragraphs of a section as one text, blanks removed (a word broken across a line still counts). */
function sectionText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .filter((paragraph): paragraph is string => typeof paragraph === 'string')
    .join('')
    .replace(/\s+/g, '');
}

const missing = (text: string, topics: readonly SectionTopic[]) =>
  topics.filter((topic) => !topic.words.some((word) => text.includes(word)));

export const sectionCoverage = defineRule({
  id: 'N009',
  name: 'section-coverage',
  severity: 'warning',
  description: {
    zh: '正文写到应写的内容：一写到格式要求的五个方面，六写到信息处理费等事项（2021 年版），人民政府的报告写明工作考核、社会评议和责任追究结果',
    en: 'The text covers what it must: 一 the five areas and 六 the fees and other matters the 2021 notice names, and a government’s report its assessment, appraisal and accountability',
  },
  details: {
    zh: '2021 年版格式（国办公开办函〔2021〕30号）要求“一、总体情况”写明主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，“六、其他需要报告的事项”报告收取信息处理费的情况，以及落实上级年度政务公开工作要点、人大代表建议和政协提案办理结果公开、政务公开工作创新等情况；条例第五十条要求各级人民政府的年度报告还写明工作考核、社会评议和责任追究结果。本规则按每一项的常见说法（如政府信息管理：信息管理、保密审查、动态调整；平台建设：平台、网站、公开专栏）查找，一个部分缺哪几项就在一条警告中列出；六已由 N003 指出未说明信息处理费时，本规则不再重复。是否人民政府的报告，按机关名称判断（以“人民政府”或“政府”结尾，如某市人民政府；人民政府办公室是部门），也可在配置中写 "bodyKind": "government" 或 "department"。只检查写到没有，不评判写得好坏。',
    en: 'The 2021 format (State Council letter 2021 No. 30) asks section 一 to report five areas — proactive disclosure, disclosure on request, information management, disclosure platforms, oversight and support — and section 六 the processing fees charged, with the carrying out of the year’s work points, the disclosure of how deputies’ suggestions and CPPCC proposals were handled, and innovation; Article 50 of the Regulations asks every people’s government’s report for its assessment, public appraisal and accountability results. The rule looks for the usual words of each (information management: 信息管理, 保密审查, 动态调整; platforms: 平台, 网站, 公开专栏) and lists what a section lacks in one warning; when N003 already says 六 is silent on fees, the fees are not said twice. A government’s report is told by the agency’s name (ending in 人民政府 or 政府, e.g. 某市人民政府; its 办公室 is a department), or by the config’s "bodyKind": "government" or "department". It checks that each is spoken of, not how well.',
  },
  messages: {
    topicsMissing: {
      zh: '{label}没有写到：{topics}（{source}）',
      en: '{label} does not speak of: {topics} ({source})',
    },
    governmentTopicsMissing: {
      zh: '{label}：{agency}是人民政府，报告还应写明{topics}（条例第五十条）',
      en: '{label}: {agency} is a people’s government, whose report also gives {topics} (Regulations, Article 50)',
    },
  },
  check(context) {
    const coverage = context.edition.coverage ?? {};
    for (const section of Object.keys(coverage) as TextSectionKey[]) {
      const text = sectionText(context.model[section]);
      // An empty section is R102's (一, 五) or simply not written (六): nothing to list topic by topic.
      if (text === '') continue;
      let topics = missing(text, coverage[section] ?? []);
      // N003 says it already, with the figure: fees asked for and 六 silent on them.
      if ((context.number(FEE_NOT_PAID) ?? 0) > 0) topics = topics.filter((topic) => topic.key !== 'processingFees');
      if (topics.length === 0) continue;
      const named = namesOf(topics);
      const source = section === 'otherMatters' ? SOURCES.otherMatters : SOURCES.overview;
      // `params` holds the Chinese; `texts` words the topics and the source in each language.
      context.report({
        messageId: 'topicsMissing',
        pointer: `/${section}`,
        params: { topics: named.zh, source: source.zh },
        texts: { topics: named, source },
      });
    }
    if (context.bodyKind !== 'government') return;
    const whole = (['overview', 'problems', 'otherMatters'] as const).map((key) => sectionText(context.model[key]));
    const topics = missing(whole.join(''), GOVERNMENT_TOPICS);
    if (topics.length === 0) return;
    const named = namesOf(topics);
    context.report({
      messageId: 'governmentTopicsMissing',
      pointer: '/overview',
      params: { agency: typeof context.model.agency === 'string' ? context.model.agency : '', topics: named.zh },
      texts: { topics: named },
    });
  },
});

const SOURCES = {
  overview: { zh: '2021 年版格式要求写明的五个方面', en: 'the five areas the 2021 format asks for' },
  otherMatters: { zh: '2021 年版格式要求在此报告的事项', en: 'matters the 2021 format asks to report here' },
} as const;

const namesOf = (topics: readonly SectionTopic[]) => ({
  zh: topics.map((topic) => topic.name.zh).join('、'),
  en: topics.map((topic) => topic.name.en).join(', '),
});
