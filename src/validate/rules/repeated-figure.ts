// N005: the text gives one quantity twice with different figures (收到申请 45 件 … 共收到申请 47 件).
import type { LocalizedText } from '../../diagnostics/diagnostic';
import { textSections } from '../../editions/fields';
import { documentStatements, STATEMENTS, sentencesOf } from '../narrative-statements';
import { defineRule } from '../rule';

/**
 * The quantity each of N001's statements gives, in words. Statements that there was none (未收到申请) are not compared
 * here: against a figure of the text, one of the two contradicts the table, which N001 (in 一) or N006 (in 五, 六) says.
 */
const QUANTITY: Readonly<Record<string, LocalizedText>> = {
  newReceived: { zh: '收到申请数', en: 'requests received' },
  carriedOver: { zh: '上年结转数', en: 'requests carried over' },
  carriedForward: { zh: '结转下年度数', en: 'requests carried forward' },
  handled: { zh: '办结数', en: 'requests handled' },
  granted: { zh: '予以公开数', en: 'requests disclosed' },
  partiallyGranted: { zh: '部分公开数', en: 'requests partially disclosed' },
  denied: { zh: '不予公开数', en: 'requests not disclosed' },
  unable: { zh: '无法提供数', en: 'requests unable to provide' },
  notProcessed: { zh: '不予处理数', en: 'requests not processed' },
  other: { zh: '其他处理数', en: 'requests otherwise handled' },
  review: { zh: '行政复议数', en: 'administrative reviews' },
  litigation: { zh: '行政诉讼数', en: 'lawsuits' },
};

/** A sentence that compares with another year (同比, 较上年 …) gives another quantity than this year's. */
const COMPARISON = /同比|较上年|比上年|较去年|去年|上一年|增长|下降|减少/;
const YEAR = /((?:19|20)\d{2})\s*年/g;
/** Words that set a figure's scope: 全市 and 本级 figures of one government are different quantities. */
const SCOPE = /本级|全(?:市|县|区|省|镇|乡|系统)|各(?:县|区|镇|乡|部门|单位)|所属|下属/g;

interface Said {
  key: string;
  quantity: LocalizedText;
  stated: number;
  sentence: string;
  pointer: string;
  scope: string;
}

export const repeatedFigure = defineRule({
  id: 'N005',
  name: 'repeated-figure',
  severity: 'warning',
  description: {
    zh: '正文对同一数量（收到申请 N 件、上年结转 M 件、行政复议 K 件、制发规范性文件 N 件等）不能前后写出两个不同的数字',
    en: 'The text does not give one quantity (requests received, carried over, reviews, documents issued …) twice with different figures',
  },
  details: {
    zh: '同一份报告中，“收到申请 45 件”与后文“共收到申请 47 件”不可能都对。本规则用 N001 读表格数字的同一组说法，读“一、总体情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”的每一句，同一数量出现两个不同数字时引用两句原文。与上年比较的句子（同比、较上年、增长、下降）、提到报告年度以外年份的句子不计；范围不同的说法（全市与本级、各县区、所属单位）不相比较。只读能确定所指的说法，读不出的句子不作判断；“未收到申请”“未发生行政复议”之类的说法与数字不一致时，由 N001（一）和 N006（五、六）对照表格指出，本规则不重复。',
    en: 'One report cannot be right both in “45 requests received” and, further on, “47 requests received in all”. The rule reads every sentence of sections 一, 五 and 六 with the statements N001 reads figures by, and quotes both sentences when one quantity is given two different figures. Sentences that compare with another year (同比, 较上年, growth, decline) or name a year other than the report year are left out; statements of different scope (the whole city against the government itself, counties, subordinate units) are not compared. It reads only statements whose meaning is certain; a statement that there was none (未收到申请, 未发生行政复议) against a figure is told against the table by N001 (in 一) and N006 (in 五 and 六), not again here.',
  },
  messages: {
    twoFigures: {
      zh: '{label}：{quantity}写了两个不同的数字，{firstAt}“{firstSentence}”为 {first}，此处“{sentence}”为 {second}',
      en: '{label}: two different figures for {quantity}, {first} in {firstAt} ("{firstSentence}") and {second} here ("{sentence}")',
    },
  },
  check(context) {
    const year = context.number('/year');
    const said: Said[] = [];
    for (const section of textSections) {
      const paragraphs = context.model[section];
      if (!Array.isArray(paragraphs)) continue;
      paragraphs.forEach((paragraph, index) => {
        if (typeof paragraph !== 'string') return;
        for (const part of sentencesOf(paragraph)) {
          const sentence = part.trim();
          if (COMPARISON.test(sentence)) continue;
          if ([...sentence.matchAll(YEAR)].some((match) => year !== undefined && Number(match[1]) !== year)) continue;
          const scope = [...new Set([...sentence.matchAll(SCOPE)].map((match) => match[0]))].sort().join('、');
          const pointer = `/${section}/${index}`;
          for (const statement of STATEMENTS) {
            const match = statement.pattern.exec(sentence);
            const quantity = QUANTITY[statement.what];
            if (!match || !quantity || statement.fixed !== undefined) continue;
            const stated = Number(match[1]);
            const key = statement.pointers(context).join('+');
            if (key) said.push({ key, quantity, stated, sentence, pointer, scope });
          }
          for (const { pointer: cell, stated } of documentStatements(sentence, context.edition)) {
            const zh = context.fields.labelOf(cell, 'zh');
            const en = context.fields.labelOf(cell, 'en');
            if (zh && en) said.push({ key: cell, quantity: { zh, en }, stated, sentence, pointer, scope });
          }
        }
      });
    }
    const reported = new Set<string>();
    said.forEach((second, at) => {
      if (reported.has(second.key)) return;
      const first = said
        .slice(0, at)
        .find(
          (earlier) => earlier.key === second.key && earlier.scope === second.scope && earlier.stated !== second.stated,
        );
      if (!first) return;
      reported.add(second.key);
      const firstAt = {
        zh: context.fields.labelOf(first.pointer, 'zh') ?? first.pointer,
        en: context.fields.labelOf(first.pointer, 'en') ?? first.pointer,
      };
      // The quantity and the first sentence's place are worded in each language (`texts`); `params` holds the Chinese.
      context.report({
        messageId: 'twoFigures',
        pointer: second.pointer,
        params: {
          quantity: second.quantity.zh,
          first: first.stated,
          firstAt: firstAt.zh,
          firstSentence: first.sentence,
          second: second.stated,
          sentence: second.sentence,
        },
        texts: { quantity: second.quantity, firstAt },
      });
    });
  },
});
