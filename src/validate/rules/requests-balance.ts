// R303: the table's own 勾稽关系 — 一 + 二 = （七）总计 + 四, per column (one equation per column, equations.ts).

import { cellPointer, type GridRow } from '../../editions/table-grid';
import { equationMessages } from '../equations';
import { defineRule } from '../rule';

export const requestsBalance = defineRule({
  id: 'R303',
  name: 'requests-balance',
  severity: 'error',
  description: {
    zh: '三：第一项加第二项之和等于第三项（七）总计加第四项之和，逐列成立',
    en: 'Table III: new + carried over = handled (（七）总计) + carried forward, per column',
  },
  details: {
    zh: '表格左上角写明了本列数据的勾稽关系：“一、本年新收”加“二、上年结转”，等于“（七）总计”加“四、结转下年度继续办理”。每一列（自然人、各类组织、总计）都必须成立。一个单元格填错时，诊断指向它（见 R301 的说明）；否则说明哪一列不成立、两边相差多少，不要求修改某一项。',
    en: "The table's top-left cell states it: new requests plus those carried over equal those handled plus those carried forward, in every column. One wrong cell is named as such (see R301); otherwise the diagnostic says which column fails and by how much, without asking to change one figure.",
  },
  messages: {
    ...equationMessages,
    balance: {
      zh: '{label}（{at}）为 {actual}，而本年新收＋上年结转−办理结果总计为 {sum}，相差 {difference}',
      en: '{label} ({at}) is {actual}, while new + carried over − handled is {sum}, {difference} apart',
    },
  },
  equations({ grids }) {
    // The corner note's balance (grid.balance): 一 + 二 = 三 + 四, per column; read as checking 四, the last.
    const { rows, balance } = grids.requests;
    if (!balance) return [];
    const first = rows[balance.left[0] as number];
    return (first?.columns ?? []).map((column) => {
      const at = (index: number) => cellPointer(rows[index] as GridRow, column);
      return {
        ruleId: 'R303',
        messageId: 'balance',
        total: at(balance.right[balance.right.length - 1] as number),
        terms: [
          ...balance.left.map((index) => ({ pointer: at(index), coefficient: 1 as const })),
          ...balance.right.map((index) => ({ pointer: at(index), coefficient: -1 as const })),
        ],
        name: { zh: `“${column.label.zh}”一列的勾稽关系`, en: `the balance of the column "${column.label.en}"` },
      };
    });
  },
});
