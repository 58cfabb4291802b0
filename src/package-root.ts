// Finds the package's root folder, whether running from dist/ or from the sources under ts-jest.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where `npm run build` leaves the filer's page (scripts/build-page.ts), relative to the package's root. */
export const BUILT_PAGE = join('dist', 'page', 'report-page.html');

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
