// The validators `npm run generate` writes (schemas/validators.cjs), found in Node through the package's root, so the
// compiled dist/ and ts-jest's src/ both find them. The browser bundle takes generated-validators.browser.ts instead.
import { join } from 'node:path';
import { packageRoot } from '../package-root';

export const generatedValidators = (): unknown => require(join(packageRoot(), 'schemas', 'validators.cjs'));
