// Runs convert jobs on N worker threads (or in this thread for N = 1), in any order, one result per job.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { convertOne } from './convert-one';
import type { ConvertJob, ConvertResult } from './job';

export const defaultJobs = () => Math.max(1, cpus().length);

export async function runJobs(
  jobs: readonly ConvertJob[],
  threads: number,
  onResult: (result: ConvertResult) => void,
): Promise<void> {
  if (threads <= 1) {
    // One job at a time needs no thread: no start-up cost, the same code path.
    for (const job of jobs) onResult(await convertOne(job));
    return;
  }
  const queue = [...jobs];
  const workerFile = join(__dirname, 'convert-worker.js');
  await new Promise<void>((resolve) => {
    let running = 0;
    const start = () => {
      const job = queue.shift();
      if (!job) {
        if (running === 0) resolve();
        return;
      }
      running++;
      const worker = new Worker(workerFile);
      let current = job;
      const next = () => {
        const upcoming = queue.shift();
        if (!upcoming) {
          running--;
          void worker.terminate();
          if (running === 0) resolve();
          return;
        }
        current = upcoming;
        worker.postMessage(current);
      };
      worker.on('message', (result: ConvertResult) => {
        onResult(result);
        next();
      });
      // A worker that dies (out of memory, a bug in a library) fails its job; a fresh worker takes the rest.
      worker.on('error', (error) => {
        onResult({ id: current.id, ok: false, error: { messageId: 'internalError', message: error.message } });
        running--;
        start();
      });
      worker.postMessage(current);
    };
    for (let i = 0; i < Math.min(threads, jobs.length); i++) start();
    if (jobs.length === 0) resolve();
  });
}
