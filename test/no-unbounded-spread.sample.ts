// What test/no-unbounded-spread.test.ts must find (lines 4 to 6) and let pass (the rest). Never imported.
export function sample(items: number[], target: number[]): number {
  target.push(...[1, 2]);
  target.push(...items);
  const least = Math.min(...items);
  return least + Math.max(...items.map((item) => item * 2));
}
// bounded: the edition's columns, a handful
export const fixed = (columns: number[]) => Math.max(...columns);
