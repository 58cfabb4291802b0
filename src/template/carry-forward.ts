// `report template --from`: what last year's report carries into next year's workbook — agency, year + 1, 二、上年结转
// from 四、结转下年度继续办理, and the 现行有效件数 baseline that X201 will check.

import type { Model } from '../model/pointer';
import { numberAt } from '../model/pointer';

export interface CarriedForward {
  /** The part of next year's model that can be known now. */
  model: Model;
  /** Lines for the 填写说明 sheet. */
  notes: string[];
  /** How many of the seven 上年结转 columns were filled. */
  carriedColumns: number;
}

const COLUMNS = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'] as const;

export function carryForward(last: Model, source: string, next: { agency?: string; year: number }): CarriedForward {
  const lastYear = numberAt(last, '/year');
  const agency = next.agency ?? (typeof last.agency === 'string' ? last.agency : undefined);
  const carriedOver: Record<string, number> = {};
  for (const column of COLUMNS) {
    const value = numberAt(last, `/requests/carriedForward/${column}`);
    if (value !== undefined) carriedOver[column] = value;
  }
  const carriedColumns = Object.keys(carriedOver).length;
  const notes: string[] = [];
  const about = lastYear === undefined ? '上年报告' : `${lastYear} 年度报告`;
  notes.push(
    carriedColumns === COLUMNS.length
      ? `三、二“上年结转政府信息公开申请数量”已按${about}（${source}）的“四、结转下年度继续办理”填好，请核对（X301）。`
      : `${about}（${source}）的“结转下年度继续办理”不完整，三、二“上年结转”只填了 ${carriedColumns} 栏，其余请补填（X301）。`,
  );
  const baseline = (['rules', 'normativeDocs'] as const).map((row) => numberAt(last, `/proactive/${row}/inForce`));
  // Only an edition that prints 现行有效件数 (2021 on) gives the baseline.
  if (baseline.every((value) => value !== undefined)) {
    notes.push(
      `${about}的现行有效件数：规章 ${baseline[0]} 件，行政规范性文件 ${baseline[1]} 件。本年“现行有效件数”应为上年数＋本年制发件数－本年废止件数（X201）；集中清理等原因不一致的，请在报告中说明。`,
    );
  }
  return {
    model: {
      ...(agency ? { agency } : {}),
      year: next.year,
      ...(carriedColumns ? { requests: { carriedOver } } : {}),
    },
    notes,
    carriedColumns,
  };
}
