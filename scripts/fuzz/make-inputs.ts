// Writes the fuzzer's seeds and hostile inputs into a folder, with a manifest. Run as its own process, so the
// renderers and the 200 MB bomb it needs never count in the fuzzer's memory figures.
//   node dist/scripts/fuzz/make-inputs.js DIR
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../generate';
import { hostileCases } from './hostile';
import { scaledHostileCases } from './hostile-scale';
import { makeSeeds } from './seeds';

export interface InputManifest {
  seeds: { format: string; name: string; path: string }[];
  /** issue 7: damaged containers, bombs, deep nesting, devices; scale and control: issue 22 (hostile-scale.ts). */
  hostile: { name: string; path: string; group: 'issue 7' | 'scale' | 'control' }[];
}

export const MANIFEST = 'manifest.json';

async function makeInputs(dir: string, withHostile: boolean): Promise<void> {
  const seeds = await makeSeeds(ROOT);
  mkdirSync(join(dir, 'seeds'), { recursive: true });
  mkdirSync(join(dir, 'hostile'), { recursive: true });
  const manifest: InputManifest = { seeds: [], hostile: [] };
  for (const seed of seeds) {
    const path = join(dir, 'seeds', seed.name);
    writeFileSync(path, seed.bytes);
    manifest.seeds.push({ format: seed.format, name: seed.name, path });
  }
  if (withHostile) {
    for (const hostile of await hostileCases(seeds))
      manifest.hostile.push({ name: hostile.name, path: hostile.make(join(dir, 'hostile')), group: 'issue 7' });
    for (const hostile of scaledHostileCases(seeds))
      manifest.hostile.push({ name: hostile.name, path: hostile.make(join(dir, 'hostile')), group: hostile.group });
  }
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
}

if (require.main === module) {
  const [dir, flag] = process.argv.slice(2);
  if (!dir) throw new Error('usage: make-inputs DIR [--no-hostile]');
  void makeInputs(dir, flag !== '--no-hostile');
}
