// One run at a time in an output folder: two runs would name outputs over each other and each write its own summary.
// The lock is a file holding the owner's process id, created exclusively; one whose owner is gone (killed, the
// machine restarted) is taken over, so a kill -9 never leaves a folder locked.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = '.report-lock';

/** Another run, alive, holds the folder. */
export class FolderLocked extends Error {
  constructor(readonly pid: number) {
    super(`locked by process ${pid}`);
  }
}

/** Takes the folder's lock; the function that gives it back (also called when the process exits). */
export function lockFolder(outDir: string): () => void {
  const path = join(outDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const owner = ownerOf(path);
      if (owner !== undefined && owner !== process.pid && processAlive(owner)) throw new FolderLocked(owner);
      // The owner is gone: its lock goes, and this run tries once more (another may have been quicker).
      rmSync(path, { force: true });
    }
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    if (ownerOf(path) === process.pid) rmSync(path, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  return release;
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
