// N001: a figure that the text of 一、总体情况 states for a table cell (收到申请 N 件, 上年结转 M 件 …) equals it.
import { documentStatements, STATEMENTS, sentencesOf } from '../narrative-statements';
import { defineRule } from '../rule';

export const narrativeFigures = defineRule({
  id: 'N001',
  name: 'narrative-figures',
  severity: 'warning',
  description: {
    zh: '“一、总体情况”中复述的表格数字（制发规范性文件 N 件、收到申请 N 件、上年结转 M 件、行政复议 K 件等）与表格一致',
    en: 'Figures that section 一 restates from the tables (documents issued, requests received, carried over, reviews …) match them',
  },
  details: {
    zh: '总体情况常常复述表格中的数字：二的制发、废止、现行有效规章和（行政）规范性文件件数，三、四的收到（受理）申请 N 件、上年结转、结转下年度、已办结、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、行政复议、行政诉讼，以及“未收到依申请公开”“未发生行政复议和行政诉讼”。文中数字与表格不一致是审核中最常见的问题。本规则引用原句并指出对应的表格栏目；只读能确定所指的说法，读不出的句子不作判断。可在配置中关闭（"N001": "off"）。',
    en: 'Section 一 often restates table figures: rules and normative documents issued, repealed and in force (二), requests received, carried over, carried forward, handled, disclosed, partially disclosed, not disclosed, unable to provide, not processed, otherwise handled, reviews and lawsuits, and statements that there were none. A mismatch is what reviewers find most often. The rule quotes the sentence and names the table cell; it reads only statements whose meaning is certain and leaves other sentences alone. Turn it off in the config ("N001": "off").',
  },
  messages: {
    mismatch: {
      zh: '{label}（{at}）为 {actual}，但“一、总体情况”写的是 {expected}：“{sentence}”',
      en: '{label} ({at}) is {actual}, but section 一 says {expected}: "{sentence}"',
    },
  },
  check(context) {
    const paragraphs = context.model.overview;
    if (!Array.isArray(paragraphs)) return;
    const seen = new Set<string>();
    for (const paragraph of paragraphs) {
      if (typeof paragraph !== 'string') continue;
      for (const sentence of sentencesOf(paragraph)) {
        for (const { pointer, stated } of documentStatements(sentence, context.edition)) {
          const table = context.number(pointer);
          const key = `${pointer}:${stated}`;
          if (table === undefined || table === stated || seen.has(key)) continue;
          seen.add(key);
          context.report({
            messageId: 'mismatch',
            pointer,
            expected: stated,
            actual: table,
            params: { sentence: sentence.trim() },
          });
        }
        for (const statement of STATEMENTS) {
          const match = statement.pattern.exec(sentence);
          if (!match) continue;
          const stated = statement.fixed ?? Number(match[1]);
          const pointers = statement.pointers(context);
          const values = pointers.map((pointer) => context.number(pointer));
          if (pointers.length === 0 || values.some((value) => value === undefined)) continue;
          const table = (values as number[]).reduce((a, b) => a + b, 0);
          const pointer = pointers[0] as string;
          const key = `${statement.what}:${stated}`;
          if (table === stated || seen.has(key)) continue;
          seen.add(key);
          context.report({
            messageId: 'mismatch',
            pointer: pointers.length === 1 ? pointer : pointer.replace(/\/[^/]+\/total$/, ''),
            expected: stated,
            actual: table,
            params: { sentence: sentence.trim() },
            ...(pointers.length > 1 ? { related: pointers } : {}),
          });
        }
      }
    }
  },
});
