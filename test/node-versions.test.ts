// The seams where Node.js 20, 22 and 24 differ, each tested on the Node that runs the suite (.ci/run runs all three):
// what a sandbox process can send, standard input in pieces, ICU text handling, engine requirements.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as semver from 'semver';
import { collectInputs } from '../src/convert/collect-inputs';
import { normaliseLabel } from '../src/model/label-text';
import { readNumberCell } from '../src/read/cell-value';
import { painter } from '../src/reporters/paint';
import { describeFailure } from '../src/sandbox/sandbox-pool';
import { BIN, fixture, ROOT, scratch } from './helpers';

const packageJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { engines?: { node?: string } };

describe(`Node.js ${process.version}`, () => {
  test('is a version this package declares it supports', () => {
    const range = packageJson(join(ROOT, 'package.json')).engines?.node ?? '';
    expect(semver.satisfies(process.version, range)).toBe(true);
    // The supported versions, as the README states them: 20 (end of life, still tested), 22 and 24.
    for (const version of ['20.19.0', '22.13.0', '24.0.0']) expect(semver.satisfies(version, range)).toBe(true);
    expect(semver.satisfies('18.20.0', range)).toBe(false);
  });

  test.each(['pdfjs-dist', 'docx', 'exceljs', 'commander', 'htmlparser2', 'ajv', 'xlsx'])(
    'meets the engine requirement of %s',
    (name) => {
      const range = packageJson(join(ROOT, 'node_modules', name, 'package.json')).engines?.node;
      if (range) expect(semver.satisfies(process.version, range)).toBe(true);
    },
  );

  test('docx runs without its nanoid dependency, whose engines say Node 22+', () => {
    // npm warns on Node 20 that nanoid@6 (a dependency of docx) wants Node 22; docx bundles its own copy of
    // nanoid/non-secure, so the package npm warns about is never loaded.
    const bundle = readFileSync(require.resolve('docx'), 'utf8');
    expect(bundle).not.toMatch(/require\(["']nanoid/);
    expect(bundle).toContain('nanoid');
  });

  test('pdfjs loads through require(esm) and finds the built-in modules it asks for', () => {
    // pdfjs 5 asks for process.getBuiltinModule (Node 20.16+) and is an ES module loaded with require (20.19+).
    // Jest's module system has no require(esm), so a plain Node process loads it as the reader does: the minified
    // build, told to run the minified worker on its own thread.
    expect(typeof process.getBuiltinModule).toBe('function');
    const script = `const pdfjs = require('./dist/src/read/published/pdf-source.node.js').loadPdfjs();
      process.stdout.write(JSON.stringify([typeof pdfjs.getDocument, pdfjs.GlobalWorkerOptions.workerSrc]));`;
    const loaded = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(loaded.stderr).toBe('');
    const [getDocument, workerSrc] = JSON.parse(loaded.stdout) as [string, string];
    expect(getDocument).toBe('function');
    expect(workerSrc).toMatch(/\/pdfjs-dist\/legacy\/build\/pdf\.worker\.min\.mjs$/);
    expect(existsSync(fileURLToPath(workerSrc))).toBe(true);
  });
});

describe('a sandbox process', () => {
  const dir = scratch('report-sandbox-');

  test('cannot send a value the channel cannot clone, and is told so at once, where it can still answer', () => {
    // sandbox-child.ts relies on this: process.send with the advanced serialization throws ("could not be cloned")
    // synchronously on every supported Node, so the child answers with the cause instead of dying.
    const parent = join(dir, 'parent.js');
    writeFileSync(
      parent,
      `const { fork } = require('node:child_process');
       if (process.argv[2] === 'child') {
         let caught = 'nothing';
         try { process.send({ f: () => 1 }); } catch (error) { caught = error.message; }
         process.send({ caught }, () => process.exit(0));
       } else {
         const child = fork(__filename, ['child'], { serialization: 'advanced' });
         child.on('message', (message) => process.stdout.write(JSON.stringify(message)));
       }`,
    );
    const run = spawnSync(process.execPath, [parent], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).caught).toMatch(/could not be cloned/);
  });

  test('an error with neither message nor name is still described', () => {
    expect(describeFailure(new DOMException('', 'DataCloneError'))).toBe('DataCloneError');
    expect(describeFailure(Object.assign(new Error('out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).toBe(
      'out of memory (ERR_WORKER_OUT_OF_MEMORY)',
    );
    expect(describeFailure(new Error(''))).toBe('Error');
    expect(describeFailure({})).toBe('unknown error');
    expect(describeFailure('')).toBe('unknown error');
  });
});

test('standard input that arrives in pieces is read whole', async () => {
  const json = readFileSync(fixture('example-2021.json'));
  const child = spawn(process.execPath, [BIN, 'validate', '-', '--lang', 'en'], {
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  // Split inside a multi-byte character: the reader must join bytes, not decoded strings.
  const cut = json.indexOf(Buffer.from('商务局')) + 1;
  child.stdin.write(json.subarray(0, cut));
  await new Promise((resolve) => setTimeout(resolve, 200));
  child.stdin.end(json.subarray(cut));
  expect(await closed).toBe(0);
  expect(stdout).toContain('0 errors');
});

describe('text handling that rests on ICU', () => {
  test('full-width digits, signs and separators read as numbers, with a note', () => {
    expect(readNumberCell('１２', 'count', { lenient: false })).toMatchObject({ kind: 'number', value: 12 });
    expect(readNumberCell('１，２３４', 'count', { lenient: false })).toMatchObject({ kind: 'number', value: 1234 });
    expect(readNumberCell('２５．１万元', 'amount', { lenient: false })).toMatchObject({ kind: 'number', value: 25.1 });
  });

  test('labels compare equal across full-width and half-width punctuation', () => {
    expect(normaliseLabel('（三）不予公开')).toBe(normaliseLabel('(三)不予公开'));
    expect(normaliseLabel('１．属于国家秘密')).toBe(normaliseLabel('1.属于国家秘密'));
    expect(normaliseLabel('1、属于国家秘密')).toBe(normaliseLabel('1.属于国家秘密'));
    expect(normaliseLabel('商业\u3000企业')).toBe('商业企业');
    expect(normaliseLabel('申请人无正当理由逾期不补正，行政机关')).toBe(
      normaliseLabel('申请人无正当理由逾期不补正,行政机关'),
    );
  });

  test('folders are walked in the same order under every locale and ICU', () => {
    const dir = scratch('report-order-');
    const names = ['淮安市-2024.json', 'Z.json', 'a.json', '石家庄-2019.json', '北京-2021.json', '10.json', '9.json'];
    mkdirSync(join(dir, 'in'));
    for (const name of names) writeFileSync(join(dir, 'in', name), '{}');
    const order = collectInputs([join(dir, 'in')], join(dir, 'out')).files.map((path) =>
      path.slice(join(dir, 'in').length + 1),
    );
    expect(order).toEqual([...names].sort());
  });
});

test('colours follow our decision, not Node’s guess about process.stdout', () => {
  // Jest's stdout is no terminal: Node 22.13+ would drop the colours unless told that the caller decided.
  expect(painter(true)('red', '错误')).toBe('\u001b[31m错误\u001b[39m');
  expect(painter(false)('red', '错误')).toBe('错误');
});
