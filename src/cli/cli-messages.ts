// Messages the command line itself prints (not diagnostics), in both languages.
import type { Lang, LocalizedText } from '../diagnostics/diagnostic';
import { fillTemplate } from '../diagnostics/diagnostic';

const messages = {
  badLang: { zh: '--lang 只能是 zh 或 en，实际为 {value}', en: '--lang must be zh or en, is {value}' },
  badFormat: {
    zh: '--format 只能是 {choices}，实际为 {value}',
    en: '--format must be one of {choices}, is {value}',
  },
  badEdition: {
    zh: '格式版本只能是 {choices}，实际为 {value}',
    en: 'the edition must be one of {choices}, is {value}',
  },
  badYear: { zh: '--year 应为四位数年份，实际为 {value}', en: '--year must be a four-digit year, is {value}' },
  badNumber: { zh: '{option} 应为非负整数，实际为 {value}', en: '{option} must be a non-negative integer, is {value}' },
  noFiles: {
    zh: '请给出要检查的文件，例如 report validate 2025.xlsx',
    en: 'give the files to check, e.g. report validate 2025.xlsx',
  },
  outputExists: {
    zh: '{file} 已存在，未覆盖：换一个文件名，或加 --force 覆盖',
    en: '{file} exists and was not overwritten: choose another name, or add --force',
  },
  outputNotXlsx: {
    zh: '模板只能保存为 .xlsx 文件，实际为 {file}',
    en: 'the template can only be written as .xlsx, not {file}',
  },
  outputFailed: { zh: '无法写入 {file}：{detail}', en: 'cannot write {file}: {detail}' },
  templateWritten: {
    zh: '已生成{edition}填报模板：{file}{about}',
    en: 'wrote the {edition} template: {file}{about}',
  },
  editionFromYear: {
    zh: '（{year} 年度使用 {edition} 年版格式）',
    en: '(the {edition} edition applies to {year})',
  },
  editionYearMismatch: {
    zh: '注意：{year} 年度应使用 {expected} 年版格式，你选择了 {edition} 年版',
    en: 'note: a report for {year} should use the {expected} edition, you chose {edition}',
  },
  previousUnreadable: { zh: '上年报告无法读取：{detail}', en: 'last year’s report cannot be read: {detail}' },
  configUnreadable: { zh: '配置文件 {file} 无法读取：{detail}', en: 'the config file {file} cannot be read: {detail}' },
  configInvalid: { zh: '配置文件 {file} 有误：{detail}', en: 'the config file {file} is wrong: {detail}' },
  tooManyWarnings: {
    zh: '警告有 {count} 个，超过 --max-warnings {max}',
    en: '{count} warnings exceed --max-warnings {max}',
  },
  internalError: {
    zh: '内部错误：{detail}（加 --debug 查看详情，并请报告此问题）',
    en: 'internal error: {detail} (add --debug for details, and please report it)',
  },
  stdoutOneFormat: {
    zh: '-o - 只能输出一种格式，请用 --to 选择一种（当前为 {formats}）',
    en: '-o - writes one format only: choose one with --to (now {formats})',
  },
  badBuildFormat: {
    zh: '--to 只能是 {choices} 中的一种或几种，实际为 {value}',
    en: '--to takes one or more of {choices}, is {value}',
  },
  badDocxStyle: {
    zh: '--docx-style 只能是 gbt9704 或 plain，实际为 {value}',
    en: '--docx-style must be gbt9704 or plain, is {value}',
  },
  buildNoEdition: {
    zh: '{file} 的格式版本无法确定，无法生成文件',
    en: 'the edition of {file} cannot be told, so nothing can be built',
  },
  buildRefused: {
    zh: '{file} 有 {errors} 个错误，未生成任何文件。改正后重试，或加 --force 生成标注“未通过检查”的文件',
    en: '{file} has {errors} errors: nothing was written. Correct them, or add --force to write files marked as not validated',
  },
  built: { zh: '已生成 {count} 个文件：', en: 'wrote {count} files:' },
  builtNotValidated: {
    zh: '已强制生成 {count} 个标注“未通过检查”的文件：',
    en: 'wrote {count} files marked as not validated (--force):',
  },
  outputIsInput: {
    zh: '输出文件 {file} 就是输入文件，未覆盖',
    en: 'the output {file} is the input file: not overwritten',
  },
  outputNotDirectory: { zh: '{file} 不是文件夹', en: '{file} is not a folder' },
  importOutput: {
    zh: 'import 只能写 .json 或 .xlsx（我们的模板，已填写），实际为 {file}',
    en: 'import writes .json or .xlsx (our template, filled), not {file}',
  },
  imported: {
    zh: '已导入：{file}（{agency}，{year} 年度，{edition} 年版，{how}；{errors} 个错误，{warnings} 个警告）',
    en: 'imported: {file} ({agency}, {year}, {edition} edition, {how}; {errors} errors, {warnings} warnings)',
  },
  badTimeout: {
    zh: '--timeout 应为 0 到 86400 之间的秒数（大于 0），实际为 {value}',
    en: '--timeout must be a number of seconds above 0 and up to 86400, is {value}',
  },
  badJobs: {
    zh: '--jobs 应为 1 到 64 之间的整数，实际为 {value}',
    en: '--jobs must be a whole number from 1 to 64, is {value}',
  },
  noInputs: { zh: '没有找到可读取的输入：{inputs}', en: 'no readable input found in: {inputs}' },
  converted: {
    zh: '结果已写入 {dir}（summary.json、index.html），用时 {seconds} 秒',
    en: 'results in {dir} (summary.json, index.html), {seconds} s',
  },
  rulesHeader: { zh: '编号  名称  默认级别  说明', en: 'id  name  severity  description' },
  severityError: { zh: '错误', en: 'error' },
  severityWarning: { zh: '警告', en: 'warning' },
} satisfies Record<string, LocalizedText>;

export type CliMessageId = keyof typeof messages;

export function say(lang: Lang, id: CliMessageId, params: Record<string, string | number> = {}): string {
  return fillTemplate(messages[id][lang], params);
}

/** A usage or environment error that ends the command with exit code 2 and one clear line. */
export class UsageError extends Error {
  constructor(
    readonly messageId: CliMessageId,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageId);
    this.name = 'UsageError';
  }
}
