/** Cross-page merging of per-page tables: what continues a table and what starts a new one. */
import { describe, expect, it } from 'vitest';
import { mergeContinuations } from '../src/pdf/continuation.ts';
import type { PageTable } from '../src/pdf/types.ts';
import { gridPageTable } from './fixtures/pdf/page-table.ts';

const HEADER = ['项目', '年初结转和结余', '本年收入', '本年支出'];

/** A ruled one-page table: the header row, then the given body rows. */
function pageTable(page: number, title: string | undefined, body: string[][]): PageTable {
  const layout = { top: 100, rowHeight: 20, cellEdges: [50, 175, 300, 425, 550] };
  return gridPageTable(
    page,
    [HEADER, ...body],
    { ...layout, method: 'pdf-lattice', confidence: 1 },
    { title, caption: [] },
  );
}

describe('mergeContinuations', () => {
  it('a page repeating the header under the same title continues the table, header dropped', () => {
    const merged = mergeContinuations([
      [pageTable(1, '政府性基金预算财政拨款收入支出决算表', [['合计', '1.00', '2.00', '3.00']])],
      [pageTable(2, '政府性基金预算财政拨款收入支出决算表', [['208', '4.00', '5.00', '6.00']])],
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.nRows).toBe(3);
    expect(merged[0]?.repeatedHeaderPages).toEqual([2]);
    expect(merged[0]?.cells.filter((c) => c.row === 2).map((c) => c.text)).toEqual(['208', '4.00', '5.00', '6.00']);
  });

  it('a page repeating the header without a title of its own continues the table', () => {
    const merged = mergeContinuations([
      [pageTable(1, '政府性基金预算财政拨款收入支出决算表', [['合计', '1.00', '2.00', '3.00']])],
      [pageTable(2, undefined, [['208', '4.00', '5.00', '6.00']])],
    ]);
    expect(merged).toHaveLength(1);
  });

  it('the same header under a different table title is a new table (two empty templates in a row)', () => {
    const merged = mergeContinuations([
      [pageTable(1, '政府性基金预算财政拨款收入支出决算表', [['合计', '', '', '']])],
      [pageTable(2, '国有资本经营预算财政拨款收入支出决算表', [['合计', '', '', '']])],
    ]);
    expect(merged.map((t) => [t.title, t.page, t.lastPage, t.nRows])).toEqual([
      ['政府性基金预算财政拨款收入支出决算表', 1, 1, 2],
      ['国有资本经营预算财政拨款收入支出决算表', 2, 2, 2],
    ]);
  });
});
