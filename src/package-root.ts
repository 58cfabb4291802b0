// Finds the package's root folder, whether running from dist/ or from the sources under ts-jest.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the report sources');
    dir = parent;
  }
  root = dir;
  return dir;
}
