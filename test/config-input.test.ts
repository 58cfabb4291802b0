// report.config.json is read like an input (issue 22): a regular file only, bounded, not too deep, and every way it
// can be wrong told in one clear line in the user's language, exit code 2 — never a hang, a raw errno or parser text.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { say } from '../src/cli/cli-messages';
import { ConfigError, loadConfig, MAX_CONFIG_BYTES } from '../src/cli/config';
import { BIN, fixture, scratch } from './helpers';

const dir = scratch('report-config-');
const good = fixture('example-2021.json');

/** What the user reads for a config that loadConfig refuses, in the language it was worded in. */
function refusal(path: string, lang: 'zh' | 'en' = 'zh'): string {
  try {
    loadConfig(path, lang);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const config = error as ConfigError;
    expect(config.lang).toBe(lang);
    return say(lang, config.messageId, config.params);
  }
  throw new Error(`${path} was accepted`);
}

/** What is wrong with a config, as data: the message id, and the id and params of its detail. */
function problemOf(path: string, lang: 'zh' | 'en' = 'zh') {
  try {
    loadConfig(path, lang);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const { messageId, problem } = error as ConfigError;
    return { messageId, problem: problem.id, params: problem.params };
  }
  throw new Error(`${path} was accepted`);
}

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

/** The CLI as a process that cannot hang the suite: a FIFO's open or /dev/zero's read stops at the time limit. */
function run(args: string[], cwd = dir, reportLang = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    env: { ...process.env, NO_COLOR: '1', REPORT_LANG: reportLang },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

describe('the config file is read like an input', () => {
  test('a FIFO as report.config.json is refused at once, in every command run in that folder', () => {
    const folder = join(dir, 'fifo');
    mkdirSync(folder);
    execFileSync('mkfifo', [join(folder, 'report.config.json')]);
    for (const args of [['validate', good], ['schema'], ['rules', 'R301', '--lang', 'en']]) {
      const result = run(args, folder);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        args.includes('en')
          ? 'report: the config file report.config.json cannot be read: it is not a regular file (a device, pipe or socket): not read\n'
          : 'report: 配置文件 report.config.json 无法读取：不是普通文件（设备、管道或套接字），未读取\n',
      );
    }
  });

  test('a link to /dev/zero is refused before a byte is read', () => {
    const link = join(dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    const result = run(['validate', good, '--config', link, '--lang', 'en']);
    expect(result.signal).toBeNull();
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(problemOf(link)).toEqual({ messageId: 'configUnreadable', problem: 'notRegularFile', params: {} });
  });

  test('a file over 1 MB is refused by its size', () => {
    const big = write('big.json', `{"lang": "en"${' '.repeat(MAX_CONFIG_BYTES)}}`);
    expect(problemOf(big, 'en')).toEqual({
      messageId: 'configUnreadable',
      problem: 'tooLarge',
      params: { limitMb: 1 },
    });
  });

  test('deep nesting is refused with its limit', () => {
    const deep = write('deep.json', `{"rules": ${'['.repeat(50)}${']'.repeat(50)}}`);
    expect(problemOf(deep)).toEqual({ messageId: 'configInvalid', problem: 'tooDeep', params: { limit: 8 } });
    const deeper = write('deeper.json', `{"rules": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(problemOf(deeper, 'en')).toEqual({ messageId: 'configInvalid', problem: 'tooDeep', params: { limit: 8 } });
  });
});

describe('every broken config has a clear message', () => {
  test('a missing file: no errno code, in words in either language', () => {
    const missing = join(dir, 'nowhere.json');
    expect(problemOf(missing)).toEqual({ messageId: 'configUnreadable', problem: 'notFound', params: {} });
    expect(refusal(missing)).toBe(`配置文件 ${missing} 无法读取：文件不存在`);
    expect(refusal(missing, 'en')).toBe(`the config file ${missing} cannot be read: there is no such file`);
  });

  test('a folder, an empty file, a top level that is not an object, text that is not UTF-8', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(problemOf(folder).problem).toBe('isDirectory');
    const empty = write('empty.json', '\n');
    expect(problemOf(empty, 'en')).toEqual({ messageId: 'configInvalid', problem: 'empty', params: {} });
    const list = write('list.json', '["R101"]');
    expect(problemOf(list).problem).toBe('notObject');
    const gbk = write('gbk.json', Buffer.from([0x7b, 0x22, 0xc4, 0xe3, 0x22, 0x3a, 0x31, 0x7d]));
    expect(problemOf(gbk, 'en')).toEqual({ messageId: 'configInvalid', problem: 'notUtf8', params: {} });
  });

  test("a syntax error says where, not only the parser's words", () => {
    const broken = write('broken.json', '{\n  "lang": "en",\n  "rules": { "R101": "off", }\n}');
    const { messageId, problem, params } = problemOf(broken);
    expect({ messageId, problem, line: params.line }).toEqual({
      messageId: 'configInvalid',
      problem: 'syntax',
      line: 3,
    });
    expect(params.column).toEqual(expect.any(Number));
  });

  test('an unknown rule names the rules there are', () => {
    const unknown = write('unknown.json', JSON.stringify({ rules: { R999: 'off' } }));
    const { messageId, problem, params } = problemOf(unknown);
    expect({ messageId, problem, name: params.name }).toEqual({
      messageId: 'configInvalid',
      problem: 'unknownRule',
      name: 'R999',
    });
    expect(String(params.ids).split(' ')).toEqual(expect.arrayContaining(['input', 'schema', 'R101', 'N003']));
  });

  test('the message follows --lang, and REPORT_LANG, though the config could not say its own lang', () => {
    const unknown = write('unknown-lang.json', JSON.stringify({ lang: 'zh', rules: { R999: 'off' } }));
    const english = run(['validate', good, '--config', unknown, '--lang', 'en']);
    expect(english.code).toBe(2);
    expect(english.stderr).toMatch(/^report: the config file .+ is wrong: rules\.R999: unknown rule/);
    const byEnvironment = run(['rules', '--config', join(dir, 'nowhere.json')], dir, 'en');
    expect(byEnvironment.stderr).toBe(
      `report: the config file ${join(dir, 'nowhere.json')} cannot be read: there is no such file\n`,
    );
    const chinese = run(['schema', '--config', join(dir, 'nowhere.json')]);
    expect(chinese.code).toBe(2);
    expect(chinese.stderr).toBe(`report: 配置文件 ${join(dir, 'nowhere.json')} 无法读取：文件不存在\n`);
  });

  test('a good config is still read', () => {
    const fine = write('fine.json', '\ufeff{ "lang": "en", "rules": { "edition-year": "off" } }');
    expect(loadConfig(fine)).toMatchObject({ lang: 'en', rules: { R101: 'off' } });
  });
});

describe('a wrong setting says which, and what it may be, in the words of each language', () => {
  let settings = 0;
  test.each([
    [{ edition: '2018' }, 'badValue', { setting: 'edition', value: '"2018"', choices: '2019 | 2021' }],
    [{ lang: 'fr' }, 'badValue', { setting: 'lang', value: '"fr"', choices: 'zh | en' }],
    [{ rules: ['R101'] }, 'badShape', { setting: 'rules', example: '{ "R101": "off" }' }],
    [
      { rules: { R101: 'loud' } },
      'badValue',
      { setting: 'rules.R101', value: '"loud"', choices: 'off | warning | error' },
    ],
    [{ rules: { schema: 'off' } }, 'alwaysOn', { name: 'schema', id: 'schema' }],
    [{ thresholds: { R101: { factor: 2 } } }, 'noThresholds', { id: 'R101' }],
    [
      { thresholds: { Q101: { factor: 0.5 } } },
      'badValue',
      { setting: 'thresholds.Q101.factor', value: '0.5', choices: '> 1' },
    ],
    [
      { thresholds: { Q101: { step: 2 } } },
      'unknownSetting',
      { setting: 'thresholds.Q101.step', choices: 'factor, minimum' },
    ],
    [{ colour: 'red' }, 'unknownSetting', { setting: 'colour', choices: expect.stringContaining('thresholds') }],
  ])('%j', (config, problem, params) => {
    const file = write(`setting-${++settings}.json`, JSON.stringify(config));
    expect(problemOf(file)).toEqual({ messageId: 'configInvalid', problem, params });
    // No English in the Chinese line, beyond the setting's own name and values.
    expect(refusal(file)).not.toMatch(/unknown|allowed|should|only|cannot/);
  });
});
