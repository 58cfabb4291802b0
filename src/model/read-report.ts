// What every reader returns: the model as read, where each value came from, and what reading found.
import { type Finding, fillTemplate, type Lang, type LocalizedText, type SourceRef } from '../diagnostics/diagnostic';
import type { Model } from './pointer';

export type { SourceRef };

export type InputFormat =
  | 'json'
  | 'xlsx'
  | 'xls'
  | 'ods'
  | 'et'
  | 'html'
  | 'mht'
  | 'txt'
  | 'docx'
  | 'doc'
  | 'wps'
  | 'rtf'
  | 'pdf';

export interface ReadReport {
  /** The path as the user gave it. */
  file: string;
  format: InputFormat;
  /**
   * How the input was understood: the model itself (JSON, or the JSON our own HTML embeds), a workbook made from our
   * template (by its defined names), a workbook laid out like the official tables (by its labels), or a published
   * report (text, HTML, DOCX, PDF).
   */
  readAs: 'model' | 'embedded' | 'template' | 'labels' | 'published';
  model: Model;
  /** JSON Pointer → where it was read from. */
  sources: ReadonlyMap<string, SourceRef>;
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

  /** The one line the user reads, in their language. */
  describe(lang: Lang): string {
    return fillTemplate(readErrorMessages[this.messageId][lang], this.params);
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
    zh: '{file} 设有打开密码：请在 Excel、Word 或 WPS 中取消密码后再检查',
    en: '{file} is password-protected: remove the password in Excel, Word or WPS, then check it again',
  },
  notTemplate: {
    zh: '{file} 既不是用 report template 生成的工作簿，也找不到官方表格的栏目（如“本年新收政府信息公开申请数量”），无法读取',
    en: '{file} was neither made with report template nor holds the labels of the official tables (such as 本年新收政府信息公开申请数量): cannot be read',
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
  notDocx: {
    zh: '{file} 不是有效的 Word 文档（.docx）',
    en: '{file} is not a valid Word document (.docx)',
  },
  notPdf: {
    zh: '{file} 不是有效的 PDF 文件，或没有文字层（扫描件需先识别文字）',
    en: '{file} is not a valid PDF, or has no text layer (a scan needs OCR first)',
  },
  preFormat: {
    zh: '{file} 是 2019 年以前的报告结构（概述、收费及减免、附表），不属于 2019 年版或 2021 年版格式，未转换',
    en: '{file} has the pre-2019 structure (概述, 收费及减免, 附表), which is neither the 2019 nor the 2021 edition: not converted',
  },
  notRegularFile: {
    zh: '{file} 不是普通文件（设备、管道或套接字），未读取',
    en: '{file} is not a regular file (a device, pipe or socket): not read',
  },
  tooLargeInflated: {
    zh: '{file} 解压后超过 {limitMb} MB 的上限（可能是压缩炸弹），未读取',
    en: '{file} inflates past the {limitMb} MB limit (possibly a zip bomb): not read',
  },
  tooManyEntries: {
    zh: '{file} 的压缩包含有超过 {limit} 个条目，不是正常的报告文件，未读取',
    en: '{file} is a zip of more than {limit} entries, not a normal report file: not read',
  },
  tooDeep: {
    zh: '{file} 的嵌套层数超过 {limit} 层，不是正常的报告文件，未读取',
    en: '{file} is nested more than {limit} levels deep, not a normal report file: not read',
  },
  tooManyElements: {
    zh: '{file} 含有超过 {limit} 个元素，不是正常的报告文件，未读取',
    en: '{file} holds more than {limit} elements, not a normal report file: not read',
  },
  tooManyCells: {
    zh: '{file} 的表格展开后超过 {limit} 个单元格，不是正常的报告文件，未读取',
    en: '{file} lays out more than {limit} table cells, not a normal report file: not read',
  },
  readTimeout: {
    zh: '{file} 读取超过 {seconds} 秒仍未完成，已停止（可用 --timeout 调整时限）',
    en: '{file} took longer than {seconds} s to read and was stopped (--timeout changes the limit)',
  },
  tooLargeMemory: {
    zh: '{file} 读取所需内存超过 {limitMb} MB 的上限，已停止',
    en: '{file} needed more than the {limitMb} MB memory limit to read and was stopped',
  },
  needsOffice: {
    zh: '{file} 是 {kind} 文档：读取它需要 LibreOffice（soffice），本机没有安装。可安装 LibreOffice，或在 Word、WPS 中另存为 .docx 后再导入',
    en: '{file} is a {kind} document: reading it needs LibreOffice (soffice), which is not installed here. Install LibreOffice, or save it as .docx in Word or WPS and import that',
  },
  notLegacy: {
    zh: '{file} 不是有效的 {kind} 文档（文件已损坏，或 LibreOffice 无法打开）',
    en: '{file} is not a valid {kind} document (it is damaged, or LibreOffice cannot open it)',
  },
  unsupportedKind: {
    zh: '{file} 是{kindZh}{adviceZh}',
    en: '{file} is {kindEn}{adviceEn}',
  },
  notReport: {
    zh: '{file} 中找不到年度报告的章节或表格（一、总体情况 … 六、其他需要报告的事项）',
    en: '{file} holds none of the sections or tables of an annual report (一、总体情况 … 六、其他需要报告的事项)',
  },
} satisfies Record<string, LocalizedText>;
