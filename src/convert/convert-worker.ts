// Worker-thread entry of `report convert`: converts the jobs it is sent, strictly one after another, writing their
// outputs itself; only the verdict, the model and the temporary names go back to the main thread.
import '../compile-cache';
import { parentPort } from 'node:worker_threads';
import { convertOne } from './convert-one';
import type { ConvertJob } from './job';
import { describeFailure, failedJob, type PoolMessage } from './worker-pool';

// The pool sends the next job before this one is done (so no worker waits on the main thread); run them in order.
const queue: ConvertJob[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const result = await convertOne(job);
    // Should a result not cross, the cause is told here, where it is still an error with a name and a message.
    try {
      parentPort?.postMessage(result);
    } catch (error) {
      parentPort?.postMessage(failedJob(job, describeFailure(error)));
    }
  }
  busy = false;
}

parentPort?.on('message', (message: PoolMessage) => {
  // The batch is being interrupted: the job under way finishes, the ones waiting here are dropped.
  if ('stop' in message) {
    queue.length = 0;
    return;
  }
  queue.push(message);
  void drain();
});
