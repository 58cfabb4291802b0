// A reader that stops reading — `report validate … | head`, a closed terminal, a dropped SSH session — is nobody's
// error: what is left to print has no one to read it. Writes then fail (EPIPE on a pipe, EIO on a terminal that hung
// up); without a handler Node prints a stack trace. Here the first such failure marks the output closed, and whoever
// listens (convert stops its batch, keeping what is done) is told.

const listeners = new Set<() => void>();
let closed = false;
let watching = false;

export function watchClosedOutput(): void {
  if (watching) return;
  watching = true;
  for (const stream of [process.stdout, process.stderr]) {
    // Any failure of our own output (EPIPE, EIO, ERR_STREAM_DESTROYED, …) ends it: there is nowhere left to say more.
    stream.on('error', () => {
      if (closed) return;
      closed = true;
      for (const listener of listeners) listener();
    });
  }
}

/** Calls `listener` once, when standard output or error is closed; the function that stops listening. */
export function onOutputClosed(listener: () => void): () => void {
  if (closed) {
    listener();
    return () => undefined;
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const outputClosed = () => closed;
