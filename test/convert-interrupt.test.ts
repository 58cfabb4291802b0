// An interrupted batch loses nothing: Ctrl-C (SIGINT) or SIGTERM in the middle of a real `report convert` over 200
// reports leaves no temporary file, its finished reports in place and a summary marked interrupted; the re-run
// converts only the rest. And a file that disappears between listing and reading is one unreadable input.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, readJsonFixture, runCli, scratch } from './helpers';

const COUNT = 200;

interface SummaryInput {
  path: string;
  status: string;
  upToDate?: boolean;
  outputs: string[];
  error?: string;
}

/** COUNT distinct reports (an agency each), as JSON. */
function writeReports(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const example = readJsonFixture('example-2021');
  for (let i = 0; i < COUNT; i++) {
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
): Promise<{ code: number | null; stdout: string; stderr: string }> {
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
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const summaryOf = (out: string) => JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
const temporaries = (out: string) => readdirSync(out).filter((name) => name.startsWith('.') || name.endsWith('.tmp'));

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
    expect(readdirSync(out).sort()).toEqual([...outputs, 'index.html', 'rules.html', 'summary.json'].sort());
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
    expect(readdirSync(out)).toHaveLength(3 * COUNT + 3); // and summary.json, index.html, rules.html
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
    expect(plain.stderr).not.toContain('跳过');
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
    expect(readdirSync(out).sort()).toEqual([...outputs, 'index.html', 'rules.html', 'summary.json'].sort());
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
});
