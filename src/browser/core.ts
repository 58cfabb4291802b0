// The core for the browser: `report validate --format json` and `report build --to html` over bytes already in hand
// (a file the filer picked), through the same pipeline as the command line — read-bytes.ts, validateReport, the JSON
// reporter, layout and the HTML renderer. No file, process or clock access: the bundle (scripts/browser-bundle.ts)
// swaps each `*.node` adapter for its `*.browser` sibling, and a Node built-in anywhere fails it.
import type { Diagnostic, Lang } from '../diagnostics/diagnostic';
import { countBySeverity } from '../diagnostics/diagnostic';
import { ReadError, type ReadReport } from '../model/read-report';
import { readBytes } from '../read/read-bytes';
import { renderHtml } from '../render/html';
import { layoutReport } from '../render/layout';
import { checkedResult, unreadableResult } from '../reporters/file-result';
import { jsonReporter } from '../reporters/json';
import { beyondSizeLimits } from '../validate/schema-check';
import { validateReport } from '../validate/validate-report';

/** The package's version, as the command line prints it (bundled from package.json). */
export const toolVersion: string = (require('../../package.json') as { version: string }).version;

/** The extension a reader is chosen by, as Node's path.extname finds it in the name's last part, lower-cased. */
function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** What `report validate FILE --format json` prints for these bytes, as an object. */
export function validateWorkbookBytes(bytes: Uint8Array, fileName: string, lang: Lang = 'zh'): unknown {
  let result: ReturnType<typeof checkedResult>;
  try {
    const report = readBytes(bytes, fileName, extensionOf(fileName));
    result = checkedResult(fileName, report, validateReport(report, { lang }));
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    result = unreadableResult(fileName, error.messageId, error.describe(lang));
  }
  return JSON.parse(jsonReporter([result], { lang, color: false, toolVersion }));
}

export interface BuiltHtml {
  /** The page `report build FILE --to html` writes; absent when the build is refused. */
  html?: string;
  /** Why it was refused: the input unreadable, no edition, errors (without `force`), or past the size limits. */
  refused?: 'unreadable' | 'noEdition' | 'errors' | 'beyondLimits';
  diagnostics: Diagnostic[];
}

/** `report build FILE --to html` for these bytes: checked first, refused as the command line refuses. */
export function buildHtml(
  bytes: Uint8Array,
  fileName: string,
  options: { lang?: Lang; force?: boolean; date?: string } = {},
): BuiltHtml {
  const lang = options.lang ?? 'zh';
  let report: ReadReport;
  try {
    report = readBytes(bytes, fileName, extensionOf(fileName));
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    return { refused: 'unreadable', diagnostics: [] };
  }
  const { edition, diagnostics } = validateReport(report, { lang });
  if (!edition) return { refused: 'noEdition', diagnostics };
  const { errors } = countBySeverity(diagnostics);
  if (errors && !options.force) return { refused: 'errors', diagnostics };
  if (beyondSizeLimits(diagnostics)) return { refused: 'beyondLimits', diagnostics };
  // As output/render-outputs.ts renders HTML (that file also reaches DOCX and the template, which are Node's for now).
  const document = layoutReport(report.model, edition, {
    notValidated: errors > 0,
    ...(options.date ? { date: options.date } : {}),
  });
  return { html: renderHtml(document, report.model, `report ${toolVersion}`), diagnostics };
}
