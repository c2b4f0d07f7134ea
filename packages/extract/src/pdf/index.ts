/** Tables from born-digital PDFs (pdfjs-dist): glyphs, rulings, lattice and stream detection. */
import type { ExtractedDocument, SourceDocument } from '../model.ts';
import type { OcrOptions } from '../ocr/engine-choice.ts';
import { garbageRatio } from '../ocr/needs-ocr.ts';
import { tablesFromContents } from './build-tables.ts';
import { openPdf } from './document.ts';
import { readAllPages, threadsFor } from './parallel-pages.ts';
import type { PageContent } from './types.ts';

export interface PdfOptions {
  /** How pages without a usable text layer are read (engine, language data, workers, progress). */
  ocr?: OcrOptions;
  /** Threads that read pages (the main thread included); default: all cores for documents long enough to gain. */
  threads?: number;
}

/** A page whose text layer may not hold what it shows: the OCR path draws it and decides. */
function mayNeedOcr(content: PageContent): boolean {
  return content.glyphs.length < 20 || garbageRatio(content.glyphs) >= 0.3;
}

/** Extract every table and all text lines of a PDF; throws DocumentError(file, reason) on bad input. */
export async function extractPdf(
  source: SourceDocument,
  bytes: Uint8Array,
  options: PdfOptions = {},
): Promise<ExtractedDocument> {
  const pdf = await openPdf(source.path, bytes);
  let contents: PageContent[];
  try {
    contents = await readAllPages(pdf, source.path, bytes, threadsFor(pdf.pages, options.threads));
  } finally {
    await pdf.close();
  }
  // Born-digital documents never load the renderer or the recognizer; the rest go through the OCR path,
  // which re-reads the text layer, draws only the doubtful pages and OCRs only those that need it.
  if (options.ocr?.force || contents.some(mayNeedOcr)) {
    return (await import('../ocr/ocr-pdf.ts')).ocrPdf(source, bytes, options.ocr);
  }
  const { text, tables } = tablesFromContents(contents);
  return { source: { ...source, pages: pdf.pages }, text, tables, warnings: [] };
}
