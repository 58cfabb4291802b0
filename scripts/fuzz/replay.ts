// Writes one mutated case of a fuzz run again, from its seed and number, as the run made it: an input too large to
// keep in fixtures/fuzz/ is reproduced this way.
//   node dist/scripts/fuzz/replay.js --seed 31 --case 1234 [--max-scale 1000000] [-o DIR]
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from '../generate';
import { seededRandom } from '../seeded-random';
import { type Mutation, mutate } from './mutate';
import { makeSeeds } from './seeds';

async function replay(argv: readonly string[]): Promise<void> {
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const seedNumber = Number(value('--seed') ?? 1);
  const n = Number(value('--case'));
  if (!Number.isInteger(n)) throw new Error('usage: replay --seed S --case N [--max-scale N] [-o DIR]');
  const seeds = await makeSeeds(ROOT);
  const seed = seeds[n % seeds.length];
  if (!seed) throw new Error('no seeds');
  const context = {
    text: seeds.find((candidate) => candidate.name === 'published.txt')?.bytes.toString('utf8') ?? '',
    maxScale: Number(value('--max-scale') ?? 1_000_000),
  };
  let mutation: Mutation;
  try {
    mutation = mutate(seed, seededRandom(seedNumber * 1_000_003 + n), context);
  } catch {
    mutation = { kind: 'bytes', bytes: Buffer.from(seed.bytes) };
  }
  const path = join(resolve(value('-o') ?? '.'), `case-${seedNumber}-${n}.${seed.format}`);
  writeFileSync(path, mutation.bytes);
  process.stdout.write(`${path}: ${mutation.kind} of ${seed.name}, ${mutation.bytes.length} bytes\n`);
}

replay(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
