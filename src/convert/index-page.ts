// The index.html of a convert run: a self-contained, offline dashboard — totals, a sortable and filterable table of the
// reports, each expandable to its findings (linked to rules.html), duplicates, cross-year findings per agency, trends.

import { decisionInWords } from '../diagnostics/decision';
import { type Diagnostic, describeSource, type Lang } from '../diagnostics/diagnostic';
import { defineWords, languageWords } from '../diagnostics/words';
import { getEdition, isEditionId } from '../editions';
import { agencyKey } from '../model/agency-key';
import { maxOf } from '../model/many-values';
import { escapeHtml } from '../render/html';
import { commonFolder, shortenPaths } from './display-text';
import type { DeductionLine, ReportScore, YearRanking } from './pack-score';
import type { BatchRecord, ConvertSummary, CrossYearFinding, InputRecord, TrendFigures } from './run-convert';
import { duplicateNote, needsLook, statusOrder, statusWords } from './status-words';

const words = defineWords({
  zh: {
    title: '年度报告转换结果',
    folder: '文件位于',
    file: '文件',
    status: '状态',
    edition: '版本',
    agency: '机关',
    year: '年度',
    errors: '错误',
    warnings: '警告',
    figures: '数字',
    rules: '规则',
    outputs: '输出',
    inputs: '文件',
    duplicates: '重复',
    all: '全部',
    look: '查看',
    lookProblems: (n: number) => `需要查看的（${n}）`,
    severityFilter: '级别',
    shown: (n: string, m: string) => `显示 ${n} / ${m}`,
    reports: '报告',
    findings: '检查结果',
    noFindings: '没有问题',
    reason: '无法读取的原因：',
    expand: '展开或收起检查结果',
    figuresFound: (found: number, expected: number) => `找到 ${found} / ${expected} 个数字`,
    crossYear: '跨年度核对',
    trends: '历年趋势',
    trendNote: '每个小图一个指标；纵轴为件数，横轴为年度，点旁标注数值。',
    unit: '件',
    series: {
      newReceived: '新收申请',
      handled: '办理结果总计',
      carriedForward: '结转下年度',
      review: '行政复议',
      litigation: '行政诉讼',
      reviewCorrected: '复议纠错',
      litigationLost: '诉讼败诉',
    },
    none: '无',
    ruleLink: (id: string) => `规则 ${id} 的说明`,
    severity: { error: '错误', warning: '警告' },
    sortHint: '点击表头排序',
    version: '另一版本',
    differences: { here: '本文件', used: '采用的版本' },
    upToDate: '输出已是最新，未重新生成',
    interrupted: '转换被中断：以下是已完成的 {done} 份，另有 {notDone} 份未转换；再次运行同一命令可继续。',
    handling: '处理情况',
    handlingKinds: { open: '有未处理的问题', explained: '有已说明的警告', decided: '有已决定的问题' },
    explained: '已说明',
    decided: '已决定',
    explainedBy: (text: string) => `填报人说明：${text}`,
    decidedAs: (decision: string) => `已决定：${decision}`,
    reviewerNote: (note: string, by: string) => `审核意见：${note || '（未写理由）'}${by ? `（${by}）` : ''}`,
    score: '得分',
    scoring: '评分与排名',
    packIs: '规则包：',
    sourceIs: '依据：',
    scoreIs: '得分：',
    scoringRule: (base: number, minimum: number) =>
      `每份采用的报告从 ${base} 分起按下列扣分（不低于 0 分）；某年度有评分的机关不少于 ${minimum} 个时才排名。`,
    perFinding: (rule: string, points: number, max: string) => `${rule} 每条扣 ${points} 分${max}`,
    perCount: (count: string, points: number, max: string) => `${count} 每件扣 ${points} 分${max}`,
    atMost: (max: number) => `，每份最多扣 ${max} 分`,
    rank: '名次',
    deductions: '扣分',
    noDeductions: '无扣分',
    deductionSeparator: '；',
    deduction: (what: string, times: number, points: number) => `${what} × ${times}：−${points}`,
    capped: '（已封顶）',
    unknownCounts: (counts: string) => `报告未给出 ${counts}，未扣分`,
    yearHeading: (year: number, bodies: number) => `${year} 年度（${bodies} 个机关）`,
    tooFewBodies: (year: number, bodies: number, minimum: number) =>
      `${year} 年度：只有 ${bodies} 个机关有评分，少于规则包要求的 ${minimum} 个，不排名。`,
    noScores: '没有可评分的报告（需读出机关和年度）。',
  },
  en: {
    title: 'Conversion results',
    folder: 'files in',
    file: 'file',
    status: 'status',
    edition: 'edition',
    agency: 'agency',
    year: 'year',
    errors: 'errors',
    warnings: 'warnings',
    figures: 'figures',
    rules: 'rules',
    outputs: 'outputs',
    inputs: 'files',
    duplicates: 'duplicates',
    all: 'all',
    look: 'show',
    lookProblems: (n: number) => `those that need a look (${n})`,
    severityFilter: 'severity',
    shown: (n: string, m: string) => `showing ${n} of ${m}`,
    reports: 'Reports',
    findings: 'Findings',
    noFindings: 'no findings',
    reason: 'why it cannot be read: ',
    expand: 'show or hide the findings',
    figuresFound: (found: number, expected: number) => `${found} of ${expected} figures found`,
    crossYear: 'Across years',
    trends: 'Trends',
    trendNote: 'One small chart per figure; counts up, years across, each point labelled with its value.',
    unit: 'count',
    series: {
      newReceived: 'new requests',
      handled: 'handled',
      carriedForward: 'carried forward',
      review: 'reviews',
      litigation: 'lawsuits',
      reviewCorrected: 'reviews corrected',
      litigationLost: 'lawsuits lost',
    },
    none: 'none',
    ruleLink: (id: string) => `rule ${id} explained`,
    severity: { error: 'error', warning: 'warning' },
    sortHint: 'click a header to sort',
    version: 'other version',
    differences: { here: 'this file', used: 'the version used' },
    upToDate: 'outputs were current: not written again',
    interrupted:
      'The conversion was interrupted: these {done} are done, {notDone} were not converted; run the same command again to go on.',
    handling: 'handling',
    handlingKinds: {
      open: 'with open findings',
      explained: 'with explained warnings',
      decided: 'with decided findings',
    },
    explained: 'explained',
    decided: 'decided',
    explainedBy: (text: string) => `the filer explains: ${text}`,
    decidedAs: (decision: string) => `decided: ${decision}`,
    reviewerNote: (note: string, by: string) => `reviewer: ${note || '(no reason given)'}${by ? ` (${by})` : ''}`,
    score: 'score',
    scoring: 'Scores and ranking',
    packIs: 'rule pack: ',
    sourceIs: 'source: ',
    scoreIs: 'score: ',
    scoringRule: (base, minimum) =>
      `Each report used starts at ${base} and loses the points below (never below 0); a year is ranked only when at least ${minimum} bodies have a score.`,
    perFinding: (rule, points, max) => `${rule}: ${points} per finding${max}`,
    perCount: (count, points, max) => `${count}: ${points} per case${max}`,
    atMost: (max) => `, at most ${max} a report`,
    rank: 'rank',
    deductions: 'deductions',
    noDeductions: 'none',
    deductionSeparator: '; ',
    deduction: (what, times, points) => `${what} × ${times}: −${points}`,
    capped: ' (capped)',
    unknownCounts: (counts) => `the report does not give ${counts}: nothing taken`,
    yearHeading: (year, bodies) => `${year} (bodies scored: ${bodies})`,
    tooFewBodies: (year, bodies, minimum) =>
      `${year}: bodies scored ${bodies}, fewer than the pack's minimum of ${minimum}: not ranked.`,
    noScores: 'No report could be scored (each needs its agency and year read).',
  },
});

type Words = (typeof words)['zh'];

/** The figures charted, a small chart each. */
type ChartedFigure = 'newReceived' | 'handled' | 'carriedForward' | 'review' | 'litigation';
const SERIES: readonly ChartedFigure[] = ['newReceived', 'handled', 'carriedForward', 'review', 'litigation'];
/** The trend table's rows: the charted figures, then the two that assessments score (复议纠错, 诉讼败诉). */
const TABLE_ROWS: readonly (keyof TrendFigures)[] = [...SERIES, 'reviewCorrected', 'litigationLost'];
/** Colour-blind-safe colours (Okabe–Ito) and a marker shape per series, so no two look alike even in grey. */
const LOOK: Readonly<
  Record<ChartedFigure, { colour: string; marker: 'circle' | 'square' | 'diamond' | 'triangle' | 'cross' }>
> = {
  newReceived: { colour: '#0072B2', marker: 'circle' },
  handled: { colour: '#009E73', marker: 'square' },
  carriedForward: { colour: '#D55E00', marker: 'diamond' },
  review: { colour: '#CC79A7', marker: 'triangle' },
  litigation: { colour: '#6A3D9A', marker: 'cross' },
};

const STYLE = `
* { box-sizing: border-box; }
p.interrupted { color: #b00020; font-weight: bold; }
body { margin: 0; color: #111; background: #f6f7f9; line-height: 1.5; overflow-wrap: anywhere;
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.5rem; margin: 0.2em 0; }
h2 { font-size: 1.2rem; margin: 1.5em 0 0.5em; }
h3 { font-size: 1.05rem; margin: 1em 0 0.4em; }
.meta { color: #555; font-size: 0.85rem; margin: 0; }
.totals { display: grid; grid-template-columns: repeat(auto-fill, minmax(104px, 1fr)); gap: 8px; margin: 12px 0; }
.total { background: #fff; border: 1px solid #d8dbe0; border-radius: 6px; padding: 8px 10px; }
.total b { display: block; font-size: 1.5rem; font-variant-numeric: tabular-nums; }
.total.invalid b, .total.errors b { color: #b00020; }
.total.unreadable b, .total.incomplete b { color: #8a4b00; }
.filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0; }
/* A long agency's name in a filter's options never widens the page: the filter is at most the page's width. */
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; color: #333; min-width: 0; max-width: 100%; }
.filters select { font: inherit; padding: 4px; min-width: 8em; max-width: 100%; }
#shown { font-size: 0.85rem; color: #555; }
table { border-collapse: collapse; width: 100%; background: #fff; font-size: 0.9rem; }
th, td { border: 1px solid #d0d3d8; padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: #eef0f3; white-space: nowrap; }
th button { font: inherit; font-weight: bold; border: 0; background: none; padding: 0; cursor: pointer; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.status { white-space: nowrap; font-weight: bold; }
.s-invalid .status { color: #b00020; }
.s-unreadable .status, .s-incomplete .status { color: #8a4b00; }
.s-ok .status { color: #1b6e20; }
button.expand { font: inherit; border: 1px solid #889; background: #fff; border-radius: 4px; width: 1.8em; cursor: pointer; }
.badge { display: inline-block; font-size: 0.75rem; padding: 0 6px; border-radius: 8px; background: #5a5f6a; color: #fff; white-space: nowrap; }
.badge.dup { background: #8a4b00; }
tr.details td { background: #fbfbfc; }
ol.findings { margin: 0; padding-left: 1.4em; }
ol.findings li { margin: 0.35em 0; }
.sev { font-weight: bold; }
li.error .sev { color: #b00020; }
li.warning .sev { color: #8a5a00; }
li.explained .sev, li.decided .sev { color: #1f5f8b; }
li.explained, li.decided { color: #444; }
.aside { display: block; font-size: 0.85rem; color: #1f5f8b; }
.where { color: #555; font-size: 0.85rem; display: block; }
.cross h3 { margin-top: 0.8em; }
.cross ul { background: #fff; border: 1px solid #d8dbe0; border-radius: 6px; padding: 8px 8px 8px 2em; margin: 0; }
.trend { background: #fff; border: 1px solid #d8dbe0; border-radius: 6px; padding: 8px 12px; margin: 12px 0; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
figure { margin: 0; }
figcaption { font-weight: bold; font-size: 0.9rem; }
figure svg { width: 100%; height: auto; display: block; }
svg text { font-family: inherit; }
.trend table { width: auto; max-width: 100%; margin-top: 8px; }
.scoring { background: #fff; border: 1px solid #d8dbe0; border-radius: 6px; padding: 4px 12px 12px; }
.scoring table.ranking { margin-bottom: 8px; }
.scoring .unranked { color: #8a4b00; font-weight: bold; }
.swatch { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 4px; vertical-align: baseline; }
/* Narrow screens: each report becomes a card, nothing scrolls sideways. */
@media (max-width: 720px) {
  #reports thead { display: none; }
  #reports, #reports tbody, #reports tr, #reports td { display: block; width: 100%; }
  #reports tbody { border: 1px solid #d0d3d8; border-radius: 6px; margin: 8px 0; background: #fff; }
  #reports td { border: 0; border-bottom: 1px solid #eee; padding: 4px 8px; text-align: left; }
  #reports td[data-label]::before { content: attr(data-label) "："; color: #555; font-size: 0.85rem; }
  #reports td.n { white-space: normal; }
  #reports tr.details[hidden], #reports tbody[hidden] { display: none; }
  .sorter { display: flex; }
  /* The ranking keeps rank, agency, score and deductions; each report's file is on its card below. */
  .scoring table.ranking th:nth-child(5), .scoring table.ranking td:nth-child(5) { display: none; }
}
.sorter { display: none; gap: 8px; flex-wrap: wrap; font-size: 0.85rem; }
`;

/** Sorting, filtering and expanding: a few lines of plain script, no library, works offline. */
const SCRIPT = `
(() => {
  const table = document.getElementById('reports');
  const bodies = () => [...table.tBodies];
  const filters = [...document.querySelectorAll('.filters select')];
  const shown = document.getElementById('shown');
  const apply = () => {
    let count = 0;
    for (const body of bodies()) {
      const visible = filters.every((select) => {
        if (!select.value) return true;
        const value = body.dataset[select.dataset.key] || '';
        return select.dataset.key === 'rules' || select.dataset.key === 'severity' || select.dataset.key === 'handling'
          ? value.split(' ').includes(select.value)
          : value === select.value;
      });
      body.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = shown.dataset.template.replace('{n}', count).replace('{m}', bodies().length);
  };
  filters.forEach((select) => select.addEventListener('change', apply));
  // Back to the page, the browser restores the filters the reader chose: the rows follow them, not the opening view.
  apply();
  window.addEventListener('pageshow', apply);
  const sortBy = (key, numeric, direction) => {
    const sorted = bodies().sort((a, b) => {
      const x = a.dataset[key] || '';
      const y = b.dataset[key] || '';
      const order = numeric ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y, 'zh-CN');
      return direction === 'ascending' ? order : -order;
    });
    for (const body of sorted) table.appendChild(body);
    for (const th of table.tHead.rows[0].cells) th.setAttribute('aria-sort', th.dataset.key === key ? direction : 'none');
  };
  for (const th of table.tHead.rows[0].cells) {
    th.querySelector('button').addEventListener('click', () => {
      const direction = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
      sortBy(th.dataset.key, th.dataset.numeric === '1', direction);
    });
  }
  for (const button of document.querySelectorAll('.sorter button')) {
    button.addEventListener('click', () => table.tHead.querySelector('th[data-key="' + button.dataset.key + '"] button').click());
  }
  for (const button of table.querySelectorAll('button.expand')) {
    button.addEventListener('click', () => {
      const details = document.getElementById(button.getAttribute('aria-controls'));
      const open = button.getAttribute('aria-expanded') !== 'true';
      details.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? '▾' : '▸';
    });
  }
  apply();
})();
`;

/** The page whole, for a batch small enough to hold (tests). */
export function renderIndex(summary: ConvertSummary, lang: Lang, generator: string): string {
  return [...indexPage(summary, lang, generator)].join('');
}

/**
 * The page in parts: its head and filters from the short records, then each report's row with its findings as the
 * journal gives it back, then the cross-year findings and trends. Written part by part, it is never held whole.
 */
export function* indexPage(summary: ConvertSummary, lang: Lang, generator: string): Generator<string> {
  const w = words[lang];
  const records = summary.records;
  const short = shortenPaths(records.map((record) => record.path));
  const shortOf = new Map(records.map((record, index) => [record.path, short[index] as string]));
  const folder = commonFolder(records.map((record) => record.path));
  const columns: [key: string, label: string, numeric: boolean][] = [
    ['file', w.file, false],
    ['status', w.status, false],
    ['agency', w.agency, false],
    ['year', w.year, true],
    ['errors', w.errors, true],
    ['warnings', w.warnings, true],
    ['figures', w.figures, true],
    ['rules', w.rules, false],
  ];
  // With a pack that scores, each report's score, sortable like the other numbers.
  const scored = summary.ranking !== undefined;
  if (scored) columns.splice(7, 0, ['score', w.score, true]);
  const head = columns
    .map(
      ([key, label, numeric]) =>
        `<th scope="col" data-key="${key}" data-numeric="${numeric ? 1 : 0}" aria-sort="none"><button type="button">${label}</button></th>`,
    )
    .join('');
  const sorter = `<div class="sorter">${columns
    .filter(([key]) => key !== 'rules')
    .map(([key, label]) => `<button type="button" data-key="${key}">${label}</button>`)
    .join('')}</div>`;
  const ruleIds = [...new Set(records.flatMap((record) => Object.keys(record.rules)))].sort();
  const agencies = [...new Set(records.map((record) => record.agency).filter((a): a is string => Boolean(a)))].sort();
  const years = [...new Set(records.map((record) => record.year).filter((y): y is number => y !== undefined))].sort();
  const select = (key: string, label: string, options: readonly [string, string][]) =>
    `<label>${label}<select data-key="${key}"><option value="">${w.all}</option>${options.map(([value, text]) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`).join('')}</select></label>`;
  // The page opens on the reports that need a look, when there are any; "all" shows every one.
  const problems = records.filter(needsLook).length;
  const look = `<label>${w.look}<select data-key="look"><option value="1"${problems ? ' selected' : ''}>${escapeHtml(w.lookProblems(problems))}</option><option value=""${problems ? '' : ' selected'}>${w.all}</option></select></label>`;
  const filters = `<form class="filters" onsubmit="return false">
${look}
${select(
  'status',
  w.status,
  statusOrder.filter((s) => records.some((r) => r.status === s)).map((s) => [s, statusWords[lang][s]]),
)}
${select(
  'agency',
  w.agency,
  agencies.map((a) => [a, a]),
)}
${select(
  'year',
  w.year,
  years.map((y) => [String(y), String(y)]),
)}
${select('severity', w.severityFilter, [
  ['error', w.severity.error],
  ['warning', w.severity.warning],
])}
${select(
  'rules',
  w.rules,
  ruleIds.map((id) => [id, id]),
)}
${select('handling', w.handling, [
  ['open', w.handlingKinds.open],
  ['explained', w.handlingKinds.explained],
  ['decided', w.handlingKinds.decided],
])}
<span id="shown" data-template="${escapeHtml(w.shown('{n}', '{m}'))}" aria-live="polite">${escapeHtml(w.shown(String(records.length), String(records.length)))}</span>
</form>`;
  yield `<!DOCTYPE html>
<html lang="${languageWords[lang].htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${w.title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${w.title}</h1>
<p class="meta">${escapeHtml(generator)}${folder ? ` · ${w.folder} ${escapeHtml(folder)}` : ''}</p>
${summary.interrupted ? `<p class="interrupted">${escapeHtml(w.interrupted.replace('{done}', String(records.length)).replace('{notDone}', String(summary.notDone)))}</p>\n` : ''}${totals(records, w, lang)}
${scoring(summary, shortOf, w, lang)}<h2>${w.reports}</h2>
${filters}
${sorter}
<table id="reports">
<thead><tr>${head}</tr></thead>
`;
  let index = 0;
  for (const record of summary.full()) {
    yield `${index ? '\n' : ''}${reportBody(record, index, shortOf, w, lang, scored)}`;
    index++;
  }
  yield `
</table>
<h2>${w.crossYear}</h2>
${crossYear(summary.crossYear, shortOf, w)}
<h2>${w.trends}</h2>
<p class="meta">${w.trendNote}</p>
${trends(records, w)}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function totals(records: readonly BatchRecord[], w: Words, lang: Lang): string {
  const cards: [string, string, number][] = [
    ['inputs', w.inputs, records.length],
    ...statusOrder.map(
      (status) =>
        [status, statusWords[lang][status], records.filter((record) => record.status === status).length] as [
          string,
          string,
          number,
        ],
    ),
    ['errors', w.errors, records.reduce((n, record) => n + record.errors, 0)],
    ['warnings', w.warnings, records.reduce((n, record) => n + record.warnings, 0)],
    // Set aside: a card only when a report has any (most batches have neither).
    ...setAsideCards(records, w),
    ['duplicates', w.duplicates, records.filter((record) => record.duplicateOf !== undefined).length],
  ];
  return `<div class="totals">${cards.map(([key, label, count]) => `<div class="total ${key}"><b>${count}</b>${label}</div>`).join('')}</div>`;
}

/** The figures in which another version differs from the one used, each with both values (a list: no nested table). */
function differencesList(record: InputRecord, w: Words): string {
  const differences = record.differences;
  if (!differences?.figures.length) return '';
  const value = (n: number | undefined) => (n === undefined ? '—' : String(n));
  const items = differences.figures
    .map(
      (d) =>
        `<li>${escapeHtml(d.label)}: ${w.differences.here} <b>${value(d.this)}</b>, ${w.differences.used} <b>${value(d.used)}</b></li>`,
    )
    .join('');
  const more = differences.count > differences.figures.length ? `<li>… (${differences.count})</li>` : '';
  return `<ul class="versions">${items}${more}</ul>`;
}

/** An edition by its name (2019年版（国办公开办函〔2019〕60号，试行）), not its bare id. */
function editionName(id: string, lang: Lang): string {
  return isEditionId(id) ? getEdition(id).name[lang] : id;
}

function setAsideCards(records: readonly BatchRecord[], w: Words): [string, string, number][] {
  const explained = records.reduce((n, record) => n + (record.explained ?? 0), 0);
  const decided = records.reduce((n, record) => n + (record.decided ?? 0), 0);
  return [
    ...(explained ? [['explained', w.explained, explained] as [string, string, number]] : []),
    ...(decided ? [['decided', w.decided, decided] as [string, string, number]] : []),
  ];
}

/** A finding's class beside its severity: ` decided`, ` explained`, or nothing while it is open. */
const handlingClass = (d: Diagnostic) => (d.decision ? ' decided' : d.explanation !== undefined ? ' explained' : '');

/** What set a finding aside, under it: the reviewer's decision and note, or the filer's explanation. */
function asideOf(d: Diagnostic, w: Words, lang: Lang): string {
  if (d.decision) {
    const { decision, note, by } = d.decision;
    return `<span class="aside"><b>${escapeHtml(w.decidedAs(decisionInWords(decision, lang)))}</b> ${escapeHtml(w.reviewerNote(note, by ?? ''))}</span>`;
  }
  if (d.explanation !== undefined)
    return `<span class="aside"><b>${w.explained}</b> ${escapeHtml(w.explainedBy(d.explanation))}</span>`;
  return '';
}

function where(diagnostic: Diagnostic, lang: Lang): string {
  const place = describeSource(diagnostic, lang);
  return [diagnostic.label, place ?? diagnostic.pointer].filter(Boolean).join(' · ');
}

function reportBody(
  record: InputRecord,
  index: number,
  shortOf: ReadonlyMap<string, string>,
  w: Words,
  lang: Lang,
  scored: boolean,
): string {
  const file = shortOf.get(record.path) ?? record.path;
  const rules = Object.entries(record.rules)
    .map(([id, count]) => `${escapeHtml(id)}×${count}`)
    .join(' ');
  const figures = record.figures ? `${record.figures.found}/${record.figures.expected}` : '';
  const duplicateText = record.duplicateOf
    ? duplicateNote(record, shortOf.get(record.duplicateOf) ?? record.duplicateOf, lang)
    : '';
  const duplicate = record.duplicateOf
    ? ` <span class="badge dup" title="${escapeHtml(duplicateText)}">${record.duplicateReason === 'sameAgencyYear' ? w.version : w.duplicates}</span>`
    : '';
  const data = {
    file,
    status: record.status,
    agency: record.agency ?? '',
    year: record.year === undefined ? '' : String(record.year),
    errors: String(record.errors),
    warnings: String(record.warnings),
    figures: record.figures ? String(record.figures.found) : '',
    rules: Object.keys(record.rules).join(' '),
    severity: [record.errors > 0 ? 'error' : '', record.warnings > 0 ? 'warning' : ''].filter(Boolean).join(' '),
    look: needsLook(record) ? '1' : '0',
    // Which findings the report has: open ones, warnings the filer explained, findings a reviewer decided on.
    handling: [
      record.errors + record.warnings > 0 ? 'open' : '',
      record.explained ? 'explained' : '',
      record.decided ? 'decided' : '',
    ]
      .filter(Boolean)
      .join(' '),
    ...(scored ? { score: record.score ? String(record.score.score) : '' } : {}),
  };
  const dataAttributes = Object.entries(data)
    .map(([key, value]) => `data-${key}="${escapeHtml(value)}"`)
    .join(' ');
  const id = `details-${index + 1}`;
  const findings = record.diagnostics.length
    ? `<ol class="findings">${record.diagnostics
        .map(
          (d) =>
            `<li class="${d.severity}${handlingClass(d)}"><span class="sev">${w.severity[d.severity]}</span> <a href="rules.html#${encodeURIComponent(d.ruleId)}" title="${escapeHtml(w.ruleLink(d.ruleId))}">${escapeHtml(d.ruleId)}</a> ${escapeHtml(d.message)}<span class="where">${escapeHtml(where(d, lang))}</span>${asideOf(d, w, lang)}</li>`,
        )
        .join('')}</ol>`
    : record.status === 'unreadable' || record.status === 'unsupported'
      ? ''
      : `<p>${w.noFindings}</p>`;
  const about = [
    record.error ? `<p><b>${w.reason}</b>${escapeHtml(record.error)}</p>` : '',
    record.duplicateOf ? `<p>${escapeHtml(duplicateText)}</p>${differencesList(record, w)}` : '',
    record.upToDate ? `<p>${w.upToDate}</p>` : '',
    record.score
      ? `<p>${w.score}: <b>${record.score.score}</b>${escapeHtml(languageWords[lang].aside(deductionsText(record.score, w, lang)))}</p>`
      : '',
    record.figures ? `<p>${w.figuresFound(record.figures.found, record.figures.expected)}</p>` : '',
    record.edition ? `<p>${w.edition}: ${escapeHtml(editionName(record.edition, lang))}</p>` : '',
    record.outputs.length
      ? `<p>${w.outputs}: ${record.outputs.map((output) => `<a href="${escapeHtml(encodeURI(output))}">${escapeHtml(output)}</a>`).join(' · ')}</p>`
      : '',
  ].join('');
  return `<tbody class="report s-${record.status}" ${dataAttributes}>
<tr class="row"><td data-label="${w.file}"><button type="button" class="expand" aria-expanded="false" aria-controls="${id}" aria-label="${w.expand}">▸</button> ${escapeHtml(file)}${duplicate}</td><td data-label="${w.status}" class="status">${statusWords[lang][record.status]}</td><td data-label="${w.agency}">${escapeHtml(record.agency ?? '')}</td><td data-label="${w.year}" class="n">${record.year ?? ''}</td><td data-label="${w.errors}" class="n">${record.errors}</td><td data-label="${w.warnings}" class="n">${record.warnings}</td><td data-label="${w.figures}" class="n">${figures}</td>${scored ? `<td data-label="${w.score}" class="n">${record.score?.score ?? ''}</td>` : ''}<td data-label="${w.rules}">${rules}</td></tr>
<tr class="details" id="${id}" hidden><td colspan="${scored ? 9 : 8}"><b>${w.findings}</b>${findings}${about}</td></tr>
</tbody>`;
}

/** A report's deductions in words: each rule's findings or count's cases, how many, the points. */
function deductionsText(score: ReportScore, w: Words, lang: Lang): string {
  const line = (d: DeductionLine) =>
    `${w.deduction('rule' in d ? d.rule : w.series[d.count], d.times, d.points)}${d.capped ? w.capped : ''}`;
  const parts = score.deductions.map(line);
  if (score.unknownCounts?.length)
    parts.push(w.unknownCounts(score.unknownCounts.map((c) => w.series[c]).join(languageWords[lang].enumeration)));
  return parts.length ? parts.join(w.deductionSeparator) : w.noDeductions;
}

/** The pack, how it scores, and each year's ranking or why there is none: before the reports, as a reviewer reads. */
function scoring(summary: ConvertSummary, shortOf: ReadonlyMap<string, string>, w: Words, lang: Lang): string {
  const { pack, ranking } = summary;
  if (!pack?.scoring || !ranking) return '';
  const rules = pack.scoring;
  const max = (m: number | undefined) => (m === undefined ? '' : w.atMost(m));
  const items = [
    ...Object.entries(rules.perFinding).map(
      ([rule, d]) =>
        `<li>${w.perFinding(`<a href="rules.html#${encodeURIComponent(rule)}">${escapeHtml(rule)}</a>`, d.points, max(d.max))}</li>`,
    ),
    ...Object.entries(rules.perCount).map(([count, d]) =>
      d ? `<li>${escapeHtml(w.perCount(w.series[count as keyof TrendFigures], d.points, max(d.max)))}</li>` : '',
    ),
  ].join('');
  const title = pack.title ? `${escapeHtml(pack.title[lang])} · ` : '';
  const source = pack.source
    ? `<p class="meta">${w.sourceIs}${escapeHtml(pack.source.citation)}${pack.source.url ? ` <a href="${escapeHtml(pack.source.url)}">${escapeHtml(pack.source.url)}</a>` : ''}</p>${pack.source.note ? `<p class="meta">${escapeHtml(pack.source.note[lang])}</p>` : ''}`
    : '';
  const scores = new Map(summary.records.map((record) => [record.path, record.score]));
  const years = ranking.length
    ? ranking.map((year) => yearRanking(year, scores, shortOf, w, lang)).join('\n')
    : `<p>${w.noScores}</p>`;
  return `<h2>${w.scoring}</h2>
<section class="scoring">
<p><b>${w.packIs}</b>${title}<code>${escapeHtml(pack.name)}</code></p>
${source}<p>${escapeHtml(w.scoringRule(rules.base, rules.minimumBodies))}</p>
<ul>${items}</ul>
${years}
</section>
`;
}

function yearRanking(
  year: YearRanking,
  scores: ReadonlyMap<string, ReportScore | undefined>,
  shortOf: ReadonlyMap<string, string>,
  w: Words,
  lang: Lang,
): string {
  if (!year.ranked)
    return `<p class="unranked">${escapeHtml(w.tooFewBodies(year.year, year.bodies, year.minimumBodies))}</p>`;
  const rows = year.places
    .map((place) => {
      const score = scores.get(place.path);
      return `<tr><td class="n">${place.rank}</td><td>${escapeHtml(place.agency)}</td><td class="n"><b>${place.score}</b></td><td>${score ? escapeHtml(deductionsText(score, w, lang)) : ''}</td><td>${escapeHtml(shortOf.get(place.path) ?? place.path)}</td></tr>`;
    })
    .join('');
  return `<h3>${escapeHtml(w.yearHeading(year.year, year.bodies))}</h3>
<table class="ranking"><thead><tr><th scope="col">${w.rank}</th><th scope="col">${w.agency}</th><th scope="col">${w.score}</th><th scope="col">${w.deductions}</th><th scope="col">${w.file}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function crossYear(findings: readonly CrossYearFinding[], shortOf: ReadonlyMap<string, string>, w: Words): string {
  if (findings.length === 0) return `<p>${w.none}</p>`;
  const byAgency = new Map<string, CrossYearFinding[]>();
  for (const finding of findings) {
    const key = agencyKey(finding.agency);
    const list = byAgency.get(key);
    if (list) list.push(finding);
    else byAgency.set(key, [finding]);
  }
  return `<div class="cross">${[...byAgency.values()]
    .map(
      (list) =>
        `<h3>${escapeHtml(list[0]?.agency ?? '')}</h3><ul>${list
          .map(
            (f) =>
              `<li><b>${f.previousYear}→${f.year}</b> <a href="rules.html#${encodeURIComponent(f.ruleId)}">${escapeHtml(f.ruleId)}</a> ${escapeHtml(f.message)} <span class="where">${escapeHtml(shortOf.get(f.previous) ?? f.previous)} → ${escapeHtml(shortOf.get(f.current) ?? f.current)}</span></li>`,
          )
          .join('')}</ul>`,
    )
    .join('')}</div>`;
}

function trends(records: readonly BatchRecord[], w: Words): string {
  const byAgency = new Map<string, BatchRecord[]>();
  for (const record of records) {
    if (!record.agency || record.year === undefined) continue;
    const key = agencyKey(record.agency);
    const list = byAgency.get(key) ?? [];
    list.push(record);
    byAgency.set(key, list);
  }
  const sections: string[] = [];
  for (const list of byAgency.values()) {
    // One figure per year: the first readable report of that year.
    const years = new Map<number, BatchRecord>();
    for (const record of [...list].sort((a, b) => (a.year ?? 0) - (b.year ?? 0)))
      if (!years.has(record.year as number) && !record.duplicateOf) years.set(record.year as number, record);
    if (years.size < 2) continue;
    const points = [...years.entries()];
    const table = `<table><thead><tr><th scope="col"></th>${points.map(([year]) => `<th scope="col">${year}</th>`).join('')}</tr></thead><tbody>${TABLE_ROWS.map(
      (s) =>
        `<tr><th scope="row">${s in LOOK ? `<span class="swatch" style="background:${LOOK[s as ChartedFigure].colour}"></span>` : ''}${w.series[s]}</th>${points.map(([, record]) => `<td class="n">${record.trend[s] ?? '—'}</td>`).join('')}</tr>`,
    ).join('')}</tbody></table>`;
    const charts = SERIES.map((series) => smallChart(series, points, w)).join('');
    sections.push(
      `<section class="trend"><h3>${escapeHtml(list[0]?.agency ?? '')}</h3><div class="charts">${charts}</div>${table}</section>`,
    );
  }
  return sections.length ? sections.join('\n') : `<p>${w.none}</p>`;
}

/** The width a year's label takes under a chart's axis (4 digits at 11 px), in the chart's units. */
const YEAR_LABEL_WIDTH = 30;

/** The smallest round number ≥ value (1, 2, 5 × 10ⁿ), for the top of an axis. */
function niceCeiling(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 4, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function marker(shape: (typeof LOOK)[ChartedFigure]['marker'], x: number, y: number, colour: string): string {
  const r = 4;
  switch (shape) {
    case 'circle':
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="${colour}"/>`;
    case 'square':
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${colour}"/>`;
    case 'diamond':
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z" fill="${colour}"/>`;
    case 'triangle':
      return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z" fill="${colour}"/>`;
    default:
      return `<path d="M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}" stroke="${colour}" stroke-width="2.5"/>`;
  }
}

/** One series of one agency: its own axes (counts up from 0, years across), a line, markers and every value written. */
function smallChart(series: ChartedFigure, points: readonly [number, BatchRecord][], w: Words): string {
  const { colour, marker: shape } = LOOK[series];
  const width = 240;
  const height = 150;
  const left = 36;
  const right = 14;
  const top = 24;
  const bottom = 30;
  const values = points.map(([, record]) => record.trend[series]);
  const ceiling = niceCeiling(
    maxOf(
      values.filter((v): v is number => v !== undefined),
      0,
    ),
  );
  // The first and last points sit inside the axes, so their values never touch the tick labels. Years stand where
  // their value puts them: 2019 and 2024 five years apart, 2024 and 2025 one.
  const inset = 20;
  const first = points[0]?.[0] ?? 0;
  const years = (points[points.length - 1]?.[0] ?? first) - first;
  const span = width - left - right - 2 * inset;
  const x = (index: number) =>
    Math.round(left + inset + (years === 0 ? 0 : (((points[index]?.[0] ?? first) - first) * span) / years));
  const y = (value: number) => Math.round(top + (height - top - bottom) * (1 - value / ceiling));
  const grid = (Number.isInteger(ceiling / 2) ? [0, ceiling / 2, ceiling] : [0, ceiling])
    .map(
      (tick) =>
        `<line x1="${left}" x2="${width - right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e3e5e8"/><text x="${left - 4}" y="${y(tick) + 4}" text-anchor="end" font-size="11" fill="#444">${tick}</text>`,
    )
    .join('');
  const present = values
    .map((value, index) => [index, value] as const)
    .filter((p): p is readonly [number, number] => p[1] !== undefined);
  // A line joins the figures of years that follow one another; across a year without a report there is none.
  const runs: (readonly [number, number])[][] = [];
  for (const point of present) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && (points[point[0]]?.[0] ?? 0) - (points[previous[0]]?.[0] ?? 0) === 1) run.push(point);
    else runs.push([point]);
  }
  const lines = runs
    .filter((run) => run.length > 1)
    .map(
      (run) =>
        `<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${run.map(([index, value]) => `${x(index)},${y(value)}`).join(' ')}"/>`,
    )
    .join('');
  // Neighbours closer than a year's label: the later ones by their last two digits ('25), their values below the line.
  const crowded = (index: number) => index > 0 && x(index) - x(index - 1) < YEAR_LABEL_WIDTH;
  const dots = present
    .map(([index, value]) => {
      const below = crowded(index) && index % 2 === 1 && y(value) + 18 < height - bottom;
      return `${marker(shape, x(index), y(value), colour)}<text x="${x(index)}" y="${below ? y(value) + 17 : y(value) - 8}" text-anchor="middle" font-size="12" font-weight="bold" fill="#111">${value}</text>`;
    })
    .join('');
  // A crowded pair's labels lean apart: the earlier ends at its point, the later begins at its own.
  const ticks = points
    .map(([year], index) => {
      const anchor = crowded(index) ? 'start' : crowded(index + 1) ? 'end' : 'middle';
      const at = x(index) + (anchor === 'start' ? -3 : anchor === 'end' ? 3 : 0);
      return `<text x="${at}" y="${height - bottom + 16}" text-anchor="${anchor}" font-size="11" fill="#444">${crowded(index) ? `'${String(year).slice(-2)}` : year}</text>`;
    })
    .join('');
  const label = `${w.series[series]}: ${points.map(([year], index) => `${year} ${values[index] ?? '—'}`).join(', ')}`;
  return `<figure><figcaption><span class="swatch" style="background:${colour}"></span>${w.series[series]}</figcaption><svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(label)}">
${grid}<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#666"/><line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#666"/>
<text x="${left - 4}" y="${top - 10}" text-anchor="end" font-size="10" fill="#555">${w.unit}</text><text x="${width - right}" y="${height - 2}" text-anchor="end" font-size="10" fill="#555">${w.year}</text>
${lines}${dots}${ticks}</svg></figure>`;
}
