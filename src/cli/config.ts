// Loads report.config.json: default edition, language, rules turned off or re-graded, DOCX style; and reads any
// settings file (a rule pack too, pack.ts) with the same care.
import { closeSync, constants, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fillTemplate, type Lang, type LocalizedText } from '../diagnostics/diagnostic';
import { editions, isEditionId } from '../editions';
import type { EditionId } from '../editions/types';
import type { BodyKind } from '../model/body-kind';
import { ReadError } from '../model/read-report';
import { deeperThan, readJson } from '../read/json-reader';
import { defaultThresholds, type Thresholds } from '../validate/rule';
import { findRule, ruleCatalog } from '../validate/rules';
import type { RuleSetting } from '../validate/validate-report';
import { type CliMessageId, UsageError } from './cli-messages';

export interface Config {
  edition?: EditionId;
  lang?: Lang;
  rules: Record<string, RuleSetting>;
  docxStyle?: 'gbt9704' | 'plain';
  /** The 落款's date, YYYY-MM-DD (checked where it is used, as `--date` is). */
  date?: string;
  /** Thresholds of the rules that have them: `"thresholds": { "Q101": { "factor": 5, "minimum": 10 } }`. */
  thresholds: Thresholds;
  /** Only those the file sets: laid over a rule pack's (pack.ts), as `thresholds` is over the defaults. */
  thresholdOverrides: ThresholdOverrides;
  /**
   * convert: the inputs to use when an agency and year come more than once (report-versions.ts), as paths relative to
   * the config file's folder: `"versions": ["2023/final.pdf"]`.
   */
  versions?: string[];
  /** A people's government's reports or a department's (N008, N009), where the agency's name does not tell. */
  bodyKind?: BodyKind;
  /** validate and convert: the reviewer's baseline file (baseline.ts), a path relative to the config file's folder. */
  baseline?: string;
}

export const DEFAULT_CONFIG_FILE = 'report.config.json';
const SETTINGS: readonly string[] = ['off', 'warning', 'error'];

/**
 * A config is read as carefully as an input, since every command reads it: only a regular file (opened without
 * blocking, its kind checked on the open descriptor, so a FIFO or a link to /dev/zero is refused at once), at most
 * MAX_CONFIG_BYTES, and nested no deeper than MAX_CONFIG_DEPTH.
 */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Inputs a config may name as the versions to use: far more than any batch has reports given twice. */
const MAX_VERSIONS = 10_000;

/** `thresholds.Q101.factor` is the deepest setting there is: 3 levels. */
export const MAX_CONFIG_DEPTH = 8;

/** Why a config file cannot be used: the detail of `configUnreadable` or `configInvalid`, in both languages. */
export const problems = {
  notFound: { zh: '文件不存在', en: 'there is no such file' },
  isDirectory: { zh: '这是文件夹，不是文件', en: 'it is a folder, not a file' },
  notRegularFile: {
    zh: '不是普通文件（设备、管道或套接字），未读取',
    en: 'it is not a regular file (a device, pipe or socket): not read',
  },
  noPermission: { zh: '没有读取权限', en: 'permission denied' },
  tooLarge: {
    zh: '超过 {limitMb} MB 的上限（配置文件和规则包只有几行），未读取',
    en: 'it is over the {limitMb} MB limit (a config or a rule pack is a few lines): not read',
  },
  otherError: { zh: '{code}', en: '{code}' },
  notUtf8: { zh: '不是 UTF-8 编码的文本', en: 'it is not UTF-8 text' },
  empty: { zh: '文件是空的，至少应写 {}', en: 'the file is empty; write at least {}' },
  syntax: {
    zh: '第 {line} 行第 {column} 列附近不是有效的 JSON（{detail}）',
    en: 'invalid JSON near line {line}, column {column} ({detail})',
  },
  notObject: { zh: '顶层应为对象 { … }', en: 'the top level should be an object { … }' },
  tooDeep: {
    zh: '嵌套超过 {limit} 层，不是配置文件或规则包',
    en: 'nested more than {limit} levels deep: not a config file or a rule pack',
  },
  unknownRule: {
    zh: '{setting}：没有这条规则（现有规则：{ids}；编号或名称均可，report rules 逐条说明）',
    en: '{setting}: unknown rule (the rules are {ids}, by id or name; report rules explains each)',
  },
  unknownSetting: {
    zh: '{setting}：没有这项设置（可用的设置：{choices}）',
    en: '{setting}: unknown setting (the settings are {choices})',
  },
  badValue: { zh: '{setting}：{value} 不可用（应为 {choices}）', en: '{setting}: {value} is not allowed ({choices})' },
  badShape: { zh: '{setting} 的写法应如 {example}', en: '{setting} should be written like {example}' },
  alwaysOn: { zh: 'rules.{name}：{id} 检查不能关闭', en: 'rules.{name}: the {id} check cannot be turned off' },
  noThresholds: {
    zh: 'thresholds.{id}：只有 Q101 和 X100 可设阈值',
    en: 'thresholds.{id}: only Q101 and X100 have thresholds',
  },
  required: { zh: '缺少 {setting}（写法如 {example}）', en: '{setting} is missing (write it like {example})' },
} satisfies Record<string, LocalizedText>;

export type Problem = keyof typeof problems;

/** A config that cannot be used; `lang` is the language known before the config (the flag, else REPORT_LANG). */
export class ConfigError extends UsageError {
  constructor(
    messageId: CliMessageId,
    params: Record<string, string | number>,
    readonly lang: Lang,
    /** What is wrong, as data: the id of its detail and the detail's own params (tests and tools read these). */
    readonly problem: { id: Problem; params: Record<string, string | number> },
  ) {
    super(messageId, params);
  }
}

/** The config at `path`, or report.config.json in the working folder when present, or none. */
export function loadConfig(path?: string, lang: Lang = 'zh'): Config {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return { rules: {}, thresholds: defaultThresholds, thresholdOverrides: {} };
  const { raw, invalid, badValue } = openSettingsFile(file, lang, CONFIG_FILE);
  const config: Config = { rules: {}, thresholds: defaultThresholds, thresholdOverrides: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (key === 'edition') {
      if (!isEditionId(value)) throw badValue('edition', value, editions.map((edition) => edition.id).join(' | '));
      config.edition = value;
    } else if (key === 'lang') {
      if (value !== 'zh' && value !== 'en') throw badValue('lang', value, 'zh | en');
      config.lang = value;
    } else if (key === 'docxStyle') {
      if (value !== 'gbt9704' && value !== 'plain') throw badValue('docxStyle', value, 'gbt9704 | plain');
      config.docxStyle = value;
    } else if (key === 'date') {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) throw badValue('date', value, 'YYYY-MM-DD');
      config.date = value;
    } else if (key === 'rules') {
      config.rules = parseRuleSettings(value, invalid, badValue);
    } else if (key === 'thresholds') {
      config.thresholdOverrides = parseThresholds(value, invalid, badValue);
      config.thresholds = withThresholds(defaultThresholds, config.thresholdOverrides);
    } else if (key === 'bodyKind') {
      if (value !== 'government' && value !== 'department')
        throw badValue('bodyKind', value, 'government | department');
      config.bodyKind = value;
    } else if (key === 'versions') {
      if (
        !Array.isArray(value) ||
        value.length > MAX_VERSIONS ||
        !value.every((item) => typeof item === 'string' && item !== '')
      )
        throw invalid('badShape', { setting: 'versions', example: '["2023/final.pdf", …]' });
      config.versions = value.map((item) => resolve(dirname(resolve(file)), item as string));
    } else if (key === 'baseline') {
      if (typeof value !== 'string' || value === '')
        throw invalid('badShape', { setting: 'baseline', example: '"review/baseline.json"' });
      config.baseline = resolve(dirname(resolve(file)), value);
    } else {
      throw invalid('unknownSetting', { setting: key, choices: SETTING_NAMES });
    }
  }
  return config;
}

/** Which file a settings file is, for its messages: the config, or a rule pack (pack.ts). */
export interface SettingsFileKind {
  unreadable: CliMessageId;
  invalid: CliMessageId;
}

const CONFIG_FILE: SettingsFileKind = { unreadable: 'configUnreadable', invalid: 'configInvalid' };

export type Invalid = (id: Problem, params: Record<string, string | number>) => ConfigError;
export type BadValue = (setting: string, value: unknown, choices: string) => ConfigError;

/** A settings file read with the config's care, its top level an object, and how to say what is wrong in it. */
export interface SettingsFile {
  raw: Record<string, unknown>;
  invalid: Invalid;
  badValue: BadValue;
}

/**
 * Reads a settings file (the config, a rule pack) as carefully as an input: a regular file, bounded, UTF-8, JSON,
 * an object no deeper than MAX_CONFIG_DEPTH. What is wrong is a ConfigError of `kind`'s messages, in `lang`.
 */
export function openSettingsFile(file: string, lang: Lang, kind: SettingsFileKind): SettingsFile {
  const problem = (messageId: CliMessageId, id: Problem, params: Record<string, string | number> = {}) =>
    new ConfigError(messageId, { file, detail: fillTemplate(problems[id][lang], params) }, lang, { id, params });
  const which = (messageId: CliMessageId) => (messageId === 'configUnreadable' ? kind.unreadable : kind.invalid);
  const told: ProblemOf = (messageId, id, params) => problem(which(messageId), id, params);
  const raw = parseConfig(readConfigFile(file, told), file, told);
  const invalid: Invalid = (id, params) => problem(kind.invalid, id, params);
  const badValue: BadValue = (setting, value, choices) =>
    invalid('badValue', { setting, value: JSON.stringify(value) ?? String(value), choices });
  return { raw, invalid, badValue };
}

/** `rules`: each rule by id or name → off | warning | error; `schema` and `input` cannot be turned off. */
export function parseRuleSettings(value: unknown, invalid: Invalid, badValue: BadValue): Record<string, RuleSetting> {
  const at = 'rules';
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw invalid('badShape', { setting: at, example: '{ "R101": "off" }' });
  const rules: Record<string, RuleSetting> = {};
  for (const [idOrName, setting] of Object.entries(value as Record<string, unknown>)) {
    const rule = findRule(idOrName);
    if (!rule) throw invalid('unknownRule', { name: idOrName, setting: `${at}.${idOrName}`, ids: ruleNames() });
    if (typeof setting !== 'string' || !SETTINGS.includes(setting))
      throw badValue(`${at}.${idOrName}`, setting, 'off | warning | error');
    if ((rule.id === 'schema' || rule.id === 'input') && setting !== 'error')
      throw invalid('alwaysOn', { name: idOrName, id: rule.id });
    rules[rule.id] = setting as RuleSetting;
  }
  return rules;
}

export type ProblemOf = (messageId: CliMessageId, id: Problem, params?: Record<string, string | number>) => ConfigError;
const SETTING_NAMES = 'edition, lang, rules, docxStyle, date, thresholds, versions, bodyKind, baseline';

/** The file's text: a regular file only, opened without blocking and bounded before it is read (a baseline too). */
export function readConfigFile(file: string, problem: ProblemOf, limit = MAX_CONFIG_BYTES): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw openProblem(error, problem);
  }
  try {
    const stats = fstatSync(fd);
    if (stats.isDirectory()) throw problem('configUnreadable', 'isDirectory');
    if (!stats.isFile()) throw problem('configUnreadable', 'notRegularFile');
    const tooLarge = () => problem('configUnreadable', 'tooLarge', { limitMb: limit / 1024 / 1024 });
    if (stats.size > limit) throw tooLarge();
    // One byte past the limit is read, so a file that grows while it is read is still refused.
    const buffer = Buffer.alloc(limit + 1);
    let total = 0;
    for (;;) {
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
      if (total > limit) throw tooLarge();
    }
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, total));
    } catch {
      throw problem('configInvalid', 'notUtf8');
    }
  } catch (error) {
    throw openProblem(error, problem);
  } finally {
    closeSync(fd);
  }
}

function openProblem(error: unknown, problem: ProblemOf): ConfigError {
  if (error instanceof ConfigError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return problem('configUnreadable', 'notFound');
  if (code === 'EISDIR') return problem('configUnreadable', 'isDirectory');
  // A FIFO without a reader, opened for writing, or a socket: nothing a config can be.
  if (code === 'ENXIO' || code === 'EOPNOTSUPP') return problem('configUnreadable', 'notRegularFile');
  if (code === 'EACCES' || code === 'EPERM') return problem('configUnreadable', 'noPermission');
  return problem('configUnreadable', 'otherError', {
    code: code ?? (error instanceof Error ? error.message : String(error)),
  });
}

/** The parsed object, with the JSON reader's line and column for a syntax error and its depth check. */
export function parseConfig(text: string, file: string, problem: ProblemOf): Record<string, unknown> {
  if (text.replace(/^\ufeff/, '').trim() === '') throw problem('configInvalid', 'empty');
  try {
    const parsed = readJson(text, file).model;
    if (deeperThan(parsed, MAX_CONFIG_DEPTH)) throw problem('configInvalid', 'tooDeep', { limit: MAX_CONFIG_DEPTH });
    return parsed;
  } catch (error) {
    if (!(error instanceof ReadError)) throw error;
    if (error.messageId === 'jsonSyntax') throw problem('configInvalid', 'syntax', error.params);
    if (error.messageId === 'tooDeep') throw problem('configInvalid', 'tooDeep', { limit: MAX_CONFIG_DEPTH });
    throw problem('configInvalid', 'notObject');
  }
}

/** Every rule's id (a config may name a rule by its name too). */
export const ruleNames = () => ruleCatalog.map((rule) => rule.id).join(' ');

/** The thresholds a file sets, each one alone: what it leaves out keeps the value beneath it (a pack's, the default). */
export interface ThresholdOverrides {
  jump?: Partial<Thresholds['jump']>;
  copied?: Partial<Thresholds['copied']>;
}

/** `base` with `overrides` laid over it. */
export function withThresholds(base: Thresholds, overrides: ThresholdOverrides): Thresholds {
  return { jump: { ...base.jump, ...overrides.jump }, copied: { ...base.copied, ...overrides.copied } };
}

export function parseThresholds(value: unknown, invalid: Invalid, badValue: BadValue): ThresholdOverrides {
  const shape = () =>
    invalid('badShape', { setting: 'thresholds', example: '{ "Q101": { "factor": 5, "minimum": 10 } }' });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw shape();
  const jump: Partial<Thresholds['jump']> = {};
  const copied: Partial<Thresholds['copied']> = {};
  for (const [idOrName, setting] of Object.entries(value as Record<string, unknown>)) {
    const id = findRule(idOrName)?.id;
    if (id !== 'Q101' && id !== 'X100') throw invalid('noThresholds', { id: idOrName });
    if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) throw shape();
    for (const [name, number] of Object.entries(setting as Record<string, unknown>)) {
      const at = `thresholds.${idOrName}.${name}`;
      const isNumber = typeof number === 'number' && Number.isFinite(number);
      if (id === 'X100') {
        if (name !== 'share') throw invalid('unknownSetting', { setting: at, choices: 'share' });
        if (!isNumber || number <= 0 || number > 1) throw badValue(at, number, '0 < share ≤ 1');
        copied.share = number;
        continue;
      }
      if (name !== 'factor' && name !== 'minimum')
        throw invalid('unknownSetting', { setting: at, choices: 'factor, minimum' });
      if (!isNumber || !(name === 'factor' ? number > 1 : number >= 0))
        throw badValue(at, number, name === 'factor' ? '> 1' : '≥ 0');
      jump[name] = number;
    }
  }
  return {
    ...(Object.keys(jump).length ? { jump } : {}),
    ...(Object.keys(copied).length ? { copied } : {}),
  };
}
