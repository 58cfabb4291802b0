// Tests run TypeScript through ts-jest; CLI tests run the compiled bin/report.js as a real process.
//
// Two tiers · 两级测试. `unit` holds the test files that run wholly in this process: they start no CLI, no sandbox
// child, no LibreOffice, no Chromium and no fuzzer, and need no build (`npm run test:fast`, well under two minutes).
// `end-to-end` is every other file. A new test file is end-to-end until it is named in UNIT here; in a UNIT file,
// starting a child process throws (test/unit-tier.setup.ts), and test/test-tiers.test.ts checks the split.
const UNIT = [
  'architecture',
  'blame-cell',
  'cell-value',
  'core-strings',
  'docx-body',
  'editions',
  'generated',
  'import-certified',
  'no-unbounded-spread',
  'official-labels',
  'pack-score',
  'page-style',
  'rule-cases',
  'rules',
  'sheetjs-build',
  'test-edition',
  'test-tiers',
  'workbook-cells',
  'words-by-language',
  'xml-well-formed',
];

const unitFiles = UNIT.map((name) => `<rootDir>/test/${name}.test.ts`);
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testTimeout: 120000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: unitFiles, setupFiles: ['<rootDir>/test/unit-tier.setup.ts'] },
    {
      ...common,
      displayName: 'end-to-end',
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...UNIT.map((name) => `/test/${name}\\.test\\.ts$`)],
    },
  ],
};
