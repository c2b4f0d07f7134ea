/** Page contents → the document's tables and text lines: per-page analysis, then tables merged across pages. */
import type { ExtractedTable, TextLine } from '../model.ts';
import { mergeContinuations } from './continuation.ts';
import { FurnitureDetector } from './furniture.ts';
import { analysePage } from './page-tables.ts';
import type { PageContent, PageTable } from './types.ts';

/** Tables and text lines of upright page contents (index = page − 1), as extractPdf returns them. */
export function tablesFromContents(contents: readonly PageContent[]): { text: TextLine[]; tables: ExtractedTable[] } {
  const text: TextLine[] = [];
  const perPage: PageTable[][] = [];
  const furniture = new FurnitureDetector();
  for (const content of contents) {
    const result = analysePage(content, furniture, text.length + 1);
    text.push(...result.text);
    perPage.push(result.tables);
  }
  const tables = mergeContinuations(perPage).map(
    (t, i): ExtractedTable => ({
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
    }),
  );
  return { text, tables };
}
