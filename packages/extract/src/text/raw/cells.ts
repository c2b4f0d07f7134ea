/** Turning header label paths into spanned header cells. */
import type { Cell } from '../../model.ts';

/** A cell before zod defaults are applied. */
export type CellInput = Omit<Cell, 'rowspan' | 'colspan' | 'confidence'> & {
  rowspan?: number;
  colspan?: number;
  confidence?: number;
};

/**
 * Header cells from one label path per column: equal prefixes on a level merge into one cell (colspan),
 * a path that ends above the last level spans down (rowspan). Returns the cells and the header depth.
 */
export function headerCellsFromPaths(
  paths: readonly (readonly string[])[],
  lines: [number, number],
  firstRow = 0,
): { cells: CellInput[]; depth: number } {
  const depth = Math.max(1, ...paths.map((p) => p.length));
  const cells: CellInput[] = [];
  for (let r = 0; r < depth; r++) {
    for (let c = 0; c < paths.length; ) {
      const path = paths[c] ?? [];
      if (path.length <= r) {
        c++;
        continue;
      }
      const key = path.slice(0, r + 1).join('\u0000');
      let end = c + 1;
      // Only group labels merge; two adjacent leaves with the same label stay two columns.
      while (
        path.length > r + 1 &&
        end < paths.length &&
        (paths[end]?.length ?? 0) > r + 1 &&
        paths[end]?.slice(0, r + 1).join('\u0000') === key
      )
        end++;
      const cell: CellInput = {
        text: path[r] ?? '',
        row: firstRow + r,
        col: c,
        header: true,
        provenance: { lines },
      };
      if (end - c > 1) cell.colspan = end - c;
      if (path.length === r + 1 && depth > r + 1) cell.rowspan = depth - r;
      cells.push(cell);
      c = end;
    }
  }
  return { cells, depth };
}
