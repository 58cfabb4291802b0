// `--pack FILE|NAME` (validate, convert): a rule pack chooses rules, severities and thresholds and may score each
// report (docs/packs.md). Read with the config's care (config.ts); a shipped pack is packs/NAME.json in the package.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SCORED_COUNTS, type ScoredCount } from '../convert/input-record';
import type { Deduction, PackInfo, Scoring } from '../convert/pack-score';
import type { Lang } from '../diagnostics/diagnostic';
import { packageRoot } from '../package-root';
import { defaultThresholds, type Thresholds } from '../validate/rule';
import { findRule } from '../validate/rules';
import type { RuleSetting } from '../validate/validate-report';
import { UsageError } from './cli-messages';
import {
  type BadValue,
  type Config,
  type Invalid,
  openSettingsFile,
  parseRuleSettings,
  parseThresholds,
  ruleNames,
  type ThresholdOverrides,
  withThresholds,
} from './config';

export interface Pack {
  info: PackInfo;
  rules: Record<string, RuleSetting>;
  thresholds: ThresholdOverrides;
}

/** A pack's name: what `--pack NAME` takes and a shipped pack's file is called. */
export const PACK_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PACK_SETTINGS = '$schema, name, title, source, rules, thresholds, scoring';
/** Far above any real deduction or base (an assessment has 100 points, or 1000): a typo, not a pack. */
export const MAX_POINTS = 1_000_000;
/** When a pack that scores does not say: one body is no ranking. */
export const DEFAULT_MINIMUM_BODIES = 2;

const shippedFolder = () => join(packageRoot(), 'packs');

/** The packs the tool ships, by name. */
export function shippedPacks(): string[] {
  try {
    return readdirSync(shippedFolder())
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
  } catch {
    return [];
  }
}

/**
 * `--pack` resolved: a bare name (letters, digits, hyphens) is a pack the tool ships, anything else a file's path —
 * so `--pack national` never reads a file that happens to be called so in the working folder (`./national` would).
 */
export function packPath(value: string): string {
  if (!PACK_NAME.test(value)) return value;
  const shipped = join(shippedFolder(), `${value}.json`);
  if (!existsSync(shipped)) throw new UsageError('packUnknown', { name: value, names: shippedPacks().join(', ') });
  return shipped;
}

/** The pack named by `--pack`, read and checked; what is wrong in it is a usage error (exit 2) with its problem's id. */
export function loadPack(named: string, lang: Lang): Pack {
  const file = packPath(named);
  const { raw, invalid, badValue } = openSettingsFile(file, lang, {
    unreadable: 'packUnreadable',
    invalid: 'packInvalid',
  });
  const pack: Pack = { info: { name: '' }, rules: {}, thresholds: {} };
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (key === 'name') {
      if (typeof value !== 'string' || !PACK_NAME.test(value)) throw badValue('name', value, 'a-z 0-9 -');
      pack.info.name = value;
    } else if (key === 'title') {
      if (!isWords(value, ['zh', 'en'], ['zh', 'en']))
        throw invalid('badShape', { setting: 'title', example: '{ "zh": "…", "en": "…" }' });
      pack.info.title = { zh: value.zh as string, en: value.en as string };
    } else if (key === 'source') {
      pack.info.source = parseSource(value, invalid);
    } else if (key === 'rules') {
      pack.rules = parseRuleSettings(value, invalid, badValue);
    } else if (key === 'thresholds') {
      pack.thresholds = parseThresholds(value, invalid, badValue);
    } else if (key === 'scoring') {
      pack.info.scoring = parseScoring(value, invalid, badValue);
    } else {
      throw invalid('unknownSetting', { setting: key, choices: PACK_SETTINGS });
    }
  }
  if (!pack.info.name) throw invalid('required', { setting: 'name', example: '"name": "my-city"' });
  if (file !== join(shippedFolder(), `${named}.json`)) pack.info.file = file;
  return pack;
}

/** An object of strings with every `required` key and no key beyond `allowed`. */
function isWords(
  value: unknown,
  required: readonly string[],
  allowed: readonly string[],
): value is Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    required.every((key) => key in value) &&
    entries.every(([key, text]) => allowed.includes(key) && typeof text === 'string' && text.trim() !== '')
  );
}

/** `source`: the citation, perhaps a URL, perhaps a note in both languages of which figures come from it. */
function parseSource(value: unknown, invalid: Invalid): NonNullable<PackInfo['source']> {
  const shape = () =>
    invalid('badShape', {
      setting: 'source',
      example: '{ "citation": "…", "url": "https://…", "note": { "zh": "…", "en": "…" } }',
    });
  if (!isObject(value)) throw shape();
  const { note, ...rest } = value;
  // The URL becomes a link in the dashboard: a web address only, never javascript: or a file.
  if (
    !isWords(rest, ['citation'], ['citation', 'url']) ||
    (rest.url !== undefined && !/^https?:\/\/\S+$/.test(rest.url))
  )
    throw shape();
  if (note !== undefined && !isWords(note, ['zh', 'en'], ['zh', 'en'])) throw shape();
  return {
    citation: rest.citation as string,
    ...(rest.url ? { url: rest.url } : {}),
    ...(note ? { note: { zh: note.zh as string, en: note.en as string } } : {}),
  };
}

function parseScoring(value: unknown, invalid: Invalid, badValue: BadValue): Scoring {
  const example = '{ "base": 100, "perFinding": { "X100": { "points": 0.5, "max": 0.5 } }, "minimumBodies": 3 }';
  if (!isObject(value)) throw invalid('badShape', { setting: 'scoring', example });
  const scoring: Scoring = { base: 100, perFinding: {}, perCount: {}, minimumBodies: DEFAULT_MINIMUM_BODIES };
  const points = (at: string, number: unknown): number => {
    if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0 || number > MAX_POINTS)
      throw badValue(at, number, `> 0, ≤ ${MAX_POINTS}`);
    return number;
  };
  const deduction = (at: string, given: unknown): Deduction => {
    if (typeof given === 'number') return { points: points(at, given) };
    if (!isObject(given) || !('points' in given))
      throw invalid('badShape', { setting: at, example: '0.5 | { "points": 0.5, "max": 1 }' });
    for (const key of Object.keys(given))
      if (key !== 'points' && key !== 'max')
        throw invalid('unknownSetting', { setting: `${at}.${key}`, choices: 'points, max' });
    return {
      points: points(`${at}.points`, given.points),
      ...('max' in given ? { max: points(`${at}.max`, given.max) } : {}),
    };
  };
  for (const [key, setting] of Object.entries(value)) {
    if (key === 'base') scoring.base = points('scoring.base', setting);
    else if (key === 'minimumBodies') {
      if (typeof setting !== 'number' || !Number.isInteger(setting) || setting < 1 || setting > 100_000)
        throw badValue('scoring.minimumBodies', setting, '1, 2, 3 …');
      scoring.minimumBodies = setting;
    } else if (key === 'perFinding') {
      if (!isObject(setting)) throw invalid('badShape', { setting: 'scoring.perFinding', example: '{ "X100": 0.5 }' });
      for (const [idOrName, given] of Object.entries(setting)) {
        const at = `scoring.perFinding.${idOrName}`;
        const rule = findRule(idOrName);
        if (!rule) throw invalid('unknownRule', { name: idOrName, setting: at, ids: ruleNames() });
        scoring.perFinding[rule.id] = deduction(at, given);
      }
    } else if (key === 'perCount') {
      if (!isObject(setting))
        throw invalid('badShape', { setting: 'scoring.perCount', example: '{ "reviewCorrected": 2 }' });
      for (const [count, given] of Object.entries(setting)) {
        const at = `scoring.perCount.${count}`;
        if (!(SCORED_COUNTS as readonly string[]).includes(count))
          throw invalid('unknownSetting', { setting: at, choices: SCORED_COUNTS.join(', ') });
        scoring.perCount[count as ScoredCount] = deduction(at, given);
      }
    } else
      throw invalid('unknownSetting', {
        setting: `scoring.${key}`,
        choices: 'base, perFinding, perCount, minimumBodies',
      });
  }
  return scoring;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The rules and thresholds a command checks with: the defaults, the pack's over them, then the config's over those —
 * the config is the user's own word on this folder's reports, the pack a shared starting point (docs/packs.md).
 */
export function effectiveSettings(
  config: Config,
  pack: Pack | undefined,
): { rules: Record<string, RuleSetting>; thresholds: Thresholds } {
  if (!pack) return { rules: config.rules, thresholds: config.thresholds };
  return {
    rules: { ...pack.rules, ...config.rules },
    thresholds: withThresholds(withThresholds(defaultThresholds, pack.thresholds), config.thresholdOverrides),
  };
}
