// Loads report.config.json: default edition, language, rules turned off or re-graded, DOCX style.
import { existsSync, readFileSync } from 'node:fs';
import type { Lang } from '../diagnostics/diagnostic';
import { isEditionId } from '../editions';
import type { EditionId } from '../editions/types';
import { defaultThresholds, type Thresholds } from '../validate/rule';
import { findRule } from '../validate/rules';
import type { RuleSetting } from '../validate/validate-report';
import { UsageError } from './cli-messages';

export interface Config {
  edition?: EditionId;
  lang?: Lang;
  rules: Record<string, RuleSetting>;
  docxStyle?: 'gbt9704' | 'plain';
  /** The 落款's date, YYYY-MM-DD (checked where it is used, as `--date` is). */
  date?: string;
  /** Thresholds of the rules that have them: `"thresholds": { "Q101": { "factor": 5, "minimum": 10 } }`. */
  thresholds: Thresholds;
}

export const DEFAULT_CONFIG_FILE = 'report.config.json';
const SETTINGS: readonly string[] = ['off', 'warning', 'error'];

/** The config at `path`, or report.config.json in the working folder when present, or none. */
export function loadConfig(path?: string): Config {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return { rules: {}, thresholds: defaultThresholds };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new UsageError('configUnreadable', { file, detail });
  }
  const invalid = (detail: string) => new UsageError('configInvalid', { file, detail });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('{ … }');
  const config: Config = { rules: {}, thresholds: defaultThresholds };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'edition') {
      if (!isEditionId(value)) throw invalid(`edition: ${JSON.stringify(value)} (2019 | 2021)`);
      config.edition = value;
    } else if (key === 'lang') {
      if (value !== 'zh' && value !== 'en') throw invalid(`lang: ${JSON.stringify(value)} (zh | en)`);
      config.lang = value;
    } else if (key === 'docxStyle') {
      if (value !== 'gbt9704' && value !== 'plain')
        throw invalid(`docxStyle: ${JSON.stringify(value)} (gbt9704 | plain)`);
      config.docxStyle = value;
    } else if (key === 'date') {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value))
        throw invalid(`date: ${JSON.stringify(value)} (YYYY-MM-DD)`);
      config.date = value;
    } else if (key === 'rules') {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        throw invalid('rules: { "R101": "off" }');
      for (const [idOrName, setting] of Object.entries(value as Record<string, unknown>)) {
        const rule = findRule(idOrName);
        if (!rule) throw invalid(`rules.${idOrName}: unknown rule`);
        if (typeof setting !== 'string' || !SETTINGS.includes(setting))
          throw invalid(`rules.${idOrName}: ${JSON.stringify(setting)} (off | warning | error)`);
        if ((rule.id === 'schema' || rule.id === 'input') && setting !== 'error')
          throw invalid(`rules.${idOrName}: the ${rule.id} check cannot be turned off`);
        config.rules[rule.id] = setting as RuleSetting;
      }
    } else if (key === 'thresholds') {
      config.thresholds = parseThresholds(value, invalid);
    } else {
      throw invalid(`${key}: unknown setting (edition, lang, rules, docxStyle, date, thresholds)`);
    }
  }
  return config;
}

function parseThresholds(value: unknown, invalid: (detail: string) => UsageError): Thresholds {
  const example = 'thresholds: { "Q101": { "factor": 5, "minimum": 10 } }';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalid(example);
  const jump = { ...defaultThresholds.jump };
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    if (findRule(id)?.id !== 'Q101') throw invalid(`thresholds.${id}: only Q101 has thresholds`);
    if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) throw invalid(example);
    for (const [name, number] of Object.entries(setting as Record<string, unknown>)) {
      if (name !== 'factor' && name !== 'minimum') throw invalid(`thresholds.${id}.${name}: unknown (factor, minimum)`);
      const fits =
        typeof number === 'number' && Number.isFinite(number) && (name === 'factor' ? number > 1 : number >= 0);
      if (!fits)
        throw invalid(
          `thresholds.${id}.${name}: ${JSON.stringify(number)} (a number${name === 'factor' ? ' above 1' : ' ≥ 0'})`,
        );
      jump[name] = number;
    }
  }
  return { jump };
}
