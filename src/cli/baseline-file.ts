// The reviewer's baseline file for validate and convert: read as carefully as the config (config.ts's reader: a
// regular file, bounded, UTF-8, JSON nested no deeper than a config), checked by validate/baseline.ts, and written by
// --write-baseline atomically, never over an input.
import { fillTemplate, type Lang } from '../diagnostics/diagnostic';
import { inert } from '../diagnostics/inert-text';
import { defineWords, languageWords } from '../diagnostics/words';
import { writeFileAtomic } from '../output/write-atomic.node';
import { type BaselineEntry, BaselineIndex, parseBaseline } from '../validate/baseline';
import { type CliMessageId, say, UsageError } from './cli-messages';
import { ConfigError, type Problem, parseConfig, problems, readConfigFile } from './config';
import { inputGuard } from './write-outputs';

/** A baseline of a few thousand reports' findings: some 500 bytes an entry. */
export const MAX_BASELINE_BYTES = 64 * 1024 * 1024;

/** The details of a baseline's problems that differ from a config's. */
const baselineProblems = {
  tooLarge: { zh: '超过 {limitMb} MB 的上限，未读取', en: 'it is over the {limitMb} MB limit: not read' },
  empty: {
    zh: '文件是空的，至少应写 { "version": 1, "decisions": [] }',
    en: 'the file is empty; write at least { "version": 1, "decisions": [] }',
  },
  shape: { zh: '{where} 应为 {expected}', en: '{where} should be {expected}' },
};

/** The baseline at `file`, ready to apply; a usage error (exit 2) when it cannot be read or is wrong. */
export function loadBaseline(file: string, lang: Lang): BaselineIndex {
  const problem = (messageId: CliMessageId, id: Problem, params: Record<string, string | number> = {}) => {
    const own = baselineProblems[id as keyof typeof baselineProblems];
    const detail = fillTemplate((own ?? problems[id])[lang], params);
    const baselineId = messageId === 'configUnreadable' ? 'baselineUnreadable' : 'baselineInvalid';
    return new ConfigError(baselineId, { file, detail }, lang, { id, params });
  };
  const raw = parseConfig(readConfigFile(file, problem, MAX_BASELINE_BYTES), file, problem);
  const parsed = parseBaseline(raw);
  if ('problem' in parsed) {
    const detail = fillTemplate(baselineProblems.shape[lang], { ...parsed.problem });
    throw new UsageError('baselineInvalid', { file, detail });
  }
  return new BaselineIndex(parsed.baseline);
}

/** Writes a baseline atomically; refused when its path is one of the inputs (or the baseline read). */
export function writeBaseline(file: string, text: string, inputs: readonly string[]): void {
  inputGuard(inputs)([file]);
  try {
    writeFileAtomic(file, text);
  } catch (error) {
    throw new UsageError('outputFailed', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
}

const tallyWords = defineWords({
  zh: { listed: (list: string) => `：${list}` },
  en: { listed: (list) => `: ${list}` },
});

/** Stale entries named in the tally line, at most. */
const STALE_LISTED = 5;

/** The one line that says what the baseline did: decisions applied, and the stale ones (the first few named). */
export function baselineTally(file: string, index: BaselineIndex, lang: Lang): string {
  const { applied, stale } = index.tally();
  const named = stale.slice(0, STALE_LISTED).map((entry: BaselineEntry) => `${entry.rule} ${entry.at}`);
  const more = stale.length > STALE_LISTED ? ` …` : '';
  const staleList = named.length
    ? tallyWords[lang].listed(`${named.join(languageWords[lang].enumeration)}${more}`)
    : '';
  return inert(say(lang, 'baselineTally', { file, applied, stale: stale.length, staleList }));
}
