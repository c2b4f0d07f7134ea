/**
 * Ruled tables: a network of lines → grid (distinct x of verticals, y of horizontals) → cells, where a
 * missing line between two grid positions merges them (rowspan/colspan). Text goes to the cell holding
 * each glyph's centre, so amounts are never glued across a border.
 */
import type { Box, Cell } from '../model.ts';
import { overlap, roundBox } from './geometry.ts';
import { groupLines, lineText, splitRuns } from './lines.ts';
import { networks, SNAP } from './rulings.ts';
import { recordBlockCuts } from './table-row-blocks.ts';
import { cellText } from './table-sideways.ts';
import type { Glyph, Segment } from './types.ts';

/** A line must cover this share of a grid edge to separate the two positions. */
const COVER = 0.6;

/** A ruled grid filled with text. */
export interface LatticeGrid {
  box: Box;
  xs: number[];
  ys: number[];
  cells: Cell[];
  nRows: number;
  nCols: number;
  /** Glyphs placed in the grid. */
  glyphs: Set<Glyph>;
}

/** Sorted distinct positions, values within SNAP merged to their mean. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= SNAP) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Share of [a, b] covered by the given segments' spans. */
function coverage(spans: [number, number][], a: number, b: number): number {
  const len = b - a;
  if (len <= 0) return 1;
  let covered = 0;
  for (const [s0, s1] of spans) covered += overlap(a, b, s0 - SNAP, s1 + SNAP);
  return Math.min(1, covered / len);
}

const NUMBER_LINE_RE = /^[-+−–—(]?[$€£¥]?\s*[\d.,\s]*\d[\d.,\s]*%?\)?$/;

function verticalExtent(glyphs: readonly Glyph[]): { top: number; bottom: number } {
  return { top: Math.min(...glyphs.map((g) => g.top)), bottom: Math.max(...glyphs.map((g) => g.bottom)) };
}

/**
 * Baselines of the records in one grid row when some cell stacks two or more numbers line by line
 * (a table ruled only around its body); [] when the row is a single record (wrapped text stays together).
 */
function recordLines(cellGlyphs: readonly Glyph[][]): number[] {
  const perCell = cellGlyphs.map((gs) => groupLines(gs.filter((g) => g.upright)));
  const isRecord = (text: string) => NUMBER_LINE_RE.test(text) && !/^\s*((19|20)\d\d|\(.*\))\s*$/.test(text);
  const firstRecords = perCell
    .filter((lines) => lines.filter((l) => NUMBER_LINE_RE.test(lineText(l.glyphs))).length >= 2)
    .map((lines) => lines.find((l) => isRecord(lineText(l.glyphs)))?.glyphs[0]?.baseline)
    .filter((b): b is number => b !== undefined);
  if (firstRecords.length === 0) return [];
  // Lines above the first stacked number are one header block (wrapped labels), then one row per line.
  const start = Math.min(...firstRecords);
  const lines = perCell.flat().sort((a, b) => a.glyphs[0]!.baseline - b.glyphs[0]!.baseline);
  const above = lines.filter((l) => l.glyphs[0]!.baseline < start - 0.5 * l.size);
  const out: number[] = above.length ? [above[above.length - 1]!.glyphs[0]!.baseline] : [];
  for (const l of lines) {
    const b = l.glyphs[0]!.baseline;
    if (b < start - 0.5 * l.size) continue;
    if (out.length === 0 || b - out[out.length - 1]! > 0.5 * l.size) out.push(b);
  }
  return out;
}

/** True when every upright glyph of a row sits on one baseline (as groupLines groups them): nothing to split. */
function onOneLine(cellGlyphs: readonly Glyph[][]): boolean {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  let size = Number.POSITIVE_INFINITY;
  for (const gs of cellGlyphs) {
    for (const g of gs) {
      if (!g.upright) continue;
      low = Math.min(low, g.baseline);
      high = Math.max(high, g.baseline);
      size = Math.min(size, Math.max(1, g.size));
    }
  }
  return !(high - low > 0.35 * size);
}

/** y positions splitting one grid row into records (stacked numbers, or blocks parted by blank lines). */
function rowCuts(cellGlyphs: readonly Glyph[][]): number[] {
  // Most rows hold one line of text: neither kind of record split can apply.
  if (onOneLine(cellGlyphs)) return [];
  const baselines = recordLines(cellGlyphs);
  if (baselines.length > 1) return baselines.slice(1).map((b, i) => (baselines[i]! + b) / 2);
  return recordBlockCuts(cellGlyphs);
}

/**
 * Runs of glyphs that belong together: same line, no wide gap, and not cut by a vertical line that
 * covers their full height (that is a column border: amounts on either side are separate cells).
 */
function textPieces(glyphs: readonly Glyph[], v: readonly Segment[]): Glyph[][] {
  const pieces: Glyph[][] = [];
  for (const line of groupLines(glyphs)) {
    for (const run of splitRuns(line.glyphs, 0.5)) {
      let piece: Glyph[] = [];
      for (const g of run) {
        const prev = piece[piece.length - 1];
        if (prev) {
          const a = (prev.x0 + prev.x1) / 2;
          const b = (g.x0 + g.x1) / 2;
          const top = Math.min(prev.top, g.top);
          const bottom = Math.max(prev.bottom, g.bottom);
          // A space at the line means two values side by side: split even where the line is short.
          const spaced = g.spaceBefore || g.x0 - prev.x1 > 0.15 * g.size;
          const border = v.some((s) => {
            const cover = overlap(s.top, s.bottom, top, bottom);
            return s.x0 > a && s.x0 < b && (cover >= 0.8 * (bottom - top) || (spaced && cover > 0));
          });
          if (border) {
            pieces.push(piece);
            piece = [];
          }
        }
        piece.push(g);
      }
      if (piece.length) pieces.push(piece);
    }
  }
  return pieces;
}

interface Region {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  glyphs: Glyph[];
  pieces: Glyph[][];
}

/**
 * A cell spanning columns that holds separate pieces of text in different grid columns is a row whose
 * inner borders were never drawn (rules only between rows): give each column its own cell again.
 * A real spanning cell (one label over several columns) is a single piece and stays.
 */
function splitUnruledColumns(regions: Map<number, Region>, xs: readonly number[]): void {
  let next = -1;
  for (const [key, reg] of [...regions]) {
    if (reg.c1 === reg.c0 || reg.pieces.length < 2) continue;
    const columnOf = (piece: Glyph[]) => {
      const x = piece[0]!.x0 + 0.5;
      for (let c = reg.c0; c <= reg.c1; c++) if (x < xs[c + 1]!) return c;
      return reg.c1;
    };
    const byCol = new Map<number, Glyph[][]>();
    for (const piece of reg.pieces) byCol.set(columnOf(piece), [...(byCol.get(columnOf(piece)) ?? []), piece]);
    if (byCol.size < 2) continue;
    regions.delete(key);
    for (let c = reg.c0; c <= reg.c1; c++) {
      const pieces = byCol.get(c) ?? [];
      regions.set(next--, { r0: reg.r0, r1: reg.r1, c0: c, c1: c, glyphs: pieces.flat(), pieces });
    }
  }
}

/** Horizontal rules reaching this far (pt) past the outermost vertical leave a column open on that side. */
const OPEN_SIDE = 5;

/**
 * Column positions with the open sides closed: a table ruled across its full width but with no vertical
 * at its left or right edge (only the inner columns drawn) still has a column out to where the rules end.
 */
function withOpenSides(xs: readonly number[], h: readonly Segment[]): number[] {
  const left = h.filter((s) => s.x0 < xs[0]! - OPEN_SIDE);
  const right = h.filter((s) => s.x1 > xs[xs.length - 1]! + OPEN_SIDE);
  return [
    ...(left.length >= 2 ? [Math.min(...left.map((s) => s.x0))] : []),
    ...xs,
    ...(right.length >= 2 ? [Math.max(...right.map((s) => s.x1))] : []),
  ];
}

/** Build the grid of one line network; undefined when it is not a grid of at least 2 × 1 cells. */
function gridOf(
  h: Segment[],
  v: Segment[],
  glyphs: readonly Glyph[],
  page: number,
  order: ReadonlyMap<Glyph, number>,
): LatticeGrid | undefined {
  if (h.length < 2 || v.length < 2) return undefined;
  const xs = withOpenSides(cluster(v.map((s) => s.x0)), h);
  const ys = cluster(h.map((s) => s.top));
  if (xs.length < 2 || ys.length < 2) return undefined;
  const nCols = xs.length - 1;
  let nRows = ys.length - 1;
  const vSpans = xs.map((x) =>
    v.filter((s) => Math.abs(s.x0 - x) <= SNAP).map((s) => [s.top, s.bottom] as [number, number]),
  );
  const hSpans = ys.map((y) =>
    h.filter((s) => Math.abs(s.top - y) <= SNAP).map((s) => [s.x0, s.x1] as [number, number]),
  );
  // Union-find over grid positions: no line between neighbours → same cell.
  const id = (r: number, c: number) => r * nCols + c;
  const parent = Array.from({ length: nRows * nCols }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      if (c + 1 < nCols && coverage(vSpans[c + 1]!, ys[r]!, ys[r + 1]!) < COVER)
        parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < nRows && coverage(hSpans[r + 1]!, xs[c]!, xs[c + 1]!) < COVER)
        parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  const regions = new Map<number, Region>();
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < nCols; c++) {
      const root = find(id(r, c));
      const reg = regions.get(root);
      if (!reg) regions.set(root, { r0: r, r1: r, c0: c, c1: c, glyphs: [], pieces: [] });
      else {
        reg.r0 = Math.min(reg.r0, r);
        reg.r1 = Math.max(reg.r1, r);
        reg.c0 = Math.min(reg.c0, c);
        reg.c1 = Math.max(reg.c1, c);
      }
    }
  }
  const box: Box = { x0: xs[0]!, top: ys[0]!, x1: xs[nCols]!, bottom: ys[nRows]! };
  const placed = new Set<Glyph>();
  for (const piece of textPieces(glyphs, v)) {
    // A piece of text goes to the cell it overlaps most: text printed across a border it does not
    // cross fully (a label hanging over a row line) stays whole.
    const area = new Map<number, number>();
    for (const g of piece) {
      for (let r = 0; r < nRows; r++) {
        const dy = overlap(g.top, g.bottom, ys[r]!, ys[r + 1]!);
        if (dy <= 0) continue;
        for (let c = 0; c < nCols; c++) {
          const dx = overlap(g.x0, g.x1, xs[c]!, xs[c + 1]!);
          if (dx > 0) area.set(find(id(r, c)), (area.get(find(id(r, c))) ?? 0) + dx * dy);
        }
      }
    }
    let best = -1;
    for (const [root, a] of area) if (best < 0 || a > area.get(best)!) best = root;
    if (best < 0) continue;
    regions.get(best)!.glyphs.push(...piece);
    regions.get(best)!.pieces.push(piece);
    for (const g of piece) placed.add(g);
  }
  splitUnruledColumns(regions, xs);
  // Rows ruled only around a block of records (numbers stacked line by line, or blocks of lines parted by a
  // blank line) are split into one row per record.
  const cuts = Array.from({ length: nRows }, (_, r) =>
    rowCuts(
      [...regions.values()]
        .filter((g) => g.r0 === r && g.r1 === r)
        .sort((a, b) => a.c0 - b.c0)
        .map((g) => g.glyphs),
    ),
  );
  const start: number[] = [];
  let total = 0;
  for (let r = 0; r < nRows; r++) {
    start.push(total);
    total += cuts[r]!.length + 1;
  }
  const cells: Cell[] = [];
  for (const reg of [...regions.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    const box = { x0: xs[reg.c0]!, top: ys[reg.r0]!, x1: xs[reg.c1 + 1]!, bottom: ys[reg.r1 + 1]! };
    // Field by field, not `{ ...base, text, row }`: see boxed() in geometry.ts.
    const cell = (text: string, row: number, rowspan: number, at: Box): Cell => ({
      col: reg.c0,
      colspan: reg.c1 - reg.c0 + 1,
      header: false,
      confidence: 1,
      text,
      row,
      rowspan,
      provenance: { page, box: roundBox(at) },
    });
    const rowCut = reg.r0 === reg.r1 ? cuts[reg.r0]! : [];
    if (rowCut.length > 0) {
      const parts = [...rowCut, 0].map(() => [] as Glyph[]);
      for (const g of reg.glyphs) parts[rowCut.filter((y) => y < g.baseline).length]!.push(g);
      parts.forEach((gs, k) => {
        const partBox = gs.length ? { ...box, ...verticalExtent(gs) } : box;
        cells.push(cell(cellText(gs, order), start[reg.r0]! + k, 1, partBox));
      });
      continue;
    }
    const last = start[reg.r1]! + cuts[reg.r1]!.length;
    cells.push(cell(cellText(reg.glyphs, order), start[reg.r0]!, last - start[reg.r0]! + 1, box));
  }
  nRows = total;
  return { box, xs, ys, cells, nRows, nCols, glyphs: placed };
}

/** Ruled grids on a page; networks that enclose a single cell come back as `frames` (boxes to search for unruled tables). */
export function findLattices(
  h: readonly Segment[],
  v: readonly Segment[],
  glyphs: readonly Glyph[],
  page: number,
): { grids: LatticeGrid[]; frames: Box[] } {
  const grids: LatticeGrid[] = [];
  const frames: Box[] = [];
  const order = new Map<Glyph, number>();
  for (let i = 0; i < glyphs.length; i++) order.set(glyphs[i]!, i);
  for (const net of networks(h, v)) {
    const x0 = Math.min(...net.v.map((s) => s.x0), ...net.h.map((s) => s.x0));
    const x1 = Math.max(...net.v.map((s) => s.x1), ...net.h.map((s) => s.x1));
    const top = Math.min(...net.h.map((s) => s.top), ...net.v.map((s) => s.top));
    const bottom = Math.max(...net.h.map((s) => s.bottom), ...net.v.map((s) => s.bottom));
    const inside = glyphs.filter((g) => {
      const cx = (g.x0 + g.x1) / 2;
      const cy = (g.top + g.bottom) / 2;
      return cx >= x0 && cx <= x1 && cy >= top && cy <= bottom;
    });
    if (inside.length === 0) continue;
    const grid = gridOf(net.h, net.v, inside, page, order);
    if (!grid) continue;
    const filled = grid.cells.filter((c) => c.text !== '');
    const cols = new Set(filled.map((c) => c.col));
    if (filled.length >= 2 && cols.size >= 2) grids.push(grid);
    else frames.push(grid.box);
  }
  return { grids, frames };
}
