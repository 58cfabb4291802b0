// PDF through LibreOffice: the DOCX converted by `soffice --headless`, each run with its own profile folder so
// parallel runs (and a LibreOffice the user has open) do not collide. The profile gives the PDF what a 公文 needs:
// the official faces' stand-ins where they are missing, tags, the document's language and bookmarks.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { endOfficeRun, officeWorkFolder } from './office-work-folder';

/** The LibreOffice program: $REPORT_SOFFICE, else `soffice` or `libreoffice` on PATH; undefined when none is. */
export function findOffice(): string | undefined {
  const given = process.env.REPORT_SOFFICE;
  if (given) return isExecutable(given) ? given : undefined;
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['soffice', 'libreoffice']) {
      const candidate = join(directory, name);
      if (directory && isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class OfficeFailed extends Error {}

/**
 * The faces a 公文 names (GB/T 9704: 仿宋 for the text, 黑体 and 楷体 for headings, 小标宋 for the title, 宋体 for page
 * numbers) and, for each, what may stand in for it where it is not installed, best first: the same design under
 * another name, then a face of the same kind that Debian packages (fonts-noto-cjk, fonts-arphic-ukai).
 */
export const OFFICIAL_FACES: Readonly<Record<string, readonly string[]>> = {
  仿宋_GB2312: ['仿宋', 'FangSong', 'Noto Serif CJK SC', 'AR PL UMing CN'],
  楷体_GB2312: ['楷体', 'KaiTi', 'AR PL UKai CN', 'Noto Serif CJK SC'],
  黑体: ['SimHei', 'Noto Sans CJK SC', 'WenQuanYi Zen Hei'],
  宋体: ['SimSun', 'Noto Serif CJK SC', 'AR PL UMing CN'],
  方正小标宋简体: ['方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC SemiBold', 'Noto Serif CJK SC'],
};

/** An official face that is not installed, and the face LibreOffice is told to use in its place (none found: undefined). */
export interface FaceStandIn {
  official: string;
  used: string | undefined;
}

/** Every family name fontconfig knows (each font's names in all its languages); undefined without fontconfig. */
function installedFaces(): ReadonlySet<string> | undefined {
  const listed = spawnSync('fc-list', [':', 'family'], { encoding: 'utf8', timeout: 20_000 });
  if (listed.status !== 0 || typeof listed.stdout !== 'string') return undefined;
  return new Set(listed.stdout.split(/[\n,]/).map((name) => name.replace(/\\/g, '').trim()));
}

let standIns: { known: boolean; faces: FaceStandIn[] } | undefined;

/**
 * The official faces this machine lacks and what the PDF uses for each. Where fontconfig cannot say what is
 * installed, `known` is false and LibreOffice is left to replace a face only when it finds it missing itself.
 */
export function faceStandIns(only?: readonly string[]): { known: boolean; faces: FaceStandIn[] } {
  if (!standIns) {
    const installed = installedFaces();
    const faces = Object.entries(OFFICIAL_FACES)
      .filter(([official]) => !installed?.has(official))
      .map(([official, candidates]) => ({
        official,
        used: installed ? candidates.find((name) => installed.has(name)) : candidates[0],
      }));
    standIns = { known: installed !== undefined, faces };
  }
  return only ? { ...standIns, faces: standIns.faces.filter((face) => only.includes(face.official)) } : standIns;
}

const xmlAttribute = (text: string) =>
  text.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch] ?? ch);

/**
 * The private profile's settings: the PDF tagged (its structure, the document's language) with the headings as
 * bookmarks, and LibreOffice's replacement table mapping each missing official face to its stand-in — always where
 * fontconfig says it is missing (LibreOffice would otherwise take fontconfig's nearest face, a sans, for all of them).
 */
export function profileSettings(faces: { known: boolean; faces: readonly FaceStandIn[] }): string {
  const prop = (name: string, value: string) =>
    `<prop oor:name="${name}" oor:op="fuse"><value>${xmlAttribute(value)}</value></prop>`;
  const pdf = (name: string, value: string) =>
    `<item oor:path="/org.openoffice.Office.Common/Filter/PDF/Export">${prop(name, value)}</item>`;
  const pairs = faces.faces
    .filter((face) => face.used !== undefined)
    .map(
      (face, index) =>
        `<item oor:path="/org.openoffice.Office.Common/Font/Substitution/FontPairs"><node oor:name="_${index}" oor:op="replace">${prop('Always', String(faces.known))}${prop('OnScreenOnly', 'false')}${prop('ReplaceFont', face.official)}${prop('SubstituteFont', face.used as string)}</node></item>`,
    );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    pdf('UseTaggedPDF', 'true'),
    pdf('ExportBookmarks', 'true'),
    pdf('OpenBookmarkLevels', '-1'),
    `<item oor:path="/org.openoffice.Office.Common/Font/Substitution">${prop('Replacement', String(pairs.length > 0))}</item>`,
    ...pairs,
    '</oor:items>',
    '',
  ].join('\n');
}

/**
 * PDFs of DOCX files, converted in one LibreOffice run in a private temporary folder: `docx` maps a name to the file
 * to convert; the result maps the same name to the PDF's bytes. Nothing is written next to the inputs.
 */
export function convertDocxToPdf(office: string, docx: ReadonlyMap<string, string>): Map<string, Buffer> {
  const work = officeWorkFolder('report-pdf-');
  try {
    const inputs: string[] = [];
    let index = 0;
    for (const path of docx.values()) {
      // Plain ASCII names inside the folder: LibreOffice takes any name, but the PDF must be found again by it.
      const input = join(work, `${index++}.docx`);
      copyFileSync(path, input);
      inputs.push(input);
    }
    const profile = join(work, 'profile');
    mkdirSync(join(profile, 'user'), { recursive: true });
    writeFileSync(join(profile, 'user', 'registrymodifications.xcu'), profileSettings(faceStandIns()));
    const result = spawnSync(
      office,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...inputs,
      ],
      { encoding: 'utf8', timeout: 120_000 + 10_000 * inputs.length },
    );
    const pdfs = new Map<string, Buffer>();
    [...docx.keys()].forEach((name, position) => {
      const pdf = join(work, `${basename(inputs[position] as string, '.docx')}.pdf`);
      if (!existsSync(pdf)) {
        const detail = result.error?.message ?? (result.stderr || result.stdout || `exit ${result.status}`).trim();
        throw new OfficeFailed(detail);
      }
      pdfs.set(name, readFileSync(pdf));
    });
    return pdfs;
  } finally {
    endOfficeRun(work);
  }
}
