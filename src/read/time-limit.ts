// How long one input may take to read: within 10 s for any input the size limit lets in (20 MB), start-up included.
// A report of any kind reads in well under a second (the 0.4 MB real PDF in 0.8 s, a workbook in 0.05 s), and the
// readers stop early on what shows no report (a PDF is judged on its first pages): 8 s leaves a margin of eight or more
// for a slow or busy machine, and stops a parser caught in a loop on a damaged file long before a user gives up.
// Legacy documents (.doc, .wps, .rtf) are opened by LibreOffice, whose own start in a fresh profile takes a few
// seconds: they get 9.5 s. `--timeout SECONDS` sets another limit for every input.

/** The default limits, in seconds (also what `--help` says). */
export const DEFAULT_TIME_LIMIT = { seconds: 8, legacySeconds: 9.5 } as const;

/** `--timeout SECONDS` when given; otherwise undefined, and each input gets the default for its kind. */
export type TimeLimit = number | undefined;

/**
 * LibreOffice's own limit on a legacy document, a second inside the reader's, so that its failure is told as
 * LibreOffice's. The sandbox passes a `--timeout` to its processes as REPORT_READ_SECONDS.
 */
export function officeSeconds(): number {
  const given = Number(process.env.REPORT_READ_SECONDS);
  return Number.isFinite(given) && given > 1 ? given - 1 : DEFAULT_TIME_LIMIT.legacySeconds - 1;
}

const LEGACY = /\.(doc|wps|rtf)$/i;

/** The limit for the input named `path`, in seconds. */
export function readTimeLimit(limit: TimeLimit, path = ''): number {
  if (limit !== undefined) return limit;
  return LEGACY.test(path) ? DEFAULT_TIME_LIMIT.legacySeconds : DEFAULT_TIME_LIMIT.seconds;
}
