// Worker-thread entry of `report convert`: converts the jobs it is sent, one at a time.
import { parentPort } from 'node:worker_threads';
import { convertOne } from './convert-one';
import type { ConvertJob } from './job';

parentPort?.on('message', async (job: ConvertJob) => {
  const result = await convertOne(job);
  // The rendered files move to the main thread without a copy.
  const transfer = result.ok ? result.outputs.map((output) => output.bytes.buffer as ArrayBuffer) : [];
  parentPort?.postMessage(result, transfer);
});
