// `schema`: the model matches its edition's JSON Schema; checked by ../schema-check.ts, worded here.
import {
  MAX_AGENCY_LENGTH,
  MAX_AMOUNT,
  MAX_COUNT,
  MAX_EXPLANATION_LENGTH,
  MAX_EXPLANATIONS,
  MAX_PARAGRAPH_LENGTH,
  MAX_PARAGRAPHS,
} from '../../schema/limits';
import { defineRule } from '../rule';

export const schemaRule = defineRule({
  id: 'schema',
  name: 'schema',
  severity: 'error',
  description: {
    zh: '报告符合其格式版本的 JSON Schema（类型、必填项、取值范围）',
    en: "The report matches its edition's JSON Schema (types, required items, ranges)",
  },
  details: {
    zh: `每个数量都是非负整数；“本年增/减”（2019年版）可以为负；金额（万元）为非负数，最多四位小数；表格中的每一格都必须填写，没有的填 0；不能有格式之外的项目。某一格不符合时，用到它的算术规则不再报告，以免一处错误引出一串提示。\n\n取值和篇幅的上限，远超任何实际报告（超过时各报告一次）：数量不超过 ${MAX_COUNT}（“本年增/减”在 ±${MAX_COUNT} 之内），金额不超过 ${MAX_AMOUNT} 万元；机关名称不超过 ${MAX_AGENCY_LENGTH} 字；一、五、六各节每段不超过 ${MAX_PARAGRAPH_LENGTH} 字，每节不超过 ${MAX_PARAGRAPHS} 段；说明（explanations）不超过 ${MAX_EXPLANATIONS} 条，每条不超过 ${MAX_EXPLANATION_LENGTH} 字。超过 2^53 的数字已无法精确表示，求和会出错，因此一律拒绝。`,
    en: `Every count is a non-negative integer; 本年增/减 (2019 edition) may be negative; amounts (万元) are non-negative with at most four decimals; every cell of the tables is filled (0 when there were none); nothing outside the format. When a cell fails here, the arithmetic rules that use it stay silent: one mistake, one message.\n\nBounds far beyond any real report (each said once when passed): counts up to ${MAX_COUNT} (本年增/减 within ±${MAX_COUNT}), amounts up to ${MAX_AMOUNT} 万元; the agency up to ${MAX_AGENCY_LENGTH} characters; each paragraph of 一, 五 and 六 up to ${MAX_PARAGRAPH_LENGTH} characters, and up to ${MAX_PARAGRAPHS} paragraphs a section; up to ${MAX_EXPLANATIONS} explanations of up to ${MAX_EXPLANATION_LENGTH} characters each. Numbers past 2^53 are not even the number written, and every sum over them is wrong: they are refused.`,
  },
  messages: {
    blank: {
      zh: '{label}（{at}）未填写：没有的请填 0',
      en: '{label} ({at}) is blank: write 0 if there were none',
    },
    tableBlank: {
      zh: '{label}整张表未填写（{cells} 格）：没有的请填 0',
      en: '{label}: the whole table is blank ({cells} cells): write 0 where there were none',
    },
    notInteger: {
      zh: '{label}（{at}）应为整数，实际为 {actual}',
      en: '{label} ({at}) should be a whole number, is {actual}',
    },
    notNumber: { zh: '{label}（{at}）应为数字，实际为 {actual}', en: '{label} ({at}) should be a number, is {actual}' },
    negative: {
      zh: '{label}（{at}）不能为负数，实际为 {actual}',
      en: '{label} ({at}) must not be negative, is {actual}',
    },
    tooManyDecimals: {
      zh: '{label}（{at}）最多保留四位小数，实际为 {actual}',
      en: '{label} ({at}) has more than four decimals: {actual}',
    },
    beyondLimit: {
      zh: '{label}（{at}）为 {actual}，超过 {limit} 的上限：请核对',
      en: '{label} ({at}) is {actual}, past the limit of {limit}: check it',
    },
    textTooLong: {
      zh: '{label}（{at}）有 {length} 个字，超过 {limit} 字的上限',
      en: '{label} ({at}) has {length} characters, over the limit of {limit}',
    },
    paragraphsTooLong: {
      zh: '{label}（{at}）有 {count} 段超过每段 {limit} 字的上限（第 {first} 段起）',
      en: '{label} ({at}): {count} paragraphs are over the limit of {limit} characters each (from paragraph {first})',
    },
    tooManyParagraphs: {
      zh: '{label}（{at}）有 {count} 段，超过 {limit} 段的上限：第 {limit} 段之后的未检查',
      en: '{label} ({at}) has {count} paragraphs, over the limit of {limit}: those after paragraph {limit} were not checked',
    },
    tooManyExplanations: {
      zh: '{label}（{at}）有 {count} 条，超过 {limit} 条的上限：第 {limit} 条之后的未读取',
      en: '{label} ({at}) holds {count} entries, over the limit of {limit}: those after entry {limit} were not read',
    },
    missing: { zh: '缺少{label}（{at}）', en: '{label} ({at}) is missing' },
    notText: { zh: '{label}（{at}）应为文字', en: '{label} ({at}) should be text' },
    notList: { zh: '{label}（{at}）应为段落的列表 […]', en: '{label} ({at}) should be a list of paragraphs […]' },
    notGroup: { zh: '{label}（{at}）应为一组栏目 {…}', en: '{label} ({at}) should be a group of items {…}' },
    notWholeNumber: { zh: '{label}（{at}）应为整数', en: '{label} ({at}) should be a whole number' },
    notDate: {
      zh: '{label}（{at}）应为日期，写作 年-月-日（如 2026-01-20），实际为 {actual}',
      en: '{label} ({at}) should be a date written YYYY-MM-DD (e.g. 2026-01-20), not {actual}',
    },
    wrongType: {
      zh: '{label}（{at}）的类型不对（JSON 类型应为 {expectedType}）',
      en: '{label} ({at}) is of the wrong kind (its JSON type should be {expectedType})',
    },
    emptyText: { zh: '{label}（{at}）不能为空', en: '{label} ({at}) must not be empty' },
    yearRange: {
      zh: '{label}（{at}）应为 2008 至 2100 之间的年份，实际为 {actual}',
      en: '{label} ({at}) should be a year from 2008 to 2100, is {actual}',
    },
    unknownProperty: {
      zh: '{at} 不是 {edition} 年版格式中的项目',
      en: '{at} is not an item of the {edition} edition',
    },
    moreUnknownProperties: {
      zh: '{at} 另有 {count} 个项目不属于 {edition} 年版格式（未逐一列出）',
      en: '{at} holds {count} more items that are not of the {edition} edition (not listed one by one)',
    },
    unknownEdition: {
      zh: '格式版本（{at}）应为 "2019" 或 "2021"，实际为 {actual}',
      en: 'the edition ({at}) should be "2019" or "2021", is {actual}',
    },
    editionMismatch: {
      zh: '文件声明为 {declared} 年版，但表格内容属于 {detected} 年版：请改正 edition 或按 {declared} 年版填写',
      en: 'the file says edition {declared} but its tables are those of the {detected} edition: correct "edition" or fill the {declared} tables',
    },
    invalid: { zh: '{label}（{at}）不符合格式：{detail}', en: '{label} ({at}) does not fit the format: {detail}' },
  },
});
