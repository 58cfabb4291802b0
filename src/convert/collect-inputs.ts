// Expands convert's arguments into input files: files as given, folders recursively (readable kinds only), globs.
// Nothing inside the output folder is ever an input: our own outputs are not read back.

import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, resolve, sep } from 'node:path';
import { globSync } from 'tinyglobby';
import { appendAll } from '../model/many-values';

export const READABLE_EXTENSIONS = [
  '.xlsx',
  '.xlsm',
  '.xls',
  '.et',
  '.ods',
  '.json',
  '.html',
  '.htm',
  '.txt',
  '.docx',
  '.pdf',
];

export interface CollectedInputs {
  files: string[];
  /** An input folder that holds the output folder (or is it): its part under the output folder was not read. */
  outputInside?: { folder: string; same: boolean };
}

/** Every input once, in a stable order; nothing under `outDir` (through links too). */
export function collectInputs(args: readonly string[], outDir: string): CollectedInputs {
  const excluded = realOrResolved(outDir);
  const insideOutput = (path: string) => isWithin(realOrResolved(path), excluded);
  const found: string[] = [];
  let outputInside: CollectedInputs['outputInside'];
  for (const arg of args) {
    if (!existsSync(arg) && /[*?[{]/.test(arg)) {
      appendAll(found, globSync(arg, { onlyFiles: true, dot: false, absolute: isAbsolute(arg) }).sort());
    } else if (existsSync(arg) && statSync(arg).isDirectory()) {
      const folder = realOrResolved(arg);
      if (!outputInside && isWithin(excluded, folder)) outputInside = { folder: arg, same: folder === excluded };
      appendAll(found, walk(arg, excluded));
    } else {
      // A missing or odd file is still an input: it is recorded as unreadable, not dropped.
      found.push(arg);
    }
  }
  const files = [...new Set(found)].filter((path) => !insideOutput(path));
  return outputInside ? { files, outputInside } : { files };
}

function walk(dir: string, excluded: string): string[] {
  if (realOrResolved(dir) === excluded) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) appendAll(files, walk(path, excluded));
    else if (READABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !entry.name.startsWith('~$'))
      files.push(path);
  }
  return files;
}

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
