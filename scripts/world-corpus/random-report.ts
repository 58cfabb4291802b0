// A random valid report for the world corpus, written independently of the other generators: who publishes it, its
// year, its text, and its figures by JSON Pointer, with the ranges real reports show (mostly small counts and zeros,
// some very large rows, signed 2019 本年增/减, 万元 amounts with decimals). Every table adds up as FORMAT.md says.
import { getEdition } from '../../src/editions';
import { fieldsOf } from '../../src/editions/fields';
import type { EditionId } from '../../src/editions/types';
import { setAt } from '../../src/model/pointer';
import type { Random } from '../seeded-random';

export type { Random } from '../seeded-random';
export { seededRandom } from '../seeded-random';

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
export const chance = (random: Random, p: number): boolean => random() < p;
/** An integer in [low, high]. */
export const between = (random: Random, low: number, high: number): number =>
  low + Math.floor(random() * (high - low + 1));

/** A random order of `items` (Fisher–Yates on a copy). */
export function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const here = copy[index] as T;
    copy[index] = copy[other] as T;
    copy[other] = here;
  }
  return copy;
}

export interface Report {
  edition: EditionId;
  year: number;
  /** 机关名称 as the report's title and 落款 print it. */
  agency: string;
  /** The government whose portal publishes the page (the `_…` of a page title, the footer's 主办). */
  site: string;
  /** The date of the 落款 and of publication. */
  date: { year: number; month: number; day: number };
  /** Every figure of the edition by JSON Pointer. */
  values: Map<string, number>;
  overview: string[];
  problems: string[];
  otherMatters: string[];
}

const CITIES = [
  { city: '石家庄市', districts: ['长安区', '桥西区', '新华区'] },
  { city: '淮安市', districts: ['清江浦区', '淮阴区', '洪泽区'] },
  { city: '杭州市', districts: ['西湖区', '拱墅区', '余杭区'] },
  { city: '成都市', districts: ['武侯区', '锦江区', '青羊区'] },
  { city: '佛山市', districts: ['南海区', '顺德区', '禅城区'] },
  { city: '洛阳市', districts: ['西工区', '涧西区', '老城区'] },
  { city: '绵阳市', districts: ['涪城区', '游仙区'] },
  { city: '赣州市', districts: ['章贡区', '南康区'] },
  { city: '温州市', districts: ['鹿城区', '瓯海区', '龙湾区'] },
  { city: '岳阳市', districts: ['岳阳楼区', '君山区'] },
];
const DEPARTMENTS = [
  '商务局',
  '教育局',
  '自然资源和规划局',
  '生态环境局',
  '市场监督管理局',
  '人力资源和社会保障局',
  '交通运输局',
  '卫生健康委员会',
  '住房和城乡建设局',
  '民政局',
  '财政局',
  '应急管理局',
];

function whoPublishes(random: Random): { agency: string; site: string } {
  const place = pick(random, CITIES);
  const district = chance(random, 0.35) ? pick(random, place.districts) : '';
  const government = `${place.city}${district}人民政府`;
  const r = random();
  if (r < 0.12) return { agency: government, site: government };
  if (r < 0.22) return { agency: `${government}办公室`, site: government };
  const department = pick(random, DEPARTMENTS);
  return { agency: `${place.city}${district}${department}`, site: government };
}

type Size = 'none' | 'small' | 'medium' | 'large';

/** A count of a row and column, by how big the body is and how common the row is. */
function cellCount(random: Random, size: Size, common: number, column: number): number {
  if (size === 'none') return 0;
  // The natural-person column carries most requests; organisations rarely apply, research and public-interest least.
  const share = [1, 0.35, 0.05, 0.06, 0.1, 0.2][column] ?? 0.1;
  if (!chance(random, common * share)) return 0;
  if (size === 'small') return between(random, 1, 6);
  if (size === 'medium') return between(random, 1, column === 0 ? 90 : 12);
  return column === 0 ? between(random, 20, 2400) : between(random, 1, 160);
}

/** How common each result row is, by its key (a 0–1 weight). */
const ROW_WEIGHT: Readonly<Record<string, number>> = {
  granted: 0.95,
  partiallyGranted: 0.5,
  notHeld: 0.8,
  needsCreation: 0.3,
  stillUnclear: 0.25,
  petitionComplaint: 0.3,
  duplicate: 0.35,
  publication: 0.1,
  excessive: 0.08,
  confirmation: 0.15,
  overdueCorrection: 0.3,
  overdueFee: 0.04,
  thirdPartyRights: 0.25,
  processInformation: 0.3,
  internalAffairs: 0.2,
  administrativeQuery: 0.3,
};

function bigOrSmall(random: Random): number {
  const r = random();
  if (r < 0.45) return 0;
  if (r < 0.75) return between(random, 1, 30);
  if (r < 0.9) return between(random, 31, 3000);
  return pick(random, [2125, 34080, 494671, 5609, 12_890, 108_357, between(random, 3001, 900_000)]);
}

function amount(random: Random): number {
  const r = random();
  if (r < 0.4) return 0;
  if (r < 0.7) return Math.round(random() * 1000 * 100) / 100;
  if (r < 0.9) return Math.round(random() * 50_000 * 10_000) / 10_000;
  return between(random, 1, 900);
}

export function randomReport(random: Random, editionId: EditionId): Report {
  const edition = getEdition(editionId);
  const fields = fieldsOf(edition);
  const year = editionId === '2019' ? pick(random, [2019, 2020]) : between(random, 2021, 2024);
  const { agency, site } = whoPublishes(random);
  const values = new Map<string, number>();

  // 二
  if (editionId === '2021') {
    for (const doc of ['rules', 'normativeDocs']) {
      const inForce = doc === 'rules' ? (chance(random, 0.8) ? 0 : between(random, 1, 60)) : bigOrSmall(random) % 400;
      const issued = Math.min(inForce, chance(random, 0.5) ? 0 : between(random, 1, 25));
      values.set(`/proactive/${doc}/issued`, issued);
      values.set(`/proactive/${doc}/repealed`, chance(random, 0.6) ? 0 : between(random, 1, 12));
      values.set(`/proactive/${doc}/inForce`, inForce);
    }
    for (const row of ['licensing', 'penalty', 'enforcement'])
      values.set(`/proactive/${row}/decisions`, bigOrSmall(random));
    values.set('/proactive/fees/amount', amount(random));
  } else {
    for (const doc of ['rules', 'normativeDocs']) {
      const total = doc === 'rules' ? (chance(random, 0.8) ? 0 : between(random, 1, 40)) : bigOrSmall(random) % 500;
      const made = Math.min(total, chance(random, 0.5) ? 0 : between(random, 1, 20));
      values.set(`/proactive/${doc}/newlyMade`, made);
      values.set(`/proactive/${doc}/newlyPublished`, Math.min(total, made + (chance(random, 0.3) ? 1 : 0)));
      values.set(`/proactive/${doc}/totalPublished`, total);
    }
    for (const row of ['licensing', 'otherServices', 'penalty', 'enforcement', 'fees']) {
      const previous = chance(random, 0.4) ? 0 : between(random, 1, 300);
      const change = chance(random, 0.5) ? 0 : between(random, -Math.min(previous, 20), 25);
      values.set(`/proactive/${row}/previousCount`, previous);
      values.set(`/proactive/${row}/change`, change);
      if (row !== 'fees') values.set(`/proactive/${row}/decisions`, bigOrSmall(random));
    }
    values.set('/proactive/procurement/projects', chance(random, 0.4) ? 0 : between(random, 1, 60));
    values.set('/proactive/procurement/amount', amount(random));
  }

  // 三: each result row, （七）, 四 carried forward, 二 carried over, then 一 balances the table.
  const size: Size = pick(random, ['none', 'small', 'small', 'small', 'medium', 'medium', 'medium', 'large']);
  const applicants = edition.requests.columns.slice(0, -1).map((column) => column.key);
  const setRow = (pointer: string, counts: readonly number[]) => {
    let total = 0;
    applicants.forEach((key, index) => {
      const value = counts[index] ?? 0;
      total += value;
      values.set(`${pointer}/${key}`, value);
    });
    values.set(`${pointer}/total`, total);
  };
  const totals = applicants.map(() => 0);
  for (const leaf of fields.resultParts) {
    const key = leaf.keys[leaf.keys.length - 1] ?? '';
    const weight = ROW_WEIGHT[key] ?? 0.1;
    const counts = applicants.map((_, column) => cellCount(random, size, weight, column));
    counts.forEach((value, column) => {
      totals[column] = (totals[column] ?? 0) + value;
    });
    setRow(leaf.pointer, counts);
  }
  setRow('/requests/results/total', totals);
  const forward = applicants.map((_, column) => cellCount(random, size === 'large' ? 'small' : size, 0.3, column));
  setRow('/requests/carriedForward', forward);
  const over = applicants.map((_, column) =>
    Math.min(cellCount(random, size === 'large' ? 'small' : size, 0.3, column), totals[column] ?? 0),
  );
  setRow('/requests/carriedOver', over);
  setRow(
    '/requests/newReceived',
    applicants.map((_, column) => (totals[column] ?? 0) + (forward[column] ?? 0) - (over[column] ?? 0)),
  );

  // 四
  for (const group of edition.appeals.groups) {
    const common = group.key === 'review' ? 0.35 : 0.15;
    const parts = [0, 1, 2, 3].map(() =>
      size !== 'none' && chance(random, common) ? between(random, 1, size === 'large' ? 40 : 4) : 0,
    );
    const outcomes = ['upheld', 'corrected', 'other', 'pending'];
    outcomes.forEach((key, index) => {
      values.set(`/appeals/${group.key}/${key}`, parts[index] ?? 0);
    });
    values.set(
      `/appeals/${group.key}/total`,
      parts.reduce((sum, value) => sum + value, 0),
    );
  }

  for (const field of fields.numeric) {
    if (!values.has(field.pointer)) throw new Error(`random report left ${field.pointer} unset`);
  }
  const received = values.get('/requests/newReceived/total') ?? 0;
  const reviews = values.get('/appeals/review/total') ?? 0;
  const month = between(random, 1, 3);
  return {
    edition: editionId,
    year,
    agency,
    site,
    date: { year: year + 1, month, day: between(random, 1, 28) },
    values,
    overview: [
      `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第五十条规定编制。报告中所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`,
      `${year}年，在市委、市政府的正确领导下，我单位认真贯彻落实《条例》和上级关于政务公开工作的部署要求，持续深化政务公开，不断提升政府工作透明度。`,
      received > 0
        ? `（一）依申请公开情况。${year}年共收到政府信息公开申请${received}件，均已按照法定时限和程序予以答复。`
        : `（一）依申请公开情况。${year}年未收到政府信息公开申请。`,
      reviews > 0
        ? `（二）监督保障情况。全年因政府信息公开被申请行政复议${reviews}件。`
        : '（二）监督保障情况。全年未发生因政府信息公开引起的行政复议、行政诉讼。',
    ],
    problems: [
      '一是政府信息公开的深度和广度还有待进一步拓展；二是政策解读的形式较为单一。',
      `下一步，我单位将进一步加强培训，提高工作人员业务水平，推动政务公开工作再上新台阶。`,
    ],
    otherMatters:
      editionId === '2021' ? [`${year}年度未收取信息处理费。`, '无其他需要报告的事项。'] : ['无其他需要报告的事项。'],
  };
}

/** The report as the JSON model of SPEC §3 (the embedded `report-data` of our own pages has this shape). */
export function modelOf(report: Report, values: ReadonlyMap<string, number> = report.values): Record<string, unknown> {
  const model: Record<string, unknown> = {
    edition: report.edition,
    agency: report.agency,
    year: report.year,
    overview: report.overview,
  };
  for (const [pointer, value] of values) setAt(model, pointer, value);
  model.problems = report.problems;
  model.otherMatters = report.otherMatters;
  return model;
}

export const titleOf = (report: Report): string => `${report.agency}${report.year}年政府信息公开工作年度报告`;
export const dateText = (report: Report): string => `${report.date.year}年${report.date.month}月${report.date.day}日`;
export const isoDate = (report: Report): string =>
  `${report.date.year}-${String(report.date.month).padStart(2, '0')}-${String(report.date.day).padStart(2, '0')}`;
