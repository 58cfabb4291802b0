// SARIF 2.1.0 (OASIS), for code scanning and the editors' SARIF viewers: one run of the tool `report`, each rule that
// appears described from its metadata, a result per diagnostic, a notification per file that could not be read.
//
// Where a finding is. Every result has a physicalLocation naming the file (artifactLocation.uri: relative to the
// working folder, with uriBaseId %SRCROOT%, when it lies there; else a file: URI), which is what GitHub code scanning
// needs to show an alert against a file. The place inside the file depends on what the file is:
// - a text file whose lines are the report's (`.txt`, `.json`): region.startLine, when the reader knew the line;
// - a workbook (and a DOCX or PDF): no region. SARIF's line/column regions are for text artifacts only (§3.30); a
//   binary one could only be given byte offsets, which a cell has none of. Its sheet!cell is a logicalLocation
//   (fullyQualifiedName `三、…!D5`, kind `cell`: none of SARIF's predefined kinds is a spreadsheet cell, and the
//   spec lets a tool name its own), which SARIF viewers list; GitHub, which reads only physical locations, shows the
//   alert on the file, and the message names sheet!cell itself, so no viewer loses the place;
// - always the JSON pointer into the model as a second logicalLocation (kind `value`, SARIF's word for a JSON value):
//   for a JSON input it is the place in the file, for the others the field of the report.
// A PDF's page (and a line counted inside a page or a converted document) stays in the location's properties.
//
// A finding the filer explained (the report's 说明) or a reviewer decided on (a baseline) carries a suppression.
//
// Each result carries partialFingerprints (`reportFinding/v1`: SHA-256 of rule, file, pointer and message id,
// fingerprint.ts), the same on every rerun, so dashboards follow a finding rather than its line.
//
// Inert output: the messages, sheet names and pointers (texts that may quote an input) pass through `inert`, as in
// the github and junit reporters, for they are shown to people in viewers; a file's name is percent-encoded into its
// URI, which leaves nothing in it that can act; and the JSON is written by JSON.stringify and then `inertJson`, so it
// is valid JSON with no active character in its bytes, whatever the input holds.
import { type Diagnostic, MORE_DIAGNOSTICS, type Severity } from '../diagnostics/diagnostic';
import { fingerprintsOf } from '../diagnostics/fingerprint';
import { inert, inertJson } from '../diagnostics/inert-text';
import type { FileResult, Reporter, ReporterContext, RuleInfo } from './file-result';
import { artifactPath, pathUri } from './locate';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * The project's address, for informationUri and each rule's helpUri (`docs/rules/<id>.md`). The project has no public
 * address yet; like its schemas' `$id` it uses the reserved `.invalid` name until it has one: this is the one place
 * to change then.
 */
export const REPOSITORY_URI = 'https://report.invalid/zfxxgk-report';

export const ruleHelpUri = (id: string) => `${REPOSITORY_URI}/docs/rules/${encodeURIComponent(id)}.md`;

/** The key of our fingerprint in partialFingerprints; `/v1` changes only if what is hashed changes. */
export const FINGERPRINT_KEY = 'reportFinding/v1';

const SRCROOT = '%SRCROOT%';

/** The formats whose lines are the file's own lines: a line there is a region SARIF can point at. */
const LINE_FORMATS: ReadonlySet<string> = new Set(['txt', 'json']);

const LEVEL: Readonly<Record<Severity, 'error' | 'warning'>> = { error: 'error', warning: 'warning' };

/** run.language: the messages' language, as SARIF writes it. */
const LANGUAGE = { zh: 'zh-CN', en: 'en-US' } as const;

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

function artifactOf(file: string, context: ReporterContext): { location: ArtifactLocation; path: string } {
  const { path, relative } = artifactPath(file, context.workingFolder);
  const uri = pathUri(path, relative);
  return { location: relative ? { uri, uriBaseId: SRCROOT } : { uri }, path };
}

function locationOf(result: FileResult, diagnostic: Diagnostic, artifactLocation: ArtifactLocation) {
  const lineOfFile = diagnostic.line !== undefined && LINE_FORMATS.has(result.format ?? '');
  const logicalLocations = [
    ...(diagnostic.sheet !== undefined && diagnostic.cell !== undefined
      ? [
          {
            name: inert(diagnostic.cell),
            fullyQualifiedName: inert(`${diagnostic.sheet}!${diagnostic.cell}`),
            kind: 'cell',
          },
        ]
      : []),
    ...(diagnostic.pointer
      ? [
          {
            name: inert(diagnostic.pointer.slice(diagnostic.pointer.lastIndexOf('/') + 1)),
            fullyQualifiedName: inert(diagnostic.pointer),
            kind: 'value',
          },
        ]
      : []),
  ];
  const properties = {
    ...(diagnostic.page !== undefined ? { page: diagnostic.page } : {}),
    ...(diagnostic.line !== undefined && !lineOfFile ? { line: diagnostic.line } : {}),
  };
  return {
    physicalLocation: {
      artifactLocation,
      ...(lineOfFile && diagnostic.line !== undefined && diagnostic.line >= 1
        ? { region: { startLine: diagnostic.line } }
        : {}),
    },
    ...(logicalLocations.length ? { logicalLocations } : {}),
    ...(Object.keys(properties).length ? { properties } : {}),
  };
}

/**
 * A finding set aside, as SARIF says it (§3.35): explained by the filer in the report itself, a suppression of kind
 * `inSource` with the filer's words as its justification; decided by a reviewer in a baseline, kind `external`,
 * status `accepted`, the decision and note as justification. Viewers show such a result as suppressed, not open.
 */
function suppressionsOf(diagnostic: Diagnostic) {
  if (diagnostic.decision) {
    const { decision, note, by } = diagnostic.decision;
    return {
      suppressions: [
        {
          kind: 'external',
          status: 'accepted',
          justification: inert(note ? `${decision}: ${note}` : decision),
          properties: { decision, ...(by ? { by: inert(by) } : {}) },
        },
      ],
    };
  }
  if (diagnostic.explanation !== undefined)
    return { suppressions: [{ kind: 'inSource', status: 'accepted', justification: inert(diagnostic.explanation) }] };
  return {};
}

function ruleDescriptor(id: string, info: RuleInfo | undefined, context: ReporterContext) {
  if (!info) return { id, helpUri: ruleHelpUri(id) };
  return {
    id,
    name: info.name,
    shortDescription: { text: inert(info.description[context.lang]) },
    fullDescription: { text: inert(info.details[context.lang]) },
    helpUri: ruleHelpUri(id),
    // Shown beside each alert by code scanning: the rule's page, and the command that prints it.
    help: { text: inert(`${info.details[context.lang]}\n\nreport rules ${id}`) },
    defaultConfiguration: { level: LEVEL[info.severity] },
  };
}

export const sarifReporter: Reporter = (results, context) => {
  const ruleIndex = new Map<string, number>();
  const indexOf = (ruleId: string) => {
    let index = ruleIndex.get(ruleId);
    if (index === undefined) {
      index = ruleIndex.size;
      ruleIndex.set(ruleId, index);
    }
    return index;
  };
  const sarifResults: unknown[] = [];
  const notifications: unknown[] = [];
  for (const result of results) {
    const { location: artifactLocation, path } = artifactOf(result.file, context);
    if (result.error)
      notifications.push({
        level: 'error',
        message: { text: inert(result.error.message) },
        locations: [{ physicalLocation: { artifactLocation } }],
        properties: { messageId: inert(result.error.messageId) },
      });
    const fingerprints = fingerprintsOf(path, result.diagnostics);
    result.diagnostics.forEach((diagnostic, index) => {
      // The line that stands for the findings past a file's cap is no finding of its own: a notification says it.
      if (diagnostic.messageId === MORE_DIAGNOSTICS) {
        notifications.push({
          level: LEVEL[diagnostic.severity],
          message: { text: inert(diagnostic.message) },
          locations: [{ physicalLocation: { artifactLocation } }],
          properties: { messageId: diagnostic.messageId },
        });
        return;
      }
      sarifResults.push({
        ruleId: diagnostic.ruleId,
        ruleIndex: indexOf(diagnostic.ruleId),
        level: LEVEL[diagnostic.severity],
        message: { text: inert(diagnostic.message) },
        locations: [locationOf(result, diagnostic, artifactLocation)],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[index] },
        ...suppressionsOf(diagnostic),
        properties: { messageId: diagnostic.messageId },
      });
    });
  }
  const infos = new Map((context.rules ?? []).map((rule) => [rule.id, rule]));
  const rules = [...ruleIndex.keys()].map((id) => ruleDescriptor(id, infos.get(id), context));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'report',
            version: context.toolVersion,
            semanticVersion: context.toolVersion,
            informationUri: REPOSITORY_URI,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: !results.some((result) => result.status === 'unreadable'),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        ...(context.workingFolder !== undefined
          ? {
              originalUriBaseIds: {
                [SRCROOT]: { uri: `${pathUri(artifactPath(context.workingFolder).path, false).replace(/\/*$/, '/')}` },
              },
            }
          : {}),
        language: LANGUAGE[context.lang],
        results: sarifResults,
      },
    ],
  };
  return `${inertJson(JSON.stringify(log, null, 2))}\n`;
};
