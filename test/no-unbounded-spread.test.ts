// No list an input can make long is spread into a call: `push(...list)`, `Math.min(...list)` and the like put every
// element on the stack and throw past about 100,000 — a 200 KB text or a 6 KB PDF is enough. Every call in src/ that
// spreads an argument must spread a literal array, or say on its line or the line before why the list is bounded
// (`// bounded: …`); src/model/many-values.ts has the loops to use instead.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as ts from 'typescript';
import { ROOT } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each spread into a call or `new` in a file, as `file:line: text`, unless it is a literal array or marked bounded. */
function unboundedSpreads(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
      for (const argument of node.arguments) {
        if (!ts.isSpreadElement(argument) || ts.isArrayLiteralExpression(argument.expression)) continue;
        const line = file.getLineAndCharacterOfPosition(argument.getStart()).line;
        const marked = [lines[line], lines[line - 1]].some((said) => /\/\/ bounded: \S/.test(said ?? ''));
        if (!marked) found.push(`${relative(ROOT, path)}:${line + 1}: ${(lines[line] ?? '').trim()}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('no call in src/ spreads a list an input can make long', () => {
  const found = sources(join(ROOT, 'src')).flatMap(unboundedSpreads);
  expect(found).toEqual([]);
});

test('the check finds what it is meant to find', () => {
  const sample = join(ROOT, 'test', 'no-unbounded-spread.sample.ts');
  const text = readFileSync(sample, 'utf8');
  expect(text).toContain('push(...');
  expect(unboundedSpreads(sample).map((line) => line.replace(/^.*?:(\d+):.*$/, '$1'))).toEqual(['4', '5', '6']);
});
