// `schema`: the model matches its edition's JSON Schema; checked by ../schema-check.ts, worded here.
import type { RuleMeta } from '../rule';

export const schemaRule: RuleMeta = {
  id: 'schema',
  name: 'schema',
  severity: 'error',
  description: {
    zh: '报告符合其格式版本的 JSON Schema（类型、必填项、取值范围）',
    en: "The report matches its edition's JSON Schema (types, required items, ranges)",
  },
  details: {
    zh: '每个数量都是非负整数；“本年增/减”（2019年版）可以为负；金额（万元）为非负数，最多四位小数；表格中的每一格都必须填写，没有的填 0；不能有格式之外的项目。某一格不符合时，用到它的算术规则不再报告，以免一处错误引出一串提示。',
    en: 'Every count is a non-negative integer; 本年增/减 (2019 edition) may be negative; amounts (万元) are non-negative with at most four decimals; every cell of the tables is filled (0 when there were none); nothing outside the format. When a cell fails here, the arithmetic rules that use it stay silent: one mistake, one message.',
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
    missing: { zh: '缺少{label}（{at}）', en: '{label} ({at}) is missing' },
    wrongType: { zh: '{label}（{at}）应为{expectedType}', en: '{label} ({at}) should be {expectedType}' },
    emptyText: { zh: '{label}（{at}）不能为空', en: '{label} ({at}) must not be empty' },
    yearRange: {
      zh: '{label}（{at}）应为 2008 至 2100 之间的年份，实际为 {actual}',
      en: '{label} ({at}) should be a year from 2008 to 2100, is {actual}',
    },
    unknownProperty: {
      zh: '{at} 不是 {edition} 年版格式中的项目',
      en: '{at} is not an item of the {edition} edition',
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
};
