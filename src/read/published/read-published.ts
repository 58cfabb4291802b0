// Reads a published report (text, HTML, DOCX, PDF) or a hand-made workbook into the model, by the official labels.
import type { WorkBook } from 'xlsx';
import type { ReadingMode } from '../cell-value';
import { readJson } from '../json-reader';
import { type InputFormat, ReadError, type ReadReport } from '../read-report';
import { extractReport } from './extract-report';
import type { FlowDocument } from './flow-document';
import { pdfToFlow } from './pdf-source';
import { textToFlow } from './text-source';

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
      const { decodeHtml, embeddedModel, htmlToFlow } = htmlSource();
      const html = decodeHtml(buffer);
      const model = embeddedModel(html);
      // Our own page: the model it embeds is the report, exactly.
      if (model !== undefined) return { ...readJson(JSON.stringify(model), file), format, readAs: 'embedded' };
      flow = htmlToFlow(html);
      break;
    }
    case 'docx':
      flow = docxSource().docxToFlow(buffer, file);
      break;
    default:
      throw new ReadError('unsupportedType', { file });
  }
  return finish(flow, file, format, mode, 'published');
}

export async function readPdf(buffer: Buffer, file: string, mode: ReadingMode): Promise<ReadReport> {
  return finish(await pdfToFlow(buffer, file), file, 'pdf', mode, 'published');
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
  return finish(flow, file, format, mode, 'labels');
}

function finish(
  flow: FlowDocument,
  file: string,
  format: InputFormat,
  mode: ReadingMode,
  readAs: 'labels' | 'published',
): ReadReport {
  const hasContent = flow.items.some((item) => item.kind === 'table' || item.text.trim() !== '');
  if (!hasContent) throw new ReadError('notReport', { file });
  return extractReport(flow, { file, format, readAs, ...mode });
}

/** Text files are UTF-8, or GB18030 (GBK) when they are not valid UTF-8, as Windows tools save Chinese text. */
export function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}
