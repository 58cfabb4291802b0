// Reading and writing the model by JSON Pointer (`/requests/newReceived/total`): the one place that walks it.

/**
 * The keys of each pointer, split once: the rules ask for the same few hundred pointers of every report, and
 * splitting them anew was most of what checking a report cost. Bounded, since a pointer may come from an input.
 */
const splitPointers = new Map<string, readonly string[]>();
const MAX_SPLIT_POINTERS = 10_000;

function keysOf(pointer: string): readonly string[] {
  let keys = splitPointers.get(pointer);
  if (!keys) {
    keys = pointer.split('/').slice(1);
    if (splitPointers.size < MAX_SPLIT_POINTERS) splitPointers.set(pointer, keys);
  }
  return keys;
}

export type Model = Record<string, unknown>;

/** The value at a pointer, or undefined when any step is missing. */
export function valueAt(model: unknown, pointer: string): unknown {
  let node: unknown = model;
  for (const key of keysOf(pointer)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** The number at a pointer, or undefined when it is missing or not a finite number. */
export function numberAt(model: unknown, pointer: string): number | undefined {
  const value = valueAt(model, pointer);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The object that holds a pointer's last key, creating the objects on the way. */
export function ensureParents(model: Model, pointer: string): Model {
  const keys = keysOf(pointer);
  let node = model;
  for (let index = 0; index < keys.length - 1; index++) {
    const key = keys[index] as string;
    node[key] ??= {};
    node = node[key] as Model;
  }
  return node;
}

export function setAt(model: Model, pointer: string, value: unknown): void {
  const keys = keysOf(pointer);
  ensureParents(model, pointer)[keys[keys.length - 1] as string] = value;
}
