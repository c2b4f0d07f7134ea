/**
 * Grid tables (收入支出决算总表, 收入/支出决算表, 三公, …): header rows with spans, then body rows realigned
 * under the header where the converter shifted them. Printed values are never changed, only placed.
 */

import { alignRow } from './align.ts';
import { balances, totalRule } from './arithmetic.ts';
import type { SourceRow } from './blocks.ts';
import { cellKind } from './cell-kind.ts';
import { alignHeaderToBody, type ColumnType, correctWithBody, headerTypes } from './column-types.ts';
import { dropRepeatedHeaders, splitHeader } from './header.ts';
import { headerCells, leafLabels } from './header-cells.ts';
import { type BuiltTable, joinSameColumn, type PlacedCell } from './placed.ts';

/** Confidence of a realigned cell: unique best placement, confirmed by arithmetic or not, or a tie. */
const CONFIDENCE = { confirmed: 0.95, unique: 0.85, tieResolved: 0.8, tie: 0.6 } as const;

/** Trimmed length of a row (trailing blanks dropped). */
function usedWidth(cells: readonly string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1] === '') n--;
  return n;
}

/**
 * Join a text-only row that continues the row above (a wrapped cell): every printed cell of it sits under a
 * text cell of the previous row, its first cell is blank and it prints no number.
 */
export function joinWrappedRows(body: readonly SourceRow[]): SourceRow[] {
  const out: SourceRow[] = [];
  for (const row of body) {
    const prev = out.at(-1);
    const printed = row.cells.map((c, j) => [c, j] as const).filter(([c]) => c !== '');
    const continues =
      prev !== undefined &&
      row.cells[0] === '' &&
      printed.length > 0 &&
      printed.every(([c, j]) => cellKind(c) === 'text' && cellKind(prev.cells[j] ?? '') === 'text');
    if (prev && continues) {
      const cells = prev.cells.map((c, j) => (row.cells[j] ? `${c}${row.cells[j]}` : c));
      out[out.length - 1] = { ...prev, cells, lastLineNo: row.lastLineNo };
    } else out.push(row);
  }
  return out;
}

/**
 * The converter sometimes prints the 合计 label of the first body row inside the 栏次 cell above it
 * (`栏次 合计`), leaving that row with amounts only. Give the label back to the row (provenance: the header
 * line it was printed on) when the row prints no label of its own.
 */
function splitTotalFromColumnNumbers(cells: PlacedCell[], headerRows: number): void {
  const merged = cells.find((c) => c.header && c.row === headerRows - 1 && /^栏\s*次\s+合\s*计$/.test(c.text));
  if (!merged) return;
  const first = cells.filter((c) => !c.header && c.row === headerRows);
  if (first.length === 0 || first.some((c) => cellKind(c.text) === 'text' || c.col === merged.col)) return;
  const label = merged.text.replace(/^栏\s*次\s+/, '');
  merged.text = merged.text.slice(0, merged.text.length - label.length).trim();
  cells.push({ ...merged, text: label, row: headerRows, header: false, confidence: 0.9, notes: ['split-from-header'] });
}

/** Build a grid table from the rows of one block. */
export function buildGrid(rows: readonly SourceRow[]): BuiltTable {
  const split = splitHeader(rows);
  const body = joinWrappedRows(dropRepeatedHeaders(split.header, split.body));
  const header = alignHeaderToBody(split.header, body);
  const width = Math.max(0, ...header.map((r) => usedWidth(r.cells)), ...body.map((r) => usedWidth(r.cells)));
  const types: ColumnType[] = correctWithBody(headerTypes(header, width), body);
  const labels = leafLabels(header, width);
  const rule = totalRule(types, labels);
  const cells: PlacedCell[] = headerCells(header, width);
  const headerRows = header.length;
  let realigned = 0;
  body.forEach((row, index) => {
    const r = headerRows + index;
    const prefer = (cols: readonly number[]): number =>
      balances(
        rule,
        new Map(cols.map((c, i) => [c, row.cells[i] ?? ''] as const).filter(([c, t]) => c >= 0 && t !== '')),
      );
    const alignment = alignRow(row.cells, types, prefer);
    if (alignment.moved) realigned++;
    const confirmed = prefer(alignment.cols) > 0;
    const confidence = !alignment.moved
      ? 1
      : alignment.candidates === 1
        ? confirmed
          ? CONFIDENCE.confirmed
          : CONFIDENCE.unique
        : confirmed
          ? CONFIDENCE.tieResolved
          : CONFIDENCE.tie;
    row.cells.forEach((text, i) => {
      if (text === '') return;
      const col = alignment.cols[i] ?? i;
      const moved = col !== i;
      cells.push({
        text,
        row: r,
        col,
        header: false,
        lines: [row.lineNo, row.lastLineNo],
        page: row.page,
        ...(moved ? { confidence, notes: [`realigned-from-col-${i}`] } : {}),
      });
    });
  });
  splitTotalFromColumnNumbers(cells, headerRows);
  const warnings = realigned > 0 ? [`realigned ${realigned} of ${body.length} body rows under the header`] : [];
  const confidence = body.length === 0 ? 1 : 1 - (0.3 * realigned) / body.length;
  return { cells: joinSameColumn(cells), headerRows, layout: { kind: 'grid' }, confidence, warnings };
}
