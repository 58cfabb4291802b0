// R303: the table's own 勾稽关系 — 一 + 二 = （七）总计 + 四, per column.
import type { Rule } from '../rule';

export const requestsBalance: Rule = {
  id: 'R303',
  name: 'requests-balance',
  severity: 'error',
  description: {
    zh: '三：第一项加第二项之和等于第三项（七）总计加第四项之和，逐列成立',
    en: 'Table III: new + carried over = handled (（七）总计) + carried forward, per column',
  },
  details: {
    zh: '表格左上角写明了本列数据的勾稽关系：“一、本年新收”加“二、上年结转”，等于“（七）总计”加“四、结转下年度继续办理”。每一列（自然人、各类组织、总计）都必须成立。诊断指向“结转下年度继续办理”，因为它通常是由其他三项推出的。',
    en: "The table's top-left cell states it: new requests plus those carried over equal those handled plus those carried forward, in every column. The diagnostic points at 四、结转下年度继续办理, the figure usually derived from the other three.",
  },
  messages: {
    balance: {
      zh: '{label}（{at}）应为 {expected}（本年新收 {newReceived} ＋ 上年结转 {carriedOver} − 办理结果总计 {handled}），实际为 {actual}',
      en: '{label} ({at}) should be {expected} (new {newReceived} + carried over {carriedOver} − handled {handled}), is {actual}',
    },
  },
  check(context) {
    for (const column of context.edition.requests.columns) {
      const at = (row: string) => `/requests/${row}/${column.key}`;
      const newReceived = context.number(at('newReceived'));
      const carriedOver = context.number(at('carriedOver'));
      const handled = context.number(at('results/total'));
      const carriedForward = context.number(at('carriedForward'));
      if (
        newReceived === undefined ||
        carriedOver === undefined ||
        handled === undefined ||
        carriedForward === undefined
      )
        continue;
      const expected = newReceived + carriedOver - handled;
      if (expected !== carriedForward) {
        context.report({
          messageId: 'balance',
          pointer: at('carriedForward'),
          expected,
          actual: carriedForward,
          params: { newReceived, carriedOver, handled },
          related: [at('newReceived'), at('carriedOver'), at('results/total')],
        });
      }
    }
  },
};
