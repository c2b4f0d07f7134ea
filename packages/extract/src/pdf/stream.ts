/**
 * Unruled tables: runs of text lines that split into several chunks, columns from the whitespace gaps that
 * the chunks of (nearly) every line leave free, one row per line.
 */
import type { Box, Cell } from '../model.ts';
import { roundBox, unionBoxes } from './geometry.ts';
import { blockText, splitRuns } from './lines.ts';
import type { Glyph, Line } from './types.ts';

/** Gaps wider than this (× font size) separate chunks; narrower ones are spaces inside a cell. */
const CHUNK_GAP = 1.0;
/** Share of tabular lines allowed to cross a column gap (spanning headers, overflowing labels). */
const CROSSING_SHARE = 0.1;

/** A table found in unruled text. */
export interface StreamGrid {
  box: Box;
  cells: Cell[];
  nRows: number;
  nCols: number;
  columnEdges: number[];
  lines: Line[];
}

interface Chunk extends Box {
  glyphs: Glyph[];
}

function chunksOf(line: Line): Chunk[] {
  return splitRuns(line.glyphs, CHUNK_GAP).map((gs) => ({ ...unionBoxes(gs)!, glyphs: gs }));
}

/** Running text: several words, mostly letters, wide. Two such chunks on a line are text columns, not cells. */
function isProse(chunk: Chunk, pageWidth: number): boolean {
  const text = chunk.glyphs.map((g) => (g.spaceBefore ? ` ${g.ch}` : g.ch)).join('');
  const letters = chunk.glyphs.filter((g) => /\p{L}/u.test(g.ch)).length;
  const words = splitRuns(chunk.glyphs, 0.2).length;
  return words >= 4 && letters >= 0.7 * chunk.glyphs.length && chunk.x1 - chunk.x0 >= 0.25 * pageWidth && text !== '';
}

/** A line that can be a table row: two or more chunks, not two columns of running text. */
function isTabular(chunks: readonly Chunk[], pageWidth: number): boolean {
  return chunks.length >= 2 && chunks.filter((c) => isProse(c, pageWidth)).length < 2;
}

/** Runs of consecutive lines that look tabular (≥ 2 chunks), allowing short interruptions. */
function regions(lines: readonly Line[], tabular: readonly boolean[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  let pending: number[] = [];
  let lastTabular = -1;
  const close = () => {
    if (current.filter((i) => tabular[i]).length >= 2) out.push(current);
    current = [];
    pending = [];
  };
  lines.forEach((line, i) => {
    const prev = lines[lastTabular];
    const pitch = Math.max(line.size, prev?.size ?? 0) * 3;
    if (prev && line.top - prev.bottom > pitch) close();
    if (tabular[i]) {
      if (current.length === 0) {
        // Header lines just above the first tabular line belong to the table.
        current.push(...pending.slice(-3));
      } else current.push(...pending);
      pending = [];
      current.push(i);
      lastTabular = i;
    } else {
      pending.push(i);
      if (current.length > 0 && pending.length > 2) close();
      if (current.length === 0 && pending.length > 3) pending.shift();
    }
  });
  close();
  return out;
}

/** Column separators: x ranges crossed by few chunks of tabular lines, between occupied ranges. */
function columnEdges(chunks: readonly Chunk[][], isRow: readonly boolean[], box: Box): number[] {
  const tabular = chunks.filter((_, i) => isRow[i]);
  const x0 = Math.floor(box.x0);
  const width = Math.ceil(box.x1) - x0 + 1;
  const count = new Int32Array(width);
  const occupied = new Uint8Array(width);
  for (const line of tabular) {
    for (const c of line) {
      for (let x = Math.ceil(c.x0) - x0; x <= Math.floor(c.x1) - x0; x++) count[x]! += 1;
    }
  }
  for (const line of chunks) {
    for (const c of line) for (let x = Math.ceil(c.x0) - x0; x <= Math.floor(c.x1) - x0; x++) occupied[x] = 1;
  }
  const limit = Math.max(0, Math.floor(CROSSING_SHARE * tabular.length));
  const edges: number[] = [box.x0];
  let gapStart = -1;
  let seenContent = false;
  for (let x = 0; x < width; x++) {
    const free = count[x]! <= limit;
    if (free && gapStart < 0) gapStart = x;
    if (!free) {
      if (gapStart >= 0 && seenContent) edges.push(x0 + (gapStart + x) / 2);
      gapStart = -1;
      seenContent = true;
    }
  }
  edges.push(box.x1 + 1);
  return edges;
}

function columnAt(edges: number[], x: number): number {
  for (let i = 0; i < edges.length - 1; i++) if (x < edges[i + 1]!) return i;
  return edges.length - 2;
}

/** Build one table from the lines of a region. */
function gridOf(lines: Line[], chunks: Chunk[][], tabular: boolean[], page: number): StreamGrid | undefined {
  const box = unionBoxes(lines)!;
  const edges = columnEdges(chunks, tabular, box);
  const nCols = edges.length - 1;
  if (nCols < 2) return undefined;
  const cells: Cell[] = [];
  lines.forEach((line, row) => {
    const byCol = new Map<number, { glyphs: Glyph[]; span: number }>();
    for (const c of chunks[row]!) {
      const first = columnAt(edges, c.x0 + 0.5);
      const last = columnAt(edges, c.x1 - 0.5);
      // A chunk over a gap spans columns (a centred group header) and sits in its leftmost one;
      // otherwise its centre decides, which keeps right-aligned amounts in their own column.
      const col = first === last ? first : first;
      const entry = byCol.get(col);
      if (entry) {
        entry.glyphs.push(...c.glyphs);
        entry.span = Math.max(entry.span, last - col + 1);
      } else byCol.set(col, { glyphs: [...c.glyphs], span: last - col + 1 });
    }
    for (let col = 0; col < nCols; col++) {
      const entry = byCol.get(col);
      const glyphs = entry?.glyphs ?? [];
      const cellBox = glyphs.length
        ? unionBoxes(glyphs)!
        : { x0: edges[col]!, top: line.top, x1: edges[col + 1]!, bottom: line.bottom };
      cells.push({
        text: blockText(glyphs),
        row,
        col,
        rowspan: 1,
        colspan: 1,
        header: false,
        provenance: { page, box: roundBox(cellBox) },
        confidence: entry && entry.span > 1 ? 0.8 : 1,
        ...(entry && entry.span > 1 ? { notes: [`spans-${entry.span}-columns`] } : {}),
      });
    }
  });
  return { box, cells, nRows: lines.length, nCols, columnEdges: edges, lines };
}

/** Unruled tables among the given lines (lines already inside ruled tables excluded by the caller). */
export function findStreamTables(lines: readonly Line[], page: number, pageWidth: number): StreamGrid[] {
  const sorted = [...lines].sort((a, b) => a.top - b.top);
  const chunks = sorted.map(chunksOf);
  const tabular = chunks.map((c) => isTabular(c, pageWidth));
  const out: StreamGrid[] = [];
  for (const region of regions(sorted, tabular)) {
    const grid = gridOf(
      region.map((i) => sorted[i]!),
      region.map((i) => chunks[i]!),
      region.map((i) => tabular[i]!),
      page,
    );
    if (grid) out.push(grid);
  }
  return out;
}
