// `report template`: writes a blank (or prefilled) workbook of an edition, never over an existing file unless --force;
// the folder is created when missing, as build and convert do.
import { existsSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { countBySeverity, type Lang } from '../diagnostics/diagnostic';
import { languageWords } from '../diagnostics/words';
import { defaultEditionId, editionForYear, editions, getEdition, isEditionId } from '../editions';
import { fieldsOf } from '../editions/fields';
import { numberAt } from '../model/pointer';
import { ReadError, type ReadReport } from '../model/read-report';
import { readInput } from '../read/read-input.node';
import { carryForward } from '../template/carry-forward';
import { loadValidators } from '../validate/schema-check';
import { type RuleSetting, validateReport } from '../validate/validate-report';
import { say, UsageError } from './cli-messages';
import { reportFailure } from './report-failure';
import { type CommonOptions, resolveCommon } from './shared-options';
import { prepareDirectory, writeOutputs } from './write-outputs';

export interface TemplateFlags extends CommonOptions {
  edition?: string;
  agency?: string;
  year?: string;
  from?: string;
  output: string;
  force?: boolean;
}

export async function runTemplate(flags: TemplateFlags): Promise<number> {
  let lang: Lang = 'zh';
  try {
    const common = resolveCommon(flags);
    lang = common.lang;
    const last = flags.from === undefined ? undefined : await readLastYear(flags.from, lang);
    const lastYear = last ? numberAt(last.model, '/year') : undefined;
    if (last && lastYear === undefined && flags.year === undefined)
      throw new UsageError('fromNoYear', { file: flags.from ?? '' });
    const year = flags.year === undefined ? (lastYear === undefined ? undefined : lastYear + 1) : parseYear(flags.year);
    const edition = chooseEdition(flags.edition, year, common.config.edition);
    const output = flags.output;
    if (extname(output).toLowerCase() !== '.xlsx') throw new UsageError('outputNotXlsx', { file: output });
    if (existsSync(output) && !flags.force) throw new UsageError('outputExists', { file: output });

    const expected = year === undefined ? undefined : editionForYear(year);
    if (expected && expected.id !== edition.id) {
      process.stderr.write(
        `report: ${say(lang, 'editionYearMismatch', { year: year ?? '', expected: expected.id, edition: edition.id })}\n`,
      );
    }
    // exceljs is loaded only here: validate never pays for it.
    const { writeTemplate } = await import('../template/write-template');
    const carried =
      last && year !== undefined
        ? carryForward(last.model, basename(flags.from ?? ''), {
            ...(flags.agency ? { agency: flags.agency.trim() } : {}),
            year,
          })
        : undefined;
    const agency =
      flags.agency?.trim() ?? (typeof carried?.model.agency === 'string' ? carried.model.agency : undefined);
    const bytes = await writeTemplate(edition, {
      ...(agency ? { agency } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(carried ? { model: carried.model, notes: carried.notes } : {}),
    });
    prepareDirectory(dirname(resolve(output)));
    writeOutputs([{ path: output, bytes }], flags.from ? [flags.from] : []);
    const about = [agency, year !== undefined ? say(lang, 'templateYear', { year }) : undefined]
      .filter(Boolean)
      .join(languageWords[lang].listSeparator);
    const editionName = edition.name[lang];
    process.stdout.write(
      `${say(lang, 'templateWritten', { edition: editionName, file: output, about: about ? languageWords[lang].aside(about) : '' })}\n`,
    );
    if (carried) {
      process.stdout.write(
        `${say(lang, 'templateCarried', { file: flags.from ?? '', columns: carried.carriedColumns })}\n`,
      );
    }
    if (last) warnAboutLastYear(last, flags.from ?? '', lang, common.config.rules);
    return 0;
  } catch (error) {
    return reportFailure(error, lang, flags.debug === true);
  }
}

async function readLastYear(path: string, lang: Lang): Promise<ReadReport> {
  try {
    // Last year's report may be any readable input, published or a workbook: read as convert reads it.
    return await readInput(path, { lenient: true });
  } catch (error) {
    if (error instanceof ReadError) throw new UsageError('previousUnreadable', { detail: error.describe(lang) });
    throw error;
  }
}

/**
 * The template is written all the same, but what it carries is only as good as last year's report: one with errors
 * may carry a wrong figure, and one without figures (a blank template) carries nothing. Said on standard error.
 */
function warnAboutLastYear(last: ReadReport, file: string, lang: Lang, rules: Readonly<Record<string, RuleSetting>>) {
  loadValidators();
  const { edition, diagnostics } = validateReport(last, { lang, rules });
  const fields = fieldsOf(edition ?? getEdition(defaultEditionId));
  const figures = fields.numeric.filter((field) => numberAt(last.model, field.pointer) !== undefined).length;
  const { errors } = countBySeverity(diagnostics);
  // A blank report's errors are its blanks: saying there are no figures says it all.
  if (figures === 0) process.stderr.write(`report: ${say(lang, 'fromNoFigures', { file })}\n`);
  else if (errors > 0) process.stderr.write(`report: ${say(lang, 'fromHasErrors', { file, count: errors })}\n`);
}

/** The official formats apply from 2019; a template is made for a year that has been, is, or is next. */
const FIRST_YEAR = 2019;

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError('badYear', { value });
  const year = Number(value.trim());
  const last = new Date().getFullYear() + 1;
  if (year < FIRST_YEAR || year > last) throw new UsageError('yearOutOfRange', { value, first: FIRST_YEAR, last });
  return year;
}

function chooseEdition(flag: string | undefined, year: number | undefined, configured: string | undefined) {
  const choices = editions.map((edition) => edition.id).join(' | ');
  if (flag !== undefined) {
    if (!isEditionId(flag)) throw new UsageError('badEdition', { choices, value: flag });
    return getEdition(flag);
  }
  const byYear = year === undefined ? undefined : editionForYear(year);
  if (byYear) return byYear;
  return getEdition(configured && isEditionId(configured) ? configured : defaultEditionId);
}
