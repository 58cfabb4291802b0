// Bundles the core for the browser (src/browser/core.ts) with esbuild: `platform: 'browser'`, no Node polyfills. Each
// `*.node` adapter is swapped for its `*.browser` sibling; a Node built-in imported by anything in the bundle, or an
// adapter without a sibling, fails the build. Used by test/browser-core.test.ts, and by the filer's page later.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';
import type { Plugin } from 'esbuild';

const ROOT = resolve(__dirname, '..', __dirname.includes(`${join('dist', 'scripts')}`) ? '..' : '');
const BUILT_IN = new Set(builtinModules);

const browserSiblings: Plugin = {
  name: 'browser-siblings',
  setup(build) {
    build.onResolve({ filter: /\.node$/ }, (args) => {
      const sibling = `${resolve(args.resolveDir, args.path.replace(/\.node$/, ''))}.browser.ts`;
      if (!existsSync(sibling))
        return { errors: [{ text: `${args.path} (imported by ${args.importer}) has no .browser.ts sibling` }] };
      return { path: sibling };
    });
    // A Node built-in, by any name, is an error, never an empty stub or a polyfill.
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      const name = args.path.replace(/^node:/, '').split('/')[0] ?? '';
      if (args.path.startsWith('node:') || BUILT_IN.has(name))
        return { errors: [{ text: `Node built-in ${args.path} imported by ${args.importer}` }] };
      return undefined;
    });
  },
};

/** The core as one script (an IIFE defining the global `reportCore`), and esbuild's warnings. */
export function bundleBrowserCore(): Promise<{ code: string; warnings: string[] }> {
  return bundleForBrowser(join(ROOT, 'src', 'browser', 'core.ts'), 'reportCore');
}

/** The filer's page's worker (src/browser/worker.ts: the core behind a message port), as one script. */
export function bundlePageWorker(): Promise<{ code: string; warnings: string[] }> {
  return bundleForBrowser(join(ROOT, 'src', 'browser', 'worker.ts'));
}

/** The filer's page's own script (src/browser/page.ts: the interface, no core), as one script. */
export function bundlePageScript(): Promise<{ code: string; warnings: string[] }> {
  return bundleForBrowser(join(ROOT, 'src', 'browser', 'page.ts'));
}

async function bundleForBrowser(entry: string, globalName?: string): Promise<{ code: string; warnings: string[] }> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    ...(globalName ? { globalName } : {}),
    target: 'es2022',
    minify: true,
    // Scripts end up inside the page's <script> elements: no `</script` in a string may close one early.
    supported: { 'inline-script': false },
    // exceljs's build without its polyfills (a browser of today has them), for the template: 0.86 MB, not 1.9.
    alias: { exceljs: 'exceljs/dist/exceljs.bare.min.js' },
    logLevel: 'silent',
    plugins: [browserSiblings],
  });
  const code = result.outputFiles[0]?.text ?? '';
  return { code, warnings: result.warnings.map((warning) => warning.text) };
}
