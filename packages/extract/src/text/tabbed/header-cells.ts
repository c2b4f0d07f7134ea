/**
 * Header rows as cells with spans: a label followed by empty cells spans them when a lower label row prints
 * sub-labels there (收入 over 项目/行次/决算数; 本年支出 over 小计/基本支出/项目支出), and spans down over
 * empty cells below it. The 栏次 row never spans.
 */
import type { SourceRow } from './blocks.ts';
import { isColumnNumberRow } from './header.ts';
import type { PlacedCell } from './placed.ts';

/** Header cells (header: true) for rows 0..header.length-1 of a grid `width` columns wide. */
export function headerCells(header: readonly SourceRow[], width: number): PlacedCell[] {
  const numberRows = header.map((r) => isColumnNumberRow(r.cells));
  const at = (r: number, j: number): string => header[r]?.cells[j] ?? '';
  const out: PlacedCell[] = [];
  header.forEach((row, r) => {
    row.cells.forEach((text, j) => {
      if (text === '') return;
      let colspan = 1;
      let rowspan = 1;
      if (!numberRows[r]) {
        let next = j + 1;
        while (next < width && at(r, next) === '') next++;
        // Span to the last column of the run that a lower label row prints a sub-label in.
        let last = j;
        for (let below = r + 1; below < header.length; below++) {
          if (numberRows[below]) continue;
          for (let k = j + 1; k < next; k++) if (at(below, k) !== '') last = Math.max(last, k);
        }
        colspan = last - j + 1;
        for (let below = r + 1; below < header.length && !numberRows[below]; below++) {
          const empty = Array.from({ length: colspan }, (_, k) => at(below, j + k)).every((t) => t === '');
          if (!empty) break;
          rowspan++;
        }
      }
      out.push({
        text,
        row: r,
        col: j,
        ...(rowspan > 1 ? { rowspan } : {}),
        ...(colspan > 1 ? { colspan } : {}),
        header: true,
        lines: [row.lineNo, row.lastLineNo],
        page: row.page,
      });
    });
  });
  return out;
}

/** The leaf label of each column: the lowest non-empty label outside the 栏次 row. */
export function leafLabels(header: readonly SourceRow[], width: number): string[] {
  const labels = Array.from({ length: width }, () => '');
  for (const row of header) {
    if (isColumnNumberRow(row.cells)) continue;
    row.cells.forEach((c, j) => {
      if (c !== '' && j < width) labels[j] = c;
    });
  }
  return labels;
}
