// Worker-thread entry of `report convert`: converts the jobs it is sent, strictly one after another.
import { parentPort } from 'node:worker_threads';
import { convertOne } from './convert-one';
import type { ConvertJob } from './job';
import { transferList } from './transferable';
import { describeFailure, failedJob } from './worker-pool';

// The pool sends the next job before this one is done (so no worker waits on the main thread); run them in order.
const queue: ConvertJob[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const result = await convertOne(job);
    // The rendered files move to the main thread without a copy; convertOne made each one own its buffer. Should a
    // result still not cross, the cause is told here, where it is still an error with a name and a message.
    try {
      parentPort?.postMessage(result, result.ok ? transferList(result.outputs.map((output) => output.bytes)) : []);
    } catch (error) {
      parentPort?.postMessage(failedJob(job, describeFailure(error)));
    }
  }
  busy = false;
}

parentPort?.on('message', (job: ConvertJob) => {
  queue.push(job);
  void drain();
});
