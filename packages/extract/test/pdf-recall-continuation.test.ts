/** Cross-page merging: a table introduced by running text on its own page is a new table. */
import { describe, expect, it } from 'vitest';
import { mergeContinuations } from '../src/pdf/continuation.ts';
import type { PageTable } from '../src/pdf/types.ts';
import { gridPageTable } from './fixtures/pdf/page-table.ts';

/** A two-column unruled table on one page: the header row "Program | Budget", then the body rows. */
function pageTable(page: number, body: string[][], above: string[]): PageTable {
  const layout = { top: 200, rowHeight: 27, cellEdges: [80, 380, 510], columnEdges: [80, 380, 511] };
  return gridPageTable(
    page,
    [['Program', 'Budget'], ...body],
    { ...layout, method: 'pdf-stream', confidence: 0.8 },
    {
      caption: above.map((text, i) => ({ lineNo: 10 * page + i, page, text })),
      ...(above.length ? { title: above[0] } : {}),
    },
  );
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
