// How every command ends on an error: one clear line in the user's language, exit code 2; the stack only with --debug.

import type { Lang } from '../diagnostics/diagnostic';
import { inertLines } from '../diagnostics/inert-text';
import { say, UsageError } from './cli-messages';

export function reportFailure(error: unknown, lang: Lang, debug: boolean): number {
  if (error instanceof UsageError) {
    // An error raised before the command knew its language (a broken config) carries the one it was worded in.
    const told = (error as { lang?: Lang }).lang ?? lang;
    process.stderr.write(`report: ${say(told, error.messageId, error.params)}\n`);
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`report: ${say(lang, 'internalError', { detail })}\n`);
  }
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${inertLines(error.stack)}\n`);
  return 2;
}
