// The one sandbox for untrusted inputs: reading (validate, build, import) and whole conversions (convert) run in child
// processes under a time limit and a memory limit. A process that breaks either is ended, its task reported
// (readTimeout, tooLargeMemory), and a fresh process takes the next; each process keeps one more task waiting, so it
// never stands idle while this thread handles the last answer. Processes, not worker threads: V8 cannot always stop a
// worker that overflows its heap in one allocation, and then aborts the whole program. One pool of size 1 serves
// validate; convert's pool has `--jobs` processes, their heaps sharing one memory budget.
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConvertJob, ConvertResult } from '../convert/job';
import { ReadError, type ReadReport } from '../model/read-report';
import { packageRoot } from '../package-root';
import { loadInput, type ReadOptions } from '../read/read-input.node';
import { readTimeLimit, type TimeLimit } from '../read/time-limit';

/** One process's heap: a report needs a few MB; a hostile input is stopped long before it exhausts the machine. */
export const READ_MEMORY_MB = 96;
/** The young generation is kept small too: with the old one it bounds the process's heap near its limit. */
const SEMI_SPACE_MB = 8;
/**
 * What all processes of a pool may hold together, their heaps sharing it: `--jobs 4` gives each 64 MB, not four times
 * the worst case. Never below the size a real report needs.
 */
export const POOL_MEMORY_MB = 192;
const MIN_HEAP_MB = 48;

export interface ReadTask {
  kind: 'read';
  /** The input as the user named it; `-` is read by this thread and sent as bytes. */
  path: string;
  file: string;
  bytes?: Uint8Array;
  lenient: boolean;
}

export interface ConvertTask {
  kind: 'convert';
  job: ConvertJob;
}

export type SandboxRequest = (ReadTask | ConvertTask) & { id: number };

export type SandboxResponse =
  | { id: number; ok: true; report?: ReadReport; result?: ConvertResult }
  | { id: number; dropped: true }
  | {
      id: number;
      ok: false;
      readError?: { messageId: ReadError['messageId']; params: Record<string, string | number>; stack?: string };
      internal?: { message: string; stack?: string };
    };

/** A task given up before it ran: the pool was told to stop. */
export class Dropped extends Error {
  override name = 'Dropped';
}

interface Pending {
  request: SandboxRequest;
  resolve: (value: ReadReport | ConvertResult) => void;
  reject: (error: unknown) => void;
}

/** The compiled entry; tests that run this module from its source find it in dist/. */
const CHILD = existsSync(join(__dirname, 'sandbox-child.js'))
  ? join(__dirname, 'sandbox-child.js')
  : join(packageRoot(), 'dist', 'src', 'sandbox', 'sandbox-child.js');

/**
 * The process's environment: the command's, less NODE_EXTRA_CA_CERTS. It opens no connection, and Node 20 reads and
 * parses that certificate file at every start (60 ms here, on the path of every read); 22 and later read it lazily.
 */
function childEnvironment(timeLimit: TimeLimit): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _unused, REPORT_READ_SECONDS: _inherited, ...environment } = process.env;
  // `--timeout`, for the limits a reader sets inside its own (LibreOffice's, time-limit.ts).
  return timeLimit === undefined ? environment : { ...environment, REPORT_READ_SECONDS: String(timeLimit) };
}

function forkChild(file: string, heapMb: number, timeLimit: TimeLimit = undefined, compact = false): ChildProcess {
  const flags = [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${SEMI_SPACE_MB}`];
  return fork(file, [], {
    execArgv: compact ? [...flags, '--optimize-for-size'] : flags,
    env: childEnvironment(timeLimit),
    serialization: 'advanced',
    // What V8 prints when a process runs out of memory is not the user's business: the verdict is tooLargeMemory.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
}

/** A process started before the command's own code loads, for the first pool that needs one. */
let early: ChildProcess | undefined;

/**
 * Starts a sandbox process now (cli/early-reader.ts, for the commands that read): its start-up, a second Node's,
 * then overlaps loading the command. It holds nothing open: a command that ends without reading leaves, and it too.
 */
export function startSandboxEarly(): void {
  early ??= forkChild(CHILD, READ_MEMORY_MB);
  for (const handle of [early, early.stderr, early.channel] as ({ unref(): void } | null)[]) handle?.unref();
}

function takeEarly(): ChildProcess | undefined {
  const child = early;
  early = undefined;
  return child && child.exitCode === null && child.signalCode === null && child.connected ? child : undefined;
}

/** One sandbox process: the task it runs, the task waiting in it, and the clock of the first. */
class Slot {
  private child: ChildProcess | undefined;
  current: Pending | undefined;
  ahead: Pending | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerSeconds = 0;

  constructor(
    private readonly pool: Sandbox,
    private readonly file: string,
    private readonly heapMb: number,
  ) {}

  get idle(): boolean {
    return !this.current && !this.ahead;
  }

  get canTake(): boolean {
    return !this.current || !this.ahead;
  }

  /** Starts the process ahead of the first task, so that its start-up overlaps the caller's own. */
  warmUp(): void {
    this.ensure();
  }

  take(task: Pending): void {
    const child = this.ensure();
    if (!this.current) {
      this.start(task, child, true);
    } else {
      // One more task waits in the process, so it never stands idle while this thread handles the answer.
      this.ahead = task;
      child.send(task.request);
    }
  }

  private start(task: Pending, child: ChildProcess, send: boolean): void {
    this.current = task;
    this.hold(child, true);
    // The clock runs from when this thread knows the task before ended: never shorter than the limit.
    this.timerSeconds = readTimeLimit(this.pool.timeLimit, pathOf(task.request));
    this.timer = setTimeout(() => this.timeOut(), this.timerSeconds * 1000);
    if (send) child.send(task.request);
  }

  /** The process drops the task waiting in it (the pool stops); it answers `dropped` for it. */
  dropAhead(): void {
    if (this.ahead && this.child?.connected) this.child.send({ stop: true });
  }

  /** Ends the process at once: its tasks are dropped. */
  kill(): void {
    const child = this.child;
    this.child = undefined;
    clearTimeout(this.timer);
    for (const task of [this.current, this.ahead]) task?.reject(new Dropped());
    this.current = undefined;
    this.ahead = undefined;
    child?.kill('SIGKILL');
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    const child = this.child;
    this.child = undefined;
    if (!child) return;
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    if (this.current || this.ahead || !child.connected) child.kill('SIGKILL');
    else child.send({ close: true });
    const slow = setTimeout(() => child.kill('SIGKILL'), 1000);
    await ended;
    clearTimeout(slow);
  }

  private ensure(): ChildProcess {
    if (this.child) return this.child;
    // The early process knows no `--timeout`: taken only when there is none.
    const child =
      (this.file === CHILD && this.heapMb === READ_MEMORY_MB && this.pool.timeLimit === undefined && takeEarly()) ||
      forkChild(this.file, this.heapMb, this.pool.timeLimit, this.pool.compact);
    let said = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (said.length < 4096) said += chunk.toString('utf8');
    });
    child.on('message', (response: SandboxResponse) => this.settle(response));
    let cause: unknown;
    child.on('error', (error) => {
      cause ??= error;
    });
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      clearTimeout(this.timer);
      const pending = this.current;
      this.current = undefined;
      this.requeueAhead();
      if (pending) pending.reject(death(fileOf(pending.request), cause, code, signal, said, this.heapMb));
      this.pool.pump();
    });
    // An idle process must not keep the command alive.
    this.hold(child, false);
    this.child = child;
    return child;
  }

  private hold(child: ChildProcess, busy: boolean): void {
    const handles = [child, child.stderr, child.channel] as ({ ref(): void; unref(): void } | null | undefined)[];
    for (const handle of handles) busy ? handle?.ref() : handle?.unref();
  }

  /** A process that ended took the task waiting in it: it goes back to the front of the pool's queue. */
  private requeueAhead(): void {
    if (this.ahead) this.pool.requeue(this.ahead);
    this.ahead = undefined;
  }

  private timeOut(): void {
    const pending = this.current;
    const child = this.child;
    if (!pending || !child) return;
    this.current = undefined;
    this.child = undefined;
    this.requeueAhead();
    child.kill('SIGKILL');
    pending.reject(new ReadError('readTimeout', { file: fileOf(pending.request), seconds: this.timerSeconds }));
    this.pool.pump();
  }

  private settle(response: SandboxResponse): void {
    if ('dropped' in response) {
      if (this.ahead?.request.id === response.id) {
        this.ahead.reject(new Dropped());
        this.ahead = undefined;
      }
      return;
    }
    const pending = this.current;
    if (!pending || pending.request.id !== response.id) return;
    clearTimeout(this.timer);
    this.current = undefined;
    if (this.child) this.hold(this.child, false);
    // The task waiting in the process is now its current one.
    const next = this.ahead;
    this.ahead = undefined;
    if (next && this.child) this.start(next, this.child, false);
    if (response.ok) pending.resolve((response.report ?? response.result) as ReadReport | ConvertResult);
    else if (response.readError) {
      const { messageId, params, stack } = response.readError;
      pending.reject(new ReadError(messageId, params, { cause: withStack(messageId, stack) }));
    } else {
      const error = new Error(response.internal?.message ?? 'unknown error');
      if (response.internal?.stack) error.stack = response.internal.stack;
      pending.reject(error);
    }
    this.pool.pump();
  }
}

export interface SandboxOptions {
  /** `--timeout`: undefined gives each input a limit by its size (read/time-limit.ts). */
  timeLimit?: TimeLimit;
  /** The process's entry; tests give one that misbehaves on purpose. */
  childFile?: string;
  /**
   * V8's --optimize-for-size, for a batch: a heap kept small by collecting sooner. Measured on 2,000 JSON reports,
   * --jobs 2, all outputs: 0.72× the time and 80 instead of 98 MB a process; a single PDF import is 1.08× slower
   * with it, so one-off reads go without.
   */
  compact?: boolean;
}

export class Sandbox {
  readonly timeLimit: TimeLimit;
  readonly compact: boolean;
  private readonly slots: Slot[];
  private readonly waiting: Pending[] = [];
  private nextId = 0;
  private stopped = false;

  constructor(size = 1, options: SandboxOptions = {}) {
    this.timeLimit = options.timeLimit;
    this.compact = options.compact === true;
    const heapMb = size === 1 ? READ_MEMORY_MB : Math.max(MIN_HEAP_MB, Math.floor(POOL_MEMORY_MB / size));
    this.slots = Array.from({ length: size }, () => new Slot(this, options.childFile ?? CHILD, heapMb));
  }

  warmUp(): this {
    for (const slot of this.slots) slot.warmUp();
    return this;
  }

  /** Reads one input (a path, or `-` for standard input); tasks are started in the order they are asked for. */
  read(path: string, options: ReadOptions = {}): Promise<ReadReport> {
    const fromStdin = path === '-';
    let bytes: Uint8Array | undefined;
    if (fromStdin) {
      // Standard input belongs to this process; it is read here, bounded, and sent as bytes.
      try {
        bytes = loadInput('-').buffer;
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return this.submit({
      kind: 'read',
      path,
      file: fromStdin ? '<stdin>' : path,
      ...(bytes ? { bytes } : {}),
      lenient: options.lenient ?? false,
    }) as Promise<ReadReport>;
  }

  /** Converts one input of a batch: read, checked, rendered and written by the process itself. */
  convert(job: ConvertJob): Promise<ConvertResult> {
    return this.submit({ kind: 'convert', job }) as Promise<ConvertResult>;
  }

  /** Takes no more tasks: those waiting here and in the processes are dropped; those running finish. */
  stop(): void {
    this.stopped = true;
    for (const task of this.waiting.splice(0)) task.reject(new Dropped());
    for (const slot of this.slots) slot.dropAhead();
  }

  /** Ends every process now: the tasks running are dropped too. */
  abandon(): void {
    this.stop();
    for (const slot of this.slots) slot.kill();
  }

  /** Ends the processes: idle ones by themselves (their exit handlers run), busy ones killed. */
  async close(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.close()));
  }

  private submit(task: ReadTask | ConvertTask): Promise<ReadReport | ConvertResult> {
    if (this.stopped) return Promise.reject(new Dropped());
    const request = { ...task, id: this.nextId++ } as SandboxRequest;
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      this.pump();
    });
  }

  /** A task a dead process held goes first to the next process. */
  requeue(task: Pending): void {
    if (this.stopped) task.reject(new Dropped());
    else this.waiting.unshift(task);
  }

  /** Gives waiting tasks to processes: an idle one first, then one that can hold one more. */
  pump(): void {
    while (this.waiting.length) {
      const slot = this.slots.find((s) => s.idle) ?? this.slots.find((s) => s.canTake);
      if (!slot) return;
      slot.take(this.waiting.shift() as Pending);
    }
  }
}

/** The cause of a failure in one line, never empty, whatever was thrown. */
export function describeFailure(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error).trim() || 'unknown error';
  const { name, message, code } = error as Record<string, unknown>;
  const named = typeof name === 'string' && name !== 'Error' ? name : '';
  const said = typeof message === 'string' ? message : '';
  const text =
    named || said
      ? [named, said].filter(Boolean).join(': ')
      : typeof name === 'string' && name
        ? name
        : 'unknown error';
  return typeof code === 'string' ? `${text} (${code})` : text;
}

function withStack(message: string, stack: string | undefined): Error {
  const error = new Error(message);
  if (stack) error.stack = stack;
  return error;
}

/** Why a process ended: its memory limit (a clear ReadError), or anything else (a bug of ours). */
function death(
  file: string,
  cause: unknown,
  code: number | null,
  signal: string | null,
  said: string,
  heapMb: number,
): Error {
  if (
    /heap out of memory|Reached heap limit|Invalid array length|allocation failed/i.test(said) ||
    signal === 'SIGABRT'
  )
    return new ReadError('tooLargeMemory', { file, limitMb: heapMb }, { cause });
  if (cause instanceof Error) return cause;
  // What the process said last about an error it did not catch: the line that names it.
  const named = said.match(/^\w*(?:Error|Exception)\b[^\n]*$/m)?.[0];
  return new Error(`the sandbox process exited with ${signal ?? `code ${code}`}${named ? `: ${named}` : ''}`);
}

const fileOf = (request: SandboxRequest) => (request.kind === 'read' ? request.file : request.job.path);
const pathOf = (request: SandboxRequest) => (request.kind === 'read' ? request.path : request.job.path);

/** Reads one input under the limits, on a sandbox process of its own. */
export async function readGuarded(path: string, options: ReadOptions & { timeLimit?: TimeLimit } = {}) {
  const sandbox = new Sandbox(1, options.timeLimit === undefined ? {} : { timeLimit: options.timeLimit });
  try {
    return await sandbox.read(path, options);
  } finally {
    // Not awaited: the process ends by itself, holding nothing open, while the caller checks what it read.
    void sandbox.close();
  }
}
