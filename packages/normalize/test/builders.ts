/** Small builders: ExtractedTables and documents from rows of strings, as a text extractor would give them. */
import type { Cell, ExtractedDocument, ExtractedTable, TextLine } from '@ledgerlift/extract';

export interface TableOptions {
  id?: string;
  title?: string;
  caption?: string[];
  headerRows: number;
  /** 1-based line of the first row; row i is printed on line firstLine + i. */
  firstLine?: number;
  layout?: ExtractedTable['layout'];
  /** Spans as `row:col` → [rowspan, colspan]. */
  spans?: Record<string, [number, number]>;
}

/** A table whose row i, cell j holds rows[i][j]; empty strings are left out like blank cells. */
export function tableOf(rows: string[][], o: TableOptions): ExtractedTable {
  const first = o.firstLine ?? 1;
  const cells: Cell[] = rows.flatMap((row, r) =>
    row.flatMap((text, c): Cell[] => {
      if (text === '') return [];
      const [rowspan, colspan] = o.spans?.[`${r}:${c}`] ?? [1, 1];
      return [
        {
          text,
          row: r,
          col: c,
          rowspan,
          colspan,
          header: r < o.headerRows,
          provenance: { page: 1, lines: [first + r, first + r] },
          confidence: 1,
        },
      ];
    }),
  );
  return {
    id: o.id ?? 't01',
    pages: [1, 1],
    lines: [first, first + rows.length - 1],
    ...(o.title ? { title: o.title } : {}),
    caption: (o.caption ?? []).map((text, i) => ({ lineNo: Math.max(1, first - 1 - i), text })),
    headerRows: o.headerRows,
    nRows: rows.length,
    nCols: Math.max(...rows.map((r) => r.length)),
    cells,
    layout: o.layout ?? { kind: 'grid' },
    confidence: 1,
    method: 'test',
    warnings: [],
  };
}

/** A one-page text document holding the tables and the given text lines. */
export function docOf(tables: ExtractedTable[], text: string[] = [], name = 'test.txt'): ExtractedDocument {
  const lines: TextLine[] = text.map((t, i) => ({ lineNo: i + 1, page: 1, text: t }));
  return {
    source: { path: `/tmp/${name}`, name, sha256: 'a'.repeat(64), bytes: 1, mediaType: 'text/plain', pages: 1 },
    text: lines,
    tables,
    warnings: [],
  };
}

/** Split tab-separated lines (as the seeds print them) into rows. */
export function tabRows(block: string): string[][] {
  return block
    .trim()
    .split('\n')
    .map((l) => l.split('|').map((c) => c.trim()));
}
