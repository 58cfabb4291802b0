// Reading and writing the model by JSON Pointer (`/requests/newReceived/total`): the one place that walks it.

export type Model = Record<string, unknown>;

/** The value at a pointer, or undefined when any step is missing. */
export function valueAt(model: unknown, pointer: string): unknown {
  let node: unknown = model;
  for (const key of pointer.split('/').slice(1)) {
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
  let node = model;
  for (const key of pointer.split('/').slice(1, -1)) {
    node[key] ??= {};
    node = node[key] as Model;
  }
  return node;
}

export function setAt(model: Model, pointer: string, value: unknown): void {
  const keys = pointer.split('/');
  ensureParents(model, pointer)[keys[keys.length - 1] as string] = value;
}
