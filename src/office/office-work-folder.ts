// LibreOffice's private work folder, and the end of a run in it. `soffice` is a launcher that starts soffice.bin as
// its child: a time limit that kills the launcher leaves soffice.bin running, still writing into the folder (seen:
// rmdir failing with ENOTEMPTY under load, reported as an internal error). So every process whose command line names
// the folder is stopped first, and the folder is then removed with retries; removal is best effort and never fails
// the read — a temporary folder left behind is no reason to lose the report.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function officeWorkFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Stops what still runs in `work` (Linux's /proc; elsewhere nothing to find), then removes the folder. */
export function endOfficeRun(work: string): void {
  for (const pid of processesNaming(work)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  try {
    rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } catch {
    // Left in the temporary folder: the system clears it.
  }
}

function processesNaming(work: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      // Arguments are NUL-separated; the profile's file URL and --outdir both hold the folder's path.
      if (readFileSync(join('/proc', entry, 'cmdline'), 'latin1').includes(work)) found.push(Number(entry));
    } catch {
      // Ended while listed, or not ours to read.
    }
  }
  return found;
}
