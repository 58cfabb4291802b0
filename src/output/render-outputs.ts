// Renders a checked report to the requested formats; docx and exceljs load only when their format is asked for.
import type { Edition } from '../editions/types';
import type { Model } from '../model/pointer';
import type { DocxStyleName } from '../render/docx-styles';
import { renderHtml } from '../render/html';
import { renderJson } from '../render/json';
import { layoutReport } from '../render/layout';

export type RenderFormat = 'docx' | 'html' | 'json' | 'xlsx';

export interface RenderOptions {
  docxStyle: DocxStyleName;
  notValidated: boolean;
  /** `report <version>`, written into the documents. */
  generator: string;
  /** The 落款's date, YYYY-MM-DD; without it the date line is left blank. */
  date?: string;
}

export async function renderOutputs(
  model: Model,
  edition: Edition,
  formats: readonly RenderFormat[],
  options: RenderOptions,
): Promise<{ format: RenderFormat; bytes: string | Uint8Array }[]> {
  const document = layoutReport(model, edition, {
    notValidated: options.notValidated,
    ...(options.date ? { date: options.date } : {}),
  });
  const rendered: { format: RenderFormat; bytes: string | Uint8Array }[] = [];
  for (const format of formats) {
    if (format === 'json') rendered.push({ format, bytes: renderJson(model, edition) });
    if (format === 'html') rendered.push({ format, bytes: renderHtml(document, model, options.generator) });
    if (format === 'docx') {
      const { renderDocx } = await import('../render/docx');
      rendered.push({ format, bytes: await renderDocx(document, options.docxStyle, options.generator) });
    }
    if (format === 'xlsx') {
      // Our template, filled: an office carries a past year's report on in Excel.
      const { writeTemplate } = await import('../template/write-template');
      rendered.push({ format, bytes: await writeTemplate(edition, { model }) });
    }
  }
  return rendered;
}
