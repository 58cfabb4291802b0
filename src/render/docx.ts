// Writes the DOCX (the only docx import). The docx library builds the package of each style once — content types,
// styles with Chinese font slots and language, settings, fonts, footers with page numbers, section properties — and
// every report reuses it: its body is serialised from the document tree by docx-body.ts and zipped with the package.
import {
  AlignmentType,
  Document,
  Footer,
  type IRunOptions,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import type { ReportDocument } from './document-tree';
import { type BodyLook, documentBody, type ParagraphRole } from './docx-body';
import { type DocxStyle, type DocxStyleName, docxStyles } from './docx-styles';
import { readZip, writeZip, type ZipEntry, zipEntry } from './zip';

const A4 = { width: 11906, height: 16838 }; // twips
const twipsPerMm = 1440 / 25.4;
const mm = (value: number) => Math.round(value * twipsPerMm);
/** Pinned, so the same input gives the same bytes (docx stamps the clock into docProps/core.xml). */
const FIXED_TIMESTAMP = '2021-09-26T00:00:00Z';
const BODY_PLACEHOLDER = 'REPORT-BODY-PLACEHOLDER';
/** Latin text in English, Chinese text in Chinese: Word and LibreOffice pick Chinese faces, never a Japanese one. */
const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;
/** The document's own language, which a PDF states (LibreOffice takes it from the default of Western text). */
const DOCUMENT_LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' } as const;
const CELL_PADDING = 80; // twips, left + right: two millimetres in all, as narrow as a printed table goes

type Font = DocxStyle['body'];

const runStyle = (font: Font, extra: { bold?: boolean; color?: string; characterSpacing?: number } = {}) => ({
  font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin },
  size: Math.round(font.size * 2),
  language: LANGUAGE,
  ...(font.bold || extra.bold ? { bold: true } : {}),
  ...(extra.color ? { color: extra.color } : {}),
  ...(extra.characterSpacing ? { characterSpacing: extra.characterSpacing } : {}),
});

/** The roles set in body text's size, whose lines hold the style's characters per line. */
const BODY_TEXT_ROLES: ReadonlySet<ParagraphRole> = new Set(['Body', 'Heading1', 'Heading2', 'Signature', 'Notice']);

/**
 * Twips added after each character of body text so that a line holds `charactersPerLine` of them: GB/T 9704's 28
 * characters of 三号 (16 pt) take 448 pt, and its type area is 156 mm (442 pt) wide. Set in the runs' style, as Word
 * and LibreOffice both read it; a document grid does the same in Word, but LibreOffice sets 16-point characters in a
 * grid of 15.8-point cells two cells apiece.
 */
export function characterSpacing(style: DocxStyle, textWidth: number): number {
  if (!style.charactersPerLine) return 0;
  return Math.min(0, Math.floor(textWidth / style.charactersPerLine - style.body.size * 20));
}

/** What each paragraph style of the body sets its runs in. */
function roleFonts(style: DocxStyle): Record<ParagraphRole, Font> {
  return {
    Title: style.title,
    Notice: { ...style.body, bold: true },
    Body: style.body,
    Heading1: style.heading1,
    Heading2: style.heading2,
    TableText: style.table,
    TableHeader: { ...style.table, bold: true },
    TableFigure: style.table,
    Signature: style.body,
  };
}

/** The run properties a body run repeats: the font slots and the language, as its style has them. */
const runProperties = (font: Font) =>
  `<w:rPr><w:rFonts w:ascii="${font.latin}" w:hAnsi="${font.latin}" w:eastAsia="${font.eastAsia}" w:hint="eastAsia"/><w:lang w:val="${LANGUAGE.value}" w:eastAsia="${LANGUAGE.eastAsia}"/></w:rPr>`;

interface Package {
  look: BodyLook;
  /** Every entry of the package but the two each report writes, compressed once; in the package's order. */
  entries: readonly ZipEntry[];
  /** word/document.xml around the body. */
  documentHead: string;
  documentTail: string;
}

const packages = new Map<DocxStyleName, Promise<Package>>();

export async function renderDocx(
  document: ReportDocument,
  styleName: DocxStyleName,
  generator: string,
): Promise<Uint8Array> {
  let built = packages.get(styleName);
  if (!built) {
    built = buildPackage(styleName);
    packages.set(styleName, built);
  }
  const pkg = await built;
  const documentXml = pkg.documentHead + documentBody(document, pkg.look) + pkg.documentTail;
  return writeZip(
    pkg.entries.map((entry) =>
      entry.name === 'word/document.xml'
        ? zipEntry(entry.name, documentXml)
        : entry.name === 'docProps/core.xml'
          ? zipEntry(entry.name, coreProperties(document.title, generator))
          : entry,
    ),
  );
}

async function buildPackage(styleName: DocxStyleName): Promise<Package> {
  const style = docxStyles[styleName];
  const textWidth = A4.width - mm(style.margins.left) - mm(style.margins.right);
  const fonts = roleFonts(style);
  const spacing = style.lineSpacing ? { line: style.lineSpacing * 20, lineRule: LineRuleType.EXACT } : {};
  const indent = { firstLineChars: style.indentChars * 100, firstLine: style.indentChars * style.body.size * 20 };
  const table = { spacing: { line: 240, lineRule: LineRuleType.AUTO } };
  // A paragraph's last line never alone at the top of a page, nor its first at the foot.
  const text = { widowControl: true };
  const heading = { alignment: AlignmentType.JUSTIFIED, spacing, indent, keepNext: true, ...text };
  const condensed = characterSpacing(style, textWidth);
  const paragraphStyle = (id: ParagraphRole, paragraph: Record<string, unknown>, basedOn?: ParagraphRole) => ({
    id,
    name: id,
    ...(basedOn ? { basedOn } : {}),
    quickFormat: true,
    run: runStyle(fonts[id], {
      ...(id === 'Notice' ? { color: 'C00000' } : {}),
      ...(BODY_TEXT_ROLES.has(id) ? { characterSpacing: condensed } : {}),
    }),
    paragraph,
  });
  const pageNumber = (alignment: 'left' | 'right' | 'center') => {
    const [before, after] = style.pageNumber.format('#');
    const font = style.pageNumber;
    const run: IRunOptions = {
      children: [before.replace('#', ''), PageNumber.CURRENT, after],
      font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin },
      size: Math.round(font.size * 2),
      language: LANGUAGE,
    };
    // GB/T 9704 7.5: 单页码居右空一字，双页码居左空一字.
    const oneCharacter = Math.round(font.size * 20);
    return new Footer({
      children: [
        new Paragraph({
          // One line exactly as high as the number's size, so the footer's distance places the line itself.
          ...(style.pageNumberGap !== undefined
            ? { spacing: { line: oneCharacter, lineRule: LineRuleType.EXACT, before: 0, after: 0 } }
            : {}),
          alignment:
            alignment === 'left'
              ? AlignmentType.LEFT
              : alignment === 'right'
                ? AlignmentType.RIGHT
                : AlignmentType.CENTER,
          ...(alignment === 'center' ? {} : { indent: { [alignment]: oneCharacter } }),
          children: [new TextRun(run)],
        }),
      ],
    });
  };
  const mirrored = style.pageNumber.alignment === 'outside';
  const doc = new Document({
    creator: 'report',
    lastModifiedBy: 'report',
    evenAndOddHeaderAndFooters: mirrored,
    styles: {
      default: { document: { run: { ...runStyle(style.body), language: DOCUMENT_LANGUAGE } } },
      paragraphStyles: [
        paragraphStyle('Title', {
          alignment: AlignmentType.CENTER,
          spacing: { ...spacing, after: style.lineSpacing ? style.lineSpacing * 20 : 240 },
        }),
        paragraphStyle('Notice', { alignment: AlignmentType.CENTER, spacing }),
        paragraphStyle('Body', { alignment: AlignmentType.JUSTIFIED, spacing, indent, ...text }),
        // A heading never ends a page: it stays with what follows. Its outline level makes it a bookmark of the PDF
        // and a heading of its tags.
        paragraphStyle('Heading1', { ...heading, outlineLevel: 0 }),
        paragraphStyle('Heading2', { ...heading, outlineLevel: 1 }),
        paragraphStyle('TableText', table),
        paragraphStyle('TableHeader', { alignment: AlignmentType.CENTER }, 'TableText'),
        paragraphStyle('TableFigure', { alignment: AlignmentType.CENTER }, 'TableText'),
        paragraphStyle('Signature', { spacing, ...text }),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: A4,
            margin: {
              top: mm(style.margins.top),
              right: mm(style.margins.right),
              bottom: mm(style.margins.bottom),
              left: mm(style.margins.left),
              footer:
                style.pageNumberGap === undefined
                  ? mm(style.margins.bottom / 2)
                  : // The number's line, exactly its size high, centred on the gap's end: its dashes are there.
                    mm(style.margins.bottom - style.pageNumberGap) - Math.round(style.pageNumber.size * 10),
            },
          },
        },
        footers: mirrored
          ? { default: pageNumber('right'), even: pageNumber('left') }
          : { default: pageNumber('center') },
        children: [new Paragraph({ children: [new TextRun(BODY_PLACEHOLDER)] })],
      },
    ],
  });
  // As a Uint8Array, not a Buffer: the same call in Node and in the browser.
  const parts = readZip(await Packer.pack(doc, 'uint8array'));
  const documentPart = parts.find((part) => part.name === 'word/document.xml')?.content;
  const documentXml = documentPart ? new TextDecoder().decode(documentPart) : '';
  const at = documentXml.indexOf(BODY_PLACEHOLDER);
  const start = Math.max(documentXml.lastIndexOf('<w:p>', at), documentXml.lastIndexOf('<w:p ', at));
  const end = documentXml.indexOf('</w:p>', at) + '</w:p>'.length;
  if (at < 0 || start < 0) throw new Error('docx package: the body placeholder is missing');
  const look: BodyLook = {
    textWidth,
    titleSize: style.title.size,
    bodySize: style.body.size,
    tableSize: style.table.size,
    cellPadding: CELL_PADDING,
    runProperties: Object.fromEntries(
      Object.entries(fonts).map(([role, font]) => [role, runProperties(font)]),
    ) as Record<ParagraphRole, string>,
    signatureIndentChars: style.signatureIndentChars,
  };
  return {
    look,
    entries: parts.map((part) => zipEntry(part.name, part.content)),
    documentHead: documentXml.slice(0, start),
    documentTail: documentXml.slice(end),
  };
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&"']/g,
    (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[ch] ?? ch,
  );

function coreProperties(title: string, generator: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeXml(title)}</dc:title><dc:description>${escapeXml(generator)}</dc:description><dc:creator>report</dc:creator><cp:lastModifiedBy>report</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_TIMESTAMP}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_TIMESTAMP}</dcterms:modified></cp:coreProperties>`;
}
