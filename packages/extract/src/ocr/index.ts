/** Tables from scanned pages and images (tesseract.js or the native CLI, offline). */
import { availableParallelism } from 'node:os';
import type { ExtractedDocument, SourceDocument } from '../model.ts';
import type { PageContent } from '../pdf/types.ts';
import { decodeImage } from './decode-image.ts';
import { mapLimit, type OcrOptions, ocrSession } from './engine-choice.ts';
import { ocrImage, type ScoredBox } from './ocr-page.ts';
import { rereadPlan, tablesOfContents } from './ocr-pdf.ts';
import { scaleDocumentBoxes } from './pixel-boxes.ts';
import { preparedImages } from './prepared-images.ts';
import { OcrSetupError } from './tessdata.ts';

export type { OcrEngine } from './engine.ts';
export { createTesseractCliEngine, createTesseractJsEngine } from './engine.ts';
export { type OcrOptions, type OcrProgress, ocrSession } from './engine-choice.ts';
export { type OcrVerdict, pageNeedsOcr } from './needs-ocr.ts';
export { ocrPdf, rereadPlan, substituteOcrPages } from './ocr-pdf.ts';
export { finishOcrTable } from './ocr-tables.ts';
export { openPdfRaster } from './render.ts';
export { OcrSetupError };

/** Extract every table of an image file (PNG, JPEG, TIFF; every TIFF page); boxes are in image pixels. */
export async function extractImage(
  source: SourceDocument,
  bytes: Uint8Array,
  options: OcrOptions = {},
): Promise<ExtractedDocument> {
  const pages = await decodeImage(source.path, source.mediaType, bytes);
  const session = ocrSession(options);
  const contents: PageContent[] = [];
  const words = new Map<number, ScoredBox[]>();
  const prepared = preparedImages(async (page) => pages[page - 1]!.image);
  const warnings: string[] = [];
  let done = 0;
  try {
    const numbered = pages.map((p, i) => ({ ...p, page: i + 1 }));
    await mapLimit(numbered, options.workers ?? availableParallelism(), async ({ image, dpi, page }) => {
      try {
        const result = await ocrImage(page, image, dpi, await session.engine());
        contents[page - 1] = result.content;
        words.set(page, result.words);
        prepared.geometry.set(page, { dpi, skew: result.skew, rulings: result.rulings });
        prepared.keep(page, result.prepared);
      } catch (error) {
        if (error instanceof OcrSetupError) throw error;
        warnings.push(`page ${page}: OCR failed (${String((error as Error)?.message ?? error).split('\n')[0]})`);
        contents[page - 1] = { page, width: 0, height: 0, rotation: 0, glyphs: [], segments: [] };
      } finally {
        done += 1;
        options.onProgress?.({ done, total: pages.length, page });
      }
    });
    const plan = rereadPlan(options, session, prepared);
    const { text, tables } = await tablesOfContents(contents, words, plan);
    // The pipeline works in points; image provenance is in pixels (model.ts), so scale back by each page's DPI.
    const doc: ExtractedDocument = { source: { ...source, pages: pages.length }, text, tables, warnings };
    return scaleDocumentBoxes(
      doc,
      pages.map((p) => p.dpi / 72),
    );
  } finally {
    await session.close();
  }
}
