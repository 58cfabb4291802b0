// How long one input may take to read. Unless `--timeout` fixes it, the limit grows with the file: a report of any
// kind reads in well under a second per megabyte here (the 0.4 MB real PDF in 0.8 s, a workbook in 0.05 s), so
// 6 s plus 4 s per MB leaves a margin of six or more for slow machines, yet stops a parser caught in a loop on a small
// damaged file within 10 s instead of a minute. Past 13.5 MB the 60 s ceiling holds (inputs stop at 20 MB).
import { statSync } from 'node:fs';

/** The default limit, `baseSeconds + secondsPerMb × MB`, at most `maxSeconds` (also what `--help` says). */
export const DEFAULT_TIME_LIMIT = { baseSeconds: 6, secondsPerMb: 4, maxSeconds: 60 } as const;

/** `--timeout SECONDS` when given; otherwise undefined, and each input gets readTimeLimit(its size). */
export type TimeLimit = number | undefined;

/**
 * Legacy documents (.doc, .wps, .rtf) are read through LibreOffice, whose own start in a fresh profile takes seconds:
 * their limit has this much more.
 */
export const LEGACY_EXTRA_SECONDS = 40;
const LEGACY = /\.(doc|wps|rtf)$/i;

/** The limit for an input of `bytes` bytes (named `path`), in seconds to a tenth. */
export function readTimeLimit(limit: TimeLimit, bytes: number, path = ''): number {
  if (limit !== undefined) return limit;
  const { baseSeconds, secondsPerMb, maxSeconds } = DEFAULT_TIME_LIMIT;
  const seconds = baseSeconds + (secondsPerMb * Math.max(0, bytes)) / 1024 / 1024;
  const legacy = LEGACY.test(path) ? LEGACY_EXTRA_SECONDS : 0;
  return Math.min(maxSeconds, Math.ceil(seconds * 10) / 10) + legacy;
}

/** The size of a file about to be read, 0 when it cannot be seen (its reader will say why). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
