// The command line: parses flags and hands each command to its module; commands load heavy libraries only when they run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../diagnostics/diagnostic';
import { editions } from '../editions';
import { packageRoot } from '../package-root';
import { DEFAULT_TIME_LIMIT } from '../read/time-limit';
import { say } from './cli-messages';
import { watchClosedOutput } from './closed-output';
import { helpWords } from './help-words';
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

/** The options every command takes; they may stand before the command too (`report --lang en validate …`). */
const GLOBAL_OPTIONS: Readonly<Record<string, boolean>> = {
  '--lang': true,
  '--config': true,
  '--no-color': false,
  '--debug': false,
};

/**
 * Global options written before the command, moved after it, where commander reads them: each command declares them
 * itself, so `report --lang en validate x` and `report validate x --lang en` are the same.
 */
export function hoistGlobalOptions(argv: readonly string[], commands: readonly string[]): string[] {
  const before: string[] = [];
  let index = 0;
  while (index < argv.length) {
    const arg = argv[index] as string;
    const name = arg.split('=')[0] as string;
    if (!(name in GLOBAL_OPTIONS)) break;
    const takesValue = GLOBAL_OPTIONS[name] === true && !arg.includes('=');
    const end = index + (takesValue ? 2 : 1);
    for (; index < end && index < argv.length; index++) before.push(argv[index] as string);
  }
  const command = argv[index];
  if (before.length === 0 || command === undefined || !commands.includes(command)) return [...argv];
  return [command, ...before, ...argv.slice(index + 1)];
}

/** Whether help is asked for (or nothing at all), when the config's language is worth reading for it. */
const asksHelp = (argv: readonly string[]) =>
  argv.length === 0 || argv.some((arg) => arg === '-h' || arg === '--help' || arg === 'help');

/** The commands, for global options written before one. */
const COMMANDS = ['validate', 'template', 'build', 'import', 'convert', 'diff', 'page', 'schema', 'rules', 'help'];

/** `process.argv`: Node, the script, then what the user typed. */
export async function main(processArgv: readonly string[]): Promise<number> {
  watchClosedOutput();
  const typed = hoistGlobalOptions(processArgv.slice(2), COMMANDS);
  const argv = [...processArgv.slice(0, 2), ...typed];
  const lang = earlyLang(argv);
  // Help speaks the language every command would: the config's too, read only when help is asked for.
  const words = helpWords[asksHelp(typed) ? userLang(argv) : lang];
  const common = (command: Command) =>
    command
      .helpOption('-h, --help', words.help)
      .option('--lang <lang>', words.lang)
      .option('--config <file>', words.config)
      .option('--no-color', words.noColor)
      .option('--debug', words.debug);
  /** Commands that read untrusted inputs: each input is read under a time limit. */
  const reading = (command: Command) =>
    common(command).option(
      '--timeout <seconds>',
      words.timeout(DEFAULT_TIME_LIMIT.seconds, DEFAULT_TIME_LIMIT.legacySeconds),
    );
  const formatOption = (choices: string[]) =>
    new Option('--format <format>', words.format(choices)).choices(choices).default(choices[0]);
  const editionChoices = editions.map((edition) => edition.id).join(' | ');
  let exitCode = 0;
  const version = toolVersion();
  const program = new Command()
    .name('report')
    .description(words.program)
    .version(version, '-V, --version', words.version)
    .helpOption('-h, --help', words.help)
    .helpCommand('help [command]', words.helpCommand)
    // Choices and defaults are in the descriptions, in the user's language, not appended in commander's English.
    .configureHelp({
      styleTitle: (title) => words.titles[title] ?? title,
      optionDescription: (option) => option.description,
    })
    .exitOverride()
    // Commander's own error lines are English only: they are told in the user's language below instead.
    .configureOutput({ writeErr: (text) => process.stderr.write(text), outputError: () => undefined })
    .addHelpText('after', () => `\n${say(userLang(argv), 'helpInputs')}`);

  reading(
    program
      .command('validate')
      .description(words.validate.description)
      .argument('<inputs...>', words.anyInputs)
      .addOption(formatOption(['text', 'json', 'junit', 'github', 'sarif', 'gitlab']))
      .option('--max-warnings <n>', words.validate.maxWarnings)
      .option('--quiet', words.validate.quiet)
      .option('--previous <file>', words.validate.previous)
      .option('--published <YYYY-MM-DD>', words.validate.published)
      .option('--baseline <file>', words.baseline)
      .option('--write-baseline <file>', words.validate.writeBaseline)
      .option('--pack <file|name>', words.validate.pack),
  ).action(async (files: string[], options) => {
    const { runValidate } = await import('./validate-command');
    exitCode = await runValidate(files, options, version);
  });

  common(
    program
      .command('template')
      .description(words.template.description)
      .option('--edition <edition>', words.edition(editionChoices))
      .option('--agency <name>', words.template.agency)
      .option('--year <year>', words.template.year)
      .option('--from <file>', words.template.from)
      .requiredOption('-o, --output <file>', words.template.output)
      .option('--force', words.template.force),
  ).action(async (options) => {
    const { runTemplate } = await import('./template-command');
    exitCode = await runTemplate(options);
  });

  reading(
    program
      .command('build')
      .description(words.build.description)
      .argument('<file>', words.anyInput)
      .option('-o, --output <dir>', words.build.output, '.')
      .option('--to <formats>', words.build.to)
      .option('--docx-style <style>', words.build.docxStyle)
      .option('--date <YYYY-MM-DD>', words.build.date)
      .option('--force', words.build.force),
  ).action(async (file: string, options) => {
    const { runBuild } = await import('./build-command');
    exitCode = await runBuild(file, options, version);
  });

  reading(
    program
      .command('import')
      .description(words.import.description)
      .argument('<file>', words.anyInput)
      .requiredOption('-o, --output <file>', words.import.output)
      .option('--strict', words.strict)
      .option('--quiet', words.import.quiet),
  ).action(async (file: string, options) => {
    const { runImport } = await import('./import-command');
    exitCode = await runImport(file, options, version);
  });

  reading(
    program
      .command('convert')
      .description(words.convert.description)
      .argument('<inputs...>', words.anyInputs)
      .requiredOption('-o, --output <dir>', words.convert.output)
      .option('--to <formats>', words.convert.to)
      .option('--jobs <n>', words.convert.jobs)
      .option('--docx-style <style>', words.convert.docxStyle)
      .option('--date <YYYY-MM-DD>', words.convert.date)
      .option('--strict', words.strict)
      .option('--quiet', words.convert.quiet)
      .option('--baseline <file>', words.baseline)
      .option('--pack <file|name>', words.convert.pack),
  ).action(async (inputs: string[], options) => {
    const { runConvertCommand } = await import('./convert-command');
    exitCode = await runConvertCommand(inputs, options, version);
  });

  common(
    program
      .command('diff')
      .description(words.diff.description)
      .argument('<last>', words.diff.last)
      .argument('<this>', words.diff.current)
      .addOption(formatOption(['text', 'json', 'html']))
      .option('-o, --output <file>', words.diff.output)
      .option('--strict', words.strict),
  ).action(async (last: string, current: string, options) => {
    const { runDiff } = await import('./diff-command');
    exitCode = await runDiff(last, current, options, version);
  });

  common(
    program
      .command('page')
      .description(words.page.description)
      .requiredOption('-o, --output <file>', words.page.output)
      .option('--force', words.page.force),
  ).action(async (options) => {
    const { runPage } = await import('./page-command');
    exitCode = await runPage(options);
  });

  common(
    program
      .command('schema')
      .description(words.schema.description)
      .option('--edition <edition>', words.schemaEdition(editionChoices)),
  ).action(async (options) => {
    const { runSchema } = await import('./schema-command');
    exitCode = await runSchema(options);
  });

  common(
    program
      .command('rules')
      .description(words.rules.description)
      .argument('[id]', words.rules.id)
      .addOption(formatOption(['text', 'json'])),
  ).action(async (id: string | undefined, options) => {
    const { runRules } = await import('./rules-command');
    exitCode = await runRules(id, options);
  });

  if (typed.length === 0) {
    // `report` alone: what it can do, as `report --help` says it; asking is no mistake.
    program.outputHelp();
    return 0;
  }
  try {
    await program.parseAsync(argv);
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
