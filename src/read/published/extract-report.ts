// Reading a published report is a pipeline: source (text, HTML, DOCX, PDF, workbook) → flow document → sections and
// tables (flow-sections) → alignment to the edition's grid (align-*, under the one guarantee of grid-alignment) →
// model (model-builder). This file runs the steps after the flow document and names the report (edition, agency, year).
import { defaultEditionId, earliestEdition, editionForYear, getEdition } from '../../editions';
import { tableGrids } from '../../editions/table-grid';
import type { EditionId } from '../../editions/types';
import { firstDate, isoDate } from '../../model/calendar-date';
import { normaliseLabel } from '../../model/label-text';
import type { InputFormat, ReadReport } from '../../model/read-report';
import { ReadError } from '../../model/read-report';
import { canonicalModel } from '../../schema/canonical-model';
import { topLevelKeys } from '../../schema/edition-schema';
import type { ReadingMode } from '../cell-value';
import { alignSection } from './align-table';
import { type DetectedMeta, detectMeta, signatureLength } from './detect-meta';
import type { FlowDocument, FlowItem, FlowParagraph } from './flow-document';
import { classifyTables, type SectionKey, splitSections } from './flow-sections';
import { ModelBuilder } from './model-builder';
import { editionFromLabels } from './official-labels';
import { sectionLayoutNotes } from './section-layout';

export interface ExtractOptions extends ReadingMode {
  file: string;
  format: InputFormat;
  readAs: 'labels' | 'published';
}

/** The sections in the order of the model (SPEC §3). */
const SECTION_ORDER = topLevelKeys.filter((key): key is Exclude<SectionKey, 'preamble'> =>
  ['overview', 'proactive', 'requests', 'appeals', 'problems', 'otherMatters'].includes(key),
);

export function extractReport(document: FlowDocument, options: ExtractOptions): ReadReport {
  const sections = splitSections(document.items);
  if (!sections.found) {
    const text = document.items.map((item) => (item.kind === 'paragraph' ? item.text : '')).join('');
    if (/概述/.test(text) && /(附表|收费及减免|减免)/.test(text))
      throw new ReadError('preFormat', { file: options.file });
  }
  const tables = classifyTables(sections);
  if (!sections.found && tables.proactive.length + tables.requests.length + tables.appeals.length === 0) {
    throw new ReadError('notReport', { file: options.file });
  }
  const allTexts = document.items.flatMap((item) =>
    item.kind === 'paragraph' ? [item.text] : item.rows.flat().map((cell) => cell.text),
  );
  const paragraphsOf = (key: SectionKey) =>
    (sections.items.get(key) ?? []).filter((i): i is FlowParagraph => i.kind === 'paragraph').map((p) => p.text);
  const meta =
    labelledMeta(document.items) ??
    detectMeta({
      preamble: paragraphsOf('preamble'),
      body: SECTION_ORDER.flatMap((key) => paragraphsOf(key)),
      fileName: options.file,
      ...(document.pageTitle ? { pageTitle: document.pageTitle } : {}),
      ...(document.meta?.articleTitle ? { articleTitle: document.meta.articleTitle } : {}),
      ...(document.meta?.contentSource ? { contentSource: document.meta.contentSource } : {}),
    });
  const labelled = editionFromLabels(allTexts);
  // Neither labels nor a year tell it: a year before the first edition takes the first; no year, the current one.
  const editionId: EditionId =
    labelled ?? (meta.year ? (editionForYear(meta.year) ?? earliestEdition()).id : defaultEditionId);
  const edition = getEdition(editionId);
  const builder = new ModelBuilder(edition, options);
  builder.model.edition = edition.id;
  if (!labelled) builder.note('editionGuessed', '/edition', { edition: edition.id }, undefined, 'warning');
  nameReport(builder, meta);
  for (const note of sectionLayoutNotes(document.items, sections))
    builder.note(note.messageId, note.pointer, note.params, note.source, 'warning');

  const textKeys = (['overview', 'problems', 'otherMatters'] as const).filter((key) => sections.items.has(key));
  for (const key of textKeys) builder.model[key] = paragraphsOf(key);
  // The report ends with its 落款 (agency and date, or the agency alone), which is no text of the last section.
  const last = textKeys.at(-1);
  let signed: string | undefined;
  if (last === 'otherMatters' || last === 'problems') {
    const paragraphs = paragraphsOf(last);
    const kept = paragraphs.length - signatureLength(paragraphs, meta.agency);
    builder.model[last] = paragraphs.slice(0, kept);
    const date = firstDate(paragraphs.slice(kept).join(' '));
    if (date) signed = isoDate(date);
    // A reviewer looks for the 落款 of a published report (issue 20, item 2): the report read to its end and none
    // there, or one undated. A workbook laid out by hand is a filer's, signed when build writes the document.
    else if (options.readAs === 'published')
      builder.note(
        kept === paragraphs.length ? 'signatureMissing' : 'signatureUndated',
        `/${last}`,
        {},
        undefined,
        'warning',
      );
  }
  const dates = pageDates(sections.items.get('preamble') ?? [], document.meta?.pubDate);
  signed ??= dates.signed;
  if (signed) builder.model.signedOn = signed;
  if (dates.published) builder.model.publishedOn = dates.published;
  const grids = tableGrids(edition);
  for (const section of ['proactive', 'requests', 'appeals'] as const)
    alignSection(builder, grids[section], tables[section]);
  builder.finish();

  return {
    file: options.file,
    format: options.format,
    readAs: options.readAs,
    model: canonicalModel(builder.model, edition),
    sources: builder.sources,
    findings: builder.findings,
    unreadable: builder.unreadable,
  };
}

/** A CMS's line or cell before the text: 发布日期：2026-01-20, 发布时间：2026年1月20日 10:30, 成文日期：…. */
const PUBLISHED_LINE = /(?:发布|发稿|公开|上网)(?:日期|时间)/;
const SIGNED_LINE = /成文(?:日期|时间)/;

/**
 * When the page says it was published (its PubDate meta tag, else a 发布日期 line or cell above the text) and signed
 * (a 成文日期 there), for N008 and N004. A line's first date is taken only when the line names what it dates.
 */
function pageDates(preamble: readonly FlowItem[], pubDate?: string): { published?: string; signed?: string } {
  const lines = preamble.flatMap((item) =>
    item.kind === 'paragraph' ? [item.text] : item.rows.map((row) => row.map((cell) => cell.text).join(' ')),
  );
  const dateAfter = (pattern: RegExp) => {
    for (const line of lines) {
      const at = pattern.exec(line);
      const date = at ? firstDate(line.slice(at.index)) : undefined;
      if (date) return isoDate(date);
    }
    return undefined;
  };
  const meta = pubDate ? firstDate(pubDate) : undefined;
  const published = meta ? isoDate(meta) : dateAfter(PUBLISHED_LINE);
  const signed = dateAfter(SIGNED_LINE);
  return { ...(published ? { published } : {}), ...(signed ? { signed } : {}) };
}

const AGENCY_NOTES = {
  'page title': 'agencyFromPageTitle',
  'page meta': 'agencyFromPageMeta',
  signature: 'agencyFromSignature',
  text: 'agencyFromText',
  'file name': 'agencyFromFileName',
} as const;

function nameReport(builder: ModelBuilder, meta: DetectedMeta): void {
  if (meta.agency) {
    builder.model.agency = meta.agency;
    if (meta.agencyFrom && meta.agencyFrom !== 'title')
      builder.note(AGENCY_NOTES[meta.agencyFrom], '/agency', { agency: meta.agency }, undefined, 'warning');
  } else {
    builder.note('agencyNotFound', '/agency', {}, undefined, 'warning');
  }
  if (meta.year) {
    builder.model.year = meta.year;
    if (meta.yearFrom !== 'title' && meta.yearFrom !== 'page title') {
      const messageId = meta.yearFrom === 'file name' ? 'yearFromFileName' : 'yearFromText';
      builder.note(messageId, '/year', { year: meta.year }, undefined, 'warning');
    }
  } else {
    builder.note('yearNotFound', '/year', {}, undefined, 'warning');
  }
}

/** A workbook states agency and year as label and value (机关名称 | 某市商务局), as our template's first sheet does. */
function labelledMeta(items: readonly FlowItem[]): DetectedMeta | undefined {
  const meta: DetectedMeta = {};
  for (const item of items) {
    if (item.kind !== 'table') continue;
    for (const row of item.rows) {
      const texts = row.map((cell) => cell.text.trim()).filter(Boolean);
      const label = normaliseLabel(texts[0] ?? '');
      const value = texts.find((text, index) => index > 0 && text !== texts[0]);
      if (!value) continue;
      if (/^(机关名称|单位名称|报告机关)$/.test(label)) {
        meta.agency = value;
        meta.agencyFrom = 'title';
      } else if (/^(报告年度|年度)$/.test(label) && /^\d{4}/.test(normaliseLabel(value))) {
        meta.year = Number(normaliseLabel(value).slice(0, 4));
        meta.yearFrom = 'title';
      }
    }
  }
  return meta.agency || meta.year ? meta : undefined;
}
