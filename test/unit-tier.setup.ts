// The unit tier starts no process. In its files every way of starting one throws at once, naming the call, so a test
// that would reach the CLI, a sandbox child, LibreOffice or Chromium fails here instead of slowing the fast tier
// down; such a file belongs to the end-to-end tier (leave it out of UNIT in jest.config.js).
const refuse = (call: string) => () => {
  throw new Error(
    `the unit tier starts no process (child_process.${call}); this test file belongs to the end-to-end tier`,
  );
};

function withoutProcesses(): Record<string, unknown> {
  return {
    ...jest.requireActual<Record<string, unknown>>('node:child_process'),
    exec: refuse('exec'),
    execFile: refuse('execFile'),
    execFileSync: refuse('execFileSync'),
    execSync: refuse('execSync'),
    fork: refuse('fork'),
    spawn: refuse('spawn'),
    spawnSync: refuse('spawnSync'),
  };
}

jest.mock('node:child_process', withoutProcesses);
jest.mock('child_process', withoutProcesses);
