// The command line: parses flags and hands each command to its module; commands load heavy libraries only when they run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../diagnostics/diagnostic';
import { packageRoot } from '../package-root';
import { say, UsageError } from './cli-messages';

export interface CommonOptions {
  lang?: string;
  timeout?: string;
  config?: string;
  color?: boolean;
  debug?: boolean;
}

function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (value !== 'zh' && value !== 'en') throw new UsageError('badLang', { value });
  return value;
}

/** The language before any config is read: the flag, else REPORT_LANG, else Chinese. */
function earlyLang(argv: readonly string[]): Lang {
  const index = argv.findIndex((arg) => arg === '--lang' || arg.startsWith('--lang='));
  const value =
    index < 0 ? process.env.REPORT_LANG : argv[index]?.includes('=') ? argv[index]?.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'zh';
}

const common = (command: Command) =>
  command
    .option('--lang <lang>', 'zh | en: language of messages (default zh)')
    .option('--config <file>', 'config file (default: report.config.json in the working folder)')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('--debug', 'show stack traces of internal errors');

/** Commands that read untrusted inputs: each input is read under a time limit. */
const reading = (command: Command) =>
  common(command).option('--timeout <seconds>', 'time limit for reading one input (default 60)');

export async function main(argv: readonly string[]): Promise<number> {
  const lang = earlyLang(argv);
  let exitCode = 0;
  const version = toolVersion();
  const program = new Command()
    .name('report')
    .description(
      '政府信息公开工作年度报告：模板、检查与转换 · annual disclosure reports: template, validation, conversion',
    )
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  reading(
    program
      .command('validate')
      .description('检查报告（工作簿或 JSON）· check reports (workbooks or JSON)')
      .argument('<files...>', '.xlsx .xls .et .ods .json, or - for standard input')
      .addOption(
        new Option('--format <format>', 'output format').choices(['text', 'json', 'junit', 'github']).default('text'),
      )
      .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
      .option('--quiet', 'report errors only')
      .option('--previous <file>', 'last year’s report, for the cross-year rules'),
  ).action(async (files: string[], options) => {
    const { runValidate } = await import('./validate-command');
    exitCode = await runValidate(files, options, version);
  });

  common(
    program
      .command('template')
      .description('生成可填写的 Excel 模板 · write a fillable Excel workbook')
      .option('--edition <edition>', '2021 | 2019 (default: by --year, else 2021)')
      .option('--agency <name>', '机关名称 · the reporting body')
      .option('--year <year>', '报告年度 · report year')
      .requiredOption('-o, --output <file>', 'the .xlsx file to write')
      .option('--force', 'overwrite an existing file'),
  ).action(async (options) => {
    const { runTemplate } = await import('./template-command');
    exitCode = await runTemplate(options);
  });

  reading(
    program
      .command('build')
      .description('生成 Word、网页和 JSON · write DOCX, HTML and JSON')
      .argument('<file>', '.xlsx .xls .et .ods .json, or - for standard input')
      .option('-o, --output <dir>', 'output folder (created when missing), or - for standard output', '.')
      .option('--to <formats>', 'docx,html,json (default: all three)')
      .option('--docx-style <style>', 'gbt9704 (GB/T 9704 公文格式, default) | plain (the official Word template)')
      .option('--force', 'write even when the report has errors, marked as not validated'),
  ).action(async (file: string, options) => {
    const { runBuild } = await import('./build-command');
    exitCode = await runBuild(file, options, version);
  });

  reading(
    program
      .command('import')
      .description('导入已发布的报告（网页、文本、Word、PDF、工作簿）· import a published report')
      .argument('<file>', '.html .htm .txt .docx .pdf .xlsx .xls .et .ods .json, or - for standard input')
      .requiredOption(
        '-o, --output <file>',
        '.json (the model), .xlsx (our template, filled), or - for JSON on standard output',
      )
      .option('--strict', 'read blanks, —, /, 无 as errors instead of 0 with a warning')
      .option('--quiet', 'print errors only'),
  ).action(async (file: string, options) => {
    const { runImport } = await import('./import-command');
    exitCode = await runImport(file, options, version);
  });

  reading(
    program
      .command('convert')
      .description('批量转换往年报告 · convert reports in batch')
      .argument('<inputs...>', 'files, folders (recursive) and globs of any readable input')
      .requiredOption('-o, --output <dir>', 'output folder: the outputs, summary.json and index.html')
      .option('--to <formats>', 'docx,html,json,xlsx (default: docx,html,json)')
      .option('--jobs <n>', 'worker threads (default: the number of cores)')
      .option('--docx-style <style>', 'gbt9704 | plain')
      .option('--strict', 'read blanks, —, /, 无 as errors instead of 0 with a warning'),
  ).action(async (inputs: string[], options) => {
    const { runConvertCommand } = await import('./convert-command');
    exitCode = await runConvertCommand(inputs, options, version);
  });

  common(
    program
      .command('schema')
      .description('输出某一格式版本的 JSON Schema · print the JSON Schema of an edition')
      .option('--edition <edition>', '2021 | 2019 (default 2021)'),
  ).action(async (options) => {
    const { runSchema } = await import('./schema-command');
    exitCode = await runSchema(options);
  });

  common(
    program
      .command('rules')
      .description('列出全部规则 · list every rule')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (options) => {
    const { runRules } = await import('./rules-command');
    exitCode = await runRules(options);
  });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; every other parse failure is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    return reportFailure(error, lang, argv.includes('--debug'));
  }
}

/** One clear line for the user; the stack only with --debug. */
export function reportFailure(error: unknown, lang: Lang, debug: boolean): number {
  if (error instanceof UsageError) {
    process.stderr.write(`report: ${say(lang, error.messageId, error.params)}\n`);
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`report: ${say(lang, 'internalError', { detail })}\n`);
  }
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  return 2;
}
