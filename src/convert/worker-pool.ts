// Runs convert jobs on N worker threads, in any order, one result per job. Each worker has two jobs in hand, so it
// never waits for the main thread; a worker that dies fails its jobs and is replaced.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConvertJob, ConvertResult } from './job';

export const defaultJobs = () => Math.max(1, cpus().length);

const IN_HAND = 2;
// A small young generation and a ceiling keep each worker's memory near what one report needs; a report that
// needs more fails alone (the worker is replaced).
const LIMITS = { maxOldGenerationSizeMb: 384 };

export async function runJobs(
  jobs: readonly ConvertJob[],
  threads: number,
  onResult: (result: ConvertResult) => void,
): Promise<void> {
  const queue = [...jobs];
  let remaining = jobs.length;
  if (remaining === 0) return;
  const workerFile = join(__dirname, 'convert-worker.js');
  await new Promise<void>((resolve) => {
    const finish = (result: ConvertResult) => {
      onResult(result);
      remaining--;
      if (remaining === 0) resolve();
    };
    const start = () => {
      if (queue.length === 0) return;
      const worker = new Worker(workerFile, { resourceLimits: LIMITS });
      const inHand = new Map<number, ConvertJob>();
      const feed = () => {
        while (inHand.size < IN_HAND) {
          const job = queue.shift();
          if (!job) break;
          inHand.set(job.id, job);
          worker.postMessage(job);
        }
        if (inHand.size === 0) void worker.terminate();
      };
      worker.on('message', (result: ConvertResult) => {
        inHand.delete(result.id);
        feed();
        finish(result);
      });
      worker.on('error', (error) => {
        for (const job of inHand.values())
          finish({ id: job.id, ok: false, error: { messageId: 'internalError', message: error.message } });
        inHand.clear();
        start();
      });
      feed();
    };
    for (let i = 0; i < Math.min(threads, jobs.length); i++) start();
  });
}
