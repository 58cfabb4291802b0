// Writes everything derived from the editions and the rules: schemas/ (the rule pack's too), docs/rules/, fixtures/rules/ and the example workbook.
// `node dist/scripts/generate.js --check` lists what is stale instead of writing (CI and a test run it).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import { packSchema } from '../src/cli/pack-schema';
import { countBySeverity, type Lang } from '../src/diagnostics/diagnostic';
import { editions, getEdition } from '../src/editions';
import type { ReadReport } from '../src/model/read-report';
import { readBytes } from '../src/read/read-input.node';
import type { FileResult } from '../src/reporters/file-result';
import { textReporter } from '../src/reporters/text';
import { editionSchema, schemaId } from '../src/schema/edition-schema';
import { writeTemplate } from '../src/template/write-template';
import type { InvalidCase } from '../src/validate/rule-cases';
import { editionsInWords } from '../src/validate/rule-page';
import { ruleCatalog } from '../src/validate/rules';
import { ajvOptions, provideValidators, validatorExport } from '../src/validate/schema-check';
import { validateReport } from '../src/validate/validate-report';
import { type CaseInput, caseInput, type LoadedCases, ROOT, ruleCases } from './rule-fixtures';

export { ROOT };

export interface GeneratedFile {
  path: string;
  content: string | Buffer;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const readFixture = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;

export async function generate(): Promise<GeneratedFile[]> {
  const files: GeneratedFile[] = [];
  for (const edition of editions) {
    files.push({ path: `schemas/report-${edition.id}.schema.json`, content: json(editionSchema(edition)) });
  }
  files.push({ path: 'schemas/pack.schema.json', content: json(packSchema()) });
  const validators = compileValidators();
  files.push({ path: 'schemas/validators.cjs', content: validators.module });
  provideValidators(validators.functions);

  const example2021 = readFixture('example-2021');
  const exampleWorkbook = Buffer.from(await writeTemplate(getEdition('2021'), { model: example2021 }));
  files.push({ path: 'fixtures/example-2021.xlsx', content: exampleWorkbook });

  // Each rule's example: its first valid and first invalid case, as fixtures and in its page.
  for (const cases of ruleCases()) {
    const { rule } = cases;
    const [valid] = cases.valid;
    const [invalid] = cases.invalid;
    if (!valid || !invalid) throw new Error(`rule ${rule.id} needs a valid and an invalid case in ${cases.file}`);
    const dir = `fixtures/rules/${rule.id}`;
    const example = { pass: await caseInput(cases, valid), fail: await caseInput(cases, invalid) };
    for (const [outcome, input] of Object.entries(example)) {
      files.push({ path: `${dir}/${outcome}${input.extension}`, content: input.content });
      if (input.previous) files.push({ path: `${dir}/${outcome}.previous.json`, content: input.previous });
    }
    files.push({ path: `docs/rules/${rule.id}.md`, content: rulePage(cases, dir, example) });
  }
  files.push({ path: 'docs/rules/README.md', content: rulesIndex() });
  return files;
}

function readGenerated(path: string, content: string | Buffer): ReadReport {
  const buffer = typeof content === 'string' ? Buffer.from(content) : content;
  return readBytes(buffer, path, path.slice(path.lastIndexOf('.')));
}

/** What `report validate` prints for the failing example, so the docs show real output. */
function validateOutput(failPath: string, fail: CaseInput, lang: Lang): string {
  const report = readGenerated(failPath, fail.content);
  const previous = fail.previous
    ? readGenerated(failPath.replace(/\.\w+$/, '.previous.json'), fail.previous)
    : undefined;
  const { edition, diagnostics } = validateReport(report, { lang, ...(previous ? { previous } : {}) });
  const result: FileResult = {
    file: failPath,
    status: countBySeverity(diagnostics).errors ? 'invalid' : 'ok',
    ...(edition ? { edition: edition.id } : {}),
    readAs: report.readAs,
    diagnostics,
  };
  return textReporter([result], { lang, color: false, toolVersion: '' });
}

/** A case in one line: its name and, for a failing one, what the rule says where. */
function caseLine(kase: { name: string } | InvalidCase): string {
  const said = 'diagnostics' in kase ? kase.diagnostics.map((d) => `\`${d.messageId}\` ${d.pointer}`).join(', ') : '';
  return `- ${kase.name}${said ? ` → ${said}` : ''}`;
}

function rulePage(cases: LoadedCases, dir: string, example: { pass: CaseInput; fail: CaseInput }): string {
  const { rule } = cases;
  const passPath = `${dir}/pass${example.pass.extension}`;
  const failPath = `${dir}/fail${example.fail.extension}`;
  const previousFlag = (name: string, input: CaseInput) =>
    input.previous ? ` --previous ${dir}/${name}.previous.json` : '';
  const severity = rule.severity === 'error' ? 'error（错误）' : 'warning（警告）';
  const editions = editionsInWords(rule, 'zh');
  const messages = Object.entries(rule.messages)
    .map(([id, text]) => `| \`${id}\` | ${text.zh} | ${text.en} |`)
    .join('\n');
  return `<!-- Generated by \`npm run generate\` from ${cases.file.replace('.cases.ts', '.ts')} and ${cases.file}; edit those, not this page. -->
# ${rule.id} · ${rule.name}

${rule.description.zh}

${rule.description.en}

| | |
| --- | --- |
| id · 编号 | \`${rule.id}\` (alias \`${rule.name}\`) |
| default severity · 默认级别 | ${severity} |
${editions ? `| editions · 适用版本 | ${editions} · ${editionsInWords(rule, 'en')} |\n` : ''}| configure · 配置 | \`report.config.json\`: \`{ "rules": { "${rule.id}": "off" \\| "warning" \\| "error" } }\`${rule.id === 'schema' || rule.id === 'input' ? ' (cannot be turned off)' : ''} |

## 说明

${rule.details.zh}

## Details

${rule.details.en}

## Messages · 消息

| messageId | 中文 | English |
| --- | --- | --- |
${messages}

## Examples · 示例

Passes · 通过: \`report validate ${passPath}${previousFlag('pass', example.pass)}\`

Fails · 不通过:

\`\`\`console
$ report validate ${failPath}${previousFlag('fail', example.fail)}
${validateOutput(failPath, example.fail, 'zh')}
$ report validate ${failPath}${previousFlag('fail', example.fail)} --lang en
${validateOutput(failPath, example.fail, 'en')}\`\`\`

## Cases · 用例

From \`${cases.file}\`, run by \`test/rule-cases.test.ts\`; the first of each list is the example above.

Passes · 通过:

${cases.valid.map(caseLine).join('\n')}

Fails · 不通过:

${cases.invalid.map(caseLine).join('\n')}
`;
}

/** ajv's standalone code for every edition's schema (the validate path requires it instead of compiling at start-up),
 * and the same validators compiled here, for checking the fixtures of the docs. */
function compileValidators() {
  const ajv = new Ajv2020(ajvOptions);
  const exports: Record<string, string> = {};
  const functions: Record<string, ValidateFunction> = {};
  for (const edition of editions) {
    ajv.addSchema(editionSchema(edition));
    exports[validatorExport(edition)] = schemaId(edition);
  }
  for (const [name, id] of Object.entries(exports)) functions[name] = ajv.getSchema(id) as ValidateFunction;
  const module = `// Generated by \`npm run generate\` from src/editions/ (ajv standalone code); do not edit.\n${standaloneCode(ajv, exports)}\n`;
  return { module, functions };
}

function rulesIndex(): string {
  const rows = ruleCatalog.map(
    (rule) =>
      `| [\`${rule.id}\`](${rule.id}.md) | \`${rule.name}\` | ${rule.severity} | ${rule.description.zh}<br>${rule.description.en} |`,
  );
  return `<!-- Generated by \`npm run generate\`; edit src/validate/rules/. -->
# Rules · 规则

| id | name | severity | description |
| --- | --- | --- | --- |
${rows.join('\n')}
`;
}

/** Paths whose committed content differs from what would be generated. Workbooks compare by what they read as. */
export function staleFiles(files: readonly GeneratedFile[]): string[] {
  return files
    .filter((file) => {
      const path = join(ROOT, file.path);
      if (!existsSync(path)) return true;
      return !readFileSync(path).equals(typeof file.content === 'string' ? Buffer.from(file.content) : file.content);
    })
    .map((file) => file.path);
}

async function main(): Promise<void> {
  const files = await generate();
  if (process.argv.includes('--check')) {
    const stale = staleFiles(files);
    if (stale.length) {
      process.stderr.write(`stale generated files (run npm run generate):\n${stale.map((p) => `  ${p}`).join('\n')}\n`);
      process.exitCode = 1;
    }
    return;
  }
  for (const file of files) {
    const path = join(ROOT, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  process.stdout.write(`wrote ${files.length} files\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  });
}
