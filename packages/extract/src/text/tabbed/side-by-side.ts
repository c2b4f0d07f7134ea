/**
 * Side-by-side tables (一般公共预算财政拨款基本支出决算(明细)表, 06表): the page prints two to four
 * 科目编码 / 科目名称 / 金额 blocks per line, optionally under group labels (人员经费 | 公用经费), with footer
 * rows (人员经费合计, 公用经费合计, 合计) printed across the blocks.
 *
 * Choice: the extractor unpivots them itself, so normalize sees an ordinary grid (layout 'grid') with one row
 * per printed code, in reading order (block by block, page by page). When the table prints group labels, an
 * extra first column holds each row's group (the printed 人员经费 / 公用经费 cell, provenance = the group label's
 * line, note 'group'); that column has no header cell because none is printed. Footer rows come last with the
 * label in the name column and its amount in the amount column. Nothing is summed or invented.
 */
import type { SourceRow } from './blocks.ts';
import { cellKind } from './cell-kind.ts';
import { squash } from './cells.ts';
import { labelType } from './column-types.ts';
import { rowSignature } from './header.ts';
import type { BuiltTable, PlacedCell } from './placed.ts';

export interface SideBySideShape {
  /** Index (in the block's rows) of the row printing the repeated labels. */
  labelRow: number;
  blockWidth: number;
  blocks: number;
}

const FOOTER_RE = /合计$/;

/** Detect repeated label blocks (科目编码 科目名称 金额 × N) in the first rows of a block. */
export function sideBySideShape(rows: readonly SourceRow[]): SideBySideShape | undefined {
  for (let r = 0; r < Math.min(3, rows.length); r++) {
    const labels = rows[r]!.cells.map(squash);
    while (labels.length > 0 && labels.at(-1) === '') labels.pop();
    for (let width = 2; width <= 5; width++) {
      const blocks = Math.floor(labels.length / width);
      if (blocks < 2 || labels.length > blocks * width + 1) continue;
      const first = labels.slice(0, width);
      if (!first.some((l) => labelType(l) === 'code') || first.some((l) => l === '')) continue;
      const repeats = Array.from({ length: blocks }, (_, b) => labels.slice(b * width, b * width + width)).every(
        (blk) => blk.every((l, k) => l === first[k]),
      );
      if (repeats) return { labelRow: r, blockWidth: width, blocks };
    }
  }
  return undefined;
}

/** Group label of each block: the last group label printed at or before the block's first column. */
function blockGroups(
  groupRow: SourceRow | undefined,
  shape: SideBySideShape,
): ({ text: string; row: SourceRow } | undefined)[] {
  return Array.from({ length: shape.blocks }, (_, b) => {
    if (!groupRow) return undefined;
    for (let j = b * shape.blockWidth; j >= 0; j--) {
      const text = groupRow.cells[j] ?? '';
      if (text !== '') return { text, row: groupRow };
    }
    return undefined;
  });
}

/** Label/amount pairs of a footer row: each …合计 label with the next amount printed after it. */
function footerPairs(row: SourceRow): { label: string; value?: string }[] {
  const pairs: { label: string; value?: string }[] = [];
  row.cells.forEach((cell) => {
    if (cell === '') return;
    if (FOOTER_RE.test(squash(cell))) pairs.push({ label: cell });
    else if (cellKind(cell) !== 'text' && pairs.length > 0 && pairs.at(-1)!.value === undefined)
      pairs.at(-1)!.value = cell;
  });
  return pairs;
}

/** Unpivot a side-by-side block into one grid row per printed code. */
export function buildSideBySide(rows: readonly SourceRow[], shape: SideBySideShape): BuiltTable {
  const labelRow = rows[shape.labelRow]!;
  const groupRow = shape.labelRow > 0 ? rows[shape.labelRow - 1] : undefined;
  const groups = blockGroups(groupRow, shape);
  const offset = groups.some((g) => g !== undefined) ? 1 : 0;
  const width = shape.blockWidth;
  const skip = new Set([rowSignature(labelRow.cells), ...(groupRow ? [rowSignature(groupRow.cells)] : [])]);
  const body = rows.slice(shape.labelRow + 1).filter((r) => !skip.has(rowSignature(r.cells)));
  const footers = body.filter((r) => r.cells.some((c) => FOOTER_RE.test(squash(c))));
  const cells: PlacedCell[] = labelRow.cells.slice(0, width).map((text, k) => ({
    text,
    row: 0,
    col: offset + k,
    header: true,
    lines: [labelRow.lineNo, labelRow.lastLineNo],
    page: labelRow.page,
  }));
  let r = 1;
  for (let b = 0; b < shape.blocks; b++) {
    for (const row of body) {
      if (footers.includes(row)) continue;
      const slice = row.cells.slice(b * width, b * width + width);
      if (slice.every((c) => c === '')) continue;
      const group = groups[b];
      if (group) {
        const line = group.row.lineNo;
        cells.push({
          text: group.text,
          row: r,
          col: 0,
          header: false,
          lines: [line, line],
          page: group.row.page,
          notes: ['group'],
        });
      }
      slice.forEach((text, k) => {
        if (text !== '')
          cells.push({
            text,
            row: r,
            col: offset + k,
            header: false,
            lines: [row.lineNo, row.lastLineNo],
            page: row.page,
          });
      });
      r++;
    }
  }
  const nameCol = labelRow.cells.slice(0, width).findIndex((l) => labelType(l) === 'text');
  const valueCol = labelRow.cells.slice(0, width).findIndex((l) => labelType(l) === 'value');
  for (const row of footers) {
    for (const pair of footerPairs(row)) {
      const at = { header: false, lines: [row.lineNo, row.lastLineNo] as [number, number], page: row.page };
      cells.push({ text: pair.label, row: r, col: offset + Math.max(nameCol, 0), ...at });
      // The footer's amount is read as the next amount printed after its label, wherever the line put it.
      if (pair.value !== undefined) {
        const value = { text: pair.value, row: r, col: offset + Math.max(valueCol, 0), ...at };
        cells.push({ ...value, confidence: 0.95, notes: ['paired-with-label'] });
      }
      r++;
    }
  }
  return { cells, headerRows: 1, layout: { kind: 'grid' }, confidence: 1, warnings: [] };
}
