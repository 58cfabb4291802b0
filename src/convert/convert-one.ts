// One input of a batch: read (leniently), check, render, and write each output under its temporary name. Runs in a
// worker thread, so the main thread only names files and keeps the books; never throws.

import { createHash } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { countBySeverity } from '../diagnostics/diagnostic';
import { ReadError } from '../model/read-report';
import { renderOutputs } from '../output/render-outputs';
import { loadInput, readLoaded } from '../read/read-input.node';
import { importVerdict } from '../validate/import-verdict';
import { beyondSizeLimits } from '../validate/schema-check';
import { validateReport } from '../validate/validate-report';
import { type ConvertJob, type ConvertResult, outputFailedMessage, temporaryPath, type WrittenOutput } from './job';

export async function convertOne(job: ConvertJob): Promise<ConvertResult> {
  // The hash is of the very bytes read: a file replaced while the batch runs is recorded as the version converted.
  let sha256: string | undefined;
  const hashed = () => (sha256 ? { sha256 } : {});
  const written: WrittenOutput[] = [];
  try {
    const { buffer, file, extension } = loadInput(job.path);
    sha256 = createHash('sha256').update(buffer).digest('hex');
    const report = await readLoaded(buffer, file, extension, { lenient: job.lenient });
    const { edition, diagnostics } = validateReport(report, {
      lang: job.lang,
      rules: job.rules,
      ...(job.bodyKind ? { bodyKind: job.bodyKind } : {}),
    });
    const upToDate = sha256 !== undefined && sha256 === job.currentHash;
    const outputs =
      edition && !upToDate && !beyondSizeLimits(diagnostics)
        ? await renderOutputs(report.model, edition, job.formats, {
            docxStyle: job.docxStyle,
            notValidated: countBySeverity(diagnostics).errors > 0,
            generator: job.generator,
            ...(job.date ? { date: job.date } : {}),
          })
        : [];
    for (const { format, bytes } of outputs) {
      const temporary = temporaryPath(job, format);
      written.push({ format, temporary });
      try {
        writeFileSync(temporary, bytes, { flag: 'wx' });
      } catch (error) {
        throw new OutputError(temporary, error);
      }
    }
    return {
      id: job.id,
      ok: true,
      format: report.format,
      readAs: report.readAs,
      ...(edition ? { edition: edition.id } : {}),
      ...hashed(),
      upToDate,
      model: report.model,
      sources: [...report.sources],
      diagnostics,
      verdict: importVerdict(report.model, edition, countBySeverity(diagnostics).errors, report.findings),
      outputs: written,
    };
  } catch (error) {
    for (const { temporary } of written) rmSync(temporary, { force: true });
    if (error instanceof ReadError) {
      return {
        id: job.id,
        ok: false,
        ...hashed(),
        error: { messageId: error.messageId, message: error.describe(job.lang) },
      };
    }
    if (error instanceof OutputError) {
      const detail = (error.cause as NodeJS.ErrnoException).code ?? String(error.cause);
      const message = outputFailedMessage(job.lang, error.file, detail);
      return {
        id: job.id,
        ok: false,
        ...hashed(),
        error: { messageId: 'outputFailed', message, code: detail, file: error.file },
      };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { id: job.id, ok: false, ...hashed(), error: { messageId: 'internalError', message: detail } };
  }
}

class OutputError extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`cannot write ${file}`, { cause });
  }
}
