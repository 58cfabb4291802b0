// Reads the report model from JSON, with a clear message for syntax errors.
import { ReadError, type ReadReport } from './read-report';

export function readJson(text: string, file: string): ReadReport {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const { line, column } = positionOf(text, detail);
    throw new ReadError('jsonSyntax', { file, line, column, detail }, { cause: error });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ReadError('notModel', { file });
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

/** Node's JSON errors give a character offset ("at position 123"); people need a line and a column. */
function positionOf(text: string, detail: string): { line: number; column: number } {
  const lineColumn = /line (\d+) column (\d+)/.exec(detail);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(detail);
  const offset = position ? Number(position[1]) : text.length;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}
