// Reads a published report (text, HTML, DOCX, PDF) or a hand-made workbook into the model, by the official labels.
import type { WorkBook } from 'xlsx';
import { getEdition, isEditionId } from '../../editions';
import { fieldsOf } from '../../editions/fields';
import { numberAt } from '../../model/pointer';
import { type InputFormat, ReadError, type ReadReport } from '../../model/read-report';
import type { ReadingMode } from '../cell-value';
import { readJson } from '../json-reader';
import { extractReport } from './extract-report';
import type { FlowDocument } from './flow-document';
import { tablesInParagraphs, textToFlow } from './text-source';

// The HTML, DOCX and workbook readers (htmlparser2, the zip reader, SheetJS) load only for their own kind: a PDF or a
// text never pays for them.
const htmlSource = () => require('./html-source') as typeof import('./html-source');
const docxSource = () => require('./docx-source') as typeof import('./docx-source');
const sheetSource = () => require('./sheet-source') as typeof import('./sheet-source');

export function readPublished(buffer: Buffer, file: string, format: InputFormat, mode: ReadingMode): ReadReport {
  let flow: FlowDocument;
  switch (format) {
    case 'txt':
      flow = textToFlow(decodeText(buffer));
      break;
    case 'html': {
      const { decodeHtml, parsePage } = htmlSource();
      const page = parsePage(decodeHtml(buffer));
      if (page.embedded !== undefined) return embeddedOrShown(page.embedded, page.flow, file, mode);
      flow = page.flow;
      break;
    }
    case 'mht': {
      const html = require('./mht-source').mhtToHtml(buffer) as string | undefined;
      if (html === undefined) throw new ReadError('notReport', { file });
      const page = htmlSource().parsePage(html);
      if (page.embedded !== undefined) return { ...embeddedOrShown(page.embedded, page.flow, file, mode), format };
      flow = page.flow;
      break;
    }
    case 'docx':
      flow = docxSource().docxToFlow(buffer, file);
      break;
    case 'doc':
    case 'wps':
    case 'rtf':
      return readLegacy(buffer, file, format, mode);
    default:
      throw new ReadError('unsupportedType', { file });
  }
  return finish(flow, file, format, mode, 'published');
}

/** A PDF's text, laid out by pdf-source.node.ts (Node only for now: read-input.node.ts loads it), read into the model. */
export function readPdfFlow(flow: FlowDocument, file: string, mode: ReadingMode): ReadReport {
  return finish(flow, file, 'pdf', mode, 'published');
}

/**
 * A legacy document, by what it holds rather than its name (archives are full of web pages and DOCX files saved as
 * .doc): a zip is a DOCX, a page is a page, a MIME archive is one; a Word or WPS binary or an RTF goes through
 * LibreOffice (office-source.node.ts; in the browser, office-source.browser.ts says it is needed).
 */
function readLegacy(buffer: Buffer, file: string, format: 'doc' | 'wps' | 'rtf', mode: ReadingMode): ReadReport {
  const head = buffer
    .subarray(0, 512)
    .toString('latin1')
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart();
  if (buffer[0] === 0x50 && buffer[1] === 0x4b)
    return finish(docxSource().docxToFlow(buffer, file), file, format, mode, 'published');
  if (/^mime-version:/i.test(head)) return readPublished(buffer, file, 'mht', mode);
  if (/^<(!doctype html|html|head|body|meta)/i.test(head))
    return { ...readPublished(buffer, file, 'html', mode), format };
  const { legacyToDocx } = require('./office-source.node') as typeof import('./office-source.node');
  const docx = legacyToDocx(buffer, file, format);
  return finish(docxSource().docxToFlow(docx, file), file, format, mode, 'published');
}

/**
 * Our own page embeds its model, which is the report exactly — as long as the page still shows it. A page whose
 * visible tables were edited after it was built (or that carries someone else's JSON) is read by what it shows, and
 * the disagreement is said.
 */
function embeddedOrShown(embedded: unknown, flow: FlowDocument, file: string, mode: ReadingMode): ReadReport {
  let shown: ReadReport | undefined;
  try {
    shown = finish(flow, file, 'html', mode, 'published');
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
  }
  const fromJson = {
    ...readJson(JSON.stringify(embedded), file),
    format: 'html' as const,
    readAs: 'embedded' as const,
  };
  if (shown && agrees(fromJson.model, shown.model)) return fromJson;
  if (!shown) throw new ReadError('notReport', { file });
  shown.findings.unshift({ ruleId: 'input', messageId: 'embeddedDisagrees', pointer: '', severity: 'warning' });
  return shown;
}

/** Whether the page's tables show the embedded model: its name, year and every figure (a missing one missing in both). */
function agrees(embedded: Record<string, unknown>, shown: Record<string, unknown>): boolean {
  if (embedded.agency !== shown.agency || embedded.year !== shown.year || !isEditionId(embedded.edition)) return false;
  return fieldsOf(getEdition(embedded.edition)).numeric.every(
    (field) => numberAt(embedded, field.pointer) === numberAt(shown, field.pointer),
  );
}

/** A workbook not made from our template: read by the labels of the official tables, or refused when it has none. */
export function readLabelledWorkbook(
  workbook: WorkBook,
  file: string,
  format: InputFormat,
  mode: ReadingMode,
): ReadReport {
  const flow = sheetSource().workbookToFlow(workbook);
  const texts = flow.items.flatMap((item) =>
    item.kind === 'paragraph' ? [item.text] : item.rows.flat().map((c) => c.text),
  );
  // Without a single label of the official tables this is some other workbook, not a report.
  if (!texts.some((text) => /本年新收|申请人情况|第二十条|结果维持|总体情况/.test(text)))
    throw new ReadError('notTemplate', { file });
  // Formulas' saved results, dates in figure cells and sheets past the grid's bounds, said (workbook-reader.ts).
  const { labelledWorkbookNotes } = require('../workbook-reader') as typeof import('../workbook-reader');
  return labelledWorkbookNotes(workbook, finish(flow, file, format, mode, 'labels'));
}

function finish(
  flow: FlowDocument,
  file: string,
  format: InputFormat,
  mode: ReadingMode,
  readAs: 'labels' | 'published',
): ReadReport {
  if (format !== 'txt' && format !== 'pdf') flow = { ...flow, items: tablesInParagraphs(flow.items) };
  const hasContent = flow.items.some((item) => item.kind === 'table' || item.text.trim() !== '');
  if (!hasContent) throw new ReadError('notReport', { file });
  return extractReport(flow, { file, format, readAs, ...mode });
}

/**
 * Text files are UTF-8, or GB18030 (GBK) when they are not valid UTF-8, as Windows tools save Chinese text; or UTF-16
 * with its byte-order mark, as Notepad's "Unicode" and PowerShell save it.
 */
export function decodeText(buffer: Buffer): string {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) return new TextDecoder('utf-16le').decode(buffer);
  if (buffer[0] === 0xfe && buffer[1] === 0xff) return new TextDecoder('utf-16be').decode(buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}
