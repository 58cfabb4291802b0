// Messages the command line itself prints (not diagnostics), in both languages.
import type { Lang, LocalizedText } from '../diagnostics/diagnostic';
import { fillTemplate } from '../diagnostics/diagnostic';
import { inert } from '../diagnostics/inert-text';

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
  yearOutOfRange: {
    zh: '--year 应在 {first} 到 {last} 之间，实际为 {value}：官方格式自 2019 年度起施行，模板只能为已有的或下一年度生成',
    en: '--year must be from {first} to {last}, is {value}: the official formats apply from 2019, and a template is made for a past, this or next year',
  },
  badNumber: { zh: '{option} 应为非负整数，实际为 {value}', en: '{option} must be a non-negative integer, is {value}' },
  noFiles: {
    zh: '请给出要检查的文件，例如 report validate 2025.xlsx',
    en: 'give the files to check, e.g. report validate 2025.xlsx',
  },
  outputExists: {
    zh: '{file} 已存在，未覆盖：换一个文件名，或加 --force 覆盖',
    en: '{file} exists and was not overwritten: choose another name, or add --force',
  },
  outputNotHtml: {
    zh: '检查网页只能保存为 .html 文件，实际为 {file}',
    en: 'the page can only be written as .html, not {file}',
  },
  outputNotXlsx: {
    zh: '模板只能保存为 .xlsx 文件，实际为 {file}',
    en: 'the template can only be written as .xlsx, not {file}',
  },
  outputFailed: { zh: '无法写入 {file}：{detail}', en: 'cannot write {file}: {detail}' },
  outputChanged: {
    zh: '{file} 已存在，且与 report 上次写出的不同（可能已手工修改，或不是 report 写的）：没有替换任何文件。请先另存修改，或加 --force 替换',
    en: '{file} exists and is not what report last wrote there (edited by hand, or not written by report): no file was replaced. Save your changes elsewhere first, or add --force to replace it',
  },
  templateWritten: {
    zh: '已生成{edition}填报模板：{file}{about}',
    en: 'wrote the {edition} template: {file}{about}',
  },
  pageWritten: {
    zh: '已生成检查网页：{file}（{size} KB）。在浏览器中打开即可使用，不需联网，文件不会上传',
    en: 'wrote the page: {file} ({size} KB). Open it in a browser: it needs no network and uploads nothing',
  },
  pageNotBuilt: {
    zh: '检查网页尚未生成：请先运行 npm run build',
    en: 'the page has not been built: run npm run build first',
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
  baselineUnreadable: {
    zh: '基准文件 {file} 无法读取：{detail}',
    en: 'the baseline file {file} cannot be read: {detail}',
  },
  baselineInvalid: { zh: '基准文件 {file} 有误：{detail}', en: 'the baseline file {file} is wrong: {detail}' },
  baselineWritten: {
    zh: '已写出基准文件 {file}（{count} 条，其中 {kept} 条沿用原有决定）：请逐条核对 decision 并写明 note',
    en: 'wrote the baseline {file} ({count} entries, {kept} keeping an earlier decision): review each decision and write its note',
  },
  baselineTally: {
    zh: '基准 {file}：{applied} 条决定已适用，{stale} 条已过时（本次未出现对应的问题）{staleList}',
    en: 'baseline {file}: {applied} decisions applied, {stale} stale (their findings did not occur in this run){staleList}',
  },
  packUnreadable: { zh: '规则包 {file} 无法读取：{detail}', en: 'the rule pack {file} cannot be read: {detail}' },
  packInvalid: { zh: '规则包 {file} 有误：{detail}', en: 'the rule pack {file} is wrong: {detail}' },
  packUnknown: {
    zh: '没有名为 {name} 的规则包（随工具提供的：{names}）；文件请写路径，如 ./{name}.json',
    en: 'no rule pack is named {name} (the tool ships {names}); give a file by its path, e.g. ./{name}.json',
  },
  packScored: {
    zh: '评分（规则包 {pack}）：{scored} 份报告，{range} 分；排名：{ranked}；未排名：{unranked}',
    en: 'scores (rule pack {pack}): {scored} reports, {range}; ranked: {ranked}; not ranked: {unranked}',
  },
  packRankedYear: { zh: '{year} 年度 {bodies} 个机关', en: '{year} ({bodies} scored)' },
  packUnrankedYear: {
    zh: '{year} 年度（{bodies} 个机关，少于 {minimum} 个）',
    en: '{year} ({bodies} scored, fewer than {minimum})',
  },
  packNoYear: { zh: '无', en: 'none' },
  packNothingScored: {
    zh: '评分（规则包 {pack}）：没有可评分的报告（需读出机关和年度）',
    en: 'scores (rule pack {pack}): no report could be scored (each needs its agency and year read)',
  },
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
  pdfNeedsOffice: {
    zh: '--to pdf 需要 LibreOffice（soffice），本机未找到。请安装 LibreOffice，或用 REPORT_SOFFICE 指明 soffice 的路径；也可以去掉 pdf，只生成 Word 文档后自行转换',
    en: '--to pdf needs LibreOffice (soffice), which is not installed here. Install LibreOffice or point REPORT_SOFFICE at soffice; or leave out pdf and convert the DOCX yourself',
  },
  pdfFailed: {
    zh: 'LibreOffice 未能把 Word 文档转换为 PDF：{detail}',
    en: 'LibreOffice could not convert the DOCX to PDF: {detail}',
  },
  pdfFaces: {
    zh: 'PDF 中本机没有的公文字体以其他字体代替：{faces}',
    en: 'the PDF sets the official faces missing here in others: {faces}',
  },
  pdfFacesUnknown: { zh: '由 LibreOffice 选择', en: 'as LibreOffice chooses' },
  badDate: {
    zh: '--date 应为 年-月-日，如 2026-01-20，实际为 {value}',
    en: '--date must be a date as YYYY-MM-DD, e.g. 2026-01-20, is {value}',
  },
  badPublished: {
    zh: '--published 应为发布日期，写作 年-月-日，如 2026-01-20，实际为 {value}',
    en: '--published must be the date published as YYYY-MM-DD, e.g. 2026-01-20, is {value}',
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
  outputNotFile: {
    zh: '{file} 不是普通文件（文件夹、设备或管道），未写入，--force 也不会替换它',
    en: '{file} is not a regular file (a folder, device or pipe): nothing written, not even with --force',
  },
  importOutput: {
    zh: 'import 只能写 .json 或 .xlsx（我们的模板，已填写），实际为 {file}',
    en: 'import writes .json or .xlsx (our template, filled), not {file}',
  },
  imported: {
    zh: '已导入：{file}（{agency}，{year} 年度，{edition} 年版，{how}；{errors} 个错误，{warnings} 个警告）',
    en: 'imported: {file} ({agency}, {year}, {edition} edition, {how}; {errors} errors, {warnings} warnings)',
  },
  verdict: {
    zh: '结论：{status}，找到 {found}/{expected} 个数字。{why}',
    en: 'verdict: {status}, {found} of {expected} figures found. {why}',
  },
  verdictOk: { zh: '数字齐全，规则全部通过', en: 'Every figure was found and no rule fails.' },
  verdictIncomplete: {
    zh: '缺少的数字报告中没有，或无法确定所在行列，未作推测',
    en: 'The missing ones are not in the report, or could not be placed without guessing.',
  },
  verdictInvalid: { zh: '有规则未通过', en: 'A rule fails.' },
  verdictColumnsAssumed: {
    zh: '（有表格没有表头，其数字按官方栏目顺序读取：这是推定，请核对）',
    en: ' (a table printed no header: its figures were read in the official column order, an assumption to check)',
  },
  badTimeout: {
    zh: '--timeout 应为 0 到 86400 之间的秒数（大于 0），实际为 {value}',
    en: '--timeout must be a number of seconds above 0 and up to 86400, is {value}',
  },
  badJobs: {
    zh: '--jobs 应为 1 到 64 之间的整数，实际为 {value}',
    en: '--jobs must be a whole number from 1 to 64, is {value}',
  },
  outputIsInputFolder: {
    zh: '输出文件夹 {dir} 就是输入文件夹：请用 -o 另选一个文件夹，转换结果不与原始报告混放',
    en: 'the output folder {dir} is the input folder: choose another with -o, so outputs do not mix with the reports',
  },
  folderSkipped: {
    zh: '无法读取文件夹 {folder}（{code}），其中的文件未转换，其余照常进行',
    en: 'cannot list the folder {folder} ({code}): its files are not converted; the rest go on',
  },
  summaryPathTaken: {
    zh: '输出文件夹中的 {file} 不是文件（可能是同名文件夹）：请移走它，或用 -o 另选一个文件夹',
    en: '{file} in the output folder is not a file (a folder of that name?): move it away, or choose another folder with -o',
  },
  outputInsideInput: {
    zh: '注意：输出文件夹 {dir} 在输入文件夹 {folder} 之内，其中的文件不作为输入读取',
    en: 'note: the output folder {dir} is inside the input folder {folder}; nothing in it is read as an input',
  },
  stopping: {
    zh: '收到 {signal}：不再开始新的报告，正在完成手头的报告（再按一次 Ctrl-C 立即停止）',
    en: '{signal}: no new reports are started, the ones under way are finishing (Ctrl-C again to stop at once)',
  },
  interrupted: {
    zh: '已中断：{done} 份已完成，{notDone} 份未转换。再次运行同一命令会跳过已完成的报告，继续转换其余的',
    en: 'interrupted: {done} done, {notDone} not converted. Run the same command again: it skips what is done and goes on',
  },
  diskFull: {
    zh: '磁盘已满，无法写入 {file}：转换已停止，{done} 份已完成并保存，{notDone} 份未转换。腾出空间后再次运行同一命令，会跳过已完成的报告',
    en: 'the disk is full: cannot write {file}. The batch stopped with {done} done and kept, {notDone} not converted; free some space and run the same command again: it skips what is done',
  },
  diskFullSummary: {
    zh: '磁盘已满，无法写入 {file}：已完成的报告及其记录均已保存，腾出空间后再次运行同一命令即可补写汇总',
    en: 'the disk is full: cannot write {file}. The reports done and their records are kept; free some space and run the same command again to write the summary',
  },
  outputLocked: {
    zh: '另一个 report convert（进程 {pid}）正在向 {dir} 写入：请等它结束，或用 -o 另选一个文件夹',
    en: 'another report convert (process {pid}) is writing into {dir}: wait for it to end, or choose another folder with -o',
  },
  jobFailed: { zh: '内部错误：{detail}（请报告此问题）', en: 'internal error: {detail} (please report it)' },
  buildBeyondLimits: {
    zh: '{file} 超出报告格式的长度上限（见上方诊断及 report schema），即使加 --force 也不生成文件',
    en: '{file} is past the size limits of the format (see the diagnostics above and report schema): not written, even with --force',
  },
  upToDate: { zh: '输出已是最新，跳过', en: 'outputs current, skipped' },
  progress: {
    zh: '{done}/{total}  {rate} 个/秒  剩余 {left} 秒',
    en: '{done}/{total}  {rate}/s  {left}s left',
  },
  upToDateCount: {
    zh: '{count} 份报告的输出已是最新（内容、选项和版本都未变），未重新生成',
    en: '{count} reports had current outputs (same bytes, options and version): not written again',
  },
  noInputs: { zh: '没有找到可读取的输入：{inputs}', en: 'no readable input found in: {inputs}' },
  folderUnlisted: {
    zh: '无法读取文件夹 {folder}（{code}），其中的文件未检查',
    en: 'cannot list the folder {folder} ({code}): its files were not checked',
  },
  converted: {
    zh: '结果已写入 {dir}（summary.json、index.html、rules.html），用时 {seconds} 秒',
    en: 'results in {dir} (summary.json, index.html, rules.html), {seconds} s',
  },
  templateYear: { zh: '{year} 年度', en: '{year}' },
  templateCarried: {
    zh: '已从 {file} 填入机关、年度和“上年结转”（{columns} 栏），说明见“填写说明”工作表',
    en: 'filled in from {file}: agency, year and the carried-over requests ({columns} columns); see the 填写说明 sheet',
  },
  fromHasErrors: {
    zh: '注意：{file} 有 {count} 个错误（report validate {file} 可以查看），从中填入的数字可能有误，请核对',
    en: 'note: {file} has errors ({count}; see report validate {file}): the figures carried from it may be wrong, check them',
  },
  fromNoFigures: {
    zh: '注意：{file} 中没有任何数字（空白模板？），“上年结转”无从填入',
    en: 'note: {file} holds no figures at all (a blank template?): nothing to carry over',
  },
  fromNoYear: {
    zh: '{file} 中没有报告年度，无法推算下一年度：请用 --year 指定',
    en: '{file} gives no report year, so the next year cannot be told: give it with --year',
  },
  diffWritten: { zh: '对比结果已写入 {file}', en: 'comparison written to {file}' },
  diffSwapped: {
    zh: '注意：{last} 是 {lastYear} 年度的报告，晚于 {current}（{year} 年度），两者顺序颠倒了（应为 report diff 上年 本年）：已交换，按 {year} → {lastYear} 比较',
    en: 'note: {last} is the report for {lastYear}, later than {current} ({year}): given the wrong way round (report diff LAST THIS), so swapped and compared {year} → {lastYear}',
  },
  unknownRule: {
    zh: '没有编号或名称为 {id} 的规则；现有规则：{ids}',
    en: 'no rule has the id or name {id}; the rules are: {ids}',
  },
  missingArgument: { zh: '缺少参数 <{name}>', en: 'the argument <{name}> is missing' },
  optionMissingArgument: { zh: '选项 {option} 缺少取值', en: 'the option {option} needs a value' },
  missingMandatoryOption: { zh: '缺少必需的选项 {option}', en: 'the option {option} is required' },
  unknownOption: { zh: '不认识的选项 {option}', en: 'unknown option {option}' },
  unknownCommand: {
    zh: '不认识的命令 {command}；可用的命令：{commands}',
    en: 'unknown command {command}; the commands are: {commands}',
  },
  excessArguments: {
    zh: '参数太多：{command} 只接受 {expected} 个参数，实际给了 {got} 个',
    en: 'too many arguments: {command} takes {expected}, was given {got}',
  },
  invalidChoice: {
    zh: '选项 {option} 的取值 {value} 无效，可选：{choices}',
    en: 'the option {option} does not take {value}; the choices are {choices}',
  },
  didYouMean: { zh: '（是否想输入 {suggestion}？）', en: ' (did you mean {suggestion}?)' },
  seeHelp: { zh: '。用法见 {help}', en: '. See {help}' },
  helpInputs: {
    zh: `可读取的输入（validate、build、import、convert 都能读取）：
  .xlsx .xlsm .xls .et .ods   工作簿：report template 生成的模板（按定义名称读取），或按官方表格手工制作的（按栏目读取）
  .json                       报告模型（report schema 输出其 JSON Schema）
  .html .htm .txt .docx .pdf  已发布的报告：网页、网页复制的文本、Word、PDF
  -                           标准输入（最多 20 MB）

每个命令都接受的选项：
  --lang zh|en      提示语言（默认 zh；也可用环境变量 REPORT_LANG 或配置文件的 lang）
  --config FILE     配置文件（默认：当前文件夹的 report.config.json）
  --no-color        不用颜色（也可设 NO_COLOR=1）
  --debug           内部错误时显示调用栈

各命令的选项：report <命令> --help`,
    en: `Inputs (validate, build, import and convert read them all):
  .xlsx .xlsm .xls .et .ods   workbooks: made by report template (read by defined names), or laid out like the official tables by hand (read by labels)
  .json                       the report model (report schema prints its JSON Schema)
  .html .htm .txt .docx .pdf  published reports: web pages, text copied from them, Word, PDF
  -                           standard input (up to 20 MB)

Options every command takes:
  --lang zh|en      language of messages (default zh; also REPORT_LANG or the config's lang)
  --config FILE     config file (default: report.config.json in the working folder)
  --no-color        no colours (also NO_COLOR=1)
  --debug           stack traces of internal errors

Each command's options: report <command> --help`,
  },
  rulesHeader: { zh: '编号  名称  默认级别  说明', en: 'id  name  severity  description' },
  severityError: { zh: '错误', en: 'error' },
  severityWarning: { zh: '警告', en: 'warning' },
} satisfies Record<string, LocalizedText>;

export type CliMessageId = keyof typeof messages;

/** A message in the user's language. The params (files, agencies, options as typed) are made inert, so no input can
 * act on the terminal through a message; the templates are ours and keep their lines. */
export function say(lang: Lang, id: CliMessageId, params: Record<string, string | number> = {}): string {
  const shown: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) shown[name] = typeof value === 'string' ? inert(value) : value;
  return fillTemplate(messages[id][lang], shown);
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
