// Reads that cannot hang or exhaust `report`: standard input bounded, a reader past its time or memory limit stopped
// (in validate and in convert, where the batch goes on), output names safe on every file system.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConvertResult } from '../src/convert/job';
import { runJobs } from '../src/convert/worker-pool';
import { GuardedReader } from '../src/read/guarded-reader';
import { ReadError } from '../src/read/read-report';
import { readTimeLimit } from '../src/read/time-limit';
import { BIN, convertJob, fixture, ROOT, runCli, scratch } from './helpers';

const STACK = /\n\s+at .+:\d+:\d+/;
const dir = scratch('report-safe-');

describe('standard input', () => {
  test('`cat /dev/zero | report validate -` stops at the 20 MB limit', () => {
    const run = spawnSync('sh', ['-c', `cat /dev/zero | "${process.execPath}" "${BIN}" validate - --lang en`], {
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/<stdin> is 20\.\d MB, over the 20 MB limit: not read/);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
  });

  test('0 bytes from standard input are an empty file', () => {
    const run = runCli(['validate', '-', '--lang', 'en'], { input: '' });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('<stdin> is empty');
  });

  test('a workbook from standard input is read as a file is', () => {
    const run = runCli(['validate', '-', '--lang', 'en'], { input: readFileSync(fixture('example-2021.xlsx')) });
    expect(run.code).toBe(0);
  });
});

describe('--timeout', () => {
  test('a reader past the limit is stopped and its file reported unreadable; the other files are still read', () => {
    const run = runCli([
      'validate',
      fixture('example-2021.xlsx'),
      fixture('example-2021.json'),
      '--timeout',
      '0.001',
      '--lang',
      'en',
    ]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('took longer than 0.001 s to read and was stopped (--timeout changes the limit)');
  });

  test.each(['0', '-1', 'abc', ''])('--timeout %p is refused with a reason', (value) => {
    const run = runCli(['validate', fixture('example-2021.json'), '--timeout', value, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--timeout must be a number of seconds');
  });
});

// Workers that misbehave on purpose, by the path they are given.
const misbehaving = join(dir, 'misbehaving-worker.js');
writeFileSync(
  misbehaving,
  `const { parentPort } = require('node:worker_threads');
   // A worker thread for convert's pool, a child process for the guarded reader.
   const post = (message) => (parentPort ? parentPort.postMessage(message) : process.send(message));
   (parentPort ?? process).on('message', (job) => {
     if (job.close) process.exit(0);
     if (job.path === 'hang') for (;;) {}
     if (job.path === 'env') {
       const seen = { ca: process.env.NODE_EXTRA_CA_CERTS ?? null, lang: process.env.REPORT_LANG ?? null };
       return post({ id: job.id, ok: false, internal: { message: JSON.stringify(seen) } });
     }
     if (job.path === 'hog') { const kept = []; for (;;) kept.push(new Array(1e6).fill(kept.length)); }
     post(job.file === undefined
       ? { id: job.id, ok: false, error: { messageId: 'echo', message: job.path } }
       : { id: job.id, ok: false, readError: { messageId: 'notFound', params: { file: job.path } } });
   });`,
);

describe('the time limit of a read', () => {
  test('is --timeout when given, else 6 s plus 4 s per MB of the input, at most 60 s', () => {
    expect(readTimeLimit(2.5, 19 * 1024 * 1024)).toBe(2.5);
    expect(readTimeLimit(undefined, 0)).toBe(6);
    expect(readTimeLimit(undefined, 17_908)).toBe(6.1); // the damaged .xls SheetJS loops on
    expect(readTimeLimit(undefined, 1024 * 1024)).toBe(10);
    expect(readTimeLimit(undefined, 10 * 1024 * 1024)).toBe(46);
    expect(readTimeLimit(undefined, 20 * 1024 * 1024)).toBe(60);
  });
});

describe('the guarded reader', () => {
  const outcome = (reader: GuardedReader, path: string) =>
    reader.read(path).then(
      () => 'read',
      (error: unknown) => (error instanceof ReadError ? error.messageId : `other: ${String(error)}`),
    );

  test('stops a reader that hangs, says why, and reads the next file on a fresh worker', async () => {
    const reader = new GuardedReader(1, misbehaving);
    try {
      expect(await Promise.all(['hang', 'a'].map((path) => outcome(reader, path)))).toEqual([
        'readTimeout',
        'notFound',
      ]);
    } finally {
      await reader.close();
    }
  });

  test("runs with the command's environment less NODE_EXTRA_CA_CERTS, which it never uses", async () => {
    // Node 20 reads and parses that certificate file at every start: 60 ms on the path of every read.
    const saved = { ca: process.env.NODE_EXTRA_CA_CERTS, lang: process.env.REPORT_LANG };
    process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
    process.env.REPORT_LANG = 'en';
    const reader = new GuardedReader(10, misbehaving);
    try {
      const seen = await reader.read('env').catch((error: unknown) => JSON.parse((error as Error).message));
      expect(seen).toEqual({ ca: null, lang: 'en' });
    } finally {
      await reader.close();
      for (const [name, value] of [
        ['NODE_EXTRA_CA_CERTS', saved.ca],
        ['REPORT_LANG', saved.lang],
      ] as const)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });

  test('stops a reader past its memory limit, says why, and reads the next file on a fresh worker', async () => {
    const reader = new GuardedReader(100, misbehaving);
    try {
      expect(await Promise.all(['hog', 'b'].map((path) => outcome(reader, path)))).toEqual([
        'tooLargeMemory',
        'notFound',
      ]);
    } finally {
      await reader.close();
    }
  });
});

describe('convert', () => {
  const job = (id: number, path: string) => convertJob(id, path, tmpdir());

  test('a job past the time limit fails alone as readTimeout; the batch goes on', async () => {
    const results: ConvertResult[] = [];
    const paths = ['a', 'hang', 'b', 'c'];
    await runJobs(
      paths.map((path, id) => job(id, path)),
      1,
      (result) => results.push(result),
      { workerFile: misbehaving, timeLimit: 1 },
    );
    const byPath = new Map(results.map((result) => [paths[result.id], result]));
    expect(byPath.get('hang')).toMatchObject({
      ok: false,
      error: {
        messageId: 'readTimeout',
        message: 'hang took longer than 1 s to read and was stopped (--timeout changes the limit)',
      },
    });
    for (const path of ['a', 'b', 'c']) expect(byPath.get(path)).toMatchObject({ ok: false, error: { message: path } });
  });

  test('told to stop now, the pool drops the waiting jobs and cuts a job that does not end within a second', async () => {
    // A real worker on a real input SheetJS loops on forever, its time limit fixed far away.
    const hanging = fixture('fuzz/xls-seed3-case-700-bytes-of-example-2021-xls-.xls');
    const abandon = new AbortController();
    const results: ConvertResult[] = [];
    const started = Date.now();
    setTimeout(() => abandon.abort(), 300);
    await runJobs(
      [job(0, hanging), job(1, fixture('example-2021.json')), job(2, fixture('example-2021.json'))],
      1,
      (result) => results.push(result),
      { workerFile: join(ROOT, 'dist', 'src', 'convert', 'convert-worker.js'), abandon: abandon.signal, timeLimit: 60 },
    );
    expect(results).toEqual([]);
    // Well before the time limit: the grace is a second (the bound here is loose; `npm run bench` measures speed).
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  test('a batch holding hostile inputs finishes with the rest converted and each bad one listed', () => {
    const inputs = join(dir, 'batch');
    const out = join(dir, 'batch-out');
    spawnSync('mkdir', ['-p', inputs]);
    writeFileSync(join(inputs, 'good.xlsx'), readFileSync(fixture('example-2021.xlsx')));
    writeFileSync(join(inputs, 'good.json'), readFileSync(fixture('example-2021.json')));
    writeFileSync(join(inputs, 'damaged.xlsx'), readFileSync(fixture('example-2021.xlsx')).subarray(0, 409));
    writeFileSync(join(inputs, 'deep.json'), `{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    spawnSync('mkfifo', [join(inputs, 'pipe.xlsx')]);
    // SheetJS loops on it forever; its size (17,908 bytes) gives it 6.1 s by default.
    writeFileSync(
      join(inputs, 'loop.xls'),
      readFileSync(fixture('fuzz', 'xls-seed3-case-700-bytes-of-example-2021-xls-.xls')),
    );
    const run = runCli(['convert', inputs, '-o', out, '--to', 'json', '--lang', 'en', '--jobs', '2']);
    expect(run.stdout + run.stderr).not.toMatch(STACK);
    expect(run.stdout + run.stderr).not.toMatch(/internal error/);
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
      inputs: { path: string; status: string; error?: string }[];
    };
    const status = Object.fromEntries(summary.inputs.map((input) => [input.path.split('/').pop(), input.status]));
    expect(status).toMatchObject({
      'good.xlsx': 'ok',
      'good.json': 'ok',
      'damaged.xlsx': 'unreadable',
      'deep.json': 'unreadable',
      'loop.xls': 'unreadable',
    });
    expect(summary.inputs.find((input) => input.path.endsWith('loop.xls'))?.error).toContain(
      'took longer than 6.1 s to read and was stopped (--timeout changes the limit)',
    );
    expect(readdirSync(out).filter((name) => name.endsWith('.json') && name !== 'summary.json')).toHaveLength(2);
  });
});

describe('output names', () => {
  test('a 100-character agency (the most the schema allows) builds, its name cut to fit 255 bytes, the year and title kept; U+202E removed', () => {
    const model = JSON.parse(readFileSync(fixture('example-2021.json'), 'utf8')) as Record<string, unknown>;
    model.agency = `某\u202e${'很长的机关名称'.repeat(14)}`;
    const input = join(dir, 'long.json');
    writeFileSync(input, JSON.stringify(model));
    const out = join(dir, 'long-out');
    const run = runCli(['build', input, '-o', out, '--lang', 'en']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const names = readdirSync(out);
    expect(names).toHaveLength(3);
    for (const name of names) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      expect(name).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      expect(name).toMatch(/^某很长的机关名称.*2025年政府信息公开工作年度报告\.(docx|html|json)$/);
    }
  });
});
