// Worker-thread entry of `report convert`: converts the jobs it is sent, strictly one after another.
import { parentPort } from 'node:worker_threads';
import { convertOne } from './convert-one';
import type { ConvertJob } from './job';

// The pool sends the next job before this one is done (so no worker waits on the main thread); run them in order.
const queue: ConvertJob[] = [];
let busy = false;

async function drain(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    const result = await convertOne(job);
    // The rendered files move to the main thread without a copy.
    const transfer = result.ok ? result.outputs.map((output) => output.bytes.buffer as ArrayBuffer) : [];
    parentPort?.postMessage(result, transfer);
  }
  busy = false;
}

parentPort?.on('message', (job: ConvertJob) => {
  queue.push(job);
  void drain();
});
