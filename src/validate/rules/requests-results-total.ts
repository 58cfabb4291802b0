// R302: （七）总计 is the sum of every result row （一）…（六）, per column (one equation per column, equations.ts).
import { cellPointer, type GridColumn, type GridRow } from '../../editions/table-grid';
import { equationMessages, sumEquation } from '../equations';
import { defineRule } from '../rule';

export const requestsResultsTotal = defineRule({
  id: 'R302',
  name: 'requests-results-total',
  severity: 'error',
  description: {
    zh: '三：“（七）总计”等于办理结果（一）至（六）各项之和',
    en: 'Table III: （七）总计 equals the sum of result rows （一）–（六）, per column',
  },
  details: {
    zh: '“三、本年度办理结果”下的（一）予以公开、（二）部分公开、（三）不予公开 1–8、（四）无法提供 1–3、（五）不予处理 1–5 和（六）其他处理（2021年版为 1–3 项）之和，逐列等于“（七）总计”。每件申请只计一种办理结果（部分公开的只计“部分公开”）。一个单元格填错时，诊断指向它（见 R301 的说明）。',
    en: 'Under 三、本年度办理结果, the rows （一）, （二）, （三）1–8, （四）1–3, （五）1–5 and （六） (in the 2021 edition its items 1–3) add up, column by column, to （七）总计. Each request counts under one result only (a partial disclosure only under （二）). One wrong cell is named as such (see R301).',
  },
  messages: {
    ...equationMessages,
    resultsTotal: {
      zh: '{label}（{at}）为 {actual}，办理结果各项之和为 {sum}，相差 {difference}',
      en: '{label} ({at}) is {actual}; the result rows add up to {sum}, {difference} apart',
    },
  },
  equations({ grids }) {
    // 三's totals down its columns: （七）总计 over the result rows, one equation per column.
    const { rows, columnSums } = grids.requests;
    const at = (index: number, column: GridColumn) => cellPointer(rows[index] as GridRow, column);
    return columnSums.flatMap((sum) =>
      (rows[sum.total]?.columns ?? []).map((column) =>
        sumEquation(
          'R302',
          'resultsTotal',
          at(sum.total, column),
          sum.parts.map((part) => at(part, column)),
          { zh: `“${column.label.zh}”一列的办理结果`, en: `the results of the column "${column.label.en}"` },
        ),
      ),
    );
  },
});
