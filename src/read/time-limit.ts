// How long one input may take to read. Unless `--timeout` fixes it, the limit grows with the file: a report of any
// kind reads in well under a second per megabyte here (the 0.4 MB real PDF in 0.8 s, a workbook in 0.05 s), so
// 6 s plus 4 s per MB leaves a margin of six or more for slow machines, yet stops a parser caught in a loop on a small
// damaged file within 10 s instead of a minute. Past 13.5 MB the 60 s ceiling holds (inputs stop at 20 MB).
import { statSync } from 'node:fs';

const BASE_SECONDS = 6;
const SECONDS_PER_MB = 4;
const MAX_DEFAULT_SECONDS = 60;

/** `--timeout SECONDS` when given; otherwise undefined, and each input gets readTimeLimit(its size). */
export type TimeLimit = number | undefined;

/** The limit for an input of `bytes` bytes, in seconds to a tenth. */
export function readTimeLimit(limit: TimeLimit, bytes: number): number {
  if (limit !== undefined) return limit;
  const seconds = BASE_SECONDS + (SECONDS_PER_MB * Math.max(0, bytes)) / 1024 / 1024;
  return Math.min(MAX_DEFAULT_SECONDS, Math.ceil(seconds * 10) / 10);
}

/** The size of a file about to be read, 0 when it cannot be seen (its reader will say why). */
export function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}
