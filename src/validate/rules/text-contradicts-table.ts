// N006: a sentence of the text says what the tables contradict (所有申请均已办结 while requests are carried forward,
// 未发生行政复议 while there were reviews …), from a small table of phrases.
import { textSections } from '../../editions/fields';
import type { TextSectionKey } from '../../editions/types';
import { STATEMENTS, sentencesOf } from '../narrative-statements';
import { defineRule } from '../rule';

/** A phrase and the cells that contradict it when their sum is above 0. */
interface Contradiction {
  phrase: RegExp;
  /** The sentence must also say this (the phrase speaks of requests, not of 人大建议). */
  about?: RegExp;
  /** A sentence that says this speaks of something else (上年结转的申请均已办结). */
  unless?: RegExp;
  pointers: readonly string[];
  /** The sections read; N001 reads the "none" statements of 一 already. */
  sections: readonly TextSectionKey[];
}

const statement = (what: string): RegExp => {
  const found = STATEMENTS.find((candidate) => candidate.what === what);
  if (!found) throw new Error(`no statement ${what}`);
  return found.pattern;
};
const outsideOverview = textSections.filter((section) => section !== 'overview');

const CONTRADICTIONS: readonly Contradiction[] = [
  {
    phrase:
      /(?:所有|全部)[^。；，,\d]{0,12}?(?:均|都)?(?:已|已经)?(?:按期|按时|依法)?办结|均(?:已|已经)?(?:按期|按时|依法)?办结|无结转|没有结转/,
    about: /申请/,
    unless: /建议|提案|复议|诉讼|信访|上年(?:度)?结转/,
    pointers: ['/requests/carriedForward/total'],
    sections: textSections,
  },
  { phrase: statement('noRequests'), pointers: ['/requests/newReceived/total'], sections: outsideOverview },
  { phrase: statement('noReview'), pointers: ['/appeals/review/total'], sections: outsideOverview },
  {
    phrase: statement('noLitigation'),
    pointers: ['/appeals/litigationDirect/total', '/appeals/litigationAfterReview/total'],
    sections: outsideOverview,
  },
  {
    // 2021 edition: 三（六）2 counts requests dropped because a fee notice went unpaid, so notices were sent.
    phrase: /未(?:发出|下发|出具|送达|开具)[^。；，,\d]{0,6}?收费通知|没有(?:发出|下发)?[^。；，,\d]{0,4}?收费通知/,
    pointers: ['/requests/results/other/overdueFee/total'],
    sections: textSections,
  },
];

export const textContradictsTable = defineRule({
  id: 'N006',
  name: 'text-contradicts-table',
  severity: 'warning',
  description: {
    zh: '正文的说法与表格不矛盾：“所有申请均已办结”时结转下年度为 0，“未发生行政复议”时复议为 0，“未发出收费通知”时三（六）2 为 0 等',
    en: 'The text says nothing the tables contradict: all requests handled while some are carried forward, no reviews while there were some, no fee notice while 三 (六) 2 counts unpaid fees …',
  },
  details: {
    zh: '本规则按一张短语表读“一、总体情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”的每一句：“所有申请均已（按期）办结”“均已办结”“无结转”而三“四、结转下年度继续办理”总计大于 0；“未收到…申请”“未发生…行政复议”“未发生…行政诉讼”而三、四的对应总计大于 0（一中的这三种说法由 N001 检查，本规则只读五和六）；“未发出收费通知”而 2021 年版三（六）2“申请人逾期未按收费通知要求缴纳费用”大于 0。引用原句并指出表格栏目及其数值。说“办结”的句子须说的是申请，说人大建议、政协提案、复议、诉讼、信访或上年结转申请的句子不计。“未收取信息处理费”与三（六）2 大于 0 并不矛盾（逾期未缴费即未收取），不作判断；六是否说明了收费情况由 N003 检查。',
    en: 'The rule reads every sentence of sections 一, 五 and 六 against a short table of phrases: all requests handled (均已办结, 无结转) while 三 四 (carried forward) totals more than 0; no requests received, no reviews, no lawsuits while the matching totals of 三 and 四 are above 0 (in 一 these are N001’s: this rule reads 五 and 六 for them); no fee notice sent while the 2021 edition’s 三 (六) 2 (fee notice not paid) is above 0. It quotes the sentence and names the cell and its value. A 办结 sentence must speak of requests; sentences about deputies’ suggestions, proposals, reviews, lawsuits, petitions or last year’s carried-over requests are left out. “No processing fee charged” does not contradict 三 (六) 2 (an unpaid fee is a fee not charged) and is not judged; whether 六 states the fees is N003’s.',
  },
  messages: {
    contradicts: {
      zh: '{label}（{at}）为 {actual}，但{where}写的是“{sentence}”',
      en: '{label} ({at}) is {actual}, but {where} says "{sentence}"',
    },
  },
  check(context) {
    for (const section of textSections) {
      const paragraphs = context.model[section];
      if (!Array.isArray(paragraphs)) continue;
      paragraphs.forEach((paragraph, index) => {
        if (typeof paragraph !== 'string') return;
        const at = `/${section}/${index}`;
        const where = {
          zh: context.fields.labelOf(at, 'zh') ?? at,
          en: context.fields.labelOf(at, 'en') ?? at,
        };
        for (const part of sentencesOf(paragraph)) {
          const sentence = part.trim();
          for (const entry of CONTRADICTIONS) {
            if (!entry.sections.includes(section) || !entry.phrase.test(sentence)) continue;
            if ((entry.about && !entry.about.test(sentence)) || entry.unless?.test(sentence)) continue;
            // The first cell above 0 is the one named: 未发生行政诉讼 against 未经复议直接起诉 or 复议后起诉.
            const cell = entry.pointers.find((pointer) => (context.number(pointer) ?? 0) > 0);
            const value = cell === undefined ? undefined : context.number(cell);
            if (cell === undefined || value === undefined) continue;
            // The place of the sentence is worded in each language (`texts`); `params` holds the Chinese.
            context.report({
              messageId: 'contradicts',
              pointer: cell,
              actual: value,
              params: { where: where.zh, sentence },
              texts: { where },
              related: [at],
            });
          }
        }
      });
    }
  },
});
