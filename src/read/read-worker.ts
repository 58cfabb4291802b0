// Entry of the guarded reader's child process: reads the inputs it is sent, one after another, and posts back each
// report or the reason it could not be read. The main thread holds the time and memory limits.
import '../compile-cache';
import { parentPort } from 'node:worker_threads';
import type { ReadRequest, ReadResponse } from './guarded-reader';
import { loadInput, readLoaded } from './read-input';
import { ReadError } from './read-report';

async function answer(request: ReadRequest): Promise<ReadResponse> {
  try {
    const { buffer, file, extension } = request.bytes
      ? { buffer: Buffer.from(request.bytes), file: request.file, extension: request.extension }
      : loadInput(request.path);
    const report = await readLoaded(buffer, file, extension, { lenient: request.lenient });
    return { id: request.id, ok: true, report };
  } catch (error) {
    const stack = error instanceof Error ? (error.cause instanceof Error ? error.cause.stack : error.stack) : undefined;
    if (error instanceof ReadError)
      return { id: request.id, ok: false, readError: { messageId: error.messageId, params: error.params, stack } };
    return {
      id: request.id,
      ok: false,
      internal: { message: error instanceof Error ? error.message : String(error), stack },
    };
  }
}

const queue: ReadRequest[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let request = queue.shift(); request; request = queue.shift()) post(await answer(request));
  busy = false;
}

// A child process (the guarded reader) or a worker thread (tests may run it either way).
const post = (response: ReadResponse) => (parentPort ? parentPort.postMessage(response) : process.send?.(response));
const onMessage = (handler: (request: ReadRequest | { close: true }) => void) =>
  parentPort ? parentPort.on('message', handler) : process.on('message', handler);

onMessage((request) => {
  // Asked to end when idle: ending by itself (not terminated) lets the thread's exit handlers run.
  if ('close' in request) process.exit(0);
  if (request === null || typeof request !== 'object') return;
  queue.push(request);
  void drain();
});
