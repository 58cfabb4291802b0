// What makes a convert run's outputs current: the input's bytes and this fingerprint of everything else that decides
// them. summary.json records both; the next run in the same folder skips an input while they hold.
import type { RuleSetting } from '../validate/validate-report';

/** Everything besides the input's bytes that decides what the outputs are; `generator` carries the tool version. */
export interface RunFingerprint {
  generator: string;
  /** As asked for: `pdf` is printed from the DOCX after the batch. */
  formats: readonly string[];
  lenient: boolean;
  docxStyle: string;
  rules: Record<string, RuleSetting>;
  /** The 落款's date, written into the DOCX. */
  date?: string;
}

export interface CurrentOutputs {
  sha256: string;
  /** Output file names in the output folder. */
  outputs: string[];
}

/** The fingerprint in a canonical order, so that equal settings compare equal as JSON. */
export function runFingerprint(options: RunFingerprint): RunFingerprint {
  const rules: Record<string, RuleSetting> = {};
  for (const id of Object.keys(options.rules).sort()) rules[id] = options.rules[id] as RuleSetting;
  return {
    generator: options.generator,
    formats: [...options.formats].sort(),
    lenient: options.lenient,
    docxStyle: options.docxStyle,
    rules,
    ...(options.date ? { date: options.date } : {}),
  };
}
