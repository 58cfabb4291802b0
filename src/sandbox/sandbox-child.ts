// Entry of a sandbox process: runs the tasks it is sent strictly one after another — a read (validate, build,
// import) or a whole conversion (convert) — and answers each with its result or the reason it failed. The parent holds
// the time and memory limits; this process holds nothing but its task, so every reading path runs on the same stack.
import '../compile-cache';
import { ReadError } from '../model/read-report';
import { loadInput, readLoaded } from '../read/read-input.node';
import { describeFailure, type SandboxRequest, type SandboxResponse } from './sandbox-pool';

async function answer(request: SandboxRequest): Promise<SandboxResponse> {
  try {
    if (request.kind === 'convert') {
      // Loaded with the first conversion: a validate's process never needs the renderers (a fifth of its start-up).
      const { convertOne } = await import('../convert/convert-one');
      return { id: request.id, ok: true, result: await convertOne(request.job) };
    }
    const { buffer, file, extension } = request.bytes
      ? // Bytes come from standard input, which has no name to tell its kind: it is told by what it holds.
        { buffer: Buffer.from(request.bytes), file: request.file, extension: '' }
      : loadInput(request.path);
    const report = await readLoaded(buffer, file, extension, { lenient: request.lenient });
    return { id: request.id, ok: true, report };
  } catch (error) {
    const stack = error instanceof Error ? (error.cause instanceof Error ? error.cause.stack : error.stack) : undefined;
    if (error instanceof ReadError)
      return { id: request.id, ok: false, readError: { messageId: error.messageId, params: error.params, stack } };
    return { id: request.id, ok: false, internal: { message: describeFailure(error), stack } };
  }
}

const queue: SandboxRequest[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let request = queue.shift(); request; request = queue.shift()) send(await answer(request), request.id);
  busy = false;
}

/** Sends an answer; one that cannot cross (a value the channel cannot clone) is told as the failure it is. */
function send(response: SandboxResponse, id: number): void {
  try {
    process.send?.(response);
  } catch (error) {
    process.send?.({ id, ok: false, internal: { message: describeFailure(error) } } satisfies SandboxResponse);
  }
}

type Control = { stop: true } | { close: true };

process.on('message', (message: SandboxRequest | Control) => {
  if (message === null || typeof message !== 'object') return;
  // Asked to end when idle: ending by itself (not killed) lets the process's exit handlers run.
  if ('close' in message) process.exit(0);
  // The pool stops: the task under way finishes, the ones waiting here are dropped and said to be.
  if ('stop' in message) {
    for (const dropped of queue.splice(0)) process.send?.({ id: dropped.id, dropped: true } satisfies SandboxResponse);
    return;
  }
  queue.push(message);
  void drain();
});
// The parent gone (killed, or its terminal closed), nothing is left to answer to.
process.on('disconnect', () => process.exit(0));
