// Runs a generated corpus: makes the samples (batching LibreOffice and Chromium), imports each, and sums the scores
// per class — what the property test asserts and `npm run bench:import` reports.
import { join } from 'node:path';
import type { ImportStatus } from '../../src/validate/import-verdict';
import { externalClasses, renderExternal } from './external-renderings';
import { directClasses, makeSample, type Sample, type Score, scoreSample } from './import-corpus';

export interface ClassTotals {
  samples: number;
  /** Figures the renderings keep, and how the import did on them. */
  kept: number;
  right: number;
  wrong: number;
  missing: number;
  lostButFound: number;
  truncated: number;
  truncatedIncomplete: number;
  verdictsRight: number;
}

export interface SampleResult {
  sample: Sample;
  score: Score;
}

export interface CorpusOptions {
  seed: number;
  perDirectClass: number;
  perExternalClass: number;
  dir: string;
  tools: { office: boolean; chromium: boolean };
}

export async function runCorpus(
  options: CorpusOptions,
): Promise<{ totals: Map<string, ClassTotals>; results: SampleResult[] }> {
  const samples: Sample[] = [];
  let seed = options.seed;
  for (const cls of directClasses)
    for (let i = 0; i < options.perDirectClass; i++) samples.push(makeSample(seed++, cls));
  const external = externalClasses.filter((cls) =>
    cls === 'pdf-chromium' ? options.tools.chromium : options.tools.office,
  );
  for (const cls of external) for (let i = 0; i < options.perExternalClass; i++) samples.push(makeSample(seed++, cls));
  await renderExternal(samples, join(options.dir, 'external'), options.tools);
  const totals = new Map<string, ClassTotals>();
  const results: SampleResult[] = [];
  for (const sample of samples) {
    if (sample.bytes.length === 0) continue;
    const score = await scoreSample(sample, join(options.dir, 'samples'));
    results.push({ sample, score });
    const t = totals.get(sample.cls) ?? {
      samples: 0,
      kept: 0,
      right: 0,
      wrong: 0,
      missing: 0,
      lostButFound: 0,
      truncated: 0,
      truncatedIncomplete: 0,
      verdictsRight: 0,
    };
    t.samples++;
    t.kept += sample.kept.size;
    t.right += score.right;
    t.wrong += score.wrong;
    t.missing += score.missing;
    t.lostButFound += score.lostButFound;
    if (sample.truncated) {
      t.truncated++;
      if (score.status === 'incomplete') t.truncatedIncomplete++;
    }
    if (score.status === expectedVerdict(score)) t.verdictsRight++;
    totals.set(sample.cls, t);
  }
  return { totals, results };
}

/** The verdict an import should give: `ok` only when every figure was found (and the rendering kept them all). */
export function expectedVerdict(score: Score): ImportStatus {
  return score.missing > 0 ? 'incomplete' : score.expected;
}
