/** Tables from born-digital PDFs (pdfjs-dist): glyphs, rulings, lattice and stream detection. */
import type { ExtractedDocument, ExtractedTable, SourceDocument, TextLine } from '../model.ts';
import type { OcrOptions } from '../ocr/engine-choice.ts';
import { garbageRatio } from '../ocr/needs-ocr.ts';
import { mergeContinuations } from './continuation.ts';
import { openPdf } from './document.ts';
import { FurnitureDetector } from './furniture.ts';
import { analysePage } from './page-tables.ts';
import type { PageContent, PageTable } from './types.ts';

export interface PdfOptions {
  /** How pages without a usable text layer are read (engine, language data, workers, progress). */
  ocr?: OcrOptions;
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
  const contents: PageContent[] = [];
  try {
    for (let p = 1; p <= pdf.pages; p++) contents.push(await pdf.readPage(p));
  } finally {
    await pdf.close();
  }
  // Born-digital documents never load the renderer or the recognizer; the rest go through the OCR path,
  // which re-reads the text layer, draws only the doubtful pages and OCRs only those that need it.
  if (options.ocr?.force || contents.some(mayNeedOcr)) {
    return (await import('../ocr/ocr-pdf.ts')).ocrPdf(source, bytes, options.ocr);
  }
  const text: TextLine[] = [];
  const perPage: PageTable[][] = [];
  const furniture = new FurnitureDetector();
  for (const content of contents) {
    const result = analysePage(content, furniture, text.length + 1);
    text.push(...result.text);
    perPage.push(result.tables);
  }
  const tables: ExtractedTable[] = mergeContinuations(perPage).map((t, i) => ({
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
  }));
  return { source: { ...source, pages: pdf.pages }, text, tables, warnings: [] };
}
