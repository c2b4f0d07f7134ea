/**
 * PDFs with scanned pages: each page's text layer is read as for born-digital PDFs; pages that need OCR
 * (needs-ocr.ts) are rendered and recognised on the engine's worker pool, and their PageContent replaces the
 * text layer's. Tables are then built by the born-digital pipeline (analysePage) and OCR'd tables finished
 * (confidence, code clean-up, arithmetic repair). One failing page becomes a warning naming it.
 */
import { availableParallelism } from 'node:os';
import type { ExtractedDocument, ExtractedTable, SourceDocument, TextLine } from '../model.ts';
import { mergeContinuations } from '../pdf/continuation.ts';
import { openPdf } from '../pdf/document.ts';
import { FurnitureDetector } from '../pdf/furniture.ts';
import { analysePage } from '../pdf/page-tables.ts';
import type { PageContent, PageTable } from '../pdf/types.ts';
import { DEFAULT_DPI, engineFor, mapLimit, type OcrOptions } from './engine-choice.ts';
import { type OcrVerdict, pageNeedsOcr } from './needs-ocr.ts';
import { ocrImage, type ScoredBox } from './ocr-page.ts';
import { finishOcrTable } from './ocr-tables.ts';
import { openPdfRaster, type PdfRaster } from './render.ts';

const EMPTY = (page: number): PageContent => ({ page, width: 0, height: 0, rotation: 0, glyphs: [], segments: [] });

/** Page contents with the pages that need OCR replaced by their OCR'd content. */
export interface OcrSubstitution {
  contents: PageContent[];
  /** Recognised words (points) of each OCR'd page, for cell confidence. */
  words: Map<number, ScoredBox[]>;
  warnings: string[];
}

/** Decide which pages need OCR and recognise them; `contents` are the text-layer contents (index = page − 1). */
export async function substituteOcrPages(
  raster: PdfRaster,
  contents: readonly (PageContent | undefined)[],
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
      (error: Error): OcrVerdict => ({
        needed: false,
        reason: error.message,
      }),
    );
    if (verdict.needed) todo.push({ page, reason: verdict.reason, scanDpi: verdict.scanDpi });
  }
  const words = new Map<number, ScoredBox[]>();
  if (todo.length === 0) return { contents: out, words, warnings };
  const { engine, owned } = await engineFor(options);
  let done = 0;
  try {
    // One page more than the pool can run, so rendering the next page overlaps recognition.
    const limit = (options.workers ?? availableParallelism()) + 1;
    await mapLimit(todo, limit, async ({ page, reason, scanDpi }) => {
      // A scan is read at its own resolution (within reason); vector pages at the default.
      const dpi = options.dpi ?? (scanDpi ? Math.min(400, Math.max(150, scanDpi)) : DEFAULT_DPI);
      try {
        const image = await raster.render(page, dpi);
        const result = await ocrImage(page, image, dpi, engine);
        out[page - 1] = result.content;
        words.set(page, result.words);
        const skew = Math.abs(result.skew) >= 0.05 ? `, straightened ${result.skew}°` : '';
        warnings.push(`page ${page}: OCR at ${dpi} DPI (${reason}${skew})`);
      } catch (error) {
        warnings.push(`page ${page}: OCR failed (${String((error as Error)?.message ?? error).split('\n')[0]})`);
      } finally {
        done += 1;
        options.onProgress?.({ done, total: todo.length, page });
      }
    });
  } finally {
    if (owned) await engine.close();
  }
  warnings.sort((a, b) => Number(/\d+/.exec(a)?.[0]) - Number(/\d+/.exec(b)?.[0]));
  return { contents: out, words, warnings };
}

/** Tables of upright page contents, as extractPdf builds them, with OCR'd tables finished. */
export function tablesOfContents(
  contents: readonly PageContent[],
  ocrWords: ReadonlyMap<number, readonly ScoredBox[]>,
): { text: TextLine[]; tables: ExtractedTable[] } {
  const text: TextLine[] = [];
  const perPage: PageTable[][] = [];
  const furniture = new FurnitureDetector();
  for (const content of contents) {
    const result = analysePage(content, furniture, text.length + 1);
    text.push(...result.text);
    perPage.push(result.tables);
  }
  const tables = mergeContinuations(perPage).map((t, i): ExtractedTable => {
    const table: ExtractedTable = {
      id: `t${String(i + 1).padStart(2, '0')}`,
      pages: [t.page, t.lastPage],
      box: t.box,
      ...(t.title ? { title: t.title } : {}),
      caption: t.caption,
      headerRows: t.headerRows,
      nRows: t.nRows,
      nCols: t.nCols,
      cells: t.cells,
      layout: t.layout ?? { kind: 'grid' },
      confidence: t.method === 'pdf-lattice' ? 1 : 0.8,
      method: t.method,
      warnings: t.repeatedHeaderPages.length
        ? [`repeated header dropped on page ${t.repeatedHeaderPages.join(', ')}`]
        : [],
    };
    const fromOcr = t.cells.some((c) => ocrWords.has(c.provenance.page ?? 0));
    return fromOcr ? finishOcrTable(table, ocrWords) : table;
  });
  return { text, tables };
}

/** Extract a PDF whose pages may be scanned: born-digital pages from their text, the others by OCR. */
export async function ocrPdf(
  source: SourceDocument,
  bytes: Uint8Array,
  options: OcrOptions = {},
): Promise<ExtractedDocument> {
  const pdf = await openPdf(source.path, bytes);
  const raster = await openPdfRaster(source.path, bytes).catch(async (error) => {
    await pdf.close();
    throw error;
  });
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
    const ocr = await substituteOcrPages(raster, contents, options);
    const { text, tables } = tablesOfContents(ocr.contents, ocr.words);
    return {
      source: { ...source, pages: pdf.pages },
      text,
      tables,
      warnings: [...readWarnings, ...ocr.warnings],
    };
  } finally {
    await raster.close();
    await pdf.close();
  }
}
