// One input of a batch: read (leniently), check, render. Runs in a worker thread; never throws.
import { countBySeverity } from '../diagnostics/diagnostic';
import { readInput } from '../read/read-input';
import { ReadError } from '../read/read-report';
import { renderOutputs } from '../render/render-outputs';
import { importVerdict } from '../validate/import-verdict';
import { validateReport } from '../validate/validate-report';
import type { ConvertJob, ConvertResult } from './job';
import { ownedBytes } from './transferable';

export async function convertOne(job: ConvertJob): Promise<ConvertResult> {
  try {
    const report = await readInput(job.path, { lenient: job.lenient });
    const { edition, diagnostics } = validateReport(report, { lang: job.lang, rules: job.rules });
    const outputs = edition
      ? await renderOutputs(report.model, edition, job.formats, {
          docxStyle: job.docxStyle,
          notValidated: countBySeverity(diagnostics).errors > 0,
          generator: job.generator,
          ...(job.date ? { date: job.date } : {}),
        })
      : [];
    return {
      id: job.id,
      ok: true,
      format: report.format,
      readAs: report.readAs,
      ...(edition ? { edition: edition.id } : {}),
      model: report.model,
      sources: [...report.sources],
      diagnostics,
      verdict: importVerdict(report.model, edition, countBySeverity(diagnostics).errors),
      outputs: outputs.map(({ format, bytes }) => ({
        format,
        bytes: ownedBytes(bytes),
      })),
    };
  } catch (error) {
    if (error instanceof ReadError) {
      return {
        id: job.id,
        ok: false,
        error: { messageId: error.messageId, message: error.describe(job.lang) },
      };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { id: job.id, ok: false, error: { messageId: 'internalError', message: detail } };
  }
}
