// Legacy documents in the browser: there is no LibreOffice to convert them, so the reader says it is needed, as it
// does in Node where none is installed.
import { ReadError } from '../../model/read-report';
import { KIND_NAMES, type LegacyKind } from './legacy-kinds';
import type * as NodeSource from './office-source.node';

export function legacyToDocx(_buffer: Uint8Array, file: string, kind: LegacyKind): never {
  throw new ReadError('needsOffice', { file, kind: KIND_NAMES[kind] });
}

// Interchangeable with the Node file: a difference in what they export fails to compile here.
({ legacyToDocx }) satisfies typeof NodeSource;
