// Random valid reports for the import property tests: every table adds up (R301, R302, R303, R401), figures mix
// zeros, small and very large counts, 万元 amounts with decimals, and 2019's signed 本年增/减.

import { getEdition } from '../../src/editions';
import { fieldsOf } from '../../src/editions/fields';
import type { EditionId } from '../../src/editions/types';
import { setAt } from '../../src/model/pointer';
import type { Random } from '../seeded-random';

export type { Random } from '../seeded-random';
export { seededRandom } from '../seeded-random';
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
export const chance = (random: Random, p: number) => random() < p;

/** A count: half of them 0, most small, a few in the hundreds of thousands. */
export function randomCount(random: Random): number {
  const r = random();
  if (r < 0.5) return 0;
  if (r < 0.8) return 1 + Math.floor(random() * 20);
  if (r < 0.95) return 21 + Math.floor(random() * 979);
  return 1000 + Math.floor(random() * 999_000);
}

const AGENCIES = [
  '某市商务局',
  '某县人民政府办公室',
  '某省生态环境厅',
  '某区市场监督管理局',
  '某市人民政府',
  '某州交通运输局',
];

export function randomModel(random: Random, editionId: EditionId): Record<string, unknown> {
  const edition = getEdition(editionId);
  const year = editionId === '2019' ? pick(random, [2019, 2020]) : 2021 + Math.floor(random() * 5);
  const agency = pick(random, AGENCIES);
  const model: Record<string, unknown> = {
    edition: editionId,
    agency,
    year,
    overview: [`${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，持续深化政务公开。`],
  };
  for (const field of fieldsOf(edition).numeric.filter((f) => f.section === 'proactive')) {
    const value =
      field.kind === 'amount'
        ? chance(random, 0.3)
          ? 0
          : Math.round(random() * 100_000_00) / 100
        : field.kind === 'signedCount'
          ? randomCount(random) * (chance(random, 0.3) ? -1 : 1)
          : randomCount(random);
    setAt(model, `/proactive/${field.path.split('.').slice(1).join('/')}`, value);
  }
  // 三: each result row's columns, 四 (carried forward), 二 (carried over ≤ what was handled), then 一 balances.
  const columns = edition.requests.columns.map((c) => c.key);
  const applicants = columns.slice(0, -1);
  const fields = fieldsOf(edition);
  const row = (values: number[]) => {
    const cols: Record<string, number> = {};
    applicants.forEach((key, i) => {
      cols[key] = values[i] ?? 0;
    });
    cols.total = values.reduce((sum, v) => sum + v, 0);
    return cols;
  };
  const sparse = () => applicants.map(() => (chance(random, 0.6) ? 0 : randomCount(random) % 5000));
  const totals = applicants.map(() => 0);
  for (const leaf of fields.resultParts) {
    const values = sparse();
    values.forEach((v, i) => {
      totals[i] = (totals[i] ?? 0) + v;
    });
    setAt(model, leaf.pointer, row(values));
  }
  setAt(model, '/requests/results/total', row(totals));
  const forward = sparse();
  setAt(model, '/requests/carriedForward', row(forward));
  const over = totals.map((t, i) => Math.floor(random() * (t + (forward[i] ?? 0) + 1)));
  setAt(model, '/requests/carriedOver', row(over));
  setAt(model, '/requests/newReceived', row(totals.map((t, i) => t + (forward[i] ?? 0) - (over[i] ?? 0))));
  for (const group of edition.appeals.groups) {
    const parts = [0, 1, 2, 3].map(() => (chance(random, 0.5) ? 0 : randomCount(random) % 500));
    setAt(model, `/appeals/${group.key}`, {
      upheld: parts[0],
      corrected: parts[1],
      other: parts[2],
      pending: parts[3],
      total: parts.reduce((s, v) => s + v, 0),
    });
  }
  model.problems = ['一是公开内容还不够全面；二是解读形式较为单一。下一步将进一步加强。'];
  model.otherMatters = ['无。'];
  return model;
}
