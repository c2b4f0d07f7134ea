/** A table's cells as rectangular rows of strings (spanning text at its top-left), optionally one page's rows only. */
import type { ExtractedTable } from '../model.ts';

/** Rows × columns of cell text; positions covered by a span hold ''. */
export function tableRows(table: Pick<ExtractedTable, 'cells' | 'nRows' | 'nCols'>, page?: number): string[][] {
  const rows = Array.from({ length: table.nRows }, () => Array.from({ length: table.nCols }, () => ''));
  const onPage = new Set<number>();
  for (const c of table.cells) {
    if (page !== undefined && c.provenance.page !== page) continue;
    onPage.add(c.row);
    const row = rows[c.row];
    if (row && c.col < row.length) row[c.col] = c.text;
  }
  return page === undefined ? rows : rows.filter((_, i) => onPage.has(i));
}
