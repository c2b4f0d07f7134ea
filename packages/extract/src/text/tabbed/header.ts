/**
 * Header rows of a grid: the rows above the first data row, the 栏次 (column number) row among them, and header
 * rows repeated after a page break (dropped from the body; the body rows keep their own line numbers).
 */
import type { SourceRow } from './blocks.ts';
import { cellKind } from './cell-kind.ts';
import { squash } from './cells.ts';

const MAX_HEADER_ROWS = 6;

/** A 栏次 row: ascending column numbers (1, 2, 3 …), possibly with 栏次/类/款/项 labels beside them. */
export function isColumnNumberRow(cells: readonly string[]): boolean {
  const ints = cells.filter((c) => /^\d{1,2}$/.test(c.trim())).map((c) => Number(c.trim()));
  if (ints.length < 2 || ints[0] === 0) return false;
  const ascending = ints.every((n, i) => i === 0 || n > ints[i - 1]!);
  const others = cells.filter((c) => c.trim() !== '' && !/^\d{1,2}$/.test(c.trim()));
  return ascending && others.every((c) => cellKind(c) === 'text');
}

/** A row that carries data: a number anywhere, or a classification code first (栏次 rows excluded). */
export function isDataRow(cells: readonly string[]): boolean {
  if (isColumnNumberRow(cells)) return false;
  return cells.some((c) => {
    const kind = cellKind(c);
    return kind !== 'text' && kind !== 'blank';
  });
}

/** Cells that are not blank. */
export function filled(cells: readonly string[]): number {
  return cells.filter((c) => c !== '').length;
}

/** Split block rows into header rows and body rows. */
export function splitHeader(rows: readonly SourceRow[]): { header: SourceRow[]; body: SourceRow[] } {
  const firstData = rows.findIndex((r) => isDataRow(r.cells));
  let count = firstData < 0 ? rows.length : firstData;
  // Header rows print two or more labels; a lone label after them is a group row of the body (可执行项目).
  const multiLabel = (i: number): boolean => filled(rows[i]!.cells) >= 2 || isColumnNumberRow(rows[i]!.cells);
  for (let i = 1; i < count; i++) {
    const lone = !multiLabel(i) && !rows[i]!.cells.some((c) => /栏\s*次/.test(c));
    if (lone && !(i + 1 < count && multiLabel(i + 1))) {
      count = i;
      break;
    }
  }
  if (firstData < 0) {
    const lastNumbers = rows.findLastIndex((r) => isColumnNumberRow(r.cells));
    count = lastNumbers >= 0 ? lastNumbers + 1 : Math.min(1, rows.length);
  }
  if (count > MAX_HEADER_ROWS) count = 1;
  return { header: rows.slice(0, count), body: rows.slice(count) };
}

/** Comparable form of a row: labels without whitespace, trailing blanks dropped. */
export function rowSignature(cells: readonly string[]): string {
  const parts = cells.map(squash);
  while (parts.length > 0 && parts.at(-1) === '') parts.pop();
  return parts.join('\t');
}

/** Drop body rows that repeat a header row (the header printed again after a page break). */
export function dropRepeatedHeaders(header: readonly SourceRow[], body: readonly SourceRow[]): SourceRow[] {
  const signatures = new Set(header.map((r) => rowSignature(r.cells)));
  return body.filter((r) => !signatures.has(rowSignature(r.cells)));
}
