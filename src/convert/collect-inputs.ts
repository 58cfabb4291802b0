// Expands convert's arguments into input files: files as given, folders recursively, globs. Every file of a folder is
// an input, of whatever kind: one `report` does not read is listed as unsupported with what it is, never dropped —
// only hidden files and the lock files Office leaves beside an open document (`~$…`) are not files of the batch.
// Nothing inside the output folder is ever an input: our own outputs are not read back. A folder that cannot be
// listed (no permission, a path past the system's length limit, a loop) is one line in the list of what was skipped,
// and the batch goes on with the rest.

import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { appendAll } from '../model/many-values';

/** A folder that could not be listed, and the system's word for why (EACCES, ENAMETOOLONG, ELOOP, …). */
export interface SkippedFolder {
  path: string;
  code: string;
}

export interface CollectedInputs {
  files: string[];
  /** An input folder that holds the output folder (or is it): its part under the output folder was not read. */
  outputInside?: { folder: string; same: boolean };
  /** Folders that could not be listed: their files are not in the batch. */
  skipped: SkippedFolder[];
}

/** Every input once, in a stable order; nothing under `outDir` (through links too), when there is one. */
export function collectInputs(args: readonly string[], outDir?: string): CollectedInputs {
  const excluded = outDir === undefined ? undefined : realOrResolved(outDir);
  const insideOutput = (path: string) => excluded !== undefined && isWithin(realOrResolved(path), excluded);
  const found: string[] = [];
  const skipped: SkippedFolder[] = [];
  let outputInside: CollectedInputs['outputInside'];
  for (const arg of args) {
    const isFolder = folderOrNot(arg);
    if (isFolder === undefined && /[*?[{]/.test(arg)) {
      try {
        const matched = globSync(arg, { onlyFiles: true, dot: false, absolute: isAbsolute(arg) });
        // A glob finds what a folder's walk would: no Office lock file (dot: false already leaves hidden ones out).
        appendAll(found, matched.filter((path) => !basename(path).startsWith('~$')).sort());
      } catch (error) {
        skipped.push({ path: arg, code: codeOf(error) });
      }
    } else if (isFolder === true) {
      const folder = realOrResolved(arg);
      if (excluded !== undefined && !outputInside && isWithin(excluded, folder))
        outputInside = { folder: arg, same: folder === excluded };
      walk(arg, excluded, found, skipped);
    } else {
      // A missing or odd file is still an input: it is recorded as unreadable, not dropped.
      found.push(arg);
    }
  }
  const files = [...new Set(found)].filter((path) => !insideOutput(path));
  return outputInside ? { files, outputInside, skipped } : { files, skipped };
}

/** Whether a path is a folder; undefined when it is not there (or cannot be seen). */
function folderOrNot(path: string): boolean | undefined {
  try {
    return existsSync(path) ? statSync(path).isDirectory() : undefined;
  } catch {
    return false;
  }
}

/**
 * The readable files under `root`, in name order, each subfolder where its name falls, into `files`. A stack of open
 * folders rather than recursion: a tree deeper than any call stack is walked to the system's own path-length limit,
 * where its folders are skipped.
 */
function walk(root: string, excluded: string | undefined, files: string[], skipped: SkippedFolder[]): void {
  const open: { dir: string; entries: ReturnType<typeof listFolder>; next: number }[] = [];
  const enter = (dir: string) => {
    if (realOrResolved(dir) === excluded) return;
    try {
      open.push({ dir, entries: listFolder(dir), next: 0 });
    } catch (error) {
      skipped.push({ path: dir, code: codeOf(error) });
    }
  };
  enter(root);
  while (open.length) {
    const top = open[open.length - 1] as (typeof open)[number];
    const entry = top.entries[top.next++];
    if (!entry) {
      open.pop();
      continue;
    }
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(top.dir, entry.name);
    if (entry.isDirectory()) enter(path);
    else if (!entry.name.startsWith('~$')) files.push(path);
  }
}

function listFolder(dir: string) {
  return readdirSync(dir, { withFileTypes: true }).sort(byName);
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? String(error);

/** `path` is `folder` or lies under it. */
function isWithin(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** The real path, links resolved; for a path not there yet, its nearest existing parent's real path and the rest. */
function realOrResolved(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(resolve(path));
    return parent === resolve(path) ? resolve(path) : join(realOrResolved(parent), basename(path));
  }
}

/** Code-unit order: the same on every machine, whatever its locale or its Node's ICU (localeCompare is neither). */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
