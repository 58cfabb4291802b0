// Writes a command's outputs: the folder is created, an output that is an input is refused, each file goes through a
// temporary name. Every path is checked before the first byte is written.
import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { inert } from '../diagnostics/inert-text';
import { writeFileAtomic } from '../output/write-atomic.node';
import { UsageError } from './cli-messages';

export interface OutputFile {
  path: string;
  bytes: string | Uint8Array;
}

export function prepareDirectory(directory: string): void {
  // An existing file where the folder should be: say so, rather than what mkdir calls it (EEXIST).
  if (existsSync(directory) && !statSync(directory).isDirectory())
    throw new UsageError('outputNotDirectory', { file: directory });
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new UsageError('outputFailed', {
      file: directory,
      detail: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  if (!statSync(directory).isDirectory()) throw new UsageError('outputNotDirectory', { file: directory });
}

/** A check, built once for a set of inputs, that throws when an output path is one of them (through links too). */
export function inputGuard(inputs: readonly string[]): (outputs: readonly string[]) => void {
  const realInputs = new Set(inputs.filter((input) => input !== '-').map((input) => realpathOrSelf(input)));
  return (outputs) => {
    for (const path of outputs) {
      if (realInputs.has(realpathOrSelf(path))) throw new UsageError('outputIsInput', { file: path });
    }
  };
}

export function writeOutputs(outputs: readonly OutputFile[], inputs: readonly string[]): void {
  inputGuard(inputs)(outputs.map((output) => output.path));
  for (const { path, bytes } of outputs) {
    try {
      writeFileAtomic(path, bytes);
    } catch (error) {
      throw new UsageError('outputFailed', {
        file: path,
        detail: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
  }
}

/** A path under the working folder is shown relative to it, as the user would type it; inert, since a name may hold
 * anything (for showing only: never open what this returns). */
export function displayPath(path: string): string {
  const near = relative(process.cwd(), path);
  return inert(near.startsWith('..') || isAbsolute(near) ? path : near);
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // not there yet
  }
}
