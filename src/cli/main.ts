// The command line: parses flags and hands each command to its module; commands load heavy libraries only when they run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../diagnostics/diagnostic';
import { packageRoot } from '../package-root';
import { DEFAULT_TIME_LIMIT } from '../read/time-limit';
import { say } from './cli-messages';
import { watchClosedOutput } from './closed-output';
import { reportFailure } from './report-failure';
import { describeUsageError } from './usage-errors';

export { endProcess } from './end-process';

function toolVersion(): string {
  const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** The value of `--name VALUE` or `--name=VALUE` in argv, read before commander parses it. */
function flagValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) return undefined;
  return argv[index]?.includes('=') ? argv[index]?.slice(name.length + 1) : argv[index + 1];
}

/** The language before any config is read: the flag, else REPORT_LANG, else Chinese. */
function earlyLang(argv: readonly string[]): Lang {
  return (flagValue(argv, '--lang') ?? process.env.REPORT_LANG) === 'en' ? 'en' : 'zh';
}

/**
 * The language for help and commander's errors, in the order every command uses (the flag, the config, REPORT_LANG);
 * the config is loaded only here, when it is needed, and a broken one is simply not asked.
 */
function userLang(argv: readonly string[]): Lang {
  const flag = flagValue(argv, '--lang');
  if (flag === 'en' || flag === 'zh') return flag;
  try {
    const { loadConfig } = require('./config') as typeof import('./config');
    const configured = loadConfig(flagValue(argv, '--config')).lang;
    if (configured) return configured;
  } catch {
    // a broken config is reported by the command that reads it
  }
  return earlyLang(argv);
}

const common = (command: Command) =>
  command
    .option('--lang <lang>', 'zh | en: language of messages (default zh)')
    .option('--config <file>', 'config file (default: report.config.json in the working folder)')
    .option('--no-color', 'no colours (also: NO_COLOR=1)')
    .option('--debug', 'show stack traces of internal errors');

/** Commands that read untrusted inputs: each input is read under a time limit. */
const reading = (command: Command) =>
  common(command).option(
    '--timeout <seconds>',
    `seconds one input may take to read (default ${DEFAULT_TIME_LIMIT.seconds}; .doc .wps .rtf ${DEFAULT_TIME_LIMIT.legacySeconds})`,
  );

export async function main(argv: readonly string[]): Promise<number> {
  watchClosedOutput();
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
    // Commander's own error lines are English only: they are told in the user's language below instead.
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: () => undefined })
    .addHelpText('after', () => `\n${say(userLang(argv), 'helpInputs')}`);

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
      .option(
        '--from <file>',
        '上年报告：填入机关、年度＋1 和上年结转 · last year’s report: pre-fill agency, year + 1, carried over',
      )
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
      .option('--to <formats>', 'docx,html,json,pdf (default: docx,html,json; pdf needs LibreOffice)')
      .option('--docx-style <style>', 'gbt9704 (GB/T 9704 公文格式, default) | plain (the official Word template)')
      .option('--date <YYYY-MM-DD>', "date of the 落款 (default: the config's date, else a blank 年 月 日 line)")
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
      .option('--to <formats>', 'docx,html,json,xlsx,pdf (default: docx,html,json; pdf needs LibreOffice)')
      .option('--jobs <n>', 'worker threads (default: the number of cores)')
      .option('--docx-style <style>', 'gbt9704 | plain')
      .option('--date <YYYY-MM-DD>', "date of the 落款 in every DOCX (default: the config's date, else blank)")
      .option('--strict', 'read blanks, —, /, 无 as errors instead of 0 with a warning')
      .option('--quiet', 'list only the inputs that need a look, and the totals'),
  ).action(async (inputs: string[], options) => {
    const { runConvertCommand } = await import('./convert-command');
    exitCode = await runConvertCommand(inputs, options, version);
  });

  common(
    program
      .command('diff')
      .description('同一机关两个年度的报告对比 · compare two years of one body')
      .argument('<last>', 'last year’s report: any readable input')
      .argument('<this>', 'this year’s report: any readable input')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'html']).default('text'))
      .option('-o, --output <file>', 'write to this file instead of standard output')
      .option('--strict', 'read blanks, —, /, 无 as errors instead of 0 with a warning'),
  ).action(async (last: string, current: string, options) => {
    const { runDiff } = await import('./diff-command');
    exitCode = await runDiff(last, current, options, version);
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
      .description('列出全部规则，或说明一条规则 · list every rule, or explain one')
      .argument('[id]', 'a rule id or name (R303, requests-balance): print its page')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text')),
  ).action(async (id: string | undefined, options) => {
    const { runRules } = await import('./rules-command');
    exitCode = await runRules(id, options);
  });

  try {
    await program.parseAsync([...argv]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end with code 0; every other parse failure is a usage error.
      if (error.exitCode === 0) return 0;
      const commands = program.commands.map((command) => command.name());
      const given = argv.find((arg) => commands.includes(arg));
      process.stderr.write(describeUsageError(error, userLang(argv), given, commands));
      return 2;
    }
    return reportFailure(error, lang, argv.includes('--debug'));
  }
}
