// A whole batch in its output folder: the folder's lock and journal, every input converted (runConvert), the PDFs
// LibreOffice prints of the DOCX files, then summary.json, index.html and rules.html written part by part, and the
// journal compacted. The command line gives it the inputs, the settings and where jobs run (its sandbox); what could
// not be done comes back as a BatchRefused with a message id the command line words.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang } from '../diagnostics/diagnostic';
import { convertDocxToPdf, OfficeFailed } from '../office/office-pdf';
import type { RenderFormat } from '../output/render-outputs';
import { writeFileAtomic, writeFileAtomicParts } from '../output/write-atomic.node';
import { BatchJournal } from './batch-journal';
import { FolderLocked, lockFolder } from './batch-lock';
import { runFingerprint } from './fingerprint';
import { indexPage } from './index-page';
import { type PackInfo, scoreBatch } from './pack-score';
import { renderRulesPage } from './rules-html';
import { type ConvertOptions, type ConvertSummary, runConvert } from './run-convert';
import { SUMMARY_FILE, summaryJson } from './summary-file';

/** Why a batch could not run or keep its summary, as the command line's message id and params. */
export class BatchRefused extends Error {
  constructor(
    readonly messageId: 'outputLocked' | 'outputFailed' | 'pdfFailed' | 'diskFullSummary',
    readonly params: Record<string, string | number>,
  ) {
    super(messageId);
  }
}

/** What a report's outputs are made of; `pdf` is LibreOffice's print of the DOCX, made after the batch. */
export type BatchFormat = RenderFormat | 'pdf';

export interface BatchOptions
  extends Omit<ConvertOptions, 'formats' | 'fingerprint' | 'journal' | 'outDir' | 'generator'> {
  formats: readonly BatchFormat[];
  toolVersion: string;
  /** LibreOffice, found by the command line when PDFs are asked for. */
  office?: string;
  /** Called once every input is done, before the PDFs and the summary: the sandbox closes, the progress line clears. */
  afterInputs?: () => Promise<void>;
  /** Folders of the inputs that could not be walked, kept in summary.json. */
  skipped?: ConvertSummary['skipped'];
  /** The rule pack of `--pack`: named in the summary; when it scores, each report used is scored and ranked. */
  pack?: PackInfo;
}

export async function runBatch(
  files: readonly string[],
  outDir: string,
  options: BatchOptions,
): Promise<ConvertSummary> {
  const { formats, toolVersion, office, afterInputs, skipped, pack, ...convert } = options;
  const generator = `report ${toolVersion}`;
  const rendered = [...new Set(formats.map((format): RenderFormat => (format === 'pdf' ? 'docx' : format)))];
  const settings = {
    formats: rendered,
    lenient: convert.lenient,
    rules: convert.rules,
    ...(convert.bodyKind ? { bodyKind: convert.bodyKind } : {}),
    docxStyle: convert.docxStyle,
    generator,
    ...(convert.thresholds ? { thresholds: convert.thresholds } : {}),
    ...(convert.date ? { date: convert.date } : {}),
  };
  // The formats asked for, PDF included, make the outputs current or not.
  const fingerprint = runFingerprint({ ...settings, formats: [...formats] });
  const unlock = lock(outDir);
  const journal = BatchJournal.open(outDir, fingerprint);
  try {
    const summary = await runConvert(files, { ...convert, ...settings, outDir, fingerprint, journal });
    await afterInputs?.();
    if (office) addPdfs(office, summary, outDir, formats.includes('docx'));
    if (skipped?.length) summary.skipped = skipped;
    if (pack) {
      summary.pack = pack;
      // After the versions are chosen and the cross-year findings counted: the report used, with all it was found.
      if (pack.scoring) summary.ranking = scoreBatch(summary.records, pack.scoring);
    }
    writeSummaries(summary, outDir, convert.lang, toolVersion);
    journal.compact(summary.entries(), fingerprint);
    return summary;
  } finally {
    journal.close();
    unlock();
  }
}

/** The folder's lock, or why it cannot be had (another run holds it). */
function lock(outDir: string): () => void {
  try {
    return lockFolder(outDir);
  } catch (error) {
    if (error instanceof FolderLocked) throw new BatchRefused('outputLocked', { dir: outDir, pid: error.pid });
    throw new BatchRefused('outputFailed', {
      file: outDir,
      detail: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/** Each DOCX of the batch printed to PDF beside it (the DOCX removed when only the PDF was asked for). */
function addPdfs(office: string, summary: ConvertSummary, outDir: string, keepDocx: boolean): void {
  const docx = new Map<string, string>();
  for (const record of summary.records) {
    if (record.upToDate) continue;
    for (const output of record.outputs) if (output.endsWith('.docx')) docx.set(output, resolve(outDir, output));
  }
  if (docx.size === 0) return;
  let pdfs: Map<string, Buffer>;
  try {
    pdfs = convertDocxToPdf(office, docx);
  } catch (error) {
    if (error instanceof OfficeFailed) throw new BatchRefused('pdfFailed', { detail: error.message });
    throw error;
  }
  for (const record of summary.records) {
    record.outputs = record.outputs.flatMap((output) => {
      const pdf = pdfs.get(output);
      if (!pdf) return [output];
      const pdfName = output.replace(/\.docx$/, '.pdf');
      writeFileAtomic(resolve(outDir, pdfName), pdf);
      if (keepDocx) return [output, pdfName];
      rmSync(resolve(outDir, output), { force: true });
      return [pdfName];
    });
  }
}

/** summary.json, index.html and rules.html, each written part by part through a temporary name. */
function writeSummaries(summary: ConvertSummary, outDir: string, lang: Lang, toolVersion: string): void {
  const generator = `report ${toolVersion}`;
  const files: [string, () => Iterable<string>][] = [
    [SUMMARY_FILE, () => summaryJson(summary, toolVersion)],
    ['index.html', () => indexPage(summary, lang, generator)],
    ['rules.html', () => [renderRulesPage(lang, generator)]],
  ];
  for (const [name, parts] of files) {
    const path = resolve(outDir, name);
    try {
      writeFileAtomicParts(path, parts());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new BatchRefused('diskFullSummary', { file: path });
      throw new BatchRefused('outputFailed', { file: path, detail: code });
    }
  }
}
