// Reads that cannot hang or exhaust `report`: standard input bounded, a reader past its time or memory limit stopped
// (in validate and in convert, where the batch goes on), output names safe on every file system.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { ReadError } from '../src/model/read-report';
import { readTimeLimit } from '../src/read/time-limit';
import { Dropped, Sandbox } from '../src/sandbox/sandbox-pool';
import { BIN, convertJob, fixture, runCli, scratch } from './helpers';

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

describe('a closed output', () => {
  test('`report validate … | head -c 100` ends quietly: no EPIPE, no stack trace, the exit code of the check', () => {
    const failing = fixture('rules', 'R301', 'fail.json');
    const files = Array.from({ length: 300 }, () => `"${failing}"`).join(' ');
    const run = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" validate ${files} --format json | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('1');
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

// A sandbox process that misbehaves on purpose, by the path it is given (to read, or to convert).
const misbehaving = join(dir, 'misbehaving-child.js');
writeFileSync(
  misbehaving,
  `process.on('message', (task) => {
     if (task.close) process.exit(0);
     if (task.stop) return;
     const path = task.kind === 'convert' ? task.job.path : task.path;
     if (path === 'hang') for (;;) {}
     if (path === 'env') {
       const seen = { ca: process.env.NODE_EXTRA_CA_CERTS ?? null, lang: process.env.REPORT_LANG ?? null };
       return process.send({ id: task.id, ok: false, internal: { message: JSON.stringify(seen) } });
     }
     if (path === 'hog') { const kept = []; for (;;) kept.push(new Array(1e6).fill(kept.length)); }
     if (path === 'throw') throw new TypeError('the reader broke');
     if (path === 'exit') process.exit(3);
     process.send(task.kind === 'convert'
       ? { id: task.id, ok: true, result: { id: task.job.id, ok: false, error: { messageId: 'echo', message: path } } }
       : { id: task.id, ok: false, readError: { messageId: 'notFound', params: { file: path } } });
   });`,
);

describe('the time limit of a read', () => {
  test('is --timeout when given, else 8 s for any input (9.5 s for a document LibreOffice opens)', () => {
    expect(readTimeLimit(2.5, 'big.pdf')).toBe(2.5);
    expect(readTimeLimit(undefined, 'report.pdf')).toBe(8);
    expect(readTimeLimit(undefined, 'report.xlsx')).toBe(8);
    expect(readTimeLimit(undefined, 'report.DOC')).toBe(9.5);
    expect(readTimeLimit(undefined, 'report.wps')).toBe(9.5);
  });
});

describe('the sandbox', () => {
  const outcome = (sandbox: Sandbox, path: string) =>
    sandbox.read(path).then(
      () => 'read',
      (error: unknown) => (error instanceof ReadError ? error.messageId : `other: ${String(error)}`),
    );

  test('stops a process that hangs, says why, and reads the next file on a fresh process', async () => {
    const sandbox = new Sandbox(1, { timeLimit: 1, childFile: misbehaving });
    try {
      expect(await Promise.all(['hang', 'a'].map((path) => outcome(sandbox, path)))).toEqual([
        'readTimeout',
        'notFound',
      ]);
    } finally {
      await sandbox.close();
    }
  });

  test("runs with the command's environment less NODE_EXTRA_CA_CERTS, which it never uses", async () => {
    // Node 20 reads and parses that certificate file at every start: 60 ms on the path of every read.
    const saved = { ca: process.env.NODE_EXTRA_CA_CERTS, lang: process.env.REPORT_LANG };
    process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
    process.env.REPORT_LANG = 'en';
    const sandbox = new Sandbox(1, { timeLimit: 10, childFile: misbehaving });
    try {
      const seen = await sandbox.read('env').catch((error: unknown) => JSON.parse((error as Error).message));
      expect(seen).toEqual({ ca: null, lang: 'en' });
    } finally {
      await sandbox.close();
      for (const [name, value] of [
        ['NODE_EXTRA_CA_CERTS', saved.ca],
        ['REPORT_LANG', saved.lang],
      ] as const)
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });

  test('stops a process past its memory limit, says why, and reads the next file on a fresh process', async () => {
    const sandbox = new Sandbox(1, { timeLimit: 100, childFile: misbehaving });
    try {
      expect(await Promise.all(['hog', 'b'].map((path) => outcome(sandbox, path)))).toEqual([
        'tooLargeMemory',
        'notFound',
      ]);
    } finally {
      await sandbox.close();
    }
  });

  test('a process that dies fails its own task with the cause; the next task runs on a fresh process', async () => {
    const sandbox = new Sandbox(1, { timeLimit: 10, childFile: misbehaving });
    try {
      const said = await Promise.all(
        ['throw', 'c', 'exit', 'd'].map((path) =>
          sandbox.read(path).then(
            () => 'read',
            (error: unknown) => (error instanceof ReadError ? error.messageId : (error as Error).message),
          ),
        ),
      );
      expect(said).toEqual([
        'the sandbox process exited with code 1: TypeError: the reader broke',
        'notFound',
        'the sandbox process exited with code 3',
        'notFound',
      ]);
    } finally {
      await sandbox.close();
    }
  });
});

describe('convert', () => {
  const job = (id: number, path: string) => convertJob(id, path, tmpdir());

  test('a job past the time limit fails alone as readTimeout; the others go on', async () => {
    const sandbox = new Sandbox(1, { timeLimit: 1, childFile: misbehaving });
    const paths = ['a', 'hang', 'b', 'c'];
    try {
      const results = await Promise.allSettled(paths.map((path, id) => sandbox.convert(job(id, path))));
      const hang = results[1];
      expect(hang?.status).toBe('rejected');
      if (hang?.status === 'rejected') {
        expect(hang.reason).toBeInstanceOf(ReadError);
        expect((hang.reason as ReadError).describe('en')).toBe(
          'hang took longer than 1 s to read and was stopped (--timeout changes the limit)',
        );
      }
      for (const index of [0, 2, 3])
        expect(results[index]).toMatchObject({
          status: 'fulfilled',
          value: { ok: false, error: { message: paths[index] } },
        });
    } finally {
      await sandbox.close();
    }
  });

  test('abandoned, the sandbox drops the tasks waiting and ends the one under way at once', async () => {
    // A real process on a real input SheetJS loops on forever, its time limit far away.
    const hanging = fixture('fuzz/xls-seed3-case-700-bytes-of-example-2021-xls-.xls');
    const sandbox = new Sandbox(1, { timeLimit: 60 });
    const started = Date.now();
    const results = [hanging, fixture('example-2021.json'), fixture('example-2021.json')].map((path, id) =>
      sandbox.convert(job(id, path)).then(
        () => 'done',
        (error: unknown) => (error instanceof Dropped ? 'dropped' : String(error)),
      ),
    );
    setTimeout(() => sandbox.abandon(), 300);
    expect(await Promise.all(results)).toEqual(['dropped', 'dropped', 'dropped']);
    // Well before the time limit (the bound here is loose; `npm run bench` measures speed).
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
    // SheetJS loops on it forever; it is stopped at the default 8 s.
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
      'took longer than 8 s to read and was stopped (--timeout changes the limit)',
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
    // The outputs, without build's record of what it wrote (.report-written.json).
    const names = readdirSync(out).filter((name) => !name.startsWith('.'));
    expect(names).toHaveLength(3);
    for (const name of names) {
      expect(Buffer.byteLength(name)).toBeLessThanOrEqual(255);
      expect(name).not.toMatch(/[\p{Cc}\p{Cf}]/u);
      expect(name).toMatch(/^某很长的机关名称.*2025年政府信息公开工作年度报告\.(docx|html|json)$/);
    }
  });
});

/** A PDF of `pages` pages that each draw `content` (deflated, one stream for all), with Helvetica as F1. */
function onePagePdf(content: string, pages = 1): Buffer {
  const stream = deflateSync(Buffer.from(content, 'latin1'));
  // Objects: 1 catalog, 2 pages, 3 content, 4 font, then one per page.
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(' ');
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`),
    Buffer.concat([
      Buffer.from(`<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`),
      stream,
      Buffer.from('\nendstream'),
    ]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
    ...Array.from({ length: pages }, () =>
      Buffer.from(
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>',
      ),
    ),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((object, index) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), object, Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(
    Buffer.from(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`,
    ),
  );
  return Buffer.concat(parts);
}

describe('sizes an input decides', () => {
  // Each once crashed with "Maximum call stack size exceeded" (a list spread into a call), or took minutes.
  const cases: [name: string, file: string, bytes: () => Buffer | string][] = [
    ['a text of one row of 200,000 |', 'pipes.txt', () => `二、主动公开政府信息情况\n${'|'.repeat(200_000)}\n`],
    [
      'a page of 140,000 rows',
      'rows.html',
      () =>
        `<html><body><h2>三、收到和处理政府信息公开申请情况</h2><table>${'<tr><td>1</td></tr>'.repeat(140_000)}</table></body></html>`,
    ],
    [
      'a PDF of 5,000 pages of text and figures (judged on its first pages)',
      'pages.pdf',
      () => {
        let figures = '';
        for (let i = 0; i < 40; i++)
          figures += `BT /F1 8 Tf ${50 + (i % 10) * 50} ${700 - ((i / 10) | 0) * 12} Td (${i}) Tj ET\n`;
        return onePagePdf(figures, 5000);
      },
    ],
    [
      'a PDF page of 130,000 tiny lines among figures',
      'lines.pdf',
      () => {
        let drawing = '';
        for (let i = 0; i < 130_000; i++)
          drawing += `${i % 500} ${(i / 500) | 0} m ${(i % 500) + 1} ${(i / 500) | 0} l S\n`;
        let figures = '';
        for (let i = 0; i < 40; i++)
          figures += `BT /F1 8 Tf ${50 + (i % 10) * 50} ${700 - ((i / 10) | 0) * 12} Td (${i}) Tj ET\n`;
        return onePagePdf(drawing + figures);
      },
    ],
    [
      // Each official label was compared with the whole cell, normalised anew each time: 15 s.
      'a page whose header cell holds 160,000 characters',
      'long-label.html',
      () =>
        `<html><body><h2>三、收到和处理政府信息公开申请情况</h2><table><tr><th>本年新收</th><th>${'x'.repeat(160_000)}</th></tr><tr><td>1</td><td>2</td></tr></table></body></html>`,
    ],
    [
      // SheetJS scanned the rest of the document once per cell after a row left open: past 60 s for 11 KB.
      'an .ods of 11 KB whose content leaves a table row open (fuzz seed 31)',
      'open-row.ods',
      () =>
        readFileSync(
          join(__dirname, '..', 'fixtures', 'fuzz', 'ods-seed31-case-9818-zip-xml-of-example-2021-ods-.ods'),
        ),
    ],
  ];

  test.each(cases)('%s: one clear line, no internal error', (_name, file, bytes) => {
    const path = join(dir, file);
    writeFileSync(path, bytes());
    for (const command of ['validate', 'import']) {
      const run = runCli([
        command,
        path,
        ...(command === 'import' ? ['-o', join(dir, `${file}.json`)] : []),
        '--lang',
        'en',
      ]);
      expect(run.stdout + run.stderr).not.toMatch(STACK);
      expect(run.stdout + run.stderr).not.toMatch(/internal error|Maximum call stack|took longer than/);
      expect([1, 2]).toContain(run.code);
    }
  });

  test('a report that validates but holds 200,000 paragraphs: findings capped, not rendered even with --force', () => {
    const model = JSON.parse(readFileSync(fixture('example-2021.json'), 'utf8')) as Record<string, unknown>;
    const path = join(dir, 'paragraphs.json');
    writeFileSync(path, JSON.stringify({ ...model, overview: Array.from({ length: 200_000 }, () => '段落') }));
    const validated = runCli(['validate', path, '--format', 'json']);
    expect(validated.code).toBe(1);
    const ids = (
      JSON.parse(validated.stdout) as { files: { diagnostics: { messageId: string }[] }[] }
    ).files[0]?.diagnostics.map((d) => d.messageId);
    expect(ids).toContain('tooManyParagraphs');
    const forced = runCli(['build', path, '-o', join(dir, 'paragraphs-out'), '--force', '--lang', 'en']);
    expect(forced.code).toBe(1);
    expect(forced.stderr).toContain('past the size limits of the format');
    expect(() => readdirSync(join(dir, 'paragraphs-out'))).toThrow();
  });

  test('an overview of 400,000 numbers: the first 500 findings and one line for the rest', () => {
    const model = JSON.parse(readFileSync(fixture('example-2021.json'), 'utf8')) as Record<string, unknown>;
    const path = join(dir, 'numbers.json');
    writeFileSync(path, JSON.stringify({ ...model, overview: Array.from({ length: 400_000 }, (_, i) => i) }));
    const run = runCli(['validate', path, '--format', 'json']);
    expect(run.code).toBe(1);
    const diagnostics = (JSON.parse(run.stdout) as { files: { diagnostics: { messageId: string }[] }[] }).files[0]
      ?.diagnostics;
    expect(diagnostics?.length).toBeLessThanOrEqual(501);
    expect(diagnostics?.at(-1)?.messageId).toBe('moreDiagnostics');
  });
});
