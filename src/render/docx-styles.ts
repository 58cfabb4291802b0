// The two DOCX looks: `gbt9704` after GB/T 9704-2012 (党政机关公文格式) and `plain`, the official Word template's 宋体.

export type DocxStyleName = 'gbt9704' | 'plain';

interface Font {
  /** East Asian typeface (the Chinese text). */
  eastAsia: string;
  /** Latin typeface (digits and letters). */
  latin: string;
  /** Size in points. */
  size: number;
  bold?: boolean;
}

export interface DocxStyle {
  /** Page margins in millimetres. */
  margins: { top: number; right: number; bottom: number; left: number };
  title: Font;
  body: Font;
  heading1: Font;
  heading2: Font;
  table: Font;
  /** Page numbers: `outside` puts them right on odd and left on even pages (GB/T 9704 7.5). */
  pageNumber: Font & { format: (n: string) => [string, string]; alignment: 'outside' | 'center' };
  /** Exact line spacing of body text in points; undefined for the program's single spacing. */
  lineSpacing?: number;
  /** First-line indent in characters of body text. */
  indentChars: number;
  /** How far the 落款's date stands from the right margin, in characters of body text. */
  signatureIndentChars: number;
  /**
   * Characters a line of body text holds, the type area's width shared among them (GB/T 9704 5.2.2: 28): the body's
   * characters set that much closer. Undefined: as many as the font size gives.
   */
  charactersPerLine?: number;
  /**
   * Millimetres from the type area's lower edge down to the page number's line (GB/T 9704 7.5: 一字线上距版心下边缘
   * 7 mm). Undefined: the footer halfway down the bottom margin, as Word places it.
   */
  pageNumberGap?: number;
}

const FANGSONG = '仿宋_GB2312';
const ROMAN = 'Times New Roman';

export const docxStyles: Readonly<Record<DocxStyleName, DocxStyle>> = {
  gbt9704: {
    // GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm, and a 156 × 225 mm type area on A4.
    margins: { top: 37, right: 26, bottom: 35, left: 28 },
    title: { eastAsia: '方正小标宋简体', latin: ROMAN, size: 22 }, // 二号
    body: { eastAsia: FANGSONG, latin: ROMAN, size: 16 }, // 三号
    heading1: { eastAsia: '黑体', latin: ROMAN, size: 16 },
    heading2: { eastAsia: '楷体_GB2312', latin: ROMAN, size: 16 },
    // 10 pt, as the official template's tables: 五号 (10.5 pt) leaves the fifteen short labels of 三 no room.
    table: { eastAsia: FANGSONG, latin: ROMAN, size: 10 },
    pageNumber: { eastAsia: '宋体', latin: '宋体', size: 14, format: (n) => [`— ${n}`, ' —'], alignment: 'outside' }, // 四号
    lineSpacing: 28,
    indentChars: 2,
    signatureIndentChars: 4, // 成文日期右空四字
    charactersPerLine: 28, // 一般每面排 22 行，每行排 28 个字
    pageNumberGap: 7,
  },
  plain: {
    // Word's default page: 2.54 cm top and bottom, 3.18 cm left and right.
    margins: { top: 25.4, right: 31.8, bottom: 25.4, left: 31.8 },
    title: { eastAsia: '宋体', latin: ROMAN, size: 18, bold: true },
    body: { eastAsia: '宋体', latin: ROMAN, size: 12 },
    heading1: { eastAsia: '宋体', latin: ROMAN, size: 12, bold: true },
    heading2: { eastAsia: '宋体', latin: ROMAN, size: 12, bold: true },
    table: { eastAsia: '宋体', latin: ROMAN, size: 9 },
    pageNumber: { eastAsia: '宋体', latin: ROMAN, size: 10.5, format: (n) => [n, ''], alignment: 'center' },
    indentChars: 2,
    signatureIndentChars: 2,
  },
};

/** The East Asian faces a style names, each once: what a PDF of it needs. */
export function styleFaces(style: DocxStyle): string[] {
  return [
    ...new Set(
      [style.title, style.body, style.heading1, style.heading2, style.table, style.pageNumber].map((f) => f.eastAsia),
    ),
  ];
}
