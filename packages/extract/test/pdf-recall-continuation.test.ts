/** Cross-page merging: a table introduced by running text on its own page is a new table. */
import { describe, expect, it } from 'vitest';
import { mergeContinuations } from '../src/pdf/continuation.ts';
import type { PageTable } from '../src/pdf/types.ts';

/** A two-column unruled table on one page: the header row "Program | Budget", then the body rows. */
function pageTable(page: number, body: string[][], above: string[]): PageTable {
  const rows = [['Program', 'Budget'], ...body];
  return {
    page,
    box: { x0: 80, top: 200, x1: 510, bottom: 200 + 27 * rows.length },
    nRows: rows.length,
    nCols: 2,
    headerRows: 1,
    cells: rows.flatMap((cols, row) =>
      cols.map((text, col) => ({
        text,
        row,
        col,
        rowspan: 1,
        colspan: 1,
        header: row === 0,
        provenance: {
          page,
          box: { x0: 80 + 300 * col, top: 200 + 27 * row, x1: 380 + 130 * col, bottom: 227 + 27 * row },
        },
        confidence: 0.8,
      })),
    ),
    method: 'pdf-stream',
    columnEdges: [80, 380, 511],
    caption: above.map((text, i) => ({ lineNo: 10 * page + i, page, text })),
    ...(above.length ? { title: above[0] } : {}),
  };
}

describe('mergeContinuations after running text', () => {
  it('keeps a table apart from the one on the page before when a paragraph introduces it', () => {
    const merged = mergeContinuations([
      [pageTable(2, [['Data.gov', '$0.9M']], [])],
      [
        pageTable(
          3,
          [['Contact Center Services', '$8.6M']],
          ['engagement through an array of direct services via the internet, phone, email, and print.'],
        ),
      ],
    ]);
    expect(merged).toHaveLength(2);
    expect(merged[1]!.nRows).toBe(2);
  });

  it('still continues a table whose next page repeats the header under no caption', () => {
    const merged = mergeContinuations([
      [pageTable(2, [['Data.gov', '$0.9M']], [])],
      [pageTable(3, [['Total', '$8M']], [])],
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.nRows).toBe(3);
  });
});
