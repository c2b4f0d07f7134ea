/**
 * Ruled rows that hold several records: a table ruled only between groups ("Stationary:" / "Major …" /
 * "Area …") prints each record as a block of lines, and a blank line across every column parts the blocks.
 */
import { groupLines } from './lines.ts';
import type { Glyph } from './types.ts';

/** A blank band at least this high (× font size) across the whole row parts two records. */
const BLANK_LINE = 0.8;

/**
 * y positions at which one grid row splits into records, given the glyphs of each cell of the row, left to
 * right; [] when it stays one row. A blank band must cross every cell and the block below it must start with
 * a label in the first cell (a note under the values of one record has none), and at least two blocks must
 * fill two or more cells: a cell with two paragraphs beside one-line cells is one record with a long text.
 */
export function recordBlockCuts(cellGlyphs: readonly Glyph[][]): number[] {
  const lines = cellGlyphs.flatMap((gs, cell) =>
    groupLines(gs.filter((g) => g.upright)).map((l) => ({ top: l.top, bottom: l.bottom, size: l.size, cell })),
  );
  if (lines.length < 2) return [];
  lines.sort((a, b) => a.top - b.top);
  // Bands of lines with no blank line between them, each with the cut above it.
  const bands: { cut: number; cells: Set<number> }[] = [{ cut: Number.NaN, cells: new Set() }];
  let bottom = lines[0]!.bottom;
  for (const l of lines) {
    if (l.top - bottom >= BLANK_LINE * l.size) bands.push({ cut: (l.top + bottom) / 2, cells: new Set() });
    bands[bands.length - 1]!.cells.add(l.cell);
    bottom = Math.max(bottom, l.bottom);
  }
  const blocks: { cut: number; cells: Set<number> }[] = [];
  for (const band of bands) {
    const block = blocks[blocks.length - 1];
    if (block && !band.cells.has(0)) for (const c of band.cells) block.cells.add(c);
    else blocks.push({ cut: band.cut, cells: new Set(band.cells) });
  }
  if (blocks.filter((b) => b.cells.size >= 2).length < 2) return [];
  return blocks.slice(1).map((b) => b.cut);
}
