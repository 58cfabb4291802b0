// `report validate --format sarif` and `--format gitlab`: SARIF 2.1.0 valid against the official schema whatever the
// input holds, rules described from their metadata, locations as file + sheet!cell, pointer or line, fingerprints
// stable across runs; GitLab Code Quality issues with the fields GitLab requires.
//
// fixtures/sarif-schema-2.1.0.json is the SARIF 2.1.0 JSON schema published by OASIS (oasis-tcs/sarif-spec,
// Schemata/sarif-schema-2.1.0.json; © OASIS Open, under the OASIS IPR Policy), taken unchanged from the npm package
// @datadog/datadog-ci@2.48.0 (Apache-2.0), dist/commands/sarif/json-schema/sarif-schema-2.1.0.json.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { type Diagnostic, MORE_DIAGNOSTICS } from '../src/diagnostics/diagnostic';
import { sha256Hex } from '../src/diagnostics/fingerprint';
import type { FileResult, ReporterContext } from '../src/reporters/file-result';
import { gitlabReporter } from '../src/reporters/gitlab';
import { FINGERPRINT_KEY, sarifReporter } from '../src/reporters/sarif';
import { ruleCatalog } from '../src/validate/rules';
import { fixture, ROOT, runCli, scratch } from './helpers';

// ajv's main entry (`ajv`, not ajv/dist/2019 or /2020) is the one for draft-07, the schema's draft. Its three formats
// are checked here (ajv-formats is no dependency): a `uri` is absolute, a `uri-reference` may be relative, and both
// hold only the characters RFC 3986 allows.
const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', (value: string) => URI_CHARACTERS.test(value) && URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => URI_CHARACTERS.test(value) && URL.canParse(value, 'file:///base/'));
ajv.addFormat('date-time', (value: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value));
const validateSarif = ajv.compile(JSON.parse(readFileSync(fixture('sarif-schema-2.1.0.json'), 'utf8')));

/** The SARIF log, parsed, after checking it against the schema. */
function validSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const valid = validateSarif(log);
  expect(valid ? [] : validateSarif.errors).toEqual([]);
  return log;
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } };
  logicalLocations?: Array<{ name: string; fullyQualifiedName: string; kind: string }>;
  properties?: Record<string, unknown>;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: { messageId: string };
}
interface SarifRule {
  id: string;
  name?: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  helpUri: string;
  defaultConfiguration?: { level: string };
}
interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } };
  invocations: Array<{
    executionSuccessful: boolean;
    toolExecutionNotifications?: Array<{ level: string; message: { text: string }; locations: SarifLocation[] }>;
  }>;
  originalUriBaseIds?: Record<string, { uri: string }>;
  results: SarifResult[];
}
interface SarifLog {
  version: string;
  runs: SarifRun[];
}
interface GitLabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

const good = fixture('example-2021.json');
const r301 = fixture('rules', 'R301', 'fail.json');
const r401 = fixture('rules', 'R401', 'fail.json');
const workbook = fixture('rules', 'input', 'fail.xlsx');

const sarifOf = (args: string[]) => {
  const run = runCli(['validate', ...args, '--format', 'sarif']);
  return { code: run.code, log: validSarif(run.stdout), run: validSarif(run.stdout).runs[0] as SarifRun };
};

describe('report validate --format sarif', () => {
  it('a valid file: one run of the tool report, no result, exit 0', () => {
    const { code, log, run } = sarifOf([good]);
    expect(code).toBe(0);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'report', rules: [] });
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.results).toEqual([]);
    expect(run.invocations[0]?.executionSuccessful).toBe(true);
    expect(run.originalUriBaseIds?.['%SRCROOT%']?.uri).toBe(`file://${ROOT}/`);
  });

  it('errors and warnings: a result each, the rules that appear described from their metadata', () => {
    const { code, run } = sarifOf([r301, r401, '--lang', 'en']);
    expect(code).toBe(1);
    expect(run.results.map((result) => [result.ruleId, result.level])).toEqual([
      ['R301', 'error'],
      ['N001', 'warning'],
      ['R401', 'error'],
      ['N001', 'warning'],
    ]);
    const rules = run.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(['R301', 'N001', 'R401']);
    for (const result of run.results) expect(rules[result.ruleIndex]?.id).toBe(result.ruleId);
    for (const rule of rules) {
      const meta = ruleCatalog.find((candidate) => candidate.id === rule.id);
      expect(rule).toMatchObject({
        name: meta?.name,
        shortDescription: { text: meta?.description.en },
        fullDescription: { text: meta?.details.en },
        defaultConfiguration: { level: meta?.severity },
      });
      expect(rule.helpUri).toMatch(new RegExp(`^https://[^/]+/.*docs/rules/${rule.id}\\.md$`));
    }
    // The file relative to the working folder; the place in the model as a logical location.
    const [first] = run.results;
    expect(first?.properties.messageId).toBe('likelyCell');
    expect(first?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/rules/R301/fail.json', uriBaseId: '%SRCROOT%' },
    });
    expect(first?.locations[0]?.logicalLocations).toEqual([
      { name: 'total', fullyQualifiedName: '/requests/newReceived/total', kind: 'value' },
    ]);
  });

  it('in Chinese by default: the rules’ words follow --lang', () => {
    const { run } = sarifOf([r401]);
    const rule = run.tool.driver.rules.find((candidate) => candidate.id === 'R401');
    expect(rule?.shortDescription?.text).toBe(ruleCatalog.find((candidate) => candidate.id === 'R401')?.description.zh);
  });

  it('a workbook: the file, and sheet!cell as a logical location beside the pointer, no text region', () => {
    const { code, run } = sarifOf([workbook]);
    expect(code).toBe(1);
    expect(run.results.map((result) => [result.ruleId, result.level])).toEqual([
      ['input', 'error'],
      ['input', 'warning'],
    ]);
    const location = run.results[0]?.locations[0];
    expect(location?.physicalLocation).toEqual({
      artifactLocation: { uri: 'fixtures/rules/input/fail.xlsx', uriBaseId: '%SRCROOT%' },
    });
    const [cell, pointer] = location?.logicalLocations ?? [];
    expect(cell).toMatchObject({ name: 'D5', kind: 'cell' });
    expect(cell?.fullyQualifiedName).toMatch(/^三、.+!D5$/);
    expect(pointer).toMatchObject({ fullyQualifiedName: '/requests/newReceived/natural', kind: 'value' });
  });

  it('an unreadable file: a tool execution notification of level error, not a result', () => {
    const dir = scratch('report-sarif-');
    const corrupt = join(dir, 'corrupt.xlsx');
    writeFileSync(corrupt, 'PK\u0003\u0004 not a zip at all');
    const { code, run } = sarifOf([good, 'missing.json', corrupt]);
    expect(code).toBe(2);
    expect(run.results).toEqual([]);
    const [invocation] = run.invocations;
    expect(invocation?.executionSuccessful).toBe(false);
    const notifications = invocation?.toolExecutionNotifications ?? [];
    expect(notifications.map((notification) => notification.level)).toEqual(['error', 'error']);
    expect(notifications.map((notification) => notification.locations[0]?.physicalLocation.artifactLocation)).toEqual([
      { uri: 'missing.json', uriBaseId: '%SRCROOT%' },
      { uri: `file://${corrupt}` },
    ]);
  });

  it('fingerprints: the same on a rerun, different between findings, the rule + file + pointer + messageId hashed', () => {
    const args = [r301, r401, workbook];
    const once = sarifOf(args).run.results.map((result) => result.partialFingerprints);
    const again = sarifOf([...args, '--lang', 'en']).run.results.map((result) => result.partialFingerprints);
    expect(again).toEqual(once);
    const prints = once.map((print) => print[FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    for (const print of prints) expect(print).toMatch(/^[0-9a-f]{64}$/);
    expect(prints[0]).toBe(
      sha256Hex(JSON.stringify(['R301', 'fixtures/rules/R301/fail.json', '/requests/newReceived/total', 'likelyCell'])),
    );
  });
});

describe('report validate --format gitlab', () => {
  it('an array of issues with the fields GitLab requires, errors major and warnings minor, unreadable critical', () => {
    const run = runCli(['validate', r301, workbook, 'missing.json', '--format', 'gitlab']);
    expect(run.code).toBe(2);
    const issues = JSON.parse(run.stdout) as GitLabIssue[];
    expect(Array.isArray(issues)).toBe(true);
    for (const issue of issues) {
      expect(Object.keys(issue).sort()).toEqual(['check_name', 'description', 'fingerprint', 'location', 'severity']);
      expect(typeof issue.description).toBe('string');
      expect(issue.description.length).toBeGreaterThan(0);
      expect(issue.fingerprint).toMatch(/^[0-9a-f]{64}$/);
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(issue.severity);
      expect(Number.isInteger(issue.location.lines.begin)).toBe(true);
      expect(issue.location.lines.begin).toBeGreaterThanOrEqual(1);
      expect(issue.location.path).not.toMatch(/^(\.\/|\/)/);
    }
    expect(issues.map((issue) => [issue.check_name, issue.severity, issue.location.path])).toEqual([
      ['R301', 'major', 'fixtures/rules/R301/fail.json'],
      ['N001', 'minor', 'fixtures/rules/R301/fail.json'],
      ['input', 'major', 'fixtures/rules/input/fail.xlsx'],
      ['input', 'minor', 'fixtures/rules/input/fail.xlsx'],
      ['unreadable', 'critical', 'missing.json'],
    ]);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);
    // The same fingerprints as SARIF's for the same findings.
    const sarif = sarifOf([r301, workbook]).run.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(issues.filter((issue) => issue.check_name !== 'unreadable').map((issue) => issue.fingerprint)).toEqual(
      sarif,
    );
  });
});

// In process: what no fixture gives (a line of a text file, a page, the cap, paths outside the working folder), and
// every hostile string.

/** Hostile strings, as test/inert-output.test.ts lists them. */
const HOSTILE: ReadonlyArray<readonly [name: string, text: string]> = [
  ['OSC 52 clipboard write', '\u001b]52;c;ZXZpbA==\u0007'],
  ['OSC 0 window title, BEL', '\u001b]0;pwned\u0007'],
  ['CSI 2J screen clear', '\u001b[2J'],
  ['CSI 8m hidden text', '\u001b[8m'],
  ['a bare newline', 'line\nbreak'],
  ['a carriage return', 'over\rwrite'],
  ['U+202E right-to-left override', '\u202exslx.exe'],
  ['U+2066 left-to-right isolate', '\u2066isolated\u2069'],
  ['C1 CSI U+009B', '\u009b2J'],
  ['NUL', 'a\u0000b'],
  ['a lone surrogate', 'a\ud800b'],
  ['quotes and a backslash', '"}],\\'],
];
const ALL = HOSTILE.map(([, text]) => text).join(' ');

/** What must never reach a terminal raw (as in test/inert-output.test.ts). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what must be found.
const ACTIVE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\p{Cf}\p{Cs}\u2028\u2029]/u;

const context: ReporterContext = {
  lang: 'zh',
  color: false,
  toolVersion: '0.0.0',
  rules: ruleCatalog,
  workingFolder: '/srv/work',
};

function diagnostic(severity: 'error' | 'warning', message: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {
    ruleId: 'R301',
    severity,
    messageId: 'rowTotal',
    params: { agency: ALL },
    message,
    pointer: '/requests/newReceived/total',
    label: `三 › 总计${ALL}`,
    sheet: `三、申请${ALL}`,
    cell: 'I5',
    ...extra,
  };
}

function hostileResults(): FileResult[] {
  const each = HOSTILE.map(
    ([name, text]): FileResult => ({
      file: `/srv/work/reports/${text}.xlsx`,
      status: 'invalid',
      edition: '2021',
      format: 'xlsx',
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
    error: { messageId: `notAReport${ALL}`, message: `不是有效的报告：${ALL}` },
  };
  return [...each, unreadable];
}

describe('the sarif and gitlab reporters', () => {
  it('SHA-256 written plainly is node:crypto’s', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(64), `某市商务局${ALL}`.repeat(40)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(new TextEncoder().encode(text)).digest('hex'));
  });

  it('sarif: valid JSON, valid SARIF and inert bytes whatever the input holds', () => {
    const out = sarifReporter(hostileResults(), context);
    expect(out).not.toMatch(ACTIVE);
    const run = validSarif(out).runs[0] as SarifRun;
    expect(run.results).toHaveLength(HOSTILE.length * 2);
    for (const result of run.results) {
      expect(result.message.text).not.toMatch(ACTIVE);
      const location = result.locations[0];
      expect(location?.physicalLocation.artifactLocation.uri).toMatch(/^reports\/[A-Za-z0-9\-._~!$&'()*+,;=%]+\.xlsx$/);
      for (const logical of location?.logicalLocations ?? []) expect(logical.fullyQualifiedName).not.toMatch(ACTIVE);
    }
    // The file's name exact once its URI is decoded (a lone surrogate aside, which no URI can hold).
    expect(decodeURIComponent(run.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri ?? '')).toBe(
      `reports/${HOSTILE[0]?.[1]}.xlsx`,
    );
    expect(run.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).not.toMatch(ACTIVE);
  });

  it('gitlab: valid JSON and inert bytes whatever the input holds', () => {
    const out = gitlabReporter(hostileResults(), context);
    expect(out).not.toMatch(ACTIVE);
    const issues = JSON.parse(out) as GitLabIssue[];
    expect(issues).toHaveLength(HOSTILE.length * 2 + 1);
    for (const issue of issues) {
      expect(issue.description).not.toMatch(ACTIVE);
      expect(issue.location.path).not.toMatch(ACTIVE);
    }
  });

  it('a line of a text file is a region; a page, a line of a PDF and the cap are not; paths outside are file: URIs', () => {
    const results: FileResult[] = [
      {
        file: 'published/2025.txt',
        status: 'invalid',
        format: 'txt',
        readAs: 'published',
        diagnostics: [diagnostic('error', 'a', { sheet: undefined, cell: undefined, line: 12 })],
      },
      {
        file: '/elsewhere/2025 年报.pdf',
        status: 'invalid',
        format: 'pdf',
        readAs: 'published',
        diagnostics: [
          diagnostic('error', 'b', { sheet: undefined, cell: undefined, line: 3, page: 2 }),
          { ...diagnostic('warning', 'c', { pointer: '' }), messageId: MORE_DIAGNOSTICS, params: { warnings: 9 } },
        ],
      },
      {
        file: 'C:\\reports\\2025.xlsx',
        status: 'ok',
        format: 'xlsx',
        diagnostics: [diagnostic('warning', 'd')],
      },
    ];
    const run = validSarif(sarifReporter(results, context)).runs[0] as SarifRun;
    const [text, pdf, windows] = run.results;
    expect(text?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'published/2025.txt', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12 },
    });
    expect(pdf?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'file:///elsewhere/2025%20%E5%B9%B4%E6%8A%A5.pdf' },
    });
    expect(pdf?.locations[0]?.properties).toEqual({ page: 2, line: 3 });
    expect(windows?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'file:///C:/reports/2025.xlsx' });
    expect(run.results).toHaveLength(3);
    expect(run.invocations[0]?.toolExecutionNotifications?.map((notification) => notification.level)).toEqual([
      'warning',
    ]);
    const issues = JSON.parse(gitlabReporter(results, context)) as GitLabIssue[];
    expect(issues.map((issue) => issue.location.lines.begin)).toEqual([12, 1, 1, 1]);
  });
});
