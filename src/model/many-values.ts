// Lists whose length an input decides, handled without spreading them into a call: a list spread into push or
// Math.max passes every element as an argument on the stack, and past about 100,000 (less on a deep stack)
// V8 throws "Maximum call stack size exceeded". These loop instead. test/no-unbounded-spread.test.ts finds any spread
// into a call in src/ that is not marked bounded.

/** Appends every item to `target`; returns it. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The least of the values; `empty` when there are none. */
export function minOf(values: Iterable<number>, empty = Number.POSITIVE_INFINITY): number {
  let least: number | undefined;
  for (const value of values) if (least === undefined || value < least) least = value;
  return least ?? empty;
}

/** The greatest of the values; `empty` when there are none. */
export function maxOf(values: Iterable<number>, empty = Number.NEGATIVE_INFINITY): number {
  let greatest: number | undefined;
  for (const value of values) if (greatest === undefined || value > greatest) greatest = value;
  return greatest ?? empty;
}
