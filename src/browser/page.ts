/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The filer's page's own script (issue 21): the interface only. The reading, checking and building run in a Web
// Worker made from the core's bundle, which the page carries gzipped in a data block (`#worker-code`): a read that
// takes longer than the command line's limit is ended by terminating the worker, and a new one takes its place.
// No request of any kind: the page's Content-Security-Policy allows its own two hashed blocks and blob: workers only.
import { gunzipSync } from 'fflate';
import type { Lang } from '../diagnostics/diagnostic';
import type { SheetView } from './core';
import { pageWords } from './page-words';
import type { Job } from './worker';

type Words = (typeof pageWords)[Lang];

interface Finding {
  ruleId: string;
  severity: 'error' | 'warning';
  messageId: string;
  message: string;
  label?: string;
  sheet?: string;
  cell?: string;
}

interface FileResult {
  file: string;
  status: 'ok' | 'invalid' | 'unreadable';
  errors: number;
  warnings: number;
  diagnostics: Finding[];
}

interface Checked {
  json?: { files: FileResult[] };
  sheets?: SheetView[];
  sha256?: string;
  size?: number;
  previousUnreadable?: string;
  notInPage?: true;
}

interface Made {
  file?: { name: string; bytes: Uint8Array };
  refused?: string;
  unreadable?: string;
  noYear?: true;
  notInPage?: true;
  carriedColumns?: number;
}

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The worker's source, decoded once; each worker is made from the same blob URL. */
let workerUrl: string | undefined;
let worker: Worker | undefined;
let limits = { maxInputBytes: 0, readSeconds: 8 };
let toolVersion = '';
let nextId = 1;
const waiting = new Map<number, { resolve: (answer: unknown) => void; reject: (problem: Problem) => void }>();

/** A job that did not come to an answer: over time, the worker lost, or a fault of ours. */
class Problem {
  constructor(
    readonly kind: 'timedOut' | 'crashed' | 'internal',
    readonly detail = '',
  ) {}
}

let ready: Promise<void> | undefined;

function startWorker(): Promise<void> {
  if (!workerUrl) {
    const packed = byId('worker-code').textContent ?? '';
    const code = new TextDecoder().decode(gunzipSync(Uint8Array.from(atob(packed.trim()), (c) => c.charCodeAt(0))));
    workerUrl = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
  }
  const started = new Worker(workerUrl);
  worker = started;
  ready = new Promise((resolve) => {
    started.onmessage = (event: MessageEvent) => {
      const data = event.data as { ready?: true; limits?: typeof limits; toolVersion?: string } & {
        id?: number;
        answer?: unknown;
        failed?: string;
      };
      if (data.ready) {
        limits = data.limits ?? limits;
        // `?timeout=SECONDS`, as the command line's --timeout: another limit for every read.
        const asked = Number(new URLSearchParams(location.search).get('timeout') ?? '');
        if (asked > 0) limits = { ...limits, readSeconds: asked };
        toolVersion = data.toolVersion ?? '';
        byId('version').textContent = toolVersion;
        resolve();
        return;
      }
      const job = waiting.get(data.id ?? 0);
      if (!job) return;
      waiting.delete(data.id ?? 0);
      if (data.failed !== undefined) job.reject(new Problem('internal', data.failed));
      else job.resolve(data.answer);
    };
  });
  started.onerror = (event) => {
    event.preventDefault();
    // A worker that died (out of memory, a stack blown outside our catch): every job it held is lost.
    replaceWorker(new Problem('crashed'));
  };
  return ready;
}

function replaceWorker(problem: Problem): void {
  worker?.terminate();
  worker = undefined;
  for (const job of waiting.values()) job.reject(problem);
  waiting.clear();
  void startWorker();
}

/** Runs a job in the worker under the command line's time limit; past it, the worker is ended and replaced. */
async function inWorker<T>(job: Job): Promise<T> {
  if (!worker) void startWorker();
  await ready;
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      if (waiting.has(id)) replaceWorker(new Problem('timedOut'));
    }, limits.readSeconds * 1000);
    waiting.set(id, {
      resolve: (answer) => {
        clearTimeout(timer);
        resolve(answer as T);
      },
      reject: (problem) => {
        clearTimeout(timer);
        reject(problem);
      },
    });
    worker?.postMessage({ id, ...job });
  });
}

// ——— State and words ———

let lang: Lang = 'zh';
let picked: File | undefined;
let previous: File | undefined;
let lastChecked: Checked | undefined;
let run = 0;

const words = (): Words => pageWords[lang];

function setWords(): void {
  const w = words();
  document.documentElement.lang = w.htmlLang;
  document.title = w.title;
  for (const element of document.querySelectorAll<HTMLElement>('[data-w]')) {
    const entry = w[element.dataset.w as keyof Words];
    if (typeof entry === 'string') element.textContent = entry;
  }
}

function problemLine(problem: unknown, fileName: string): string {
  const w = words();
  if (problem instanceof Problem) {
    if (problem.kind === 'timedOut') return w.timedOut(fileName, limits.readSeconds);
    if (problem.kind === 'crashed') return w.crashed(fileName);
    return w.internal(problem.detail);
  }
  return w.internal(problem instanceof Error ? problem.message : String(problem));
}

/** What the one line says, for its look and for a test to tell (the words are the user's). */
type LineKind =
  | 'ok'
  | 'invalid'
  | 'working'
  | 'unreadable'
  | 'notInPage'
  | 'previousUnreadable'
  | 'timedOut'
  | 'crashed'
  | 'internal';

/** The one line said about the file: a problem, or the verdict; `role="status"` reads it out. */
function say(text: string, kind: LineKind): void {
  const line = byId('verdict');
  line.textContent = text;
  line.dataset.kind = kind;
  line.className = `verdict ${kind === 'ok' || kind === 'invalid' || kind === 'working' ? kind : 'problem'}`;
}

function clearResult(): void {
  byId('findings').replaceChildren();
  byId('sheet').replaceChildren();
  byId('downloads').hidden = true;
  byId('record').hidden = true;
  byId('result-json').textContent = '';
  lastChecked = undefined;
}

// ——— Checking ———

async function check(): Promise<void> {
  if (!picked) return;
  const file = picked;
  const thisRun = ++run;
  const began = performance.now();
  clearResult();
  document.body.dataset.state = 'working';
  say(words().working(file.name), 'working');
  let checked: Checked;
  try {
    checked = await inWorker<Checked>({
      job: 'check',
      file,
      ...(previous ? { previous } : {}),
      lang,
    });
  } catch (problem) {
    if (thisRun !== run) return;
    say(problemLine(problem, file.name), problem instanceof Problem ? problem.kind : 'internal');
    finish(thisRun, 'problem', began);
    return;
  }
  if (thisRun !== run) return;
  lastChecked = checked;
  showChecked(checked, file);
  finish(thisRun, 'done', began);
}

/** The run is over: its number, its state, and its time from the pick to the result shown (for the bench). */
function finish(thisRun: number, state: string, began: number): void {
  document.body.dataset.ms = String(Math.round(performance.now() - began));
  document.body.dataset.run = String(thisRun);
  document.body.dataset.state = state;
}

function showChecked(checked: Checked, file: File): void {
  const w = words();
  const result = checked.json?.files[0];
  if (checked.notInPage || checked.previousUnreadable !== undefined || !result) {
    if (checked.notInPage) say(w.notInPage, 'notInPage');
    else if (checked.previousUnreadable !== undefined)
      say(w.previousUnreadable(checked.previousUnreadable), 'previousUnreadable');
    else say(w.internal('no result'), 'internal');
    return;
  }
  byId('result-json').textContent = JSON.stringify(checked.json);
  if (result.status === 'unreadable') {
    say(result.diagnostics[0]?.message ?? w.unreadable, 'unreadable');
    return;
  }
  say(
    result.status === 'invalid'
      ? w.invalid(result.errors, result.warnings)
      : result.warnings
        ? w.okWithWarnings(result.warnings)
        : w.ok,
    result.status === 'invalid' ? 'invalid' : 'ok',
  );
  showFindings(result.diagnostics, checked.sheets ?? []);
  byId('downloads').hidden = false;
  const refusal = result.errors ? w.buildRefused.errors : '';
  byId('build-refused').textContent = refusal ?? '';
  for (const id of ['get-docx', 'get-html', 'get-json']) byId<HTMLButtonElement>(id).disabled = result.errors > 0;
  showRecord(file, checked);
}

function showFindings(findings: readonly Finding[], sheets: readonly SheetView[]): void {
  const w = words();
  const list = byId('findings');
  for (const finding of findings) {
    const item = document.createElement('li');
    item.className = `finding ${finding.severity}`;
    const head = document.createElement('p');
    const severity = document.createElement('span');
    severity.className = 'severity';
    severity.textContent = finding.severity === 'error' ? w.error : w.warning;
    const rule = document.createElement('code');
    rule.textContent = finding.ruleId;
    head.append(severity, ' ', rule);
    if (finding.sheet && finding.cell) {
      const place = document.createElement('span');
      place.className = 'place';
      place.textContent = `${finding.sheet}!${finding.cell}`;
      head.append(' ', place);
    }
    if (finding.label) {
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = finding.label;
      head.append(' ', label);
    }
    const message = document.createElement('p');
    message.className = 'message';
    message.textContent = finding.message;
    item.append(head, message);
    const view = sheets.find((sheet) => sheet.sheet === finding.sheet);
    if (view && finding.cell) {
      const show = document.createElement('button');
      show.type = 'button';
      show.className = 'show-cell';
      show.textContent = w.showCell;
      const cell = finding.cell;
      show.addEventListener('click', () => showSheet(view, cell));
      item.append(show);
    }
    list.append(item);
  }
}

const columnName = (index: number): string => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** The sheet as a table, the finding's cell marked and brought into view (and focus, for the keyboard). */
function showSheet(view: SheetView, cell: string): void {
  const w = words();
  const box = byId('sheet');
  const heading = document.createElement('h2');
  heading.textContent = w.sheetHeading(view.sheet, cell) + (view.cut ? w.sheetCut : '');
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  head.append(document.createElement('th'));
  let width = 0;
  for (const row of view.rows) width = Math.max(width, row.length);
  for (let c = 0; c < width; c++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = columnName(c);
    head.append(th);
  }
  const body = table.createTBody();
  // Merged cells as the workbook shows them: the first cell spans the range, the others are not drawn.
  const spans = new Map<string, { rows: number; columns: number }>();
  const covered = new Set<string>();
  for (const merge of view.merges) {
    spans.set(`${merge.row},${merge.column}`, merge);
    for (let r = merge.row; r < merge.row + merge.rows; r++)
      for (let c = merge.column; c < merge.column + merge.columns; c++)
        if (r !== merge.row || c !== merge.column) covered.add(`${r},${c}`);
  }
  let marked: HTMLElement | undefined;
  view.rows.forEach((row, r) => {
    const line = body.insertRow();
    const number = document.createElement('th');
    number.scope = 'row';
    number.textContent = String(r + 1);
    line.append(number);
    row.forEach((text, c) => {
      if (covered.has(`${r},${c}`)) return;
      const td = line.insertCell();
      const span = spans.get(`${r},${c}`);
      if (span) {
        td.rowSpan = span.rows;
        td.colSpan = span.columns;
      }
      td.textContent = text;
      if (`${columnName(c)}${r + 1}` === cell) {
        td.className = 'mark';
        td.tabIndex = -1;
        marked = td;
      }
    });
  });
  const scroller = document.createElement('div');
  scroller.className = 'sheet-scroll';
  scroller.append(table);
  box.replaceChildren(heading, scroller);
  marked?.scrollIntoView({ block: 'center', inline: 'nearest' });
  marked?.focus();
}

function showRecord(file: File, checked: Checked): void {
  const w = words();
  byId('record').hidden = false;
  byId('record-file').textContent = file.name;
  byId('record-hash').textContent = `${w.fileHash} ${checked.sha256 ?? ''}`;
  byId('record-size').textContent = w.fileSize(checked.size ?? file.size);
  byId('record-tool').textContent = w.checkedBy(toolVersion);
  byId('record-time').textContent = w.checkedAt(new Date().toLocaleString(w.htmlLang));
}

// ——— Downloads ———

function download(name: string, bytes: Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const TYPES: Readonly<Record<string, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function build(format: 'docx' | 'html' | 'json'): Promise<void> {
  if (!picked) return;
  const file = picked;
  const line = byId('download-line');
  line.textContent = '';
  try {
    const made = await inWorker<Made>({ job: 'build', file, format, lang });
    if (made.file) download(made.file.name, made.file.bytes, TYPES[format] ?? '');
    else line.textContent = words().buildRefused[made.refused ?? 'unreadable'] ?? '';
  } catch (problem) {
    line.textContent = problemLine(problem, file.name);
  }
}

async function template(fromPicked: boolean): Promise<void> {
  const w = words();
  const from = fromPicked ? picked : undefined;
  const line = byId('download-line');
  line.textContent = '';
  try {
    const made = await inWorker<Made>({ job: 'template', ...(from ? { from } : {}), lang });
    if (made.file) {
      download(made.file.name, made.file.bytes, TYPES.xlsx ?? '');
      if (made.carriedColumns !== undefined) line.textContent = w.templateCarried(made.carriedColumns);
    } else if (made.notInPage) line.textContent = w.notInPage;
    else if (made.noYear) line.textContent = w.fromNoYear;
    else line.textContent = w.fromUnreadable(made.unreadable ?? '');
  } catch (problem) {
    line.textContent = problemLine(problem, from?.name ?? 'template.xlsx');
  }
}

function downloadResult(): void {
  if (!lastChecked?.json || !picked) return;
  const text = `${JSON.stringify(lastChecked.json, null, 2)}\n`;
  download(`${picked.name}.check.json`, new TextEncoder().encode(text), TYPES.json ?? '');
}

// ——— Wiring ———

function pick(file: File | undefined): void {
  if (!file) return;
  picked = file;
  void check();
}

function wire(): void {
  const fileInput = byId<HTMLInputElement>('file');
  const previousInput = byId<HTMLInputElement>('previous');
  fileInput.addEventListener('change', () => pick(fileInput.files?.[0]));
  previousInput.addEventListener('change', () => {
    previous = previousInput.files?.[0];
    if (picked) void check();
  });
  // Dropped anywhere on the page: the report itself (last year's has its own picker).
  document.addEventListener('dragover', (event) => {
    event.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (event) => {
    event.preventDefault();
    document.body.classList.remove('dragging');
    pick(event.dataTransfer?.files[0]);
  });
  byId('language').addEventListener('click', () => {
    lang = words().otherLang;
    setWords();
    if (picked) void check();
  });
  byId('get-docx').addEventListener('click', () => void build('docx'));
  byId('get-html').addEventListener('click', () => void build('html'));
  byId('get-json').addEventListener('click', () => void build('json'));
  byId('get-result').addEventListener('click', downloadResult);
  byId('get-blank').addEventListener('click', () => void template(false));
  byId('get-next').addEventListener('click', () => void template(true));
  byId('print').addEventListener('click', () => window.print());
}

if (typeof Worker === 'undefined') {
  say(words().noWorker, 'internal');
} else {
  lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
  setWords();
  wire();
  void startWorker().then(() => {
    document.body.dataset.state = 'ready';
  });
}
