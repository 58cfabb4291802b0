// Whole-process scenarios: `node bin/report.js …` as a user runs it, each under a time limit, its output read as a
// terminal would get it. Every hostile input through `validate`, `import`, `build -o DIR` and `convert` of a folder;
// standard output closed by its reader after one line (`| head -1`); SIGINT, SIGTERM and SIGHUP in the middle of a
// `convert` of a few hundred reports; odd folders (an unreadable subfolder, a path past PATH_MAX, a symbolic link
// loop, file names with terminal controls, an output folder holding a folder named like an output). Each run is
// classified: ok, refused (exit 2, no other problem), internal error, stack trace, hang (over 10 s), memory (over the
// target), or control character (a raw C0 byte other than TAB and LF, DEL, or a C1 or bidirectional control in what
// the terminal gets), plus what a scenario checks of its own (exit code, temporary files left, summary written).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';

export type Problem =
  | 'internal error'
  | 'stack trace'
  | 'hang'
  | 'memory'
  | 'control character'
  | 'temporary files left'
  | 'exit code'
  | 'no summary';

/** Problems that fail a run, worst first. */
const PROBLEM_ORDER: readonly Problem[] = [
  'hang',
  'internal error',
  'stack trace',
  'memory',
  'control character',
  'temporary files left',
  'no summary',
  'exit code',
];

export interface ProcessOutcome {
  scenario: 'validate' | 'import' | 'build' | 'convert' | 'pipe' | 'signal' | 'folder';
  name: string;
  command: string;
  exitCode: number | null;
  signal: string | null;
  ms: number;
  rssMb: number;
  /** Lines of output (stdout and stderr together). */
  lines: number;
  /** The worst problem, else `ok` (exit 0 or 1) or `refused` (exit 2). */
  verdict: Problem | 'ok' | 'refused';
  problems: Problem[];
  /** What the run printed, cut, control characters shown escaped; what a scenario noticed. */
  detail: string;
  notes?: string[];
}

export interface ProcessSettings {
  root: string;
  work: string;
  hangSeconds: number;
  rssTargetMb: number;
  /** The same for `convert` of a folder: its own process and its pool of sandboxed readers, added up. */
  convertRssTargetMb: number;
  /** Passed on as `--timeout` when set. */
  limitSeconds?: number;
}

export interface HostileInput {
  name: string;
  path: string;
  group: string;
}

/** Bytes a terminal must not get raw: C0 controls but TAB and LF, DEL; C1 controls and bidirectional overrides. */
export function controlCharacters(bytes: Buffer): string[] {
  const found = new Set<string>();
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a) || byte === 0x7f)
      found.add(`\\x${byte.toString(16).padStart(2, '0')}`);
    else if (byte === 0xc2) {
      const next = bytes[i + 1] ?? 0;
      if (next >= 0x80 && next <= 0x9f) found.add(`U+${next.toString(16).toUpperCase().padStart(4, '0')}`);
    } else if (byte === 0xe2) {
      const second = bytes[i + 1] ?? 0;
      const third = bytes[i + 2] ?? 0;
      if ((second === 0x80 && third >= 0xaa && third <= 0xae) || (second === 0x81 && third >= 0xa6 && third <= 0xa9))
        found.add(`U+${((0x2000 | ((second & 0x3f) << 6) | (third & 0x3f)) >>> 0).toString(16).toUpperCase()}`);
    }
  }
  return [...found];
}

/** Shows control characters as escapes, so a report of them is safe to print. */
export function escapeControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (character) => {
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$|node:internal\/|Unhandled 'error' event|^\w*Error: .*\n\s+at /m;
const INTERNAL_ERROR = /internal error|内部错误|FATAL ERROR|Segmentation fault|Aborted/i;

interface SpawnSpec {
  args: string[];
  cwd?: string;
  uid?: number;
  gid?: number;
  /** Called with the child once it runs: a scenario closes its pipe or sends it signals from here. */
  drive?: (child: ChildProcess, output: { stdout: () => string; stderr: () => string }) => void;
  /** When the time counts from (a signal sent): the hang limit applies from then on. */
  hangFrom?: () => number | undefined;
}

interface RawRun {
  exitCode: number | null;
  signal: string | null;
  ms: number;
  rssMb: number;
  stdout: string;
  stderr: string;
  lines: number;
  controls: string[];
  hung: boolean;
}

/** Keeps the start and the end of a stream that may be large (400,000 lines), scanning all of it for controls. */
class Capture {
  private head = '';
  private tail = '';
  lines = 0;
  readonly controls = new Set<string>();
  private carry = Buffer.alloc(0);

  add(chunk: Buffer): void {
    const bytes = Buffer.concat([this.carry, chunk]);
    for (const control of controlCharacters(bytes.subarray(0, Math.max(0, bytes.length - 2))))
      this.controls.add(control);
    this.carry = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2)));
    for (const byte of chunk) if (byte === 0x0a) this.lines++;
    const text = chunk.toString('utf8');
    if (this.head.length < 256 * 1024) this.head += text;
    else this.tail = (this.tail + text).slice(-64 * 1024);
  }

  finish(): void {
    for (const control of controlCharacters(this.carry)) this.controls.add(control);
  }

  text(): string {
    return this.tail ? `${this.head}\n…\n${this.tail}` : this.head;
  }
}

export class ProcessRunner {
  readonly outcomes: ProcessOutcome[] = [];
  private counter = 0;
  readonly root: string;
  readonly bin: string;

  constructor(readonly settings: ProcessSettings) {
    this.root = settings.root;
    this.bin = join(settings.root, 'bin', 'report.js');
  }

  /** A fresh folder under the work folder. */
  folder(label: string): string {
    const dir = join(this.settings.work, 'processes', `${String(this.counter++).padStart(4, '0')}-${label}`);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  private timeoutArgs(): string[] {
    return this.settings.limitSeconds === undefined ? [] : ['--timeout', String(this.settings.limitSeconds)];
  }

  /** Runs `node bin/report.js ARGS`, measured; the hang limit kills it at three times the limit. */
  run(spec: SpawnSpec): Promise<RawRun> {
    // In a folder anyone may write to: a run as another user records its memory there too.
    const rssDir = join(this.settings.work, 'rss');
    if (!existsSync(rssDir)) {
      mkdirSync(rssDir, { recursive: true });
      chmodSync(rssDir, 0o1777);
    }
    const rssFile = join(rssDir, `rss-${this.counter++}.txt`);
    const started = Date.now();
    const child = spawn(process.execPath, [this.bin, ...spec.args], {
      cwd: spec.cwd ?? this.root,
      env: {
        ...process.env,
        NO_COLOR: '1',
        REPORT_LANG: '',
        NODE_OPTIONS: `--require ${join(this.root, 'scripts', 'fuzz', 'record-hwm.cjs')}`,
        RECORD_RSS: rssFile,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(spec.uid === undefined ? {} : { uid: spec.uid, gid: spec.gid ?? spec.uid }),
    });
    const stdout = new Capture();
    const stderr = new Capture();
    child.stdout?.on('data', (chunk: Buffer) => stdout.add(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.add(chunk));
    // A reader that closed its end sees no more; errors on our side of a pipe are not the command's.
    child.stdout?.on('error', () => {});
    child.stderr?.on('error', () => {});
    const hangMs = this.settings.hangSeconds * 1000;
    let hung = false;
    const watch = setInterval(() => {
      const from = spec.hangFrom?.() ?? started;
      if (Date.now() - from > hangMs) hung = true;
      if (Date.now() - from > hangMs * 3) child.kill('SIGKILL');
    }, 100);
    spec.drive?.(child, { stdout: () => stdout.text(), stderr: () => stderr.text() });
    return new Promise((resolve) => {
      child.on('close', (code, signal) => {
        clearInterval(watch);
        stdout.finish();
        stderr.finish();
        let rssMb = 0;
        try {
          rssMb =
            readFileSync(rssFile, 'utf8')
              .trim()
              .split('\n')
              .reduce((sum, line) => sum + Number(line), 0) /
            1024 /
            1024;
        } catch {}
        rmSync(rssFile, { force: true });
        resolve({
          exitCode: code,
          signal,
          ms: Date.now() - started,
          rssMb,
          stdout: stdout.text(),
          stderr: stderr.text(),
          lines: stdout.lines + stderr.lines,
          controls: [...new Set([...stdout.controls, ...stderr.controls])],
          hung,
        });
      });
    });
  }

  /** The common classification of a run; a scenario adds its own problems and notes. */
  classify(
    scenario: ProcessOutcome['scenario'],
    name: string,
    args: readonly string[],
    run: RawRun,
    extra: { problems?: Problem[]; notes?: string[]; expectSignal?: boolean; rssTarget?: number | false } = {},
  ): ProcessOutcome {
    const said = `${run.stdout}\n${run.stderr}`;
    const problems = new Set<Problem>(extra.problems ?? []);
    if (run.hung) problems.add('hang');
    if (INTERNAL_ERROR.test(said)) problems.add('internal error');
    // Killed by a signal nobody sent (an abort, a segmentation fault), or an exit code the SPEC does not know.
    if (run.signal && !extra.expectSignal && !run.hung) problems.add('internal error');
    if (run.exitCode !== null && run.exitCode > 2 && !extra.expectSignal) problems.add('internal error');
    if (STACK_TRACE.test(run.stderr) || STACK_TRACE.test(run.stdout)) problems.add('stack trace');
    if (run.controls.length) problems.add('control character');
    const target = extra.rssTarget ?? this.settings.rssTargetMb;
    if (target !== false && run.rssMb > target) problems.add('memory');
    const ordered = PROBLEM_ORDER.filter((problem) => problems.has(problem));
    const notes = [...(extra.notes ?? [])];
    if (run.controls.length) notes.push(`raw ${run.controls.join(' ')}`);
    const outcome: ProcessOutcome = {
      scenario,
      name,
      command: `report ${args.map((arg) => (/[\s'"]/.test(arg) ? JSON.stringify(arg) : arg)).join(' ')}`,
      exitCode: run.exitCode,
      signal: run.signal,
      ms: run.ms,
      rssMb: Math.round(run.rssMb),
      lines: run.lines,
      verdict: ordered[0] ?? (run.exitCode === 2 ? 'refused' : 'ok'),
      problems: ordered,
      detail: escapeControls(
        said
          .replace(/\n{2,}/g, '\n')
          .trim()
          .split('\n')
          .slice(0, 8)
          .join('\n')
          .slice(0, 800),
      ),
      ...(notes.length ? { notes: notes.map(escapeControls) } : {}),
    };
    this.outcomes.push(outcome);
    return outcome;
  }

  // ---- every hostile input through the four commands ------------------------------------------------------------

  async commands(input: HostileInput, which: readonly string[]): Promise<void> {
    const lang = ['--lang', 'en'];
    if (which.includes('validate')) {
      const args = ['validate', input.path, ...lang, ...this.timeoutArgs()];
      this.classify('validate', input.name, args, await this.run({ args }));
    }
    if (which.includes('import')) {
      const out = this.folder('import');
      const args = ['import', input.path, '-o', join(out, 'imported.json'), ...lang, ...this.timeoutArgs()];
      this.classify('import', input.name, args, await this.run({ args }));
      rmSync(out, { recursive: true, force: true });
    }
    if (which.includes('build')) {
      const out = this.folder('build');
      const args = ['build', input.path, '-o', out, ...lang, ...this.timeoutArgs()];
      this.classify('build', input.name, args, await this.run({ args }));
      rmSync(out, { recursive: true, force: true });
    }
    if (which.includes('convert')) {
      const folder = this.folder('convert-in');
      placeInput(input.path, folder);
      await this.convertFolder(input.name, folder);
      rmSync(folder, { recursive: true, force: true });
    }
  }

  /** `convert FOLDER -o OUT`, with what its summary.json says of each input. */
  async convertFolder(name: string, folder: string, extraArgs: readonly string[] = []): Promise<ProcessOutcome> {
    const out = this.folder('convert-out');
    const args = ['convert', folder, '-o', out, '--lang', 'en', '--jobs', '2', ...extraArgs, ...this.timeoutArgs()];
    const run = await this.run({ args });
    const { problems, notes } = summaryProblems(out);
    const left = temporaries(out);
    if (left.length) {
      problems.push('temporary files left');
      notes.push(`left in the output folder: ${left.slice(0, 5).join(', ')}`);
    }
    const outcome = this.classify('convert', name, args, run, {
      problems,
      notes,
      rssTarget: this.settings.convertRssTargetMb,
    });
    rmSync(out, { recursive: true, force: true });
    return outcome;
  }

  // ---- a reader that closes early (`| head -1`) -----------------------------------------------------------------

  async closedPipe(name: string, args: string[], closeStderr = false): Promise<ProcessOutcome> {
    const run = await this.run({
      args,
      drive: (child, output) => {
        let closed = false;
        const close = () => {
          if (closed) return;
          closed = true;
          child.stdout?.destroy();
          if (closeStderr) child.stderr?.destroy();
        };
        child.stdout?.on('data', () => {
          if (output.stdout().includes('\n')) close();
        });
        if (closeStderr)
          child.stderr?.on('data', () => {
            if (output.stderr().includes('\n')) close();
          });
      },
    });
    // What the command said after the pipe closed is on stderr, which is still read (unless closed too).
    return this.classify('pipe', name, args, run, {
      notes: [`exit code ${run.exitCode ?? run.signal} after its reader closed the pipe`],
      rssTarget: false,
    });
  }

  // ---- signals in the middle of a batch --------------------------------------------------------------------------

  async signal(name: string, folder: string, signals: NodeJS.Signals[], afterLines = 10): Promise<ProcessOutcome> {
    const out = this.folder('signal-out');
    const args = ['convert', folder, '-o', out, '--jobs', '2', '--lang', 'en'];
    let sentAt: number | undefined;
    const run = await this.run({
      args,
      hangFrom: () => sentAt,
      drive: (child, output) => {
        const onData = () => {
          if (sentAt !== undefined) return;
          if ((output.stderr().match(/^\[\d+\/\d+\] /gm) ?? []).length < afterLines) return;
          sentAt = Date.now();
          signals.forEach((signal, index) => {
            setTimeout(() => child.kill(signal), index * 100);
          });
        };
        child.stderr?.on('data', onData);
        child.stdout?.on('data', onData);
      },
    });
    const problems: Problem[] = [];
    const notes: string[] = [];
    const first = signals[0] ?? 'SIGINT';
    const documented: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };
    const expected = documented[first];
    if (sentAt === undefined) notes.push('the batch ended before the signal was sent');
    else if (expected !== undefined) {
      if (run.exitCode !== expected) {
        problems.push('exit code');
        notes.push(`exit ${run.exitCode ?? run.signal}, documented ${expected}`);
      }
      const summary = readJson(join(out, 'summary.json')) as { interrupted?: boolean } | undefined;
      if (!summary?.interrupted) {
        problems.push('no summary');
        notes.push(summary ? 'summary.json not marked interrupted' : 'no summary.json written');
      }
    } else {
      notes.push(
        `${first}: no exit code documented; ended with ${run.exitCode === null ? `the signal ${run.signal}` : `exit ${run.exitCode}`}${existsSync(join(out, 'summary.json')) ? ', summary.json written' : ', no summary.json'}`,
      );
    }
    const left = temporaries(out);
    if (left.length) {
      problems.push('temporary files left');
      notes.push(`${left.length} temporary files left: ${left.slice(0, 3).join(', ')}`);
    }
    const outcome = this.classify('signal', name, args, run, {
      problems,
      notes,
      expectSignal: true,
      rssTarget: false,
    });
    rmSync(out, { recursive: true, force: true });
    return outcome;
  }

  // ---- odd folders -----------------------------------------------------------------------------------------------

  async oddFolders(report: Buffer): Promise<void> {
    await this.unreadableFolder(report);
    await this.deepPath(report);
    await this.symlinkLoop(report);
    await this.controlNames(report);
    await this.outputNamedLikeAnOutput(report);
  }

  /** A subfolder and a file no one may read (chmod 000). Root reads them all the same: then run as nobody. */
  private async unreadableFolder(report: Buffer): Promise<void> {
    const folder = this.folder('unreadable');
    writeFileSync(join(folder, 'ok.json'), report);
    mkdirSync(join(folder, 'locked'));
    writeFileSync(join(folder, 'locked', 'inside.json'), report);
    writeFileSync(join(folder, 'locked-file.json'), report);
    const out = this.folder('unreadable-out');
    const root = process.getuid?.() === 0;
    const notes: string[] = [];
    let user: { uid?: number; gid?: number } = {};
    if (root) {
      // Root ignores permissions: the command runs as uid 65534 (nobody), who needs to reach these folders (only
      // the fuzzer's own are opened up; if what is above them is closed, the probe says so and the run is skipped).
      for (const dir of [this.settings.work, join(this.settings.work, 'processes'), folder]) chmodSync(dir, 0o755);
      chmodSync(join(folder, 'ok.json'), 0o644);
      chmodSync(out, 0o777);
      const probe = spawnSync(process.execPath, [this.bin, '--version'], {
        uid: 65534,
        gid: 65534,
        cwd: folder,
        encoding: 'utf8',
      });
      if (probe.error || probe.status !== 0) {
        notes.push('running as root, which ignores permissions, and uid 65534 cannot run report here: not tried');
        this.outcomes.push({
          scenario: 'folder',
          name: 'unreadable subfolder and file (chmod 000)',
          command: '(not run)',
          exitCode: null,
          signal: null,
          ms: 0,
          rssMb: 0,
          lines: 0,
          verdict: 'ok',
          problems: [],
          detail: escapeControls(`${probe.error ?? ''}${probe.stderr ?? ''}`.slice(0, 400)),
          notes,
        });
        return;
      }
      user = { uid: 65534, gid: 65534 };
      notes.push('running as root, which ignores permissions: the command ran as uid 65534 (nobody)');
    }
    chmodSync(join(folder, 'locked'), 0o000);
    chmodSync(join(folder, 'locked-file.json'), 0o000);
    try {
      const args = ['convert', folder, '-o', out, '--lang', 'en', '--jobs', '2'];
      const run = await this.run({ args, cwd: folder, ...user });
      const summary = summaryProblems(out);
      this.classify('folder', 'unreadable subfolder and file (chmod 000): convert', args, run, {
        problems: summary.problems,
        notes: [...notes, ...summary.notes],
        rssTarget: false,
      });
      const validateArgs = ['validate', join(folder, 'locked', 'inside.json'), join(folder, 'locked-file.json')];
      this.classify(
        'folder',
        'unreadable subfolder and file (chmod 000): validate',
        validateArgs,
        await this.run({ args: validateArgs, cwd: folder, ...user }),
        { notes },
      );
    } finally {
      chmodSync(join(folder, 'locked'), 0o755);
      chmodSync(join(folder, 'locked-file.json'), 0o644);
    }
  }

  /** A report at the bottom of folders nested past PATH_MAX (4,096 bytes), beside one within reach. */
  private async deepPath(report: Buffer): Promise<void> {
    const folder = this.folder('deep');
    writeFileSync(join(folder, 'ok.json'), report);
    const source = join(folder, 'ok.json');
    const name = 'd'.repeat(200);
    // Walked down by relative names (chdir), so no single path used is over the limit.
    const made = spawnSync(
      process.execPath,
      [
        '-e',
        `const fs = require('node:fs'); process.chdir(process.argv[1]); for (let i = 0; i < 25; i++) { fs.mkdirSync(process.argv[2]); process.chdir(process.argv[2]); } fs.copyFileSync(process.argv[3], 'deep.json');`,
        folder,
        name,
        source,
      ],
      { encoding: 'utf8' },
    );
    const deep = join(folder, ...Array<string>(25).fill(name), 'deep.json');
    const notes = [`the deepest file's path is ${deep.length} bytes`];
    if (made.status !== 0) notes.push(`could not make the folders: ${made.stderr.trim()}`);
    const out = this.folder('deep-out');
    const args = ['convert', folder, '-o', out, '--lang', 'en', '--jobs', '2'];
    const run = await this.run({ args });
    const summary = summaryProblems(out);
    this.classify('folder', 'a path past PATH_MAX: convert', args, run, {
      problems: summary.problems,
      notes: [...notes, ...summary.notes],
      rssTarget: false,
    });
    const validateArgs = ['validate', deep, '--lang', 'en'];
    this.classify('folder', 'a path past PATH_MAX: validate', validateArgs, await this.run({ args: validateArgs }), {
      notes,
    });
    spawnSync('rm', ['-rf', folder, out]);
  }

  /** A symbolic link to its own folder: a walk that follows links never ends. */
  private async symlinkLoop(report: Buffer): Promise<void> {
    const folder = this.folder('loop');
    writeFileSync(join(folder, 'ok.json'), report);
    symlinkSync('.', join(folder, 'again'));
    symlinkSync(folder, join(folder, 'absolute-again'));
    await this.convertFolder('a symbolic link to its own folder', folder);
  }

  /** File names that hold terminal controls: the paths a command prints come from the input too. */
  private async controlNames(report: Buffer): Promise<void> {
    const folder = this.folder('names');
    const names = ['\u001b[2J\u001b]0;title\u0007报告.json', '\u202e报告nosj.json', 'a\nb.json', '\u009b31m.json'];
    for (const name of names) writeFileSync(join(folder, name), report);
    await this.convertFolder('file names holding terminal controls', folder);
    const args = ['validate', ...names.map((name) => join(folder, name)), '--lang', 'en'];
    this.classify('folder', 'file names holding terminal controls: validate', args, await this.run({ args }));
    const out = this.folder('names-build');
    const buildArgs = ['build', join(folder, names[0] as string), '-o', out, '--lang', 'en'];
    this.classify(
      'folder',
      'file names holding terminal controls: build',
      buildArgs,
      await this.run({ args: buildArgs }),
    );
  }

  /** The output folder already holds a folder with an output's name (EISDIR when the output is moved in place). */
  private async outputNamedLikeAnOutput(report: Buffer): Promise<void> {
    const folder = this.folder('eisdir-in');
    writeFileSync(join(folder, 'report.json'), report);
    const model = JSON.parse(report.toString('utf8')) as { agency?: string; year?: number };
    const base = `${model.agency}${model.year}年政府信息公开工作年度报告`;
    for (const command of ['convert', 'build'] as const) {
      const out = this.folder('eisdir-out');
      for (const extension of ['html', 'json']) mkdirSync(join(out, `${base}.${extension}`));
      const args =
        command === 'convert'
          ? ['convert', folder, '-o', out, '--lang', 'en', '--jobs', '2']
          : ['build', join(folder, 'report.json'), '-o', out, '--lang', 'en'];
      const run = await this.run({ args });
      const summary = command === 'convert' ? summaryProblems(out) : { problems: [], notes: [] };
      const left = temporaries(out);
      if (left.length) summary.problems.push('temporary files left');
      this.classify('folder', `an output folder holding a folder named like an output: ${command}`, args, run, {
        problems: summary.problems,
        notes: [...summary.notes, ...(left.length ? [`left: ${left.join(', ')}`] : [])],
        rssTarget: false,
      });
    }
    const file = join(this.folder('output-is-file'), 'out');
    writeFileSync(file, 'not a folder');
    const args = ['convert', folder, '-o', file, '--lang', 'en'];
    this.classify('folder', 'an output folder that is a file: convert', args, await this.run({ args }), {
      rssTarget: false,
    });
  }
}

/** Puts one input in a folder of its own as it is: a regular file linked or copied, a link re-made, a FIFO made. */
export function placeInput(path: string, folder: string): void {
  const target = join(folder, basename(path));
  let stat: ReturnType<typeof lstatSync>;
  try {
    stat = lstatSync(path);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) symlinkSync(readlinkSync(path), target);
  else if (stat.isFIFO()) spawnSync('mkfifo', [target]);
  else if (stat.isFile()) {
    try {
      linkSync(path, target);
    } catch {
      copyFileSync(path, target);
    }
  } else symlinkSync(path, target); // a device: /dev/zero
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** An internal error convert recorded for an input (not on the terminal, only in summary.json). */
function summaryProblems(out: string): { problems: Problem[]; notes: string[] } {
  const summary = readJson(join(out, 'summary.json')) as { inputs?: { path: string; error?: string }[] } | undefined;
  const problems: Problem[] = [];
  const notes: string[] = [];
  for (const input of summary?.inputs ?? []) {
    if (input.error && INTERNAL_ERROR.test(input.error)) {
      problems.push('internal error');
      notes.push(`summary.json: ${input.path}: ${input.error.slice(0, 200)}`);
    }
    if (input.error && STACK_TRACE.test(input.error)) problems.push('stack trace');
  }
  return { problems, notes };
}

/**
 * Temporary files a run left in its output folder (`.report-<pid>-<n>.<ext>.tmp`, `.<name>.<pid>.<hex>.tmp`, a lock
 * of a run that ended). The batch's journal (`.report-journal.jsonl`) stays by design: the next run resumes from it.
 */
function temporaries(out: string): string[] {
  try {
    return readdirSync(out).filter(
      (name) => name.endsWith('.tmp') || (name.startsWith('.report-') && name !== '.report-journal.jsonl'),
    );
  } catch {
    return [];
  }
}

/** n small, distinct reports (an agency each) as JSON, for the signal scenarios. */
export function writeSmallReports(folder: string, report: Buffer, n: number): void {
  mkdirSync(folder, { recursive: true });
  const model = JSON.parse(report.toString('utf8')) as Record<string, unknown>;
  for (let i = 0; i < n; i++)
    writeFileSync(
      join(folder, `report-${String(i).padStart(3, '0')}.json`),
      JSON.stringify({ ...model, agency: `某市第${i + 1}局`, year: 2021 + (i % 4) }),
    );
}
