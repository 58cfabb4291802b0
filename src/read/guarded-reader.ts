// Reads untrusted inputs in a child process under a time limit and a memory limit. A reader that breaks either is
// ended, its input reported unreadable (readTimeout, tooLargeMemory), and a fresh one reads the next; one reader
// serves every input of a command, so its start-up is paid once. A process, not a worker thread: V8 cannot always
// stop a worker that overflows its heap in one allocation, and then aborts the whole process.
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { loadInput, type ReadOptions } from './read-input';
import { ReadError, type ReadReport } from './read-report';
import { fileSize, readTimeLimit, type TimeLimit } from './time-limit';

/** The reading worker's heap: a report needs a few MB; a hostile input is stopped long before it exhausts the machine. */
export const READ_MEMORY_MB = 96;
/** The young generation is kept small too: with the old one it bounds the reader's heap near READ_MEMORY_MB. */
const SEMI_SPACE_MB = 8;

export interface ReadRequest {
  id: number;
  /** The input as the user named it; `-` is read by the main thread and sent as bytes. */
  path: string;
  file: string;
  extension: string;
  bytes?: Uint8Array;
  lenient: boolean;
}

export type ReadResponse =
  | { id: number; ok: true; report: ReadReport }
  | {
      id: number;
      ok: false;
      readError?: { messageId: ReadError['messageId']; params: Record<string, string | number>; stack?: string };
      internal?: { message: string; stack?: string };
    };

interface Pending {
  request: ReadRequest;
  resolve: (report: ReadReport) => void;
  reject: (error: unknown) => void;
}

const READ_WORKER = join(__dirname, 'read-worker.js');

/**
 * The reader's environment: the command's, less NODE_EXTRA_CA_CERTS. The reader opens no connection, and Node 20 reads
 * and parses that certificate file at every start (60 ms here, on the path of every read); 22 and later read it lazily.
 */
function readerEnvironment(): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _unused, ...environment } = process.env;
  return environment;
}

function forkReader(workerFile: string): ChildProcess {
  return fork(workerFile, [], {
    execArgv: [`--max-old-space-size=${READ_MEMORY_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`],
    env: readerEnvironment(),
    serialization: 'advanced',
    // What V8 prints when the reader runs out of memory is not the user's business: the verdict is tooLargeMemory.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

/** A reading process started before the command's own code loads, for the first reader that needs one. */
let earlyReader: ChildProcess | undefined;

/**
 * Starts the reading process now (early-reader.ts, for the commands that read): its start-up, a second Node's, then
 * overlaps loading the command. It holds nothing open: a command that ends without reading leaves, and the reader with it.
 */
export function startReaderEarly(): void {
  earlyReader ??= forkReader(READ_WORKER);
  for (const handle of [earlyReader, earlyReader.stderr, earlyReader.channel] as ({ unref(): void } | null)[])
    handle?.unref();
}

function takeEarlyReader(): ChildProcess | undefined {
  const reader = earlyReader;
  earlyReader = undefined;
  return reader && reader.exitCode === null && reader.signalCode === null && reader.connected ? reader : undefined;
}

export class GuardedReader {
  private worker: ChildProcess | undefined;
  private readonly waiting: Pending[] = [];
  private current: Pending | undefined;
  /** The read sent after the current one, waiting in the worker: it starts the moment the current one ends. */
  private ahead: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerSeconds = 0;
  private nextId = 0;

  constructor(
    /** `--timeout`: undefined gives each input a limit by its size (time-limit.ts). */
    private readonly timeLimit: TimeLimit = undefined,
    /** The worker's entry; tests give one that misbehaves on purpose. */
    private readonly workerFile = READ_WORKER,
  ) {}

  /** Starts the worker ahead of the first read, so its start-up overlaps the caller's own. */
  warmUp(): this {
    this.ensureWorker();
    return this;
  }

  /** Reads one input (a path, or `-` for standard input); reads are served in the order they are asked for. */
  read(path: string, options: ReadOptions = {}): Promise<ReadReport> {
    const fromStdin = path === '-';
    let bytes: Uint8Array | undefined;
    if (fromStdin) {
      // Standard input belongs to the main thread; it is read here, bounded, and sent as bytes.
      try {
        bytes = loadInput('-').buffer;
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const request: ReadRequest = {
      id: this.nextId++,
      path,
      file: fromStdin ? '<stdin>' : path,
      extension: '',
      ...(bytes ? { bytes } : {}),
      lenient: options.lenient ?? false,
    };
    return new Promise<ReadReport>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.pump();
    });
  }

  /**
   * Ends the worker: an idle one ends by itself (so its exit handlers run), a busy or slow one is terminated. The
   * reader can still be used afterwards (a new worker starts).
   */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    if (this.current || this.ahead || !worker.connected) worker.kill('SIGKILL');
    else worker.send({ close: true });
    const slow = setTimeout(() => worker.kill('SIGKILL'), 1000);
    await ended;
    clearTimeout(slow);
  }

  private ensureWorker(): ChildProcess {
    if (this.worker) return this.worker;
    const worker = (this.workerFile === READ_WORKER && takeEarlyReader()) || forkReader(this.workerFile);
    let said = '';
    worker.stderr?.on('data', (chunk: Buffer) => {
      if (said.length < 4096) said += chunk.toString('utf8');
    });
    worker.on('message', (response: ReadResponse) => this.settle(response));
    let cause: unknown;
    worker.on('error', (error) => {
      cause ??= error;
    });
    worker.on('exit', (code, signal) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      clearTimeout(this.timer);
      const pending = this.current;
      this.current = undefined;
      this.requeueAhead();
      if (pending) pending.reject(readerDeath(pending.request.file, cause, code, signal, said));
      this.pump();
    });
    // An idle reader must not keep the process alive.
    this.hold(worker, false);
    this.worker = worker;
    return worker;
  }

  private hold(worker: ChildProcess, busy: boolean): void {
    const handles = [worker, worker.stderr, worker.channel] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const handle of handles) busy ? handle?.ref() : handle?.unref();
  }

  private pump(): void {
    if (!this.current) {
      const sent = this.ahead;
      this.ahead = undefined;
      const next = sent ?? this.waiting.shift();
      if (!next) return;
      this.current = next;
      const worker = this.ensureWorker();
      this.hold(worker, true);
      // The clock runs from when this thread knows the read before ended: never shorter than the limit.
      this.timerSeconds = readTimeLimit(this.timeLimit, sizeOf(next.request), next.request.path);
      this.timer = setTimeout(() => this.timeOut(), this.timerSeconds * 1000);
      if (!sent) worker.send(next.request);
    }
    // One more read waits with the worker, so it does not stand idle while this thread checks the last report and
    // hears the answer (a quarter of the time of validating many workbooks went there).
    const worker = this.worker;
    if (!this.ahead && worker) {
      const queued = this.waiting.shift();
      if (queued) {
        this.ahead = queued;
        worker.send(queued.request);
      }
    }
  }

  /** A reader that ended took the read waiting with it: it goes first to the next reader. */
  private requeueAhead(): void {
    if (this.ahead) this.waiting.unshift(this.ahead);
    this.ahead = undefined;
  }

  private timeOut(): void {
    const pending = this.current;
    const worker = this.worker;
    if (!pending || !worker) return;
    this.current = undefined;
    this.worker = undefined;
    this.requeueAhead();
    worker.kill('SIGKILL');
    pending.reject(new ReadError('readTimeout', { file: pending.request.file, seconds: this.timerSeconds }));
    this.pump();
  }

  private settle(response: ReadResponse): void {
    const pending = this.current;
    if (!pending || pending.request.id !== response.id) return;
    clearTimeout(this.timer);
    this.current = undefined;
    if (this.worker) this.hold(this.worker, false);
    if (response.ok) pending.resolve(response.report);
    else if (response.readError) {
      const { messageId, params, stack } = response.readError;
      pending.reject(new ReadError(messageId, params, { cause: withStack(messageId, stack) }));
    } else {
      const error = new Error(response.internal?.message ?? 'unknown error');
      if (response.internal?.stack) error.stack = response.internal.stack;
      pending.reject(error);
    }
    this.pump();
  }
}

function withStack(message: string, stack: string | undefined): Error {
  const error = new Error(message);
  if (stack) error.stack = stack;
  return error;
}

/** Why a reader ended: its memory limit (a clear ReadError), or anything else (a bug of ours). */
function readerDeath(file: string, cause: unknown, code: number | null, signal: string | null, said: string): Error {
  if (
    /heap out of memory|Reached heap limit|Invalid array length|allocation failed/i.test(said) ||
    signal === 'SIGABRT'
  )
    return new ReadError('tooLargeMemory', { file, limitMb: READ_MEMORY_MB }, { cause });
  if (cause instanceof Error) return cause;
  return new Error(`the reader exited with ${signal ?? `code ${code}`}`);
}

/** The size of what a request reads: its bytes, or the file's (0 when it cannot be seen; the reader will say why). */
function sizeOf(request: ReadRequest): number {
  return request.bytes ? request.bytes.length : fileSize(request.path);
}

/** Reads one input under the limits, on a reading process of its own. */
export async function readGuarded(path: string, options: ReadOptions & { timeLimit?: TimeLimit } = {}) {
  const reader = new GuardedReader(options.timeLimit);
  try {
    return await reader.read(path, options);
  } finally {
    // Not awaited: the reader ends by itself, holding nothing open, while the caller checks what it read.
    void reader.close();
  }
}
