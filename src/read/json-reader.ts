// Reads the report model from JSON, with a clear message for syntax errors.
import { ReadError, type ReadReport } from '../model/read-report';

export function readJson(text: string, file: string): ReadReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const { line, column } = positionOf(text, message);
    // V8 appends the offending text and "is not valid JSON"; the first clause is the useful part.
    const detail = message.split(/, (?:\.\.\.)?"|\n/)[0] ?? message;
    throw new ReadError('jsonSyntax', { file, line, column, detail }, { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ReadError('notModel', { file });
  // Every later step walks the model recursively; a report is 4 levels deep.
  if (deeperThan(parsed, MAX_JSON_DEPTH)) throw new ReadError('tooDeep', { file, limit: MAX_JSON_DEPTH });
  return {
    file,
    format: 'json',
    readAs: 'model',
    model: parsed as Record<string, unknown>,
    sources: new Map(),
    findings: [],
    unreadable: new Set(),
  };
}

export const MAX_JSON_DEPTH = 64;

/** Whether a parsed value nests deeper than `limit`, found without recursion. */
export function deeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item; item = stack.pop()) {
    const [node, depth] = item;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/**
 * Node's JSON errors give a character offset ("at position 123") or, for an unexpected token, only the text around it
 * (`Unexpected token '某', ..."agency": 某\n}" is not valid JSON`); people need a line and a column.
 */
function positionOf(text: string, message: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(message);
  let offset = position ? Number(position[1]) : text.length;
  const around = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message);
  if (!position && around?.[1] && around[2] !== undefined) {
    const start = text.indexOf(around[2]);
    if (start >= 0) offset = start + around[2].indexOf(around[1]);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
