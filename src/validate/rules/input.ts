// `input`: what the readers find in cells while reading (text in number cells, full-width digits, formulas without values).
import { MAX_AMOUNT, MAX_COUNT } from '../../schema/limits';
import { defineRule } from '../rule';

export const inputRule = defineRule({
  id: 'input',
  name: 'cell-input',
  severity: 'error',
  description: {
    zh: '单元格内容能读成数字：文字、占位符、无结果的公式为错误；全角数字等可纠正的写法给出警告',
    en: 'Cells read as numbers: text, placeholders and formulas without a value are errors; fixable spellings (full-width digits) warn',
  },
  details: {
    zh: '数字可以作为文本输入，前后或中间的空格会被忽略。全角数字（如“１２”）按半角读取并给出警告。“12件”“一”等文字是错误；“—”“/”“无”在检查本年报告时是错误（没有的请填 0），在转换往年报告时按 0 读取并警告。公式必须有计算结果：请在 Excel、WPS 或 LibreOffice 中打开并保存一次。',
    en: 'Numbers may be typed as text; blanks around or inside them are ignored. Full-width digits (１２) are read as ASCII with a warning. Text such as 12件 or 一 is an error; —, / and 无 are errors when checking a current report (write 0) and read as 0 with a warning when converting past years. A formula needs a saved result: open and save the workbook once in Excel, WPS or LibreOffice.',
  },
  messages: {
    notANumber: { zh: '{label}（{at}）应填数字，实际为“{text}”', en: '{label} ({at}) should be a number, is "{text}"' },
    placeholder: {
      zh: '{label}（{at}）填写了“{text}”：没有的请填 0',
      en: '{label} ({at}) says "{text}": write 0 if there were none',
    },
    placeholderAsZero: {
      zh: '{label}（{at}）“{text}”按 0 读取',
      en: '{label} ({at}) "{text}" read as 0',
    },
    fullWidthDigits: {
      zh: '{label}（{at}）的全角数字“{text}”已按 {value} 读取，请改为半角数字',
      en: '{label} ({at}) full-width digits "{text}" read as {value}; please type ASCII digits',
    },
    unitDropped: {
      zh: '{label}（{at}）“{text}”带有单位，按 {value} 读取',
      en: '{label} ({at}) "{text}" states its unit: read as {value}',
    },
    wordSign: { zh: '{label}（{at}）“{text}”已按 {value} 读取', en: '{label} ({at}) "{text}" read as {value}' },
    yuanConverted: {
      zh: '{label}（{at}）“{text}”以元为单位，已换算为 {value} 万元',
      en: '{label} ({at}) "{text}" is in yuan: converted to {value} (10,000 yuan)',
    },
    formulaNoValue: {
      zh: '{label}（{at}）是公式 ={formula}，但文件中没有保存计算结果：请在 Excel/WPS 中打开并保存，或直接填数字',
      en: '{label} ({at}) is the formula ={formula} with no saved result: open and save the workbook in Excel/WPS, or type the number',
    },
    beyondLimit: {
      zh: `{label}（{at}）“{text}”超出任何报告可能的范围（数量不超过 ${MAX_COUNT}，金额不超过 ${MAX_AMOUNT} 万元），未读取：请核对`,
      en: `{label} ({at}) "{text}" is beyond any real report (counts up to ${MAX_COUNT}, amounts up to ${MAX_AMOUNT} (10,000 yuan)): not read; check it`,
    },
    dateCell: {
      zh: '{label}（{at}）是日期格式的单元格（显示为 {text}），不是数量：请把单元格格式改为“常规”或“数值”，再填写数字',
      en: '{label} ({at}) is a cell formatted as a date (it shows {text}), not a count: set its format to General or Number and type the figure',
    },
    formulaValue: {
      zh: '{label}（{at}）是公式 ={formula}，已按文件中保存的计算结果 {value} 读取：请确认结果是最新的，或直接填数字',
      en: '{label} ({at}) is the formula ={formula}: read as its saved result {value}; make sure it is current, or type the number',
    },
    sheetClipped: {
      zh: '工作表“{sheet}”的内容超出读取范围：只读取了前 {rows} 行、前 {columns} 列（每个工作表最多 {limit} 格），其后的内容未读取',
      en: 'the sheet "{sheet}" holds more than is read: only its first {rows} rows and {columns} columns were read (at most {limit} cells a sheet)',
    },
    nameMissing: {
      zh: '{label}：工作簿中缺少定义名称 {name}，无法定位该格',
      en: '{label}: the workbook lacks the defined name {name}, so the cell cannot be found',
    },
    notText: { zh: '{label}（{at}）应为文字', en: '{label} ({at}) should be text' },
    blankAsZero: { zh: '{label}（{at}）为空白，按 0 读取', en: '{label} ({at}) is blank: read as 0' },
    notFound: {
      zh: '{label}：报告中找不到这个数字，未填写（不作推测）',
      en: '{label}: the report does not give this figure; left out (never guessed)',
    },
    rowNotFound: {
      zh: '{label}：{count} 个数字未找到，未填写（不作推测）',
      en: '{label}: {count} figures not found; left out (never guessed)',
    },
    figuresNotFound: {
      zh: '{label}：{relatedColumns}共 {count} 个数字未找到，未填写（不作推测）',
      en: '{label}: {count} figures not found ({relatedColumns}); left out (never guessed)',
    },
    unplacedLabel: {
      zh: '表格中的“{text}”（{at}）不是 {edition} 年版格式的栏目，已忽略',
      en: '"{text}" ({at}) is not a label of the {edition} edition: ignored',
    },
    blankTotal: {
      zh: '{label}（{at}）为空白，而同一行的分项不全为 0：该总计没有印出，未填写（不按 0 读取）',
      en: '{label} ({at}) is blank beside parts that are not all 0: the total was not printed; left out (not read as 0)',
    },
    blankTable: {
      zh: '{label}：表格中没有填写任何数字（空白表格），所有数字均未填写',
      en: '{label}: the table holds no figure at all (a blank form): every figure left out',
    },
    unitStated: {
      zh: '{label}（{at}）“{text}”带有单位，按 {value} 万元读取',
      en: '{label} ({at}) "{text}" states its unit: read as {value} (10,000 yuan)',
    },
    unplacedRow: {
      zh: '“{text}”（{at}）一行的数字“{values}”无法与栏目一一对应，未填写',
      en: 'the figures "{values}" of the row "{text}" ({at}) cannot be matched to its columns: left out',
    },
    unplacedRowSum: {
      zh: '“{text}”（{at}）一行的数字“{values}”分项之和不等于总计，在看不出栏目位置的文本中无法确定各数字所在栏目，未填写',
      en: 'the figures "{values}" of the row "{text}" ({at}) do not add up to their total, and the copy kept no column positions: left out',
    },
    unplacedRowHeader: {
      zh: '“{text}”（{at}）一行的数字“{values}”与表头的栏目对不上，无法确定各数字所在栏目，未填写',
      en: 'the figures "{values}" of the row "{text}" ({at}) do not stand under the columns of the table header: left out',
    },
    columnsAssumed: {
      zh: '表格（{at}）没有表头，各数字按官方格式的栏目顺序读取，请核对',
      en: 'the table ({at}) prints no header: its figures were read in the columns of the official format, please check',
    },
    unknownColumn: {
      zh: '表头“{text}”不是本表的栏目，其下的数字未读取',
      en: 'the header "{text}" is no column of this table: the figures under it were not read',
    },
    embeddedDisagrees: {
      zh: '网页中嵌入的 JSON 与网页上显示的表格不一致，已按网页显示的内容读取',
      en: 'the JSON embedded in the page disagrees with the tables the page shows: read by what the page shows',
    },
    signatureMissing: {
      zh: '报告末尾没有落款（机关名称和成文日期）',
      en: 'the report ends without a sign-off (落款: the agency and the date)',
    },
    signatureUndated: {
      zh: '报告末尾的落款没有日期',
      en: 'the sign-off (落款) closing the report is not dated',
    },
    sectionNumbering: {
      zh: '章节“{line}”的序号应为“{numeral}、”：格式规定的六个部分依次编为一至六',
      en: 'the section "{line}" should be numbered {numeral}、: the format numbers its six parts 一 to 六',
    },
    sectionOrder: {
      zh: '六个部分的顺序为 {order}，应依次为一、二、三、四、五、六',
      en: 'the parts come in the order {order}; the format orders them 一 to 六',
    },
    subtopicAsSection: {
      zh: '“{line}”是“一、总体情况”中的一项，应编为（一）（二）…，而不是与六个部分同级的“{numeral}、”',
      en: '"{line}" is a topic of 一 (overview), to be numbered （一）（二）…, not {numeral}、 like the six parts',
    },
    editionGuessed: {
      zh: '表格中没有能区分格式版本的栏目，按报告年度取 {edition} 年版',
      en: 'no label tells the edition: the {edition} edition was taken from the report year',
    },
    agencyFromText: {
      zh: '标题中没有机关名称，按正文取“{agency}”，请核对',
      en: 'the title names no agency; "{agency}" was taken from the text: please check',
    },
    agencyFromPageTitle: {
      zh: '正文标题中没有机关名称，按网页标题取“{agency}”，请核对',
      en: 'the heading names no agency; "{agency}" was taken from the page title: please check',
    },
    agencyFromPageMeta: {
      zh: '正文标题中没有机关名称，按网页的发布信息（ArticleTitle、ContentSource）取“{agency}”，请核对',
      en: 'the heading names no agency; "{agency}" was taken from the page\'s publishing data (ArticleTitle, ContentSource): please check',
    },
    agencyFromSignature: {
      zh: '标题中没有机关名称，按落款取“{agency}”，请核对',
      en: 'the title names no agency; "{agency}" was taken from the sign-off (落款): please check',
    },
    agencyFromFileName: {
      zh: '标题中没有机关名称，按文件名取“{agency}”，请核对',
      en: 'the title names no agency; "{agency}" was taken from the file name: please check',
    },
    agencyNotFound: { zh: '找不到机关名称', en: 'the agency cannot be found' },
    yearFromText: {
      zh: '标题中没有报告年度，按正文中最常出现的年份取 {year}，请核对',
      en: 'the title names no year; {year}, the year the text names most, was taken: please check',
    },
    yearFromFileName: {
      zh: '标题中没有报告年度，按文件名取 {year}，请核对',
      en: 'the title names no year; {year} was taken from the file name: please check',
    },
    yearNotFound: { zh: '找不到报告年度', en: 'the report year cannot be found' },
    previousMismatch: {
      zh: '上年报告 {previousFile} 是“{previousAgency}”{previousYear} 年度的报告，而本报告是“{agency}”{year} 年度的报告：不是同一机关的上一年度，跨年度规则（{rules}）未检查',
      en: 'the previous report {previousFile} is of "{previousAgency}" for {previousYear}, this one of "{agency}" for {year}: not the same body\'s year before, so the cross-year rules ({rules}) were not checked',
    },
    previousUnknown: {
      zh: '无法确定上年报告 {previousFile} 是否为本报告的上一年度（报告年度或格式版本缺失），跨年度规则（{rules}）未检查',
      en: 'the previous report {previousFile} cannot be told to be the year before this one (a report year or the edition is missing), so the cross-year rules ({rules}) were not checked',
    },
  },
});
