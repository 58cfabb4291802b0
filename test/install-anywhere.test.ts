// `report` installed for use anywhere (issue 18): the package has a name of its own (an npm package called `report`
// is someone else's), ships what the command runs and nothing of the tests, and works from a packed tarball installed
// with `npm install -g`, outside the clone. Needs the npm registry for the dependencies: without it, skipped loudly.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, ROOT, scratch } from './helpers';

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  files: string[];
};
const npm = (args: string[], cwd: string) =>
  spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, npm_config_fund: 'false' },
  });

test('the package is ours by name, its command is `report`, and the lock agrees', () => {
  expect(manifest.name).toBe('zfxxgk-report');
  expect(manifest.bin).toEqual({ report: 'bin/report.js' });
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  expect([lock.name, lock.packages[''].name]).toEqual([manifest.name, manifest.name]);
});

test('the lock agrees with package.json, so npm install in a fresh clone leaves it as it is', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const root = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')).packages[''];
  for (const field of ['name', 'version', 'license', 'engines', 'bin', 'dependencies', 'devDependencies'])
    expect([field, root[field]]).toEqual([field, pkg[field]]);
});

test('the tarball holds the command, its compiled code, schemas and rule packs, and none of the tests or scripts', () => {
  const packed = npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT);
  expect(packed.status).toBe(0);
  const files = (JSON.parse(packed.stdout) as { files: { path: string }[] }[])[0]?.files.map((file) => file.path) ?? [];
  // The filer's page (issue 21) too: built at npm run build, written by `report page` where esbuild is not installed.
  expect(files).toEqual(
    expect.arrayContaining([
      'bin/report.js',
      'dist/src/cli/main.js',
      'schemas/validators.cjs',
      'packs/national.json',
      'packs/suqian-departments.json',
      'dist/page/report-page.html',
    ]),
  );
  expect(files.filter((path) => /^(test|fixtures|scripts|dist\/scripts|dist\/test|src)\//.test(path))).toEqual([]);
});

test('installed from the packed tarball with npm install -g, it runs outside the clone', () => {
  const work = scratch('report-install-');
  const packed = npm(['pack', '--pack-destination', work, '--ignore-scripts'], ROOT);
  expect(packed.status).toBe(0);
  const tarball = join(work, packed.stdout.trim().split('\n').pop() as string);
  const prefix = join(work, 'prefix');
  const installed = npm(['install', '-g', '--prefer-offline', '--no-audit', '--prefix', prefix, tarball], work);
  if (installed.status !== 0 && /ENOTFOUND|ENOTCACHED|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT/.test(installed.stderr)) {
    const why = 'installing from the tarball needs the npm registry, which this machine cannot reach';
    if (process.env.REPORT_REQUIRE_TOOLS === '1') throw new Error(why);
    process.stderr.write(`\n*** SKIPPED: ${why} ***\n\n`);
    return;
  }
  expect(installed.stderr).not.toMatch(/npm error/);
  const command = join(prefix, 'bin', 'report');
  expect(existsSync(command)).toBe(true);
  const version = spawnSync(command, ['--version'], { cwd: work, encoding: 'utf8' });
  expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  // A shipped rule pack is found by its name in the installed package.
  const validate = spawnSync(
    command,
    ['validate', fixture('example-2021.xlsx'), '--format', 'json', '--pack', 'national'],
    {
      cwd: work,
      encoding: 'utf8',
    },
  );
  expect(validate.status).toBe(0);
  expect(JSON.parse(validate.stdout).files[0].status).toBe('ok');
  const page = spawnSync(command, ['page', '-o', 'page.html'], { cwd: work, encoding: 'utf8' });
  expect(page.status).toBe(0);
  expect(
    readFileSync(join(work, 'page.html')).equals(readFileSync(join(ROOT, 'dist', 'page', 'report-page.html'))),
  ).toBe(true);
});
