// Bytes that can move between threads: a worker may transfer only an ArrayBuffer it owns outright. A Buffer made
// from a string (or any small Buffer) is a view into Node's shared pool, which Node 22+ refuses to transfer, and
// transferring a view's whole ArrayBuffer would move bytes that are not ours.
export function ownedBytes(bytes: string | Uint8Array): Uint8Array<ArrayBuffer> {
  if (typeof bytes === 'string') return new TextEncoder().encode(bytes) as Uint8Array<ArrayBuffer>;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (whole && bytes.buffer instanceof ArrayBuffer) return bytes as Uint8Array<ArrayBuffer>;
  return new Uint8Array(bytes) as Uint8Array<ArrayBuffer>;
}

/** The buffers to transfer with `views`, each once; every view must come from `ownedBytes`. */
export function transferList(views: readonly Uint8Array<ArrayBuffer>[]): ArrayBuffer[] {
  return [...new Set(views.map((view) => view.buffer))];
}
