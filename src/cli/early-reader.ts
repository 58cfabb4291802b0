// Starts the guarded reader's process for a command that will read untrusted inputs, before the command line itself
// loads (bin/report.js calls this first): the reader's start-up, a second Node's, then overlaps all of that.
import { startReaderEarly } from '../read/guarded-reader';

/** The commands that read untrusted inputs, on the guarded reader's process. */
const READING_COMMANDS = new Set(['validate', 'build', 'import']);

export function startReaderFor(argv: readonly string[]): void {
  if (READING_COMMANDS.has(argv[2] ?? '') && !argv.some((arg) => arg === '--help' || arg === '-h')) startReaderEarly();
}
