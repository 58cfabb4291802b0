// The parts most classes share: the official tables in their usual layouts, and a government portal's page around an
// article (layout tables, header, breadcrumb, footer, meta tags, a `<title>` of the form 报告标题_网站名).
import type { ReportTables } from './document';
import { escapeHtml, htmlPage, portalChrome } from './html';
import type { NumberStyle } from './numbers';
import { chance, isoDate, pick, type Random, type Report, titleOf } from './random-report';
import {
  type AppealsOptions,
  appealsGrid,
  type ProactiveLayout,
  proactiveGrids,
  type RequestsOptions,
  requestsGrid,
} from './tables';

export interface TablesOptions {
  style?: NumberStyle;
  relabel?: (label: string) => string;
  proactive?: ProactiveLayout;
  requests?: RequestsOptions;
  appeals?: AppealsOptions;
}

export function officialTables(random: Random, report: Report, options: TablesOptions = {}): ReportTables {
  const common = {
    ...(options.style ? { style: options.style } : {}),
    ...(options.relabel ? { relabel: options.relabel } : {}),
  };
  return {
    proactive: proactiveGrids(report, {
      ...common,
      layout: options.proactive ?? pick(random, ['one-table', 'per-item']),
    }),
    requests: [requestsGrid(report, { ...common, ...options.requests })],
    appeals: [appealsGrid(report, { ...common, ...options.appeals })],
  };
}

export interface PortalOptions {
  /** The `<title>`; default 报告标题_网站名. */
  title?: string;
  /** Meta tags; default ArticleTitle, ContentSource, PubDate as TRS/Hanweb CMSs write them. */
  metas?: Record<string, string>;
  layoutDepth?: number;
  crumbs?: readonly string[];
  head?: string;
}

export function portalPage(random: Random, report: Report, article: string, options: PortalOptions = {}): string {
  const crumbs = options.crumbs ?? [
    '首页',
    '政府信息公开',
    pick(random, ['政府信息公开年报', '年度报告', '政府信息公开工作年度报告']),
  ];
  const chrome = portalChrome(random, report.site, crumbs);
  const info = `<div class="info">发布时间：${isoDate(report)}${chance(random, 0.5) ? `&nbsp;&nbsp;来源：${escapeHtml(report.agency)}` : ''}&nbsp;&nbsp;字号：[大 中 小]</div>`;
  return htmlPage({
    title: options.title ?? `${titleOf(report)}_${report.site}`,
    metas: options.metas ?? {
      SiteName: `${report.site}门户网站`,
      ColumnName: '政府信息公开年报',
      ArticleTitle: titleOf(report),
      PubDate: `${isoDate(report)} 09:${String(Math.floor(random() * 60)).padStart(2, '0')}`,
      ContentSource: report.agency,
    },
    head: `<style>body{font-family:"Microsoft YaHei",SimSun;} .footer{color:#666;font-size:12px}</style>${options.head ?? ''}`,
    top: chrome.top,
    article: `<div class="article">${options.metas === undefined ? info : ''}<div id="zoom" class="TRS_Editor">${article}</div></div>`,
    bottom: chrome.bottom,
    layoutDepth: options.layoutDepth ?? pick(random, [0, 0, 1, 2]),
  });
}
