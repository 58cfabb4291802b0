// The test tiers of jest.config.js: `unit` (npm run test:fast) names its files one by one, runs them in this process
// and refuses every child process (test/unit-tier.setup.ts); `end-to-end` is every other test file, so a new file
// starts there. Every test file is in exactly one tier.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers';

interface Project {
  displayName: string;
  testMatch: string[];
  testPathIgnorePatterns?: string[];
  setupFiles?: string[];
}

const config = require(join(ROOT, 'jest.config.js')) as { projects: Project[] };
const tier = (name: string) => config.projects.find((project) => project.displayName === name) as Project;
const unit = tier('unit');
const endToEnd = tier('end-to-end');
const testFiles = readdirSync(join(ROOT, 'test')).filter((name) => name.endsWith('.test.ts'));
const unitFiles = unit.testMatch.map((path) => path.replace('<rootDir>/test/', ''));

describe('test tiers', () => {
  test('the unit tier names existing files, and refuses child processes in them', () => {
    expect(unitFiles.length).toBeGreaterThan(0);
    for (const file of unitFiles) expect(testFiles).toContain(file);
    expect(unit.setupFiles).toEqual(['<rootDir>/test/unit-tier.setup.ts']);
    expect(() => spawnSync('true')).toThrow('the unit tier starts no process (child_process.spawnSync)');
  });

  test('every other test file, a new one too, is end-to-end', () => {
    const ignored = (file: string) =>
      (endToEnd.testPathIgnorePatterns ?? []).some((pattern) => new RegExp(pattern).test(`${ROOT}/test/${file}`));
    for (const file of testFiles) expect([file, ignored(file)]).toEqual([file, unitFiles.includes(file)]);
    expect(ignored('a-new-file.test.ts')).toBe(false);
    expect(endToEnd.testMatch).toEqual(['**/*.test.ts']);
  });
});
