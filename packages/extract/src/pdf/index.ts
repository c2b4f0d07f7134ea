/** Tables from born-digital PDFs (pdfjs-dist): glyphs, rulings, lattice and stream detection. */
import type { ExtractedDocument, SourceDocument } from '../model.ts';
import type { OcrOptions } from '../ocr/engine-choice.ts';
import { garbageRatio } from '../ocr/needs-ocr.ts';
import { tablesFromContents } from './build-tables.ts';
import { openPdf } from './document.ts';
import { readAndBuild, threadsFor } from './parallel-pages.ts';
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

type Built = ReturnType<typeof tablesFromContents> | { error: unknown };

/** Tables of the pages, or the error building them (which only matters when no page needs OCR). */
function buildTables(contents: readonly PageContent[]): Built {
  try {
    return tablesFromContents(contents);
  } catch (error) {
    return { error };
  }
}

/** Extract every table and all text lines of a PDF; throws DocumentError(file, reason) on bad input. */
export async function extractPdf(
  source: SourceDocument,
  bytes: Uint8Array,
  options: PdfOptions = {},
): Promise<ExtractedDocument> {
  const pdf = await openPdf(source.path, bytes);
  let read: { contents: PageContent[]; built: Built | undefined };
  try {
    // Tables are built while pages are still being read (the build waits for each page); a document that
    // turns out to need OCR drops them, which costs little next to the OCR itself.
    const force = options.ocr?.force === true;
    read = await readAndBuild(pdf, source.path, bytes, threadsFor(pdf.pages, options.threads), (contents) =>
      force ? undefined : buildTables(contents),
    );
  } finally {
    await pdf.close();
  }
  // Documents whose pages all carry a full text layer never load the renderer or the recognizer. Doubtful pages
  // (few or garbled glyphs) are checked on their own first: a cover or blank page must not send a born-digital
  // document down the OCR path. Documents with a page that needs OCR go through it whole: it re-reads the text
  // layer, draws only the doubtful pages and OCRs only those that need it.
  const { built } = read;
  const doubtful = read.contents.filter(mayNeedOcr);
  if (built === undefined || doubtful.length > 0) {
    const ocr = await import('../ocr/ocr-pdf.ts');
    if (built === undefined || 'error' in built || (await ocr.somePageNeedsOcr(source, bytes, doubtful))) {
      return ocr.ocrPdf(source, bytes, options.ocr);
    }
  }
  if ('error' in built) throw built.error;
  const { text, tables } = built;
  return { source: { ...source, pages: pdf.pages }, text, tables, warnings: [] };
}
