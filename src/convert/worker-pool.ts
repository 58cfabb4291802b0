// Runs convert jobs on N worker threads, in any order, one result per job. Each worker has two jobs in hand, so it
// never waits for the main thread; a worker that dies fails its jobs and is replaced. Told to stop, it takes no more.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { fillTemplate } from '../diagnostics/diagnostic';
import { ReadError } from '../read/read-report';
import { fileSize, readTimeLimit, type TimeLimit } from '../read/time-limit';
import type { ConvertJob, ConvertResult } from './job';

export const defaultJobs = () => Math.max(1, cpus().length);

const IN_HAND = 2;
// A ceiling keeps each worker's memory near what one report needs; a report that needs more fails alone (the worker
// is replaced). The young generation is bounded too: Node 24 sizes it far larger than Node 20 by default, and two
// workers of 1,000 workbooks then reached 434 MB (48 MB: 284 MB, as fast within the noise).
const LIMITS = { maxOldGenerationSizeMb: 384, maxYoungGenerationSizeMb: 48 };
// Told to stop at once, a worker still gets this long to finish the job under way (most take milliseconds) before it
// is terminated: Node 20 aborts the whole process when a worker is terminated between creating a zlib handle and
// initialising it ("close before init"), which a busy worker writing a DOCX does thousands of times a second.
const ABANDON_GRACE_MS = 1000;

/** What the pool posts to a worker: a job, or word to drop the jobs it has not started. */
export type PoolMessage = ConvertJob | { stop: true };

export interface PoolOptions {
  /** The worker's entry; tests give one that fails on purpose. */
  workerFile?: string;
  /** Take no more jobs: each worker finishes the job under way and drops those waiting; then the pool resolves. */
  stop?: AbortSignal;
  /** Stop now: the jobs waiting are dropped, and a job under way is cut if it does not end within a second. */
  abandon?: AbortSignal;
  /**
   * How long one job may take (`--timeout`; by default by the input's size); a worker past it is terminated and its job
   * reported unreadable (readTimeout).
   */
  timeLimit?: TimeLimit;
}

/** How a job that a worker died on is reported. */
type Verdict = (job: ConvertJob) => ConvertResult;

/** What the pool can tell one running worker. */
interface Hand {
  stop: () => void;
  abandon: () => void;
}

export async function runJobs(
  jobs: readonly ConvertJob[],
  threads: number,
  onResult: (result: ConvertResult) => void,
  options: PoolOptions = {},
): Promise<void> {
  const workerFile = options.workerFile ?? join(__dirname, 'convert-worker.js');
  const queue = [...jobs];
  if (jobs.length === 0 || options.stop?.aborted || options.abandon?.aborted) return;
  const finished = new Set<number>();
  const hands = new Set<Hand>();
  let stopping = false;
  await new Promise<void>((resolve) => {
    const settle = () => {
      if (finished.size === jobs.length || (stopping && hands.size === 0)) resolve();
    };
    // Each job is finished once: a dying worker's last result can arrive after its job went back to the queue.
    const finish = (result: ConvertResult) => {
      if (finished.has(result.id)) return;
      finished.add(result.id);
      const requeued = queue.findIndex((job) => job.id === result.id);
      if (requeued >= 0) queue.splice(requeued, 1);
      onResult(result);
      settle();
    };
    const start = () => {
      if (queue.length === 0 || stopping) return;
      const worker = new Worker(workerFile, { resourceLimits: LIMITS });
      const inHand = new Map<number, ConvertJob>();
      let alive = true;
      let verdict: Verdict | undefined;
      // The worker runs its jobs in order: the clock runs for the oldest in hand, from when the one before it ended.
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        const [oldest] = inHand.values();
        if (!alive || !oldest) return;
        const seconds = readTimeLimit(options.timeLimit, fileSize(oldest.path), oldest.path);
        timer = setTimeout(() => {
          verdict = (job) => unreadableJob(job, 'readTimeout', { seconds });
          void worker.terminate();
        }, seconds * 1000);
      };
      let cut: NodeJS.Timeout | undefined;
      const retire = () => {
        alive = false;
        clearTimeout(timer);
        clearTimeout(cut);
        void worker.terminate();
      };
      const feed = () => {
        const idle = inHand.size === 0;
        while (alive && inHand.size < IN_HAND) {
          const job = queue.shift();
          if (!job) break;
          inHand.set(job.id, job);
          worker.postMessage(job satisfies PoolMessage);
        }
        if (idle) arm();
        if (alive && inHand.size === 0) retire();
      };
      const hand: Hand = {
        stop: () => {
          // The worker runs its jobs in order: all but the oldest in hand are still waiting there.
          const [current, ...waiting] = inHand.keys();
          for (const id of waiting) inHand.delete(id);
          worker.postMessage({ stop: true } satisfies PoolMessage);
          if (current === undefined && alive) retire();
        },
        abandon: () => {
          hand.stop();
          if (!alive) return;
          cut = setTimeout(() => {
            inHand.clear();
            if (alive) retire();
          }, ABANDON_GRACE_MS);
        },
      };
      hands.add(hand);
      worker.on('message', (result: ConvertResult) => {
        inHand.delete(result.id);
        arm();
        feed();
        finish(result);
      });
      // A worker that dies ('error', then 'exit') or stops on its own ('exit' alone) fails the job it was on, with
      // the cause; the jobs it held besides go back to the queue, and a fresh worker takes them. While the batch stops,
      // a job cut short is only dropped: the next run does it.
      const fail = (death: Verdict) => {
        clearTimeout(cut);
        if (!alive) return;
        alive = false;
        clearTimeout(timer);
        // The worker runs its jobs in order: the oldest in hand is the one it died on.
        const [current, ...waiting] = inHand.values();
        inHand.clear();
        if (stopping) return;
        queue.unshift(...waiting.filter((job) => !finished.has(job.id)));
        if (current) finish(death(current));
        start();
      };
      // The verdict waits for 'exit': Node delivers the results a worker posted before it died by then, whereas an
      // 'error' can overtake them.
      worker.on('error', (error) => {
        verdict ??=
          (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? (job) => unreadableJob(job, 'tooLargeMemory', { limitMb: LIMITS.maxOldGenerationSizeMb })
            : (job) => failedJob(job, describeFailure(error));
      });
      worker.on('exit', (code) => {
        fail(verdict ?? ((job) => failedJob(job, `worker exited with code ${code}`)));
        hands.delete(hand);
        settle();
      });
      feed();
    };
    const stopAll = (how: 'stop' | 'abandon') => {
      stopping = true;
      queue.length = 0;
      for (const hand of hands) hand[how]();
      settle();
    };
    options.stop?.addEventListener('abort', () => stopAll('stop'), { once: true });
    options.abandon?.addEventListener('abort', () => stopAll('abandon'), { once: true });
    for (let i = 0; i < Math.min(threads, jobs.length); i++) start();
  });
}

const workerFailed = {
  zh: '内部错误：{detail}（请报告此问题）',
  en: 'internal error: {detail} (please report it)',
};

/** A job whose input broke a reading limit: unreadable, in the job's language, not an internal error. */
function unreadableJob(
  job: ConvertJob,
  messageId: 'readTimeout' | 'tooLargeMemory',
  params: Record<string, number>,
): ConvertResult {
  const error = new ReadError(messageId, { file: job.path, ...params });
  return { id: job.id, ok: false, error: { messageId, message: error.describe(job.lang) } };
}

export function failedJob(job: Pick<ConvertJob, 'id' | 'lang'>, detail: string): ConvertResult {
  return {
    id: job.id,
    ok: false,
    error: { messageId: 'internalError', message: fillTemplate(workerFailed[job.lang], { detail }) },
  };
}

/**
 * The cause of a worker's death in one line, never empty. What arrives differs by Node version: a DOMException thrown
 * in a worker (DataCloneError) reaches this thread as `{}` on Node 20 (the cause is lost: the worker reports what it
 * can catch itself), and on 22 and 24 as an Error whose name and message are gone and whose stack's first line holds it.
 */
export function describeFailure(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error).trim() || 'unknown error';
  const { name, message, code, stack } = error as Record<string, unknown>;
  const named = typeof name === 'string' && name !== 'Error' ? name : '';
  const said = typeof message === 'string' ? message : '';
  const firstStackLine = typeof stack === 'string' ? (stack.split('\n')[0]?.replace(/:\s*$/, '').trim() ?? '') : '';
  const text =
    named || said ? [named, said].filter(Boolean).join(': ') : firstStackLine || 'an error Node did not pass on';
  return typeof code === 'string' ? `${text} (${code})` : text;
}
