// The index.html of a convert run: every report with its status and links, cross-year findings, and for each
// agency with several years a trend table and an inline SVG chart. Self-contained, every text escaped.
import type { Lang } from '../diagnostics/diagnostic';
import { escapeHtml } from '../render/html';
import { agencyKey, type ConvertSummary, type InputRecord, type TrendFigures } from './run-convert';

const words = {
  zh: {
    title: '年度报告转换结果',
    file: '文件',
    status: '状态',
    edition: '格式版本',
    agency: '机关',
    year: '年度',
    errors: '错误',
    warnings: '警告',
    rules: '规则',
    outputs: '输出',
    ok: '通过',
    invalid: '有错误',
    unreadable: '无法读取',
    crossYear: '跨年度核对',
    trends: '历年趋势',
    series: {
      newReceived: '新收申请',
      handled: '办理结果总计',
      carriedForward: '结转下年度',
      review: '行政复议',
      litigation: '行政诉讼',
    },
    none: '无',
    duplicate: '重复（{why}）：与 {first} 是同一报告',
    sameBytes: '内容完全相同',
    sameAgencyYear: '机关和年度相同',
    upToDate: '输出已是最新，未重新生成',
    interrupted: '转换被中断：以下是已完成的 {done} 份，另有 {notDone} 份未转换；再次运行同一命令可继续。',
  },
  en: {
    title: 'Conversion results',
    file: 'file',
    status: 'status',
    edition: 'edition',
    agency: 'agency',
    year: 'year',
    errors: 'errors',
    warnings: 'warnings',
    rules: 'rules',
    outputs: 'outputs',
    ok: 'ok',
    invalid: 'errors',
    unreadable: 'unreadable',
    crossYear: 'Across years',
    trends: 'Trends',
    series: {
      newReceived: 'new requests',
      handled: 'handled',
      carriedForward: 'carried forward',
      review: 'reviews',
      litigation: 'lawsuits',
    },
    none: 'none',
    duplicate: 'duplicate ({why}) of {first}',
    sameBytes: 'the same bytes',
    sameAgencyYear: 'the same agency and year',
    upToDate: 'outputs were current: not written again',
    interrupted:
      'The conversion was interrupted: these {done} are done, {notDone} were not converted; run the same command again to go on.',
  },
};

const SERIES: readonly (keyof TrendFigures)[] = ['newReceived', 'handled', 'carriedForward', 'review', 'litigation'];
const COLOURS: Readonly<Record<keyof TrendFigures, string>> = {
  newReceived: '#1f77b4',
  handled: '#2ca02c',
  carriedForward: '#ff7f0e',
  review: '#9467bd',
  litigation: '#d62728',
};

export function renderIndex(summary: ConvertSummary, lang: Lang, generator: string): string {
  const w = words[lang];
  const rows = summary.records.map((record) => {
    const rules = Object.entries(record.rules)
      .map(([id, count]) => `${id}×${count}`)
      .join(' ');
    const links = record.outputs
      .map(
        (output) =>
          `<a href="${escapeHtml(encodeURI(output))}">${escapeHtml(output.slice(output.lastIndexOf('.') + 1))}</a>`,
      )
      .join(' ');
    const notes = [
      record.error,
      record.duplicateOf
        ? w.duplicate.replace('{why}', w[record.duplicateReason ?? 'sameBytes']).replace('{first}', record.duplicateOf)
        : undefined,
      record.upToDate ? w.upToDate : undefined,
    ]
      .filter(Boolean)
      .map((note) => `<br><small>${escapeHtml(note as string)}</small>`)
      .join('');
    const duplicate = record.duplicateOf ? ' duplicate' : '';
    return `<tr class="${record.status}${duplicate}"><td>${escapeHtml(record.path)}</td><td>${w[record.status]}${notes}</td><td>${escapeHtml(record.edition ?? '')}</td><td>${escapeHtml(record.agency ?? '')}</td><td>${record.year ?? ''}</td><td class="n">${record.errors}</td><td class="n">${record.warnings}</td><td>${escapeHtml(rules)}</td><td>${links}</td></tr>`;
  });
  const cross = summary.crossYear.length
    ? `<ul>${summary.crossYear.map((f) => `<li><b>${escapeHtml(f.ruleId)}</b> ${escapeHtml(f.agency)} ${f.previousYear}→${f.year}：${escapeHtml(f.message)}</li>`).join('')}</ul>`
    : `<p>${w.none}</p>`;
  return `<!DOCTYPE html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${w.title}</title>
<style>
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; padding: 24px; color: #111; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9rem; }
th, td { border: 1px solid #999; padding: 4px 8px; vertical-align: top; }
th { background: #f2f2f2; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.invalid td:nth-child(2) { color: #b00020; font-weight: bold; }
tr.unreadable td:nth-child(2) { color: #7a4b00; font-weight: bold; }
.scroll { overflow-x: auto; }
tr.duplicate td:first-child::before { content: "※ "; color: #7a4b00; }
p.interrupted { color: #b00020; font-weight: bold; }
svg text { font-size: 11px; }
</style>
</head>
<body>
<h1>${w.title}</h1>
${summary.interrupted ? `<p class="interrupted">${escapeHtml(w.interrupted.replace('{done}', String(summary.records.length)).replace('{notDone}', String(summary.notDone)))}</p>\n` : ''}<div class="scroll"><table id="reports">
<thead><tr><th scope="col">${w.file}</th><th scope="col">${w.status}</th><th scope="col">${w.edition}</th><th scope="col">${w.agency}</th><th scope="col">${w.year}</th><th scope="col">${w.errors}</th><th scope="col">${w.warnings}</th><th scope="col">${w.rules}</th><th scope="col">${w.outputs}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>
<h2>${w.crossYear}</h2>
${cross}
<h2>${w.trends}</h2>
${trends(summary.records, lang)}
</body>
</html>
`;
}

function trends(records: readonly InputRecord[], lang: Lang): string {
  const w = words[lang];
  const byAgency = new Map<string, InputRecord[]>();
  for (const record of records) {
    if (!record.agency || record.year === undefined) continue;
    const key = agencyKey(record.agency);
    byAgency.set(key, [...(byAgency.get(key) ?? []), record]);
  }
  const sections: string[] = [];
  for (const list of byAgency.values()) {
    // One figure per year: the first readable report of that year.
    const years = new Map<number, InputRecord>();
    for (const record of list.sort((a, b) => (a.year ?? 0) - (b.year ?? 0)))
      if (!years.has(record.year as number)) years.set(record.year as number, record);
    if (years.size < 2) continue;
    const points = [...years.entries()];
    const header = `<tr><th scope="col">${w.year}</th>${SERIES.map((s) => `<th scope="col">${w.series[s]}</th>`).join('')}</tr>`;
    const body = points
      .map(
        ([year, record]) =>
          `<tr><th scope="row">${year}</th>${SERIES.map((s) => `<td class="n">${record.figures[s] ?? ''}</td>`).join('')}</tr>`,
      )
      .join('');
    sections.push(`<section class="trend"><h3>${escapeHtml(list[0]?.agency ?? '')}</h3>
<table><thead>${header}</thead><tbody>${body}</tbody></table>
${chart(points, lang)}</section>`);
  }
  return sections.length ? sections.join('\n') : `<p>${w.none}</p>`;
}

/** A line chart of the series by year: axes, a line and dots per series, a legend. */
function chart(points: readonly [number, InputRecord][], lang: Lang): string {
  const w = words[lang];
  const width = 560;
  const height = 240;
  const left = 48;
  const bottom = 28;
  const top = 16;
  const right = 120;
  const values = points.flatMap(([, record]) =>
    SERIES.map((s) => record.figures[s]).filter((v): v is number => v !== undefined),
  );
  const max = Math.max(1, ...values);
  const x = (index: number) =>
    left + (points.length === 1 ? 0 : (index * (width - left - right)) / (points.length - 1));
  const y = (value: number) => top + (height - top - bottom) * (1 - value / max);
  const lines = SERIES.map((series) => {
    const dots = points
      .map(([, record], index) => [index, record.figures[series]] as const)
      .filter((p): p is readonly [number, number] => p[1] !== undefined);
    const path = dots.map(([index, value]) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
    const circles = dots
      .map(
        ([index, value]) =>
          `<circle cx="${x(index).toFixed(1)}" cy="${y(value).toFixed(1)}" r="3" fill="${COLOURS[series]}"><title>${w.series[series]} ${points[index]?.[0]}: ${value}</title></circle>`,
      )
      .join('');
    return `<polyline fill="none" stroke="${COLOURS[series]}" stroke-width="2" points="${path}"/>${circles}`;
  }).join('');
  const ticks = points
    .map(([year], index) => `<text x="${x(index).toFixed(1)}" y="${height - 8}" text-anchor="middle">${year}</text>`)
    .join('');
  const legend = SERIES.map(
    (series, index) =>
      `<g transform="translate(${width - right + 12},${top + index * 18})"><rect width="10" height="10" fill="${COLOURS[series]}"/><text x="14" y="9">${w.series[series]}</text></g>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${w.trends}">
<line x1="${left}" y1="${top}" x2="${left}" y2="${height - bottom}" stroke="#666"/><line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#666"/>
<text x="${left - 6}" y="${top + 4}" text-anchor="end">${max}</text><text x="${left - 6}" y="${height - bottom}" text-anchor="end">0</text>
${ticks}${lines}${legend}</svg>`;
}
