// Output is inert: text that comes from an input (agencies, quoted sentences, file and sheet names) can neither act on
// the terminal (OSC 52, window titles, screen clears, hidden text, bidirectional overrides, C1 controls) nor split a
// line, nor break the junit XML or a GitHub annotation. In-process, through every reporter, the messages of the
// command line and the table convert ends with; and that table stays linear in a 300,000-character agency.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { say } from '../src/cli/cli-messages';
import { displayPath } from '../src/cli/write-outputs';
import { displayWidth } from '../src/convert/display-text';
import type { InputRecord } from '../src/convert/run-convert';
import { summaryTable, terminalWidth } from '../src/convert/summary-table';
import type { Diagnostic } from '../src/diagnostics/diagnostic';
import { inert, inertJson, inertWorkflowData, inertWorkflowProperty, inertXml } from '../src/diagnostics/inert-text';
import type { FileResult, ReporterContext } from '../src/reporters/file-result';
import { githubReporter } from '../src/reporters/github';
import { jsonReporter } from '../src/reporters/json';
import { junitReporter } from '../src/reporters/junit';
import { textReporter } from '../src/reporters/text';
import { lastYearOfExample, readJsonFixture, runCli, scratch } from './helpers';

/** Each hostile string and the visible form `inert` shows it in. */
const HOSTILE: ReadonlyArray<readonly [name: string, text: string, shown: string]> = [
  ['OSC 52 clipboard write', '\u001b]52;c;ZXZpbA==\u0007', '\\x1b]52;c;ZXZpbA==\\x07'],
  ['OSC 0 window title, BEL', '\u001b]0;pwned\u0007', '\\x1b]0;pwned\\x07'],
  ['CSI 2J screen clear', '\u001b[2J', '\\x1b[2J'],
  ['CSI 8m hidden text', '\u001b[8m', '\\x1b[8m'],
  ['a bare newline', 'line\nbreak', 'line\\nbreak'],
  ['a carriage return', 'over\rwrite', 'over\\rwrite'],
  ['U+202E right-to-left override', '\u202exslx.exe', '\\u202exslx.exe'],
  ['U+2066 left-to-right isolate', '\u2066isolated\u2069', '\\u2066isolated\\u2069'],
  ['C1 CSI U+009B', '\u009b2J', '\\x9b2J'],
  ['NUL', 'a\u0000b', 'a\\x00b'],
];

/** What must never reach a terminal raw: controls (but the line ends we write), format characters, separators. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\p{Cs}\u2028\u2029]/u;
/** Characters XML 1.0 does not allow. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

const ALL = HOSTILE.map(([, text]) => text).join(' ');
const AGENCY = `某市商务局${ALL}`;

const context = (color: boolean): ReporterContext => ({ lang: 'zh', color, toolVersion: '0.0.0' });

function diagnostic(severity: 'error' | 'warning', message: string): Diagnostic {
  return {
    ruleId: 'R301',
    severity,
    messageId: 'rowTotal',
    params: { agency: AGENCY },
    message,
    pointer: '/requests/newReceived/total',
    label: `三 › 一、本年新收政府信息公开申请数量 › 总计${ALL}`,
    sheet: `三、申请${ALL}`,
    cell: 'I5',
  };
}

/** One file per hostile string (in its name, an unreadable file's reason, a diagnostic's message), and all at once. */
function results(): FileResult[] {
  const each = HOSTILE.map(
    ([name, text]): FileResult => ({
      file: `reports/${text}.xlsx`,
      status: 'invalid',
      edition: '2021',
      readAs: 'template',
      diagnostics: [
        diagnostic('error', `机关“${text}”的总计应为 12（${name}）`),
        diagnostic('warning', `引文：“${text}”`),
      ],
    }),
  );
  const unreadable: FileResult = {
    file: `reports/${ALL}.pdf`,
    status: 'unreadable',
    diagnostics: [],
    error: { messageId: 'notAReport', message: `不是有效的报告：${ALL}` },
  };
  return [...each, unreadable];
}

/** The text with the colours our painter writes (bold, red, green, yellow, gray) taken out: the rest must be inert. */
const withoutColours = (text: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ESC of our own colours is exactly what is taken out.
  text.replace(/\u001b\[(?:1|22|31|32|33|39|90)m/g, '');

describe('inert', () => {
  it.each(HOSTILE)('shows %s escaped, in a visible form, on one line', (_name, text, shown) => {
    const out = inert(text);
    expect(out).toBe(shown);
    expect(out).not.toMatch(ACTIVE);
    expect(out).not.toContain('\n');
    // Idempotent: applied again (by a second layer), nothing changes.
    expect(inert(out)).toBe(out);
  });

  it('escapes TAB, DEL, every C0 and C1 control, the format characters and the separators; keeps CJK and U+3000', () => {
    for (let code = 0; code <= 0x9f; code++) {
      if (code >= 0x20 && code < 0x7f) continue;
      expect(inert(String.fromCharCode(code))).toMatch(/^\\(x[0-9a-f]{2}|[tnr])$/);
    }
    expect(inert('\t')).toBe('\\t');
    for (const format of ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u2067', '\u2068']) {
      expect(inert(format)).toBe(`\\u${format.charCodeAt(0).toString(16).padStart(4, '0')}`);
    }
    expect(inert('\u200b\ufeff\u2028\u2029\u00ad')).toBe('\\u200b\\ufeff\\u2028\\u2029\\xad');
    expect(inert('\u{e0041}')).toBe('\\u{e0041}');
    expect(inert('a\ud800b')).toBe('a\\ud800b');
    const ordinary = '某市商务局（2024 年度）：收到申请 12 件，　全角空格、「引号」；ＡＢＣ１２３ — a/b\\c.xlsx';
    expect(inert(ordinary)).toBe(ordinary);
  });

  it('for XML: no character XML 1.0 forbids, markup escaped', () => {
    for (const [, text] of HOSTILE) expect(inertXml(`<a href="x">${text}</a> & '\ufffe\uffff'`)).not.toMatch(NOT_XML);
    expect(inertXml(`<"&'>\u001b\ufffe`)).toBe('&lt;&quot;&amp;&apos;&gt;\\x1b\\ufffe');
  });

  it('for GitHub workflow commands: % CR LF escaped in messages, : and , in properties too, after inert', () => {
    expect(inertWorkflowData('100% a:b,c')).toBe('100%25 a:b,c');
    expect(inertWorkflowProperty('100% a:b,c')).toBe('100%25 a%3Ab%2Cc');
    expect(inertWorkflowData('a\nb\r::error::x')).toBe('a\\nb\\r::error::x');
  });

  it('for JSON: the values exact when parsed, nothing active in the bytes', () => {
    const value = { agency: AGENCY, more: '\u007f\u0085\u2028\u{e0041}\\\u202e' };
    const json = inertJson(JSON.stringify(value, null, 2));
    expect(json).not.toMatch(ACTIVE);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('the reporters', () => {
  it.each([false, true])('text (colour %s): only our colours reach the terminal, a line per diagnostic', (color) => {
    const out = textReporter(results(), context(color));
    expect(withoutColours(out)).not.toMatch(ACTIVE);
    if (!color) expect(out).not.toContain('\u001b');
    // A heading, two diagnostics and a blank line per file; the unreadable file's heading, reason and blank line;
    // the line that explains the rules and the summary.
    expect(out.trimEnd().split('\n')).toHaveLength(HOSTILE.length * 4 + 3 + 2);
    for (const [, , shown] of HOSTILE) expect(out).toContain(`机关“${shown}”`);
    expect(out).toContain('reports/\\x1b]52;c;ZXZpbA==\\x07.xlsx');
  });

  it('junit: well-formed XML whatever the input holds, the messages shown in their visible form', () => {
    const xml = junitReporter(results(), context(false));
    expect(xml).not.toMatch(NOT_XML);
    expect(xml).not.toMatch(ACTIVE);
    expectWellFormed(xml);
    const document = parseDocument(xml, { xmlMode: true, decodeEntities: true });
    const failures: string[] = [];
    const walk = (node: { children?: unknown[]; name?: string; attribs?: Record<string, string> }) => {
      if (node.name === 'failure' && node.attribs?.message !== undefined) failures.push(node.attribs.message);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(document as never);
    // Errors fail; warnings pass, told in <system-out>.
    const errors = results().flatMap((result) => result.diagnostics.filter((d) => d.severity === 'error'));
    expect(failures).toHaveLength(errors.length);
    expect(errors.length).toBeGreaterThanOrEqual(HOSTILE.length);
    expect(failures[0]).toBe(inert(`机关“${HOSTILE[0]?.[1]}”的总计应为 12（${HOSTILE[0]?.[0]}）`));
  });

  it('github: one line per annotation, each a workflow command we wrote', () => {
    const out = githubReporter(results(), context(false));
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(HOSTILE.length * 2 + 1);
    for (const line of lines) {
      expect(line).toMatch(/^::(error|warning) file=[^,:]*,title=[^,:]*::/);
      expect(line).not.toMatch(ACTIVE);
    }
  });

  it('json: the exact values, inert bytes', () => {
    const input = results();
    const out = jsonReporter(input, context(false));
    expect(out).not.toMatch(ACTIVE);
    const parsed = JSON.parse(out) as { files: Array<{ file: string; diagnostics: Diagnostic[] }> };
    expect(parsed.files.map((file) => file.file)).toEqual(input.map((result) => result.file));
    expect(parsed.files[0]?.diagnostics[0]?.message).toBe(input[0]?.diagnostics[0]?.message);
  });
});

describe('the command line', () => {
  it('fills params inert, keeps the templates’ own lines', () => {
    for (const [, text, shown] of HOSTILE) {
      const line = say('en', 'imported', {
        file: `out/${text}.json`,
        agency: text,
        year: 2024,
        edition: '2021',
        how: 'JSON',
        errors: 0,
        warnings: 0,
      });
      expect(line).not.toMatch(ACTIVE);
      expect(line).not.toContain('\n');
      expect(line).toContain(`(${shown}, 2024`);
    }
    expect(say('en', 'helpInputs')).toContain('\n');
  });

  it('shows written paths inert', () => {
    expect(displayPath(`out/\u001b]0;title\u0007.json`)).toBe('out/\\x1b]0;title\\x07.json');
  });
});

function record(agency: string, extra: Partial<InputRecord> = {}): InputRecord {
  return {
    path: `/srv/reports/${agency.slice(0, 40)}.xlsx`,
    status: 'ok',
    agency,
    year: 2024,
    edition: '2021',
    figures: { expected: 200, found: 200 },
    errors: 0,
    warnings: 3,
    rules: {},
    outputs: [],
    diagnostics: [],
    trend: {},
    ...extra,
  };
}

describe('the table convert ends with', () => {
  const records = [
    ...HOSTILE.map(([, text]) => record(`某市${text}局`)),
    record('某县', { path: `/srv/reports/坏${ALL}.pdf`, status: 'unreadable', error: `无法读取：${ALL}` }),
  ];

  it.each([160, 80, 40])('at %i columns: nothing active, each row one line within the width', (width) => {
    const table = summaryTable(records, 'zh', width);
    expect(table).not.toMatch(ACTIVE);
    const lines = table.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    if (width === 160) {
      // The folder, the head and its rule, a line per report, the reason under the unreadable one, the totals.
      const reasonLines = lines.filter((line) => line.startsWith('    '));
      expect(lines).toHaveLength(1 + 2 + records.length + reasonLines.length + 1);
      expect(lines.filter((line) => line.includes('某市\\x1b]52;'))).toHaveLength(1);
      expect(lines.join('').replace(/\s+/g, '')).toContain(inert(`无法读取：${ALL}`).replace(/\s+/g, ''));
    }
  });

  it('a 300,000-character agency and reason at COLUMNS=40: the agency cut, the reason whole, in linear time', () => {
    const saved = process.env.COLUMNS;
    process.env.COLUMNS = '40';
    try {
      const width = terminalWidth();
      expect(width).toBe(40);
      const agency = `${'很长的机关名称'.repeat(42857)}\u001b[2J`;
      const reason = `reason ${'无法读取的原因 '.repeat(37500)}`;
      const table = summaryTable(
        [record(agency), record('某县', { status: 'unreadable', error: reason, path: '/srv/reports/bad.pdf' })],
        'zh',
        width,
      );
      const lines = table.trimEnd().split('\n');
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      expect(table).not.toMatch(ACTIVE);
      // The agency takes a few lines and ends in …; the reason is all there.
      expect(lines.filter((line) => line.includes('很长的机关名称')).length).toBeLessThanOrEqual(4);
      expect(table).toContain('…');
      expect(lines.join('').replace(/\s+/g, '')).toContain(reason.replace(/\s+/g, ''));
    } finally {
      if (saved === undefined) delete process.env.COLUMNS;
      else process.env.COLUMNS = saved;
    }
  }, 5000);
});

/** A strict check of the XML we write: a declaration, then elements with quoted attributes, properly nested, and text
 * with no `<` and no `&` but the five entities. */
function expectWellFormed(xml: string): void {
  const token =
    /<\?xml [^?]*\?>|<\/([A-Za-z][A-Za-z-]*)>|<([A-Za-z][A-Za-z-]*)((?:\s+[A-Za-z]+="(?:[^"<&]|&(?:lt|gt|amp|quot|apos);)*")*)\s*(\/?)>|(?:[^<&]|&(?:lt|gt|amp|quot|apos);)+/y;
  const open: string[] = [];
  let index = 0;
  let roots = 0;
  while (index < xml.length) {
    token.lastIndex = index;
    const match = token.exec(xml);
    if (!match) throw new Error(`not well-formed at ${index}: ${JSON.stringify(xml.slice(index, index + 60))}`);
    const [whole, closing, opening, , selfClosing] = match;
    if (closing) expect(open.pop()).toBe(closing);
    else if (opening) {
      if (open.length === 0) roots++;
      if (!selfClosing) open.push(opening);
    } else if (!whole.startsWith('<?') && open.length === 0) expect(whole.trim()).toBe('');
    index = token.lastIndex;
  }
  expect(open).toEqual([]);
  expect(roots).toBe(1);
}

describe('whole commands on a report whose agency and file name carry every hostile string', () => {
  const dir = scratch('report-inert-');
  const model = readJsonFixture('example-2021');
  const folder = join(dir, `in${HOSTILE[0]?.[1] ?? ''}`);
  mkdirSync(folder, { recursive: true });
  const hostileFile = join(folder, `report${HOSTILE[1]?.[1] ?? ''}.json`);
  writeFileSync(hostileFile, JSON.stringify({ ...model, agency: AGENCY }));
  const lastYear = join(dir, 'last.json');
  writeFileSync(lastYear, JSON.stringify({ ...lastYearOfExample(), agency: AGENCY }));

  it.each([
    ['validate', ['validate', hostileFile]],
    ['validate --format junit', ['validate', hostileFile, '--format', 'junit']],
    ['import', ['import', hostileFile, '-o', join(dir, 'imported.json')]],
    ['diff', ['diff', lastYear, hostileFile]],
    ['diff --format json', ['diff', lastYear, hostileFile, '--format', 'json']],
    ['convert', ['convert', folder, '-o', join(dir, 'converted'), '--to', 'json']],
    ['an unknown option quoting a hostile word', ['validate', hostileFile, `--${HOSTILE[2]?.[1] ?? ''}`]],
  ])('%s: nothing active reaches the terminal', (_name, args) => {
    const run = runCli(args as string[]);
    expect(withoutColours(run.stdout)).not.toMatch(ACTIVE);
    expect(withoutColours(run.stderr)).not.toMatch(ACTIVE);
  });
});
