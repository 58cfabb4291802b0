// Resolves what several commands share: language, config, colour.
import type { Lang } from '../diagnostics/diagnostic';
import { firstDate, isoDate } from '../model/calendar-date';
import type { TimeLimit } from '../read/time-limit';
import { type CliMessageId, UsageError } from './cli-messages';
import { type Config, loadConfig } from './config';

/** The options every command takes. */
export interface CommonOptions {
  lang?: string;
  /** `--timeout SECONDS`, on the commands that read inputs. */
  timeout?: string;
  config?: string;
  color?: boolean;
  debug?: boolean;
}

export interface Resolved {
  lang: Lang;
  config: Config;
  color: boolean;
  debug: boolean;
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (value !== 'zh' && value !== 'en') throw new UsageError('badLang', { value });
  return value;
}

export function resolveCommon(options: CommonOptions): Resolved {
  const flagLang = parseLang(options.lang);
  const envLang = process.env.REPORT_LANG === 'en' ? 'en' : undefined;
  // A broken config is told in the language known without it.
  const config = loadConfig(options.config, flagLang ?? envLang ?? 'zh');
  const lang = flagLang ?? config.lang ?? envLang ?? 'zh';
  // NO_COLOR (any value) and --no-color turn colours off; otherwise colour only on a terminal.
  const color =
    options.color !== false &&
    !process.env.NO_COLOR &&
    (Boolean(process.env.FORCE_COLOR) || process.stdout.isTTY === true);
  return { lang, config, color, debug: options.debug === true };
}

/** `--timeout SECONDS`: how long one input may take to read (default: by its size, see time-limit.ts). */
export function parseTimeout(value: string | undefined): TimeLimit {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(seconds > 0) || seconds > 86400)
    throw new UsageError('badTimeout', { value });
  return seconds;
}

/** A date option (`--date`, `--published`, the config's `date`): a day of the calendar written YYYY-MM-DD. */
export function parseDateOption(
  value: string | undefined,
  messageId: Extract<CliMessageId, 'badDate' | 'badPublished'>,
): string | undefined {
  if (value === undefined) return undefined;
  const date = firstDate(value);
  if (!date || isoDate(date) !== value) throw new UsageError(messageId, { value });
  return value;
}
