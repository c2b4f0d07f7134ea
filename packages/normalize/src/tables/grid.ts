/**
 * A dense view of an ExtractedTable: top-left cells by position, cells covering a position (for spanned
 * headers), the header/body split, printed header paths and 栏次 column numbers.
 */
import { type Cell, type ExtractedTable, parseAmount } from '@ledgerlift/extract';
import { cleanLabel } from '../text/clean.ts';

export interface Grid {
  nRows: number;
  nCols: number;
  /** Top-left cells: at(r, c) is the cell printed starting there. */
  at(r: number, c: number): Cell | undefined;
  /** The cell covering (r, c), spans included. */
  cover(r: number, c: number): Cell | undefined;
  /** Cleaned text of the cell starting at (r, c), '' when none. */
  text(r: number, c: number): string;
}

/** Build the dense view of a table. */
export function toGrid(table: ExtractedTable): Grid {
  const nRows = Math.max(table.nRows, ...table.cells.map((c) => c.row + c.rowspan));
  const nCols = Math.max(table.nCols, ...table.cells.map((c) => c.col + c.colspan));
  const top = new Map<string, Cell>();
  const covering = new Map<string, Cell>();
  for (const cell of table.cells) {
    top.set(`${cell.row}:${cell.col}`, cell);
    for (let r = cell.row; r < cell.row + cell.rowspan; r++)
      for (let c = cell.col; c < cell.col + cell.colspan; c++) covering.set(`${r}:${c}`, cell);
  }
  const at = (r: number, c: number) => top.get(`${r}:${c}`);
  return {
    nRows,
    nCols,
    at,
    cover: (r, c) => covering.get(`${r}:${c}`),
    text: (r, c) => cleanLabel(at(r, c)?.text ?? ''),
  };
}

/** Row texts (cleaned) of row r, one per column. */
export function rowTexts(grid: Grid, r: number): string[] {
  return Array.from({ length: grid.nCols }, (_, c) => grid.text(r, c));
}

const NUMBERING_LABEL_RE = /^(?:栏次|栏次合计|类|款|项|行次|栏)$/u;

/** True for a 栏次 row: labels aside, the cells are increasing small integers (`1 2 3`, `栏次 1 … 栏次 2`). */
export function isColumnNumberRow(texts: readonly string[]): boolean {
  const rest = texts.filter((t) => t !== '' && !NUMBERING_LABEL_RE.test(t.replace(/合计$/u, '')));
  if (rest.length === 0) return texts.some((t) => t.startsWith('栏次'));
  if (!rest.every((t) => /^\d{1,2}$/u.test(t))) return false;
  const nums = rest.map(Number);
  return (
    nums.every((n, i) => i === 0 || n > (nums[i - 1] ?? 0)) &&
    (nums.length >= 2 || texts.some((t) => t.startsWith('栏次')))
  );
}

/** True when a printed cell reads as an amount (or a not-applicable dash). */
export function isAmountText(text: string): boolean {
  const s = parseAmount(text).status;
  return s === 'number' || s === 'not_applicable';
}

/** True when a printed cell reads as a percentage (`55.20%`). */
export function isPercentText(text: string): boolean {
  return /^-?\d+(?:\.\d+)?[%％]$/u.test(text.replace(/\s+/g, ''));
}

/**
 * Number of header rows: the extractor's count, extended over following rows that still carry no data
 * (栏次 rows, or label-only rows before the first row with an amount).
 */
export function headerRowCount(table: ExtractedTable, grid: Grid): number {
  let h = Math.min(table.headerRows, grid.nRows);
  // Rows printing two or more real amounts are data, whatever the extractor flagged.
  for (let r = 0; r < h; r++) {
    const amounts = rowTexts(grid, r).filter((t) => isAmountText(t) && /[.,]/u.test(t));
    if (amounts.length >= 2) {
      h = r;
      break;
    }
  }
  while (h < grid.nRows) {
    const texts = rowTexts(grid, h);
    const filled = texts.filter((t) => t !== '');
    // 栏次 rows, and the 类 | 款 | 项 row under a split 科目编码.
    if (isColumnNumberRow(texts) || (filled.length > 0 && filled.every((t) => /^[类款项]$/u.test(t)))) {
      h++;
      continue;
    }
    const hasAmount = texts.some((t) => isAmountText(t) && !/^\d{1,2}$/u.test(t));
    // A 合计 row starts with its label; a header row may print 合计 as a column heading further right.
    const first = texts.find((t) => t !== '') ?? '';
    const labelled = texts.some((t) => /栏次|科目|项目|编码|行次/u.test(t)) && !/合计|总计/u.test(first);
    if (!hasAmount && labelled && h < 6) {
      h++;
      continue;
    }
    break;
  }
  return h;
}

export interface HeaderColumn {
  /** Printed header path, cleaned, top to bottom, without 栏次 numbers. */
  levels: string[];
  /** 栏次 as printed, '' when none. */
  number: string;
}

/**
 * Header path per column. Text input has no spans, so a group label printed once over blank cells
 * (`预算数 | | | …`) is carried right while the row below has at least two labels in that stretch.
 */
export function headerColumns(grid: Grid, headerRows: number): HeaderColumn[] {
  const label: string[][] = [];
  const numbers: string[] = Array.from({ length: grid.nCols }, () => '');
  for (let r = 0; r < headerRows; r++) {
    const texts = Array.from({ length: grid.nCols }, (_, c) => cleanLabel(grid.cover(r, c)?.text ?? ''));
    if (isColumnNumberRow(texts)) {
      texts.forEach((t, c) => {
        if (/^\d{1,2}$/u.test(t)) numbers[c] = t;
      });
      // 类/款/项 printed on the 栏次 row still name their columns.
      label.push(texts.map((t) => (/^(?:类|款|项|行次)$/u.test(t) ? t : '')));
      continue;
    }
    label.push(texts.map((t) => t.replace(/^栏次/u, '')));
  }
  for (let i = 0; i < label.length - 1; i++) carryRight(label[i] ?? [], label[i + 1] ?? [], label.slice(0, i));
  return Array.from({ length: grid.nCols }, (_, c) => {
    const levels: string[] = [];
    for (const row of label) {
      const t = row[c] ?? '';
      if (t !== '' && levels[levels.length - 1] !== t) levels.push(t);
    }
    return { levels, number: numbers[c] ?? '' };
  });
}

function carryRight(row: string[], below: readonly string[], above: readonly string[][]): void {
  const starts = row.map((t, c) => (t !== '' ? c : -1)).filter((c) => c >= 0);
  starts.forEach((start, i) => {
    let end = starts[i + 1] ?? row.length;
    // A group never reaches into columns that sit under another group above it.
    for (let c = start + 1; c < end; c++) {
      if (above.some((a) => (a[c] ?? '') !== (a[start] ?? ''))) {
        end = c;
        break;
      }
    }
    if (end - start < 2) return;
    const labelsBelow = below.slice(start, end).filter((t) => t !== '').length;
    if (labelsBelow < 2) return;
    for (let c = start + 1; c < end; c++) row[c] = row[start] ?? '';
  });
}
