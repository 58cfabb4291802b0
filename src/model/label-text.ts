// Label matching that survives how published reports spell labels: brackets of either width, 1、 for 1., spaces
// inside labels, quotes, Traditional characters, and explanations added in brackets.

// Traditional forms of the characters the official labels use (the labels are short; this is all they need).
const TRADITIONAL: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ['總', '总'],
    ['計', '计'],
    ['結', '结'],
    ['轉', '转'],
    ['請', '请'],
    ['數', '数'],
    ['處', '处'],
    ['開', '开'],
    ['議', '议'],
    ['訴', '诉'],
    ['訟', '讼'],
    ['審', '审'],
    ['維', '维'],
    ['糾', '纠'],
    ['機', '机'],
    ['構', '构'],
    ['業', '业'],
    ['織', '织'],
    ['體', '体'],
    ['況', '况'],
    ['關', '关'],
    ['係', '系'],
    ['為', '为'],
    ['於', '于'],
    ['項', '项'],
    ['規', '规'],
    ['範', '范'],
    ['許', '许'],
    ['強', '强'],
    ['製', '制'],
    ['發', '发'],
    ['廢', '废'],
    ['現', '现'],
    ['決', '决'],
    ['費', '费'],
    ['額', '额'],
    ['萬', '万'],
    ['務', '务'],
    ['補', '补'],
    ['複', '复'],
    ['復', '复'],
    ['確', '确'],
    ['認', '认'],
    ['獲', '获'],
    ['辦', '办'],
    ['理', '理'],
    ['予', '予'],
    ['護', '护'],
    ['權', '权'],
    ['屬', '属'],
    ['國', '国'],
    ['秘', '秘'],
    ['其', '其'],
    ['他', '他'],
    ['禁', '禁'],
    ['危', '危'],
    ['險', '险'],
    ['穩', '稳'],
    ['內', '内'],
    ['資', '资'],
    ['訊', '讯'],
    ['類', '类'],
    ['過', '过'],
    ['執', '执'],
    ['卷', '卷'],
    ['詢', '询'],
    ['掌', '掌'],
    ['另', '另'],
    ['舊', '旧'],
    ['仍', '仍'],
    ['確', '确'],
    ['訪', '访'],
    ['舉', '举'],
    ['報', '报'],
    ['訴', '诉'],
    ['訴', '诉'],
    ['複', '复'],
    ['出', '出'],
    ['版', '版'],
    ['無', '无'],
    ['當', '当'],
    ['據', '据'],
    ['量', '量'],
    ['反', '反'],
    ['則', '则'],
    ['確', '确'],
    ['獲', '获'],
    ['逾', '逾'],
    ['繳', '缴'],
    ['納', '纳'],
    ['通', '通'],
    ['單', '单'],
    ['位', '位'],
    ['稅', '税'],
    ['採', '采'],
    ['購', '购'],
    ['團', '团'],
    ['體', '体'],
    ['會', '会'],
    ['務', '务'],
    ['種', '种'],
    ['應', '应'],
    ['學', '学'],
    ['術', '术'],
    ['讀', '读'],
    ['歸', '归'],
    ['檔', '档'],
    ['義', '义'],
    ['張', '张'],
    ['勾', '勾'],
    ['稽', '稽'],
    ['層', '层'],
    ['號', '号'],
    ['試', '试'],
    ['動', '动'],
    ['問', '问'],
    ['題', '题'],
    ['進', '进'],
    ['條', '条'],
    ['對', '对'],
    ['減', '减'],
    ['罰', '罚'],
    ['區', '区'],
    ['這', '这'],
    ['沒', '没'],
    ['後', '后'],
    ['繼', '继'],
    ['續', '续'],
    ['經', '经'],
    ['組', '组'],
  ].filter(([from, to]) => from !== to),
);

/**
 * Normalised labels, kept: a published report compares each of its lines with every official label, so the same few
 * hundred strings were normalised again and again (the most time of our own code in a PDF import). Bounded, since the
 * texts come from an input; long texts are paragraphs, not labels, and are not kept.
 */
const normalisedLabels = new Map<string, string>();
const MAX_NORMALISED_LABELS = 20_000;
const MAX_KEPT_LABEL_LENGTH = 200;

/** The comparable form of a label: NFKC (full-width → ASCII), no blanks or quotes, 1、→1., Simplified characters. */
export function normaliseLabel(text: string): string {
  if (text.length > MAX_KEPT_LABEL_LENGTH) {
    // A long text is compared with every official label in turn: the last one is kept, or a cell of 160,000
    // characters is normalised some hundred times (8 s for a 190 KB page).
    if (text !== lastLong.text) lastLong = { text, normalised: normalise(text) };
    return lastLong.normalised;
  }
  let normalised = normalisedLabels.get(text);
  if (normalised === undefined) {
    normalised = normalise(text);
    if (normalisedLabels.size < MAX_NORMALISED_LABELS) normalisedLabels.set(text, normalised);
  }
  return normalised;
}
let lastLong = { text: '', normalised: '' };

/**
 * The comparable form but for Traditional characters, for text shown as printed (an agency's name). It is as long as
 * the normalised form, character for character: that form only maps Traditional characters one to one.
 */
export function normaliseSpelling(text: string): string {
  let s = text.normalize('NFKC');
  s = s.replace(/[\s\u3000\u00a0\u200b]+/g, '');
  s = s.replace(/[“”"「」『』‘’']/g, '');
  s = s.replace(/、/g, (_, offset: number, whole: string) => (/\d/.test(whole[offset - 1] ?? '') ? '.' : '、'));
  s = s.replace(/[：]/g, ':').replace(/[，]/g, ',');
  // (1) and 1) number items like 1.
  s = s.replace(/^\((\d+)\)|^(\d+)\)/, (_, a: string | undefined, b: string | undefined) => `${a ?? b}.`);
  // Between clauses reports write 、 or ， or , or nothing (其他法律、行政法规禁止公开): none of them tells labels apart.
  // A 、 right after a leading numeral (三、) is numbering and stays; commas inside a number (1,234) stay too.
  s = s.replace(/(?<!^[一二三四五六七八九十]+)、|(?<!\d),|,(?!\d)/g, '');
  return s;
}

function normalise(text: string): string {
  return [...normaliseSpelling(text)].map((ch) => TRADITIONAL[ch] ?? ch).join('');
}

/**
 * Chinese numbering as reports number their sections and items, the one place it is spelled: a numeral (一 … 十, 十一),
 * a section's number (三、) and an item's in brackets, full-width or not (（三）, (3)).
 */
export const CHINESE_NUMERAL = '[一二三四五六七八九十]';
export const SECTION_NUMBER = `${CHINESE_NUMERAL}+、`;
export const BRACKETED_NUMBER = `[（(]${CHINESE_NUMERAL}+[）)]`;
/** What a row's label starts with: 一、, （一）, （1）, 1. and their variants. */
export const ROW_NUMBERING = new RegExp(`^(${SECTION_NUMBER}|[（(][一二三四五六七八九十\\d]+[）)]|\\d+[.、．)])`);
/** A sub-heading standing alone: （四）政府信息公开平台建设, 二、依申请公开. */
export const NUMBERED_HEADING = new RegExp(`^(?:${BRACKETED_NUMBER}|${SECTION_NUMBER})[^。！？；!?;]{0,24}$`);
const LABEL_NUMBER = new RegExp(`^(\\(${CHINESE_NUMERAL}+\\)|${SECTION_NUMBER}|\\d+[.)])`);

/** The numbering a normalised label starts with ((三), 1., 三、), or '' for none. */
export function labelNumber(normalised: string): string {
  return LABEL_NUMBER.exec(normalised)?.[0] ?? '';
}

/** The label without its leading numbering (（三）, 1., 三、) and without a bracketed explanation at its end. */
export function coreLabel(normalised: string): string {
  // The explanation may be cut where a copy wrapped the label (（二）部分公开（区分处理的，只计这一情形，不计 / 其他情形）).
  return normalised.slice(labelNumber(normalised).length).replace(/\([^()]*\)?$/, '');
}

/**
 * Whether a cell's text is this label, whole: equal once spelling is normalised, or equal in its core (numbering and a
 * bracketed explanation set aside) with no other number than the label's. A fragment never matches — a wrapped
 * `2.其他…` is not the row `3.其他` — and neither does a label with more words after it.
 */
export function labelMatches(cellText: string, label: { zh: string; variants?: readonly string[] }): boolean {
  const cell = normaliseLabel(cellText);
  if (cell === '') return false;
  const cellNumber = labelNumber(cell);
  const cellCore = coreLabel(cell);
  for (const candidate of [label.zh, ...(label.variants ?? [])]) {
    const wanted = normaliseLabel(candidate);
    if (cell === wanted) return true;
    const wantedCore = coreLabel(wanted);
    if (wantedCore === '' || cellCore !== wantedCore) continue;
    // A number the label does not have, or another one, names another row (（七）总计 is not the column 总计).
    if (cellNumber === '' || cellNumber === labelNumber(wanted)) return true;
  }
  return false;
}
