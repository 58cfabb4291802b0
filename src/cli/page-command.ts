// `report page -o FILE`: writes the filer's page (issue 21), the one HTML file `npm run build` made
// (scripts/build-page.ts), never over an existing file unless --force, nor over an input; `-o -` to standard output.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Lang } from '../diagnostics/diagnostic';
import { BUILT_PAGE, packageRoot } from '../package-root';
import { say, UsageError } from './cli-messages';
import { reportFailure } from './report-failure';
import { type CommonOptions, resolveCommon } from './shared-options';
import { displayPath, prepareDirectory, writeOutputs } from './write-outputs';

export interface PageFlags extends CommonOptions {
  output: string;
  force?: boolean;
}

export async function runPage(flags: PageFlags): Promise<number> {
  let lang: Lang = 'zh';
  try {
    lang = resolveCommon(flags).lang;
    const built = join(packageRoot(), BUILT_PAGE);
    if (!existsSync(built)) throw new UsageError('pageNotBuilt');
    const page = readFileSync(built);
    if (flags.output === '-') {
      process.stdout.write(page);
      return 0;
    }
    if (!/\.html?$/i.test(flags.output)) throw new UsageError('outputNotHtml', { file: flags.output });
    if (existsSync(flags.output) && !flags.force) throw new UsageError('outputExists', { file: flags.output });
    prepareDirectory(dirname(resolve(flags.output)));
    // The page itself is the one input: written over, it would be lost.
    writeOutputs([{ path: flags.output, bytes: page }], [built]);
    const size = Math.round(page.length / 1024);
    process.stdout.write(`${say(lang, 'pageWritten', { file: displayPath(resolve(flags.output)), size })}\n`);
    return 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}
