// `report diff LAST THIS`: two readable reports of one body compared year over year, as text, JSON or HTML.

import { countBySeverity, type Lang } from '../diagnostics/diagnostic';
import { inert } from '../diagnostics/inert-text';
import { compareYears } from '../diff/compare-years';
import { agencyNote, diffHtml, diffJson, diffText } from '../diff/diff-reports';
import { agencyKey } from '../model/agency-key';
import { numberAt } from '../model/pointer';
import { ReadError, type ReadReport } from '../model/read-report';
import { readInput } from '../read/read-input.node';
import { say } from './cli-messages';
import { reportFailure } from './report-failure';
import type { CommonOptions } from './shared-options';
import { resolveCommon } from './shared-options';
import { writeOutputs } from './write-outputs';

export interface DiffFlags extends CommonOptions {
  format: string;
  output?: string;
  strict?: boolean;
}

export async function runDiff(last: string, current: string, flags: DiffFlags, toolVersion: string): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    // Prior years are read as convert reads them: published pages, blanks as 0 with a warning.
    const options = { lenient: !flags.strict };
    const reports: ReadReport[] = [];
    for (const file of [last, current]) {
      try {
        reports.push(await readInput(file, options));
      } catch (error) {
        if (!(error instanceof ReadError)) throw error;
        process.stderr.write(`report: ${inert(error.describe(lang))}\n`);
        return 2;
      }
    }
    const [previousReport, currentReport] = inYearOrder(reports as [ReadReport, ReadReport], lang);
    const diff = compareYears(previousReport, currentReport, {
      lang,
      rules: common.config.rules,
      thresholds: common.config.thresholds,
    });
    const notes = agencyNote(diff, lang, agencyKey);
    const output =
      flags.format === 'json'
        ? diffJson(diff, toolVersion)
        : flags.format === 'html'
          ? diffHtml(diff, previousReport, currentReport, lang, notes)
          : diffText(diff, lang, notes);
    if (flags.output === undefined || flags.output === '-') process.stdout.write(output);
    else {
      writeOutputs([{ path: flags.output, bytes: output }], [last, current]);
      process.stdout.write(`${say(lang, 'diffWritten', { file: flags.output })}\n`);
    }
    return countBySeverity(diff.diagnostics).errors > 0 ? 1 : 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

/**
 * LAST and THIS as given, unless LAST is the later year: then they were given the wrong way round, and comparing
 * backwards would call this year's figures last year's (X301 between the wrong columns). Swapped, with a note.
 */
function inYearOrder(reports: [ReadReport, ReadReport], lang: Lang): [ReadReport, ReadReport] {
  const [last, current] = reports;
  const lastYear = numberAt(last.model, '/year');
  const year = numberAt(current.model, '/year');
  if (lastYear === undefined || year === undefined || lastYear <= year) return reports;
  process.stderr.write(
    `report: ${say(lang, 'diffSwapped', { last: last.file, lastYear, current: current.file, year })}\n`,
  );
  return [current, last];
}
