// Machine-readable output; its shape is documented in the README and versioned by `formatVersion`. The values are
// exact (JSON is data); the characters a terminal would act on are written as \u escapes (inert-text.ts, inertJson).
import { countBySeverity } from '../diagnostics/diagnostic';
import { inertJson } from '../diagnostics/inert-text';
import type { Reporter } from './file-result';
import { summarize } from './file-result';

export const jsonReporter: Reporter = (results, context) => {
  const output = {
    tool: 'report',
    version: context.toolVersion,
    formatVersion: 1,
    lang: context.lang,
    summary: summarize(results),
    files: results.map((result) => ({
      file: result.file,
      status: result.status,
      ...(result.edition ? { edition: result.edition } : {}),
      ...(result.format ? { format: result.format } : {}),
      ...(result.readAs ? { readAs: result.readAs } : {}),
      ...countBySeverity(result.diagnostics),
      ...(result.error ? { error: result.error } : {}),
      diagnostics: result.diagnostics,
    })),
  };
  return `${inertJson(JSON.stringify(output, null, 2))}\n`;
};
