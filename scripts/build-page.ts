// Builds the filer's page (issue 21) at `npm run build`: one HTML file with everything inline — its style, its script
// (src/browser/page.ts) and the worker's script (src/browser/worker.ts, the core: gzipped and in base64, as data the
// page inflates into a blob: worker). Its Content-Security-Policy allows these two hashed blocks and blob: workers, and
// nothing else: no request of any kind. Written to dist/page/, which the package ships; `report page -o FILE` copies it.
// esbuild is a development dependency: the page is built here, never at a user's `report page`.
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { writeFileAtomic } from '../src/output/write-atomic.node';
import { BUILT_PAGE } from '../src/package-root';
import { bundlePageScript, bundlePageWorker } from './browser-bundle';

const ROOT = resolve(__dirname, '..', __dirname.includes(`${join('dist', 'scripts')}`) ? '..' : '');

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const STYLE = `
:root{color-scheme:light;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;--accent:#0b5cad;--error:#b42318;--warn:#8a5a00;--ok:#1a7f37;--paper:#fff;--tint:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI","Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;color:var(--ink);background:var(--tint)}
header,main,footer{max-width:980px;margin:0 auto;padding:0 20px}
header{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:flex-start;justify-content:space-between;padding-top:24px}
h1{font-size:1.45rem;line-height:1.3;margin:0;flex:1 1 420px}
h2{font-size:1.1rem;margin:0 0 8px}
.intro{flex-basis:100%;margin:4px 0 0;color:var(--muted)}
button{font:inherit;border:1px solid var(--line);background:var(--paper);color:var(--ink);border-radius:6px;padding:6px 14px;cursor:pointer}
button:hover:not(:disabled){border-color:var(--accent);color:var(--accent)}
button:disabled{color:var(--muted);cursor:not-allowed;opacity:.6}
:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
section{background:var(--paper);border:1px solid var(--line);border-radius:8px;padding:16px 20px;margin:16px 0}
.pick{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px 24px}
.pick>div{display:flex;flex-direction:column;gap:6px;min-width:0}
.pick label{font-weight:600}
.drop{grid-column:1/-1;margin:0;padding:14px;border:2px dashed var(--line);border-radius:8px;text-align:center;color:var(--muted)}
body.dragging .drop{border-color:var(--accent);color:var(--accent);background:#eef5fc}
input[type=file]{font:inherit;max-width:100%}
.verdict{font-weight:600;font-size:1.1rem;margin:16px 0;padding:12px 16px;border-radius:8px;border-left:6px solid var(--line);background:var(--paper)}
.verdict:empty{display:none}
.verdict.ok{border-color:var(--ok);color:var(--ok)}
.verdict.invalid{border-color:var(--error);color:var(--error)}
.verdict.problem{border-color:var(--warn);color:var(--warn)}
.verdict.working{color:var(--muted)}
#findings{list-style:none;margin:0;padding:0}
.finding{background:var(--paper);border:1px solid var(--line);border-left:6px solid var(--warn);border-radius:8px;padding:10px 16px;margin:10px 0}
.finding.error{border-left-color:var(--error)}
.finding p{margin:2px 0;overflow-wrap:anywhere}
.severity{font-weight:700;color:var(--warn)}
.error .severity{color:var(--error)}
.place{font-size:.9em;background:var(--tint);padding:0 4px;border-radius:4px;overflow-wrap:anywhere}
.label{color:var(--muted)}
.show-cell{margin-top:6px;font-size:.9em;padding:2px 10px}
#sheet:empty{display:none}
.sheet-scroll{overflow:auto;max-height:420px;border:1px solid var(--line)}
#sheet table{border-collapse:collapse;font-size:.85em}
#sheet th,#sheet td{border:1px solid var(--line);padding:2px 6px;white-space:nowrap;max-width:22em;overflow:hidden;text-overflow:ellipsis}
#sheet th{background:var(--tint);color:var(--muted);font-weight:400;position:sticky;top:0}
#sheet tbody th{position:sticky;left:0}
#sheet td.mark{outline:3px solid var(--error);outline-offset:-3px;background:#fde7e9;font-weight:700}
.buttons{display:flex;flex-wrap:wrap;gap:8px}
.note{color:var(--muted);margin:8px 0 0}
.note:empty{display:none}
#record p{margin:0;overflow-wrap:anywhere}
#record-hash{font-family:ui-monospace,Consolas,monospace;font-size:.9em}
footer{color:var(--muted);font-size:.85em;padding-bottom:24px}
@media (max-width:640px){
 body{font-size:15px}
 header,main,footer{padding:0 12px}
 header{padding-top:16px}
 h1{font-size:1.2rem;flex-basis:100%}
 .pick{grid-template-columns:1fr}
 section{padding:12px}
 .buttons button{flex:1 1 100%}
}
@media print{
 body{background:#fff;font-size:11pt}
 header button,.intro,.pick,.templates,#downloads,.show-cell,footer{display:none!important}
 section,.finding,.verdict{border-color:#999;break-inside:avoid}
 .sheet-scroll{max-height:none;overflow:visible}
 #record{display:block}
}
`.trim();

const body = `
<header>
<h1 data-w="title"></h1>
<button type="button" id="language" data-w="otherLanguage"></button>
<p class="intro" data-w="intro"></p>
</header>
<main>
<section class="pick">
<div><label for="file" data-w="fileLabel"></label><input type="file" id="file" accept=".xlsx,.xlsm,.xls,.et,.ods,.json"></div>
<div><label for="previous" data-w="previousLabel"></label><input type="file" id="previous" accept=".xlsx,.xlsm,.xls,.et,.ods,.json"></div>
<p class="drop" data-w="dropHint"></p>
</section>
<p id="verdict" class="verdict" role="status" aria-live="polite"></p>
<section id="record" hidden>
<h2 data-w="resultHeading"></h2>
<p id="record-file"></p><p id="record-hash"></p><p id="record-size"></p><p id="record-tool"></p><p id="record-time"></p>
</section>
<ol id="findings"></ol>
<section id="sheet" aria-live="polite"></section>
<section id="downloads" hidden>
<h2 data-w="downloads"></h2>
<div class="buttons">
<button type="button" id="get-docx" data-w="downloadDocx"></button>
<button type="button" id="get-html" data-w="downloadHtml"></button>
<button type="button" id="get-json" data-w="downloadJson"></button>
<button type="button" id="get-result" data-w="downloadResult"></button>
<button type="button" id="get-next" data-w="nextTemplate"></button>
<button type="button" id="print" data-w="print"></button>
</div>
<p class="note" id="build-refused"></p>
<p class="note" id="download-line" role="status"></p>
</section>
<section class="templates">
<h2 data-w="templateHeading"></h2>
<p data-w="templateIntro"></p>
<div class="buttons"><button type="button" id="get-blank" data-w="blankTemplate"></button></div>
</section>
<pre id="result-json" hidden></pre>
</main>
<footer>report <span id="version"></span></footer>
`.trim();

/** The page, whole: its HTML with both scripts and the style inline. */
async function buildFilerPage(): Promise<string> {
  const [worker, script] = await Promise.all([bundlePageWorker(), bundlePageScript()]);
  const warnings = [...worker.warnings, ...script.warnings];
  if (warnings.length) throw new Error(`the filer's page bundles with warnings:\n${warnings.join('\n')}`);
  const packed = gzipSync(worker.code, { level: 9 }).toString('base64');
  const policy = [
    "default-src 'none'",
    `script-src ${hash(script.code)}`,
    `style-src ${hash(STYLE)}`,
    // The worker is made from the page's own data block, through a blob: URL; nothing else may be one.
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>政府信息公开工作年度报告 · 检查与生成</title>
<style>${STYLE}</style>
</head>
<body data-state="loading">
${body}
<script type="application/octet-stream" id="worker-code">${packed}</script>
<script>${script.code}</script>
</body>
</html>
`;
  return html;
}

async function main(): Promise<void> {
  const path = join(ROOT, BUILT_PAGE);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileAtomic(path, await buildFilerPage());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`build-page: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
