// What the convert pool sends to a worker and what comes back: plain data that crosses threads.

import { join } from 'node:path';
import type { Diagnostic, Lang, SourceRef } from '../diagnostics/diagnostic';
import { fillTemplate } from '../diagnostics/diagnostic';
import type { BodyKind } from '../model/body-kind';
import type { RenderFormat } from '../output/render-outputs';
import type { DocxStyleName } from '../render/docx-styles';
import type { ImportVerdict } from '../validate/import-verdict';
import type { RuleSetting } from '../validate/validate-report';

export interface ConvertJob {
  id: number;
  path: string;
  lang: Lang;
  lenient: boolean;
  formats: RenderFormat[];
  docxStyle: DocxStyleName;
  rules: Record<string, RuleSetting>;
  bodyKind?: BodyKind;
  generator: string;
  date?: string;
  /** The worker writes each output into this folder under a hidden temporary name; the main thread names it. */
  outDir: string;
  /** Every temporary name of the run starts with it, so that all of them can be found and removed. */
  temporaryPrefix: string;
  /** The input's SHA-256 when a previous run's outputs of it are current: bytes unchanged, it is checked, not rendered. */
  currentHash?: string;
}

export interface WrittenOutput {
  format: RenderFormat;
  /** The full path of the temporary file the worker wrote. */
  temporary: string;
}

export type ConvertResult =
  | {
      id: number;
      ok: true;
      format: string;
      readAs: string;
      edition?: string;
      /** SHA-256 of the input's bytes (absent when the input is not a regular file). */
      sha256?: string;
      /** The bytes equal `currentHash`: the previous run's outputs stand and nothing was rendered. */
      upToDate: boolean;
      model: Record<string, unknown>;
      /** Where each value came from (JSON Pointer → place), for cross-year messages. */
      sources: [string, SourceRef][];
      diagnostics: Diagnostic[];
      /** SPEC §8: ok, incomplete or invalid, with the figures expected and found. */
      verdict: ImportVerdict;
      outputs: WrittenOutput[];
    }
  | {
      id: number;
      ok: false;
      sha256?: string;
      /** Why; an output that could not be written carries the file and the system's code (ENOSPC: the disk is full). */
      error: { messageId: string; message: string; code?: string; file?: string };
    };

const writeFailed = {
  zh: '无法写入输出文件 {file}：{detail}',
  en: 'cannot write the output {file}: {detail}',
};

/** The message of an output that could not be written, with the system's word for why (EISDIR, ENOSPC, …). */
export function outputFailedMessage(lang: Lang, file: string, detail: string): string {
  return fillTemplate(writeFailed[lang], { file, detail });
}

/** Where a job's output of one format waits for its name. */
export function temporaryPath(job: Pick<ConvertJob, 'id' | 'outDir' | 'temporaryPrefix'>, format: string): string {
  return join(job.outDir, `${job.temporaryPrefix}${job.id}.${format}.tmp`);
}
