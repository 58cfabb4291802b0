// What the convert pool sends to a worker and what comes back: plain data that crosses threads.
import type { Diagnostic, Lang, SourceRef } from '../diagnostics/diagnostic';
import type { DocxStyleName } from '../render/docx-styles';
import type { RenderFormat } from '../render/render-outputs';
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
  generator: string;
  date?: string;
}

export type ConvertResult =
  | {
      id: number;
      ok: true;
      format: string;
      readAs: string;
      edition?: string;
      model: Record<string, unknown>;
      /** Where each value came from (JSON Pointer → place), for cross-year messages. */
      sources: [string, SourceRef][];
      diagnostics: Diagnostic[];
      /** SPEC §8: ok, incomplete or invalid, with the figures expected and found. */
      verdict: ImportVerdict;
      outputs: { format: RenderFormat; bytes: Uint8Array<ArrayBuffer> }[];
    }
  | { id: number; ok: false; error: { messageId: string; message: string } };
