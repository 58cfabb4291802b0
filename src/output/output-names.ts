// Names of the files `build` and `convert` write: `<agency><year>年政府信息公开工作年度报告.<ext>`.
import { basename, extname } from 'node:path';
import { reportTitle } from '../render/layout';
import type { Model } from '../validate/rule';

export type OutputFormat = 'docx' | 'html' | 'json' | 'pdf';
/** What `build` writes unless --to says otherwise; pdf needs LibreOffice, so it is asked for by name. */
export const defaultOutputFormats: readonly OutputFormat[] = ['docx', 'html', 'json'];
export const outputFormats: readonly OutputFormat[] = [...defaultOutputFormats, 'pdf'];

/** The base name for a report's outputs; a forced build of a failing report says so in the name. */
export function outputBaseName(model: Model, inputPath: string, notValidated: boolean): string {
  const complete = typeof model.agency === 'string' && model.agency !== '' && typeof model.year === 'number';
  // Without an agency or a year, the input's own name keeps outputs apart; characters no file system takes are replaced.
  const base = complete ? reportTitle(model) : basename(inputPath, extname(inputPath));
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not reach a file name.
  const safe = base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/[\s\u3000]+/g, '');
  return notValidated ? `${safe}（未通过检查）` : safe;
}
