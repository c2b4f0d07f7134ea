/**
 * PDFs with scanned pages: each page's text layer is read as for born-digital PDFs; pages that need OCR
 * (needs-ocr.ts) are rendered and recognised on the engine's worker pool, and their PageContent replaces the
 * text layer's. Tables are then built by the born-digital pipeline (tablesFromContents) and OCR'd tables finished
 * (confidence, code clean-up, arithmetic repair). One failing page becomes a warning naming it.
 */
import { availableParallelism } from 'node:os';
import type { ExtractedDocument, ExtractedTable, SourceDocument, TextLine } from '../model.ts';
import { tablesFromContents } from '../pdf/build-tables.ts';
import { openPdf } from '../pdf/document.ts';
import type { PageContent } from '../pdf/types.ts';
import { DEFAULT_DPI, mapLimit, type OcrOptions, type OcrSession, ocrSession, SCAN_DPI } from './engine-choice.ts';
import { hasPoppler, withPoppler } from './native-render.ts';
import { type OcrVerdict, pageNeedsOcr } from './needs-ocr.ts';
import { ocrImage, type ScoredBox } from './ocr-page.ts';
import { finishOcrTable, type Reread } from './ocr-tables.ts';
import { type PreparedImages, preparedImages } from './prepared-images.ts';
import { openPathSummaries, openPdfRaster, type PdfRaster } from './render.ts';
import type { PageSource } from './reread.ts';
import { OcrSetupError } from './tessdata.ts';

const EMPTY = (page: number): PageContent => ({ page, width: 0, height: 0, rotation: 0, glyphs: [], segments: [] });

/** Page contents with the pages that need OCR replaced by their OCR'd content. */
export interface OcrSubstitution {
  contents: PageContent[];
  /** Recognised words (points) of each OCR'd page, for cell confidence. */
  words: Map<number, ScoredBox[]>;
  /** How each OCR'd page was prepared, and its prepared image, for re-reading cells. */
  pages: PreparedImages;
  warnings: string[];
}

/** Decide which pages need OCR and recognise them; `contents` are the text-layer contents (index = page − 1). */
export async function substituteOcrPages(
  raster: PdfRaster,
  contents: readonly (PageContent | undefined)[],
  session: OcrSession,
  options: OcrOptions = {},
): Promise<OcrSubstitution> {
  const out = contents.map((c, i) => c ?? EMPTY(i + 1));
  const warnings: string[] = [];
  const todo: { page: number; reason: string; scanDpi?: number }[] = [];
  for (const [i, content] of out.entries()) {
    const page = i + 1;
    if (options.force || !contents[i]) {
      todo.push({ page, reason: contents[i] ? 'OCR forced' : 'text layer unreadable' });
      continue;
    }
    const verdict = await pageNeedsOcr(content, raster).catch(
      (error: Error): OcrVerdict => ({ needed: false, reason: error.message }),
    );
    // What the check decoded (a scan's image) is not kept across the whole document: memory stays flat.
    await raster.release(page).catch(() => undefined);
    if (verdict.needed) todo.push({ page, reason: verdict.reason, scanDpi: verdict.scanDpi });
  }
  const words = new Map<number, ScoredBox[]>();
  const draw = (page: number, dpi: number) =>
    raster.render(page, dpi).finally(() => raster.release(page).catch(() => undefined));
  const pages = preparedImages(draw);
  let done = 0;
  // One page more than the pool can run, so rendering the next page overlaps recognition.
  const limit = (options.workers ?? availableParallelism()) + 1;
  await mapLimit(todo, limit, async ({ page, reason, scanDpi }) => {
    const dpi = options.dpi ?? (scanDpi ? SCAN_DPI : DEFAULT_DPI);
    try {
      const image = await draw(page, dpi);
      const result = await ocrImage(page, image, dpi, await session.engine());
      out[page - 1] = result.content;
      words.set(page, result.words);
      pages.geometry.set(page, { dpi, skew: result.skew, rulings: result.rulings });
      pages.keep(page, result.prepared);
      const skew = Math.abs(result.skew) >= 0.05 ? `, straightened ${result.skew}°` : '';
      warnings.push(`page ${page}: OCR at ${dpi} DPI (${reason}${skew})`);
    } catch (error) {
      if (error instanceof OcrSetupError) throw error;
      warnings.push(`page ${page}: OCR failed (${String((error as Error)?.message ?? error).split('\n')[0]})`);
    } finally {
      done += 1;
      options.onProgress?.({ done, total: todo.length, page });
    }
  });
  warnings.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  return { contents: out, words, pages, warnings };
}

/** Tables of upright page contents, as extractPdf builds them, with OCR'd tables finished. */
export async function tablesOfContents(
  contents: readonly PageContent[],
  ocrWords: ReadonlyMap<number, readonly ScoredBox[]>,
  reread?: Reread,
): Promise<{ text: TextLine[]; tables: ExtractedTable[] }> {
  const { text, tables: built } = tablesFromContents(contents);
  const tables: ExtractedTable[] = [];
  for (const table of built) {
    const fromOcr = table.cells.some((c) => ocrWords.has(c.provenance.page ?? 0));
    tables.push(fromOcr ? await finishOcrTable(table, ocrWords, reread) : table);
  }
  return { text, tables };
}

/** The re-read plan for a document, or undefined when re-reading is off. */
export function rereadPlan(options: OcrOptions, session: OcrSession, pages: PageSource): Reread | undefined {
  const mode = options.reread ?? 'unproven';
  if (mode === 'none') return undefined;
  return { mode, engine: session.engine, pages };
}

/**
 * A raster for the OCR check and OCR itself. With Poppler here, pages are drawn by pdftoppm (libjpeg decodes a
 * scan several times faster than pdf.js's JavaScript), and the check learns a page's images from pdfimages
 * instead of decoding them at all. Without it, pdf.js does both.
 */
async function checkingRaster(file: string, bytes: Uint8Array): Promise<PdfRaster> {
  const drawn = await openPdfRaster(file, bytes);
  const render = hasPoppler('pdftoppm');
  if (!hasPoppler('pdfimages')) return render ? withPoppler(file, bytes, drawn, { render }) : drawn;
  const paths = await openPathSummaries(file, bytes).catch(async (error) => {
    await drawn.close();
    throw error;
  });
  return withPoppler(file, bytes, drawn, { render, paths });
}

/**
 * True when any of the given pages (read from the text layer) needs OCR. Lets a born-digital document with a
 * short or blank page (a cover, a page left empty) keep its text-layer tables without the whole OCR path.
 */
export async function somePageNeedsOcr(
  source: SourceDocument,
  bytes: Uint8Array,
  pages: readonly PageContent[],
): Promise<boolean> {
  const raster = await checkingRaster(source.path, bytes);
  try {
    for (const content of pages) {
      const verdict = await pageNeedsOcr(content, raster).catch(() => ({ needed: true }));
      await raster.release(content.page).catch(() => undefined);
      if (verdict.needed) return true;
    }
    return false;
  } finally {
    await raster.close();
  }
}

/** Extract a PDF whose pages may be scanned: born-digital pages from their text, the others by OCR. */
export async function ocrPdf(
  source: SourceDocument,
  bytes: Uint8Array,
  options: OcrOptions = {},
): Promise<ExtractedDocument> {
  const pdf = await openPdf(source.path, bytes);
  const raster = await checkingRaster(source.path, bytes).catch(async (error) => {
    await pdf.close();
    throw error;
  });
  const session = ocrSession(options);
  try {
    const contents: (PageContent | undefined)[] = [];
    const readWarnings: string[] = [];
    for (let p = 1; p <= pdf.pages; p++) {
      contents.push(
        await pdf.readPage(p).catch((error: Error) => {
          readWarnings.push(error.message);
          return undefined;
        }),
      );
    }
    const ocr = await substituteOcrPages(raster, contents, session, options);
    const plan = rereadPlan(options, session, ocr.pages);
    const { text, tables } = await tablesOfContents(ocr.contents, ocr.words, plan);
    return {
      source: { ...source, pages: pdf.pages },
      text,
      tables,
      warnings: [...readWarnings, ...ocr.warnings],
    };
  } finally {
    await session.close();
    await raster.close();
    await pdf.close();
  }
}
