/** Tables from born-digital PDFs (pdfjs-dist): glyphs, rulings, lattice and stream detection. */
import type { ExtractedDocument, ExtractedTable, SourceDocument, TextLine } from '../model.ts';
import { mergeContinuations } from './continuation.ts';
import { openPdf } from './document.ts';
import { FurnitureDetector } from './furniture.ts';
import { analysePage } from './page-tables.ts';
import type { PageTable } from './types.ts';

/** Extract every table and all text lines of a PDF; throws DocumentError(file, reason) on bad input. */
export async function extractPdf(source: SourceDocument, bytes: Uint8Array): Promise<ExtractedDocument> {
  const pdf = await openPdf(source.path, bytes);
  const text: TextLine[] = [];
  const perPage: PageTable[][] = [];
  const furniture = new FurnitureDetector();
  try {
    for (let p = 1; p <= pdf.pages; p++) {
      const content = await pdf.readPage(p);
      const result = analysePage(content, furniture, text.length + 1);
      text.push(...result.text);
      perPage.push(result.tables);
    }
  } finally {
    await pdf.close();
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
