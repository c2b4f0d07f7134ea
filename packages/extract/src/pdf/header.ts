/** Header rows vs body rows, and repeated column blocks printed side by side (06表). */
import { parseAmount } from '../common/amount.ts';
import type { Cell } from '../model.ts';

/** True for header-like numeric rows: 栏次 (1 2 3 …) or years over the columns. */
function isLabelNumbers(values: string[]): boolean {
  const nums = values.map(Number);
  if (nums.every((n) => Number.isInteger(n) && n >= 1900 && n <= 2100)) return true;
  return nums.length >= 2 && nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1]! + 1));
}

/** Number of header rows: rows before the first row that prints a (non-label) amount, widened over row spans. */
export function headerRowsOf(cells: readonly Cell[], nRows: number): number {
  const byRow = new Map<number, Cell[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c]);
  let first = -1;
  for (let r = 0; r < nRows; r++) {
    const row = byRow.get(r) ?? [];
    const values = row
      .map((c) => parseAmount(c.text))
      .filter((p) => p.status === 'number')
      .map((p) => p.value!);
    if (values.length > 0 && !isLabelNumbers(values)) {
      first = r;
      break;
    }
  }
  if (first < 0) return nRows > 1 ? 1 : 0;
  let header = first;
  // A header cell spanning down into the body would cut it: the header ends below every header span.
  for (const c of cells)
    if (c.row < header && c.row + c.rowspan > header) header = Math.min(c.row + c.rowspan, nRows - 1);
  return header;
}

/** Each block's body carries its own row labels (text, not amounts): records side by side, not measures. */
function blocksHaveRowLabels(cells: readonly Cell[], headerRows: number, k: number, nCols: number): boolean {
  for (let start = 0; start < nCols; start += k) {
    const labelled = cells.some(
      (c) =>
        c.row >= headerRows &&
        c.col >= start &&
        c.col < start + k &&
        c.text.trim() !== '' &&
        parseAmount(c.text).status === 'text',
    );
    if (!labelled) return false;
  }
  return true;
}

/** Block width when a header row repeats the same column labels N times across (side-by-side blocks). */
export function sideBySideWidth(cells: readonly Cell[], headerRows: number, nCols: number): number | undefined {
  for (let r = 0; r < headerRows; r++) {
    const label = new Map<number, string>();
    for (const c of cells) if (c.row === r && c.text.trim() !== '') label.set(c.col, c.text.replace(/\s+/g, ''));
    for (let k = 2; k * 2 <= nCols; k++) {
      let same = 0;
      let differ = 0;
      for (let j = 0; j + k < nCols; j++) {
        const a = label.get(j) ?? '';
        const b = label.get(j + k) ?? '';
        if (a === '' && b === '') continue;
        if (a === b) same++;
        else differ++;
      }
      if (same >= 2 && differ === 0 && blocksHaveRowLabels(cells, headerRows, k, nCols)) return k;
    }
  }
  return undefined;
}
