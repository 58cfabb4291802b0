// Commander's own parse errors (missing argument, unknown option, too many arguments, …) told in the user's language,
// each pointing to --help. Commander words them in English only; its error code says which one it is, and the names
// it quotes are taken from its message.

import type { CommanderError } from 'commander';
import type { Lang } from '../diagnostics/diagnostic';
import { inert } from '../diagnostics/inert-text';
import { type CliMessageId, say } from './cli-messages';

/** The one line to print for a commander error; `command` is the subcommand given, if any. */
export function describeUsageError(
  error: CommanderError,
  lang: Lang,
  command: string | undefined,
  commands: readonly string[],
): string {
  const quoted = [...error.message.matchAll(/'([^']*)'/g)].map((match) => match[1] ?? '');
  const suggestion = /Did you mean (\S+?)\?/.exec(error.message)?.[1];
  const said = (id: CliMessageId, params: Record<string, string | number>) => say(lang, id, params);
  let text: string;
  switch (error.code) {
    case 'commander.missingArgument':
      text = said('missingArgument', { name: quoted[0] ?? '' });
      break;
    case 'commander.optionMissingArgument':
      text = said('optionMissingArgument', { option: quoted[0] ?? '' });
      break;
    case 'commander.missingMandatoryOptionValue':
      text = said('missingMandatoryOption', { option: quoted[0] ?? '' });
      break;
    case 'commander.unknownOption':
      text = said('unknownOption', { option: quoted[0] ?? '' });
      break;
    case 'commander.unknownCommand':
      text = said('unknownCommand', { command: quoted[0] ?? '', commands: commands.join(', ') });
      break;
    case 'commander.excessArguments': {
      const [, expected = '?', got = '?'] = /Expected (\d+) arguments? but got (\d+)/.exec(error.message) ?? [];
      text = said('excessArguments', { command: `report ${command ?? ''}`.trim(), expected, got });
      break;
    }
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\.$/.exec(error.message)?.[1] ?? '';
      text = said('invalidChoice', { option: quoted[0] ?? '', value: quoted[1] ?? '', choices });
      break;
    }
    default:
      // Commander quotes the command line, which a shell glob can fill with any file name.
      text = inert(error.message.replace(/^error: /, ''));
  }
  if (suggestion) text += said('didYouMean', { suggestion });
  const help = command ? `report ${command} --help` : 'report --help';
  return `report: ${text}${said('seeHelp', { help })}\n`;
}
