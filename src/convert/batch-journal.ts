// The journal of a convert folder (`.report-journal.jsonl`): one line per input as it was converted — its record with
// every finding, its model and the sources the cross-year rules point at — appended the moment its outputs are in
// place. It is what a batch keeps through kill -9, a closed terminal or a full disk: the next run with the same
// options takes every input whose bytes and outputs are unchanged from it without reading it again. Its lines are read
// back one at a time by their offsets, so a batch holds in memory only a short record of each input.
import { closeSync, fstatSync, ftruncateSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { SourceRef } from '../diagnostics/diagnostic';
import type { RunFingerprint } from './fingerprint';
import type { InputRecord } from './input-record';

export const JOURNAL_FILE = '.report-journal.jsonl';
const FORMAT = 1;

/** One input as converted: before duplicates and cross-year findings, which each run works out again. */
export interface JournalEntry {
  record: InputRecord;
  model?: Record<string, unknown>;
  sources?: [string, SourceRef][];
}

/** Where an entry's line lies in the journal. */
export interface JournalPlace {
  offset: number;
  length: number;
}

/** What a previous run left of one input: enough to decide, without reading the line, whether it is current. */
export interface PreviousEntry extends JournalPlace {
  sha256: string;
  outputs: string[];
}

const READ_CHUNK = 1 << 20;
/** No line of ours is larger: a report's model and findings are capped far below (SPEC §3, validate-report.ts). */
const MAX_LINE = 64 * 1024 * 1024;

export class BatchJournal {
  private size: number;

  private constructor(
    private readonly path: string,
    private fd: number,
    size: number,
    /** The inputs a previous run with the same options converted, by resolved path: the latest line of each. */
    readonly previous: ReadonlyMap<string, PreviousEntry>,
    /** The outputs the last run made of each input, whatever its options (`--to` may have changed since). */
    readonly earlier: ReadonlyMap<string, readonly string[]>,
  ) {
    this.size = size;
  }

  /**
   * Opens the folder's journal for this run: kept when it was written with the same options (its entries may be
   * current), begun afresh otherwise. A line cut short by a killed run is cut off, so that the next one starts clean.
   */
  static open(outDir: string, fingerprint: RunFingerprint): BatchJournal {
    const path = join(outDir, JOURNAL_FILE);
    const header = JSON.stringify({ journal: FORMAT, options: fingerprint });
    let fd = openSync(path, 'a+');
    const previous = new Map<string, PreviousEntry>();
    const earlier = new Map<string, readonly string[]>();
    let kept = 0;
    let sameOptions = false;
    try {
      kept = scanLines(fd, (line, offset, length, first) => {
        if (first) {
          sameOptions = line === header;
          return true;
        }
        const entry = parseEntry(line);
        if (!entry) return true;
        earlier.set(resolve(entry.record.path), entry.current.outputs);
        if (sameOptions) previous.set(resolve(entry.record.path), { offset, length, ...entry.current });
        return true;
      });
      if (!sameOptions) kept = 0;
    } catch {
      kept = 0;
      previous.clear();
    }
    if (kept === 0) {
      closeSync(fd);
      fd = openSync(path, 'w+');
      writeSync(fd, `${header}\n`);
      kept = Buffer.byteLength(header) + 1;
    } else if (kept < fstatSync(fd).size) {
      ftruncateSync(fd, kept);
    }
    return new BatchJournal(path, fd, kept, previous, earlier);
  }

  /** Appends an input's entry; the place it was written at. One write, so a kill leaves at most a cut last line. */
  append(entry: JournalEntry): JournalPlace {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    const offset = this.size;
    writeSync(this.fd, line, 0, line.length, offset);
    this.size += line.length;
    return { offset, length: line.length - 1 };
  }

  /** Reads back the entry written at a place. */
  read(place: JournalPlace): JournalEntry {
    const buffer = Buffer.allocUnsafe(place.length);
    let done = 0;
    while (done < place.length) {
      const read = readSync(this.fd, buffer, done, place.length - done, place.offset + done);
      if (read === 0) break;
      done += read;
    }
    return JSON.parse(buffer.toString('utf8', 0, done)) as JournalEntry;
  }

  /**
   * Rewrites the journal with the given entries only (the inputs of this run, in their order), beside it and then
   * renamed over it: a kill at any point leaves the old journal or the new one, whole.
   */
  compact(entries: Iterable<JournalEntry>, fingerprint: RunFingerprint): void {
    const fresh = join(resolve(this.path, '..'), `.report-${process.pid}-${basename(this.path)}.tmp`);
    const out = openSync(fresh, 'w');
    try {
      writeSync(out, `${JSON.stringify({ journal: FORMAT, options: fingerprint })}\n`);
      for (const entry of entries) writeSync(out, `${JSON.stringify(entry)}\n`);
    } catch (error) {
      closeSync(out);
      rmSync(fresh, { force: true });
      throw error;
    }
    closeSync(out);
    renameSync(fresh, this.path);
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Calls `visit` on each whole line with its offset and length in bytes, reading a chunk at a time; stops at the first line `visit`
 * refuses. The length of what was accepted: the whole lines up to there.
 */
function scanLines(
  fd: number,
  visit: (line: string, offset: number, length: number, first: boolean) => boolean,
): number {
  const chunk = Buffer.allocUnsafe(READ_CHUNK);
  let pending = Buffer.alloc(0);
  let position = 0;
  let accepted = 0;
  let first = true;
  for (;;) {
    const read = readSync(fd, chunk, 0, READ_CHUNK, position);
    if (read === 0) return accepted;
    position += read;
    pending = pending.length ? Buffer.concat([pending, chunk.subarray(0, read)]) : Buffer.from(chunk.subarray(0, read));
    let start = 0;
    for (let end = pending.indexOf(10, start); end >= 0; end = pending.indexOf(10, start)) {
      const line = pending.toString('utf8', start, end);
      if (!visit(line, accepted, end - start, first)) return accepted;
      first = false;
      accepted += end - start + 1;
      start = end + 1;
    }
    pending = pending.subarray(start);
    if (pending.length > MAX_LINE) return accepted;
  }
}

/** An entry's line, if it is one of ours: what decides whether its input is current. */
function parseEntry(line: string): { record: InputRecord; current: { sha256: string; outputs: string[] } } | undefined {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return undefined;
  }
  const record = (entry as { record?: unknown } | null)?.record as Partial<InputRecord> | undefined;
  if (!record || typeof record.path !== 'string') return undefined;
  const outputs = Array.isArray(record.outputs) ? record.outputs.filter((o) => typeof o === 'string') : [];
  if (typeof record.sha256 !== 'string' || record.status === 'unreadable' || record.status === 'unsupported') {
    // Known, but never current: an unreadable input is read again.
    return { record: record as InputRecord, current: { sha256: '', outputs } };
  }
  return { record: record as InputRecord, current: { sha256: record.sha256, outputs } };
}
