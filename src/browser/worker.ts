// The filer's page's reader (issue 21): runs in a Web Worker, so that the page can end a read that takes too long by
// terminating it. Each message is one job of the command line's — validate (with --previous), build to one format,
// template (with --from) — on File objects the page hands over; the answer carries the job's id.
import type { Lang } from '../diagnostics/diagnostic';
import { sha256OfBytes } from '../diagnostics/fingerprint';
import {
  buildFile,
  type InputBytes,
  limits,
  readInPage,
  readLastYear,
  refusedBySize,
  sheetViews,
  sizeRefusal,
  templateFile,
  toolVersion,
  validateWorkbookBytes,
} from './core';

/** The File of the page, as much of it as the worker uses. */
interface PickedFile {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type Job =
  | { job: 'check'; file: PickedFile; previous?: PickedFile; lang: Lang }
  | { job: 'build'; file: PickedFile; format: 'docx' | 'html' | 'json'; lang: Lang; date?: string }
  | { job: 'template'; from?: PickedFile; lang: Lang };

interface Diagnosed {
  files: { diagnostics: { sheet?: string }[] }[];
}

/** The worker's scope, as much of it as is used (the DOM's types are what the program knows). */
const scope = globalThis as unknown as {
  onmessage: ((event: { data: Job & { id: number } }) => void) | null;
  postMessage(message: unknown, transfer?: unknown[]): void;
};

const bytesOf = async (file: PickedFile): Promise<InputBytes> => ({
  name: file.name,
  bytes: new Uint8Array(await file.arrayBuffer()),
});

async function run(job: Job): Promise<{ answer: unknown; transfer?: unknown[] }> {
  const named = job.job === 'template' ? job.from : job.file;
  if (named && !readInPage(named.name)) return { answer: { notInPage: true } };
  if (job.job === 'check') {
    if (job.previous && !readInPage(job.previous.name)) return { answer: { notInPage: true } };
    const tooLarge = refusedBySize(job.file.name, job.file.size, job.lang);
    if (tooLarge) return { answer: { json: tooLarge, sheets: [] } };
    let previous: Exclude<ReturnType<typeof readLastYear>, { cannotRead: string }> | undefined;
    if (job.previous) {
      const refused = sizeRefusal(job.previous.name, job.previous.size, job.lang);
      const last = refused ? { cannotRead: refused } : readLastYear(await bytesOf(job.previous), job.lang, false);
      if ('cannotRead' in last) return { answer: { previousUnreadable: last.cannotRead } };
      previous = last;
    }
    const input = await bytesOf(job.file);
    const json = validateWorkbookBytes(input.bytes, input.name, job.lang, previous) as Diagnosed;
    const sheets = json.files.flatMap((file) => file.diagnostics.flatMap((d) => (d.sheet ? [d.sheet] : [])));
    return {
      answer: { json, sheets: sheetViews(input, sheets), sha256: sha256OfBytes(input.bytes), size: input.bytes.length },
    };
  }
  if (job.job === 'build') {
    if (sizeRefusal(job.file.name, job.file.size)) return { answer: { refused: 'unreadable' } };
    const built = await buildFile(await bytesOf(job.file), job.format, {
      lang: job.lang,
      ...(job.date ? { date: job.date } : {}),
    });
    return { answer: built, ...(built.file ? { transfer: [built.file.bytes.buffer] } : {}) };
  }
  const refused = job.from && sizeRefusal(job.from.name, job.from.size, job.lang);
  if (refused) return { answer: { unreadable: refused } };
  const made = await templateFile(job.from ? await bytesOf(job.from) : undefined, job.lang);
  return { answer: made, ...(made.file ? { transfer: [made.file.bytes.buffer] } : {}) };
}

scope.onmessage = (event) => {
  const { id, ...job } = event.data;
  run(job as Job).then(
    ({ answer, transfer }) => scope.postMessage({ id, answer }, transfer ?? []),
    // A fault of ours, not of the file: said as one line by the page, with the words of the error.
    (error: unknown) => scope.postMessage({ id, failed: error instanceof Error ? error.message : String(error) }),
  );
};

// The page learns the limits and the version from the worker itself: one source, the core.
scope.postMessage({ ready: true, limits, toolVersion });
