// The layers of docs/architecture.md, checked over every import of src/: a folder imports only its own files and the
// folders of lower layers, so no two folders import each other; and the core files that still import a Node built-in
// are the listed ones (the list may only shrink as they move behind adapters).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from './helpers';

const SRC = join(ROOT, 'src');

/** Folder (or top-level file, without .ts) → layer, from the table of docs/architecture.md. */
function layers(): Map<string, number> {
  const table = new Map<string, number>();
  for (const line of readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8').split('\n')) {
    const row = /^\|\s*(\d+)\s*\|\s*([^|]+)\|/.exec(line);
    if (!row) continue;
    for (const name of (row[2] ?? '').split(',')) table.set(name.trim(), Number(row[1]));
  }
  return table;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The room of a file: its top folder under src/, or its own name for a file at the top. */
const roomOf = (path: string) => (relative(SRC, path).split(sep)[0] ?? '').replace(/\.ts$/, '');

/** Every module a file names: static imports and exports, require() and import() (type-only ones included). */
function specifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\brequire\(\s*|\bimport\(\s*|^import\s+)['"]([^'"]+)['"]/gm))
    found.push(match[1] as string);
  return found;
}

const files = sourceFiles(SRC);
const table = layers();

test('every folder of src/ has a layer in docs/architecture.md', () => {
  const rooms = [...new Set(files.map(roomOf))].sort();
  expect(rooms.filter((room) => !table.has(room))).toEqual([]);
});

test('every import goes down the layers, or stays in its folder', () => {
  const wrong: string[] = [];
  for (const file of files) {
    const room = roomOf(file);
    for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
      // Within src/: a file of the package outside it (the generated schemas/validators.cjs) is in no layer.
      if (!specifier.startsWith('.') || !resolve(dirname(file), specifier).startsWith(SRC + sep)) continue;
      const target = roomOf(resolve(dirname(file), specifier));
      if (target === room) continue;
      if ((table.get(target) ?? Number.POSITIVE_INFINITY) >= (table.get(room) ?? -1))
        wrong.push(
          `${relative(ROOT, file)} (${room}, layer ${table.get(room)}) → ${specifier} (${target}, layer ${table.get(target)})`,
        );
    }
  }
  expect(wrong).toEqual([]);
});

test('no two folders import each other', () => {
  const edges = new Set<string>();
  for (const file of files)
    for (const specifier of specifiers(readFileSync(file, 'utf8')))
      if (specifier.startsWith('.') && resolve(dirname(file), specifier).startsWith(SRC + sep)) {
        const target = roomOf(resolve(dirname(file), specifier));
        if (target !== roomOf(file)) edges.add(`${roomOf(file)}→${target}`);
      }
  const pairs = [...edges].filter((edge) => {
    const [from, to] = edge.split('→');
    return edges.has(`${to}→${from}`);
  });
  expect(pairs).toEqual([]);
});

/** Where Node access belongs: the command line, the sandbox, the batch, LibreOffice, the package's own files. */
const ADAPTER_ROOMS = new Set(['cli', 'sandbox', 'convert', 'office', 'package-root', 'compile-cache']);

/**
 * A `*.node.ts` file is a Node adapter inside a core folder: the core imports it as `./name.node`, and the browser
 * bundle (test/browser-core.test.ts) takes its `*.browser.ts` sibling instead, which exports the same functions.
 */
const isNodeAdapter = (file: string) => file.endsWith('.node.ts');
const isAdapter = (file: string) => ADAPTER_ROOMS.has(roomOf(file)) || isNodeAdapter(file);

/**
 * Core files that still import a Node built-in, to move behind adapters so the core runs in a browser (issue 19).
 * A file may leave this list; none may join it.
 */
const NODE_IN_CORE: string[] = [];

test('outside the adapters, only the listed core files import a Node built-in', () => {
  const builtIn = /^(node:|(fs|path|os|zlib|child_process|worker_threads|crypto|url|util|module|stream)$)/;
  const importing = files
    .filter((file) => !isAdapter(file))
    .filter((file) => specifiers(readFileSync(file, 'utf8')).some((specifier) => builtIn.test(specifier)))
    .map((file) => relative(ROOT, file).split(sep).join('/'))
    .sort();
  expect(importing).toEqual(NODE_IN_CORE);
});

/** The .ts file an import names, or undefined for a package or a file outside src/. */
function resolveFile(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (files.includes(candidate)) return candidate;
  return undefined;
}

test('no file imports itself round a circle of files (type-only imports included)', () => {
  const next = new Map(
    files.map((file) => [
      file,
      specifiers(readFileSync(file, 'utf8')).flatMap((specifier) => resolveFile(file, specifier) ?? []),
    ]),
  );
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const start of files) {
    if (state.has(start)) continue;
    // Iterative depth-first walk: the path of open files, each with the imports still to follow.
    const path: { file: string; rest: string[] }[] = [{ file: start, rest: [...(next.get(start) ?? [])] }];
    state.set(start, 'open');
    while (path.length > 0) {
      const top = path[path.length - 1] as { file: string; rest: string[] };
      const target = top.rest.pop();
      if (target === undefined) {
        state.set(top.file, 'done');
        path.pop();
      } else if (state.get(target) === 'open') {
        const from = path.findIndex((step) => step.file === target);
        circles.push(
          path
            .slice(from)
            .map((step) => relative(ROOT, step.file))
            .join(' → '),
        );
      } else if (!state.has(target)) {
        state.set(target, 'open');
        path.push({ file: target, rest: [...(next.get(target) ?? [])] });
      }
    }
  }
  expect(circles).toEqual([]);
});

test('a core file imports a *.node adapter only where a *.browser sibling stands in for it', () => {
  const missing: string[] = [];
  for (const file of files.filter((file) => !isAdapter(file)))
    for (const specifier of specifiers(readFileSync(file, 'utf8')))
      if (specifier.startsWith('.') && specifier.endsWith('.node')) {
        const sibling = `${resolve(dirname(file), specifier).replace(/\.node$/, '')}.browser.ts`;
        if (!files.includes(sibling)) missing.push(`${relative(ROOT, file)} → ${specifier}`);
      }
  expect(missing).toEqual([]);
});
