// Expands convert's arguments into input files: files as given, folders recursively (readable kinds only), globs.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

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

/** Every input once, in a stable order; `exclude` (the output folder) is never read. */
export function collectInputs(args: readonly string[], exclude: string): string[] {
  const excluded = resolve(exclude);
  const found: string[] = [];
  for (const arg of args) {
    if (!existsSync(arg) && /[*?[{]/.test(arg)) {
      found.push(...globSync(arg, { onlyFiles: true, dot: false, absolute: isAbsolute(arg) }).sort());
    } else if (existsSync(arg) && statSync(arg).isDirectory()) {
      found.push(...walk(arg, excluded));
    } else {
      // A missing or odd file is still an input: it is recorded as unreadable, not dropped.
      found.push(arg);
    }
  }
  return [...new Set(found)];
}

function walk(dir: string, excluded: string): string[] {
  if (resolve(dir) === excluded) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path, excluded));
    else if (READABLE_EXTENSIONS.includes(extname(entry.name).toLowerCase()) && !entry.name.startsWith('~$'))
      files.push(path);
  }
  return files;
}

/** Code-unit order: the same on every machine, whatever its locale or its Node's ICU (localeCompare is neither). */
function byName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}
