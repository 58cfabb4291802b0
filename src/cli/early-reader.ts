// Starts a sandbox process for a command that will read untrusted inputs, before the command line itself loads
// (bin/report.js calls this first): the process's start-up, a second Node's, then overlaps all of that.
import { startSandboxEarly } from '../sandbox/sandbox-pool';

/** The commands that read untrusted inputs one at a time, on a sandbox of one process. */
const READING_COMMANDS = new Set(['validate', 'build', 'import']);

export function startReaderFor(argv: readonly string[]): void {
  if (READING_COMMANDS.has(argv[2] ?? '') && !argv.some((arg) => arg === '--help' || arg === '-h')) startSandboxEarly();
}
