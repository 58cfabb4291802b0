// What a file is, when it is not a kind `report` reads: said by name, so that a reviewer knows what to do with it — an
// image, an archive, an OFD, a presentation — instead of hearing that it is a damaged workbook. Decided by the
// extension before a byte is read (a folder's 1 GB video is never loaded), and for a nameless input (standard input)
// by the signature of an image.

export interface UnsupportedKind {
  zh: string;
  en: string;
  /** What to do instead, as a clause that follows the kind. */
  adviceZh: string;
  adviceEn: string;
}

const IMAGES = ['.png', '.jpg', '.jpeg', '.gif', '.bmp', '.tif', '.tiff', '.webp', '.heic'];
const ARCHIVES = ['.zip', '.rar', '.7z', '.gz', '.tgz', '.tar', '.bz2', '.xz'];
const PRESENTATIONS = ['.ppt', '.pptx', '.dps', '.odp'];

function kindOf(extension: string): UnsupportedKind {
  const named = (zh: string, en: string, adviceZh: string, adviceEn: string) => ({
    zh: `${zh}（${extension}）`,
    en: `${en} (${extension})`,
    adviceZh,
    adviceEn,
  });
  if (IMAGES.includes(extension))
    return named(
      '图片',
      'an image',
      '：图片中的表格无法读取，请找到报告的网页、Word 或 PDF 版本',
      ': tables in an image cannot be read; find the report as a web page, a Word file or a PDF',
    );
  if (ARCHIVES.includes(extension))
    return named(
      '压缩包',
      'an archive',
      '：请先解压，再转换其中的文件',
      ': unpack it first, then convert what it holds',
    );
  if (extension === '.ofd')
    return named(
      '版式文件 OFD',
      'an OFD document',
      '：请在 OFD 阅读器中另存为 PDF 后再读取',
      ': save it as a PDF in an OFD reader and read that',
    );
  if (PRESENTATIONS.includes(extension)) return named('演示文稿', 'a presentation', '，不是报告', ', not a report');
  if (extension === '.csv')
    return named(
      'CSV 表格',
      'a CSV table',
      '：请在 Excel 或 WPS 中另存为 .xlsx 后再读取',
      ': save it as .xlsx in Excel or WPS and read that',
    );
  return {
    zh: `扩展名为 ${extension} 的文件`,
    en: `a ${extension} file`,
    adviceZh: '，不是 report 能读取的格式',
    adviceEn: ', not a kind report reads',
  };
}

/** The kind of a file named with an extension no reader takes; undefined when one does. */
export function unsupportedKind(extension: string, readable: readonly string[]): UnsupportedKind | undefined {
  if (extension === '' || readable.includes(extension)) return undefined;
  return kindOf(extension);
}

/** An image by its first bytes (PNG, JPEG, GIF, WebP), for an input without a name. */
export function imageBySignature(buffer: Uint8Array): UnsupportedKind | undefined {
  const starts = (...bytes: number[]) => bytes.every((byte, i) => buffer[i] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return kindOf('.png');
  if (starts(0xff, 0xd8, 0xff)) return kindOf('.jpg');
  if (starts(0x47, 0x49, 0x46, 0x38)) return kindOf('.gif');
  if (starts(0x52, 0x49, 0x46, 0x46) && buffer[8] === 0x57 && buffer[9] === 0x45) return kindOf('.webp');
  return undefined;
}
