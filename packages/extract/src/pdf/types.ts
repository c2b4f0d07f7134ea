/** Internal shapes of the PDF pipeline: glyphs, segments, pages and per-page tables. */
import type { Box, Cell, TextLine } from '../model.ts';

/** One character with its box in display space (top-left origin, upright page). */
export interface Glyph extends Box {
  ch: string;
  /** Font size in points (glyph height along its own up-vector). */
  size: number;
  font: string;
  /** A space was printed right before this glyph in its text run. */
  spaceBefore: boolean;
  /** Baseline y (top-left origin) for upright glyphs; the box centre for others. */
  baseline: number;
  /** Drawn in the page's reading direction (false for vertical or sideways text). */
  upright: boolean;
}

/** A straight ruling segment in display space. */
export interface Segment extends Box {
  orientation: 'h' | 'v';
}

/** Everything read from one page, already rotated upright. */
export interface PageContent {
  page: number;
  width: number;
  height: number;
  /** Clockwise degrees the content was turned to make it upright (/Rotate and text direction). */
  rotation: number;
  glyphs: Glyph[];
  segments: Segment[];
}

/** A text line on a page: glyphs sharing a baseline, left to right. */
export interface Line extends Box {
  glyphs: Glyph[];
  size: number;
}

/** A table found on one page, before captions and cross-page merging. */
export interface PageTable {
  page: number;
  box: Box;
  nRows: number;
  nCols: number;
  headerRows: number;
  cells: Cell[];
  method: 'pdf-lattice' | 'pdf-stream';
  /** Left x of each column boundary (nCols + 1 values), for continuation checks. */
  columnEdges: number[];
  layout?: { kind: 'grid' | 'side-by-side'; blockWidth?: number };
  title?: string;
  caption: TextLine[];
}
