// What every reader returns: the model as read, where each value came from, and what reading found.
import type { Finding, LocalizedText } from '../diagnostics/diagnostic';
import type { Model } from '../validate/rule';

export interface CellSource {
  sheet: string;
  /** A1 address. */
  cell: string;
}

export type InputFormat = 'json' | 'xlsx' | 'xls' | 'ods' | 'et';

export interface ReadReport {
  /** The path as the user gave it. */
  file: string;
  format: InputFormat;
  /** How the input was understood: the model itself, or a workbook made from our template (by its defined names). */
  readAs: 'model' | 'template';
  model: Model;
  /** JSON Pointer → the cell it was read from. */
  sources: ReadonlyMap<string, CellSource>;
  findings: Finding[];
  /** Pointers whose value could not be read; the schema and the arithmetic stay silent about them. */
  unreadable: ReadonlySet<string>;
}

/** An input that cannot be read at all (exit code 2). */
export class ReadError extends Error {
  constructor(
    readonly messageId: keyof typeof readErrorMessages,
    readonly params: Record<string, string | number>,
    options?: { cause?: unknown },
  ) {
    super(messageId, options);
    this.name = 'ReadError';
  }
}

export const readErrorMessages = {
  notFound: { zh: '找不到文件 {file}', en: 'file not found: {file}' },
  isDirectory: { zh: '{file} 是文件夹，不是报告文件', en: '{file} is a folder, not a report file' },
  empty: { zh: '{file} 是空文件', en: '{file} is empty' },
  tooLarge: {
    zh: '{file} 有 {sizeMb} MB，超过 {limitMb} MB 的上限，未读取',
    en: '{file} is {sizeMb} MB, over the {limitMb} MB limit: not read',
  },
  unsupportedType: {
    zh: '{file} 不是可读取的报告：请提供 .xlsx、.xls、.et、.ods 工作簿或 .json 文件',
    en: '{file} is not a readable report: give an .xlsx, .xls, .et or .ods workbook or a .json file',
  },
  notWorkbook: {
    zh: '{file} 不是有效的工作簿（文件已损坏，或不是 Excel、WPS、LibreOffice 文件）',
    en: '{file} is not a valid workbook (it is damaged, or not an Excel, WPS or LibreOffice file)',
  },
  encrypted: {
    zh: '{file} 设有打开密码：请在 Excel 或 WPS 中取消密码后再检查',
    en: '{file} is password-protected: remove the password in Excel or WPS, then check it again',
  },
  notTemplate: {
    zh: '{file} 不是用 report template 生成的工作簿（找不到模板的定义名称），无法定位各项数据：请用 report template 生成模板并填写',
    en: '{file} was not made with report template (none of its defined names is there), so its figures cannot be found: fill a workbook made by report template',
  },
  unknownTemplateEdition: {
    zh: '{file} 的模板标记写着格式版本 {edition}，本工具不认识该版本',
    en: '{file} says it is a template of edition {edition}, which this tool does not know',
  },
  jsonSyntax: {
    zh: '{file} 不是有效的 JSON：第 {line} 行第 {column} 列附近有误（{detail}）',
    en: '{file} is not valid JSON: error near line {line}, column {column} ({detail})',
  },
  notModel: {
    zh: '{file} 不是年度报告的 JSON：顶层应为对象 {…}',
    en: '{file} is not a report JSON: the top level should be an object {…}',
  },
  unreadable: { zh: '{file} 无法读取：{detail}', en: '{file} cannot be read: {detail}' },
} satisfies Record<string, LocalizedText>;
