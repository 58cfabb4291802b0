// An interrupted batch loses nothing: Ctrl-C (SIGINT), SIGTERM, a closed terminal (SIGHUP) or a closed pipe in the
// middle of a real `report convert` leaves no temporary file, its finished reports in place and a summary marked
// interrupted; kill -9 leaves the journal, from which the re-run keeps every finished report and converts only the
// rest. One run at a time in a folder. And a file that disappears between listing and reading is one unreadable input.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BatchJournal, JOURNAL_FILE } from '../src/convert/batch-journal';
import { LOCK_FILE } from '../src/convert/batch-lock';
import { runFingerprint } from '../src/convert/fingerprint';
import { runConvert } from '../src/convert/run-convert';
import { SUMMARY_FILE } from '../src/convert/summary-file';
import { BIN, ROOT, readJsonFixture, runCli, scratch } from './helpers';

const COUNT = 200;
const fingerprint = runFingerprint({
  generator: 'test',
  formats: ['json'],
  lenient: true,
  docxStyle: 'gbt9704',
  rules: {},
});

interface SummaryInput {
  path: string;
  status: string;
  upToDate?: boolean;
  outputs: string[];
  error?: string;
}

/** `count` distinct reports (an agency each), as JSON. */
function writeReports(folder: string, count = COUNT): void {
  mkdirSync(folder, { recursive: true });
  const example = readJsonFixture('example-2021');
  for (let i = 0; i < count; i++) {
    writeFileSync(
      join(folder, `report-${String(i).padStart(3, '0')}.json`),
      JSON.stringify({ ...example, agency: `某市第${i + 1}局`, year: 2021 + (i % 4) }),
    );
  }
}

/** Runs convert and calls `when` once `lines` progress lines have appeared on standard error. */
function convertWhile(
  args: string[],
  lines: number,
  when: (child: ReturnType<typeof spawn>) => void,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'convert', ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', REPORT_LANG: '', CI: '1' },
  });
  let stdout = '';
  let stderr = '';
  let fired = false;
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (!fired && (stderr.match(/^\[\d+\/\d+\] /gm) ?? []).length >= lines) {
      fired = true;
      when(child);
    }
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
/** Hidden or temporary files, the journal aside (it is kept on purpose: the next run resumes from it). */
const temporaries = (out: string) =>
  readdirSync(out).filter((name) => name !== JOURNAL_FILE && (name.startsWith('.') || name.endsWith('.tmp')));

describe('an interrupted convert', () => {
  const dir = scratch('report-interrupt-');
  const inputs = join(dir, 'reports');
  writeReports(inputs);

  test('SIGINT mid-batch: no temporary file, finished reports in place, summary interrupted; the re-run does the rest', async () => {
    const out = join(dir, 'out');
    const first = await convertWhile([inputs, '-o', out, '--jobs', '2'], 10, (child) => child.kill('SIGINT'));
    expect(first.code).toBe(130);
    expect(first.stderr).toContain('收到 SIGINT');
    expect(temporaries(out)).toEqual([]);
    const summary = summaryOf(out);
    expect(summary.interrupted).toBe(true);
    const done: SummaryInput[] = summary.inputs;
    expect(done.length).toBeGreaterThanOrEqual(10);
    expect(done.length).toBeLessThan(COUNT);
    expect(summary.totals).toMatchObject({ inputs: done.length, notDone: COUNT - done.length });
    expect(first.stderr).toContain(`已中断：${done.length} 份已完成，${COUNT - done.length} 份未转换`);
    // Every finished report has its three outputs in place, and nothing else is there.
    const outputs = done.flatMap((input) => input.outputs);
    expect(outputs).toHaveLength(3 * done.length);
    expect(readdirSync(out).sort()).toEqual(
      [...outputs, JOURNAL_FILE, 'index.html', 'rules.html', 'summary.json'].sort(),
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('转换被中断');
    const written = new Map(outputs.map((name) => [name, statSync(join(out, name)).mtimeMs]));

    const second = runCli(['convert', inputs, '-o', out, '--jobs', '2']);
    expect(second.code).toBe(0);
    const resumed = summaryOf(out);
    expect(resumed.interrupted).toBeUndefined();
    expect(resumed.totals).toMatchObject({ inputs: COUNT, ok: COUNT, upToDate: done.length, notDone: 0 });
    const skipped = new Set(done.map((input) => input.path));
    for (const input of resumed.inputs as SummaryInput[]) {
      // Exactly the inputs done before are skipped, and keep their outputs untouched; the rest are converted now.
      expect(input.upToDate === true).toBe(skipped.has(input.path));
      expect(input.outputs).toHaveLength(3);
    }
    for (const [name, mtime] of written) expect(statSync(join(out, name)).mtimeMs).toBe(mtime);
    expect(readdirSync(out)).toHaveLength(3 * COUNT + 4); // and summary.json, index.html, rules.html, the journal
    expect(second.stdout).toContain(`${done.length} 份报告的输出已是最新（内容、选项和版本都未变），未重新生成`);

    // A changed input, or other options, is converted again.
    writeFileSync(
      join(inputs, 'report-000.json'),
      JSON.stringify({ ...readJsonFixture('example-2021'), agency: '某市第1局' }),
    );
    const third = runCli(['convert', join(inputs, 'report-00*.json'), '-o', out, '--jobs', '1', '--lang', 'en']);
    expect(third.stderr).toMatch(/report-000\.json ok\n/);
    expect(third.stderr).toMatch(/report-001\.json ok \(outputs current, skipped\)\n/);
    const plain = runCli(['convert', join(inputs, 'report-001.json'), '-o', out, '--docx-style', 'plain']);
    expect(plain.code).toBe(0);
    expect(summaryOf(out).totals).toMatchObject({ inputs: 1, upToDate: 0 });
  });

  test('a second Ctrl-C drops the reports under way too, and still leaves no temporary file', async () => {
    const out = join(dir, 'out-twice');
    const run = await convertWhile([inputs, '-o', out, '--jobs', '2'], 3, (child) => {
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGINT'), 50);
    });
    expect(run.code).toBe(130);
    expect(temporaries(out)).toEqual([]);
    const summary = summaryOf(out);
    expect(summary.interrupted).toBe(true);
    const outputs = (summary.inputs as SummaryInput[]).flatMap((input) => input.outputs);
    expect(readdirSync(out).sort()).toEqual(
      [...outputs, JOURNAL_FILE, 'index.html', 'rules.html', 'summary.json'].sort(),
    );
  });

  test('SIGTERM: the same, with exit code 143', async () => {
    const out = join(dir, 'out-term');
    const run = await convertWhile([inputs, '-o', out, '--jobs', '1'], 3, (child) => child.kill('SIGTERM'));
    expect(run.code).toBe(143);
    expect(temporaries(out)).toEqual([]);
    const summary = summaryOf(out);
    expect(summary.interrupted).toBe(true);
    for (const input of summary.inputs as SummaryInput[])
      for (const output of input.outputs) expect(statSync(join(out, output)).isFile()).toBe(true);
  });

  test('a file that disappears between listing and reading is reported unreadable, and the batch goes on', async () => {
    const out = join(dir, 'out-vanished');
    const last = join(inputs, `report-${String(COUNT - 1).padStart(3, '0')}.json`);
    const run = await convertWhile([inputs, '-o', out, '--jobs', '1', '--to', 'json'], 1, () => rmSync(last));
    expect(run.code).toBe(1);
    const summary = summaryOf(out);
    expect(summary.totals).toMatchObject({ inputs: COUNT, ok: COUNT - 1, unreadable: 1 });
    const vanished = (summary.inputs as SummaryInput[]).find((input) => input.path === last);
    expect(vanished).toMatchObject({ status: 'unreadable', outputs: [] });
    expect(vanished?.error).toContain(last);
  });

  test('SIGHUP (a closed terminal, a dropped SSH session) is a stop like SIGTERM, with exit code 129', async () => {
    const out = join(dir, 'out-hup');
    const run = await convertWhile([inputs, '-o', out, '--jobs', '1', '--to', 'json'], 3, (child) =>
      child.kill('SIGHUP'),
    );
    expect(run.code).toBe(129);
    expect(temporaries(out)).toEqual([]);
    expect(summaryOf(out).interrupted).toBe(true);
  });

  test('a closed pipe on its output ends the batch quietly, with what is done kept and summed up', async () => {
    const out = join(dir, 'out-pipe');
    // The progress lines go to a reader that stops after the first: `report convert … 2>&1 | head -1`.
    const child = spawn(process.execPath, [BIN, 'convert', inputs, '-o', out, '--jobs', '1', '--to', 'json'], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1', REPORT_LANG: '', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stderr.once('data', (chunk: Buffer) => {
      said += chunk.toString('utf8');
      child.stdout.destroy();
      child.stderr.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(said).toMatch(/^\[1\/\d+\] /);
    expect(code).toBe(141);
    expect(temporaries(out)).toEqual([]);
    const summary = summaryOf(out);
    expect(summary.interrupted).toBe(true);
    expect(summary.inputs.length).toBeGreaterThan(0);
  });

  test('one run at a time in a folder: a second is refused while the first runs; a dead run’s lock is taken over', async () => {
    const out = join(dir, 'out-locked');
    let second: ReturnType<typeof runCli> | undefined;
    const first = await convertWhile([inputs, '-o', out, '--jobs', '1', '--to', 'json'], 2, (child) => {
      second = runCli(['convert', inputs, '-o', out, '--to', 'json', '--lang', 'en']);
      child.kill('SIGTERM');
    });
    expect(first.code).toBe(143);
    expect(second?.code).toBe(2);
    expect(second?.stderr).toMatch(/^report: another report convert \(process \d+\) is writing into .*out-locked/);
    expect(readdirSync(out)).not.toContain(LOCK_FILE);
    // A lock whose process is gone (kill -9, a restart) does not keep the folder.
    writeFileSync(join(out, LOCK_FILE), '2147483646\n');
    const third = runCli(['convert', join(inputs, 'report-00*.json'), '-o', out, '--to', 'json']);
    expect(third.code).toBe(0);
    expect(readdirSync(out)).not.toContain(LOCK_FILE);
  });
});

describe('kill -9', () => {
  const dir = scratch('report-kill-');
  const inputs = join(dir, 'reports');
  const MANY = 2000;
  writeReports(inputs, MANY);

  test(`at a random point of a ${MANY}-report batch: the re-run keeps and skips every report finished before it`, async () => {
    const out = join(dir, 'out');
    // Seeded: the kill lands after 50 to 1,050 reports.
    const after = 50 + ((Math.imul(0x9e3779b1, 22) >>> 0) % 1000);
    const first = await convertWhile([inputs, '-o', out, '--jobs', '2', '--to', 'json'], after, (child) =>
      child.kill('SIGKILL'),
    );
    expect(first.signal).toBe('SIGKILL');
    // Each progress line is printed after its report's outputs are in place and its journal entry written.
    const finished = [...first.stderr.matchAll(/^\[\d+\/\d+\] (\S+) 通过$/gm)].map((match) => match[1] as string);
    expect(finished.length).toBeGreaterThanOrEqual(after);
    expect(readdirSync(out)).not.toContain(SUMMARY_FILE);
    expect(readdirSync(out)).toContain(LOCK_FILE);

    const second = runCli(['convert', inputs, '-o', out, '--jobs', '2', '--to', 'json']);
    expect(second.code).toBe(0);
    const summary = summaryOf(out);
    expect(summary.totals).toMatchObject({ inputs: MANY, ok: MANY, notDone: 0 });
    const upToDate = new Set(
      (summary.inputs as SummaryInput[]).filter((input) => input.upToDate).map((input) => input.path),
    );
    for (const path of finished) expect(upToDate.has(join(ROOT, path)) || upToDate.has(path)).toBe(true);
    // No temporary file survives, nor the dead run's lock; every report has its one output.
    expect(temporaries(out)).toEqual([]);
    expect(readdirSync(out).filter((name) => name.endsWith('.json') && name !== SUMMARY_FILE)).toHaveLength(MANY);
  });
});

describe('a full disk', () => {
  test('stops the batch at the first output it cannot write, the input left for the next run, not called unreadable', async () => {
    const out = scratch('report-full-');
    const journal = BatchJournal.open(out, fingerprint);
    const paths = ['a.json', 'b.json', 'c.json'];
    try {
      const summary = await runConvert(paths, {
        outDir: out,
        formats: ['json'],
        lenient: true,
        lang: 'en',
        rules: {},
        docxStyle: 'gbt9704',
        generator: 'test',
        fingerprint,
        protect: () => undefined,
        journal,
        inFlight: 1,
        // The first input is read and has no outputs to write; the second meets a full disk.
        run: async (job) =>
          job.id === 0
            ? { id: 0, ok: false, sha256: 'x', error: { messageId: 'notFound', message: 'gone' } }
            : {
                id: job.id,
                ok: false,
                error: { messageId: 'outputFailed', message: 'full', code: 'ENOSPC', file: join(out, 'x.tmp') },
              },
      });
      expect(summary.diskFull).toEqual({ file: join(out, 'x.tmp'), code: 'ENOSPC' });
      expect(summary.records.map((record) => record.path)).toEqual(['a.json']);
      expect(summary).toMatchObject({ interrupted: true, notDone: 2 });
    } finally {
      journal.close();
    }
  });
});
