/**
 * Unruled tables: runs of text lines that split into several chunks, columns from the whitespace gaps that
 * the chunks of (nearly) every line leave free, one row per line.
 */
import type { Box, Cell } from '../model.ts';
import { boxed, roundBox, unionBoxes } from './geometry.ts';
import { blockText, splitRuns } from './lines.ts';
import { inRuledBand, ruledBands } from './table-row-rules.ts';
import { sideBySideParts } from './table-side-by-side.ts';
import { type Chunk, splitTightColumns } from './tight-columns.ts';
import type { Glyph, Line, Segment } from './types.ts';

/** Gaps wider than this (× font size) make a line a candidate table row (wider than justified word spaces). */
const CHUNK_GAP = 1.0;
/** Within table rows, gaps wider than this separate cells; narrower ones are word spaces inside a cell. */
const CELL_GAP = 0.5;
/** Share of tabular lines allowed to cross a column gap (spanning headers, overflowing labels). */
const CROSSING_SHARE = 0.1;

/** A chunk crossing one column edge with less than this share of its width left of it starts after the edge. */
const OVERHANG = 0.5;

/** A table found in unruled text. */
export interface StreamGrid {
  box: Box;
  cells: Cell[];
  nRows: number;
  nCols: number;
  columnEdges: number[];
  lines: Line[];
}

function chunksOf(line: Line, gap: number): Chunk[] {
  // A printed space character is a word space unless the gap is as wide as a row-level chunk gap.
  const runs: Glyph[][] = [];
  for (const run of splitRuns(line.glyphs, gap)) {
    const prev = runs[runs.length - 1];
    const last = prev?.[prev.length - 1];
    const first = run[0]!;
    const numbers = /\d/.test(last?.ch ?? '') && /[\d(+-]/.test(first.ch);
    if (prev && last && first.spaceBefore && !numbers && first.x0 - last.x1 <= CHUNK_GAP * first.size)
      prev.push(...run);
    else runs.push(run);
  }
  return runs.map(boxed);
}

/** Running text: several words, mostly letters, wide. Two such chunks on a line are text columns, not cells. */
function isProse(chunk: Chunk, pageWidth: number): boolean {
  const text = chunk.glyphs.map((g) => (g.spaceBefore ? ` ${g.ch}` : g.ch)).join('');
  const letters = chunk.glyphs.filter((g) => /\p{L}/u.test(g.ch)).length;
  const words = splitRuns(chunk.glyphs, 0.2).length;
  return words >= 4 && letters >= 0.7 * chunk.glyphs.length && chunk.x1 - chunk.x0 >= 0.25 * pageWidth && text !== '';
}

// "Source" and "Note" lead a caption only with a colon or stop: alone they can head a column ("Source  1  2  3").
const CAPTION_RE =
  /^\s*(table|tab\.|figure|fig\.|(source|sources|note|notes)\s*[:：.]|\*|\(\s*\)|注|资料来源|数据来源|表\s*\d|单位\s*[:：]|编制单位|部门\s*[:：]|公开\s*\d+\s*表)/i;
/** A table title printed above the table (…决算表, 表3, Table 2). */
const TITLE_RE = /表\s*$|^\s*(表|table)\s*[\d一二三四五六七八九十]/i;

/**
 * A line that can be a table row: two or more chunks, not two columns of running text, not a caption
 * ("Table 7: …", "Source: …").
 */
function isTabular(chunks: readonly Chunk[], pageWidth: number): boolean {
  if (chunks.length < 2) return false;
  const prose = chunks.filter((c) => isProse(c, pageWidth));
  if (prose.length >= 2) return false;
  const first = chunks[0]!.glyphs.map((g) => g.ch).join('');
  return !CAPTION_RE.test(first);
}

/** A footnote under a table: its source or a note. */
const NOTE_RE = /^\s*(source|sources|note|notes|注|资料来源|数据来源)\s*[:：]/i;

/** A one-run line set at the margin and leading of the line above it: that paragraph's last line. */
function paragraphTail(line: Line, above: Line): boolean {
  const oneRun = splitRuns(line.glyphs, CHUNK_GAP).length === 1;
  return oneRun && Math.abs(line.x0 - above.x0) < 3 && line.top - above.bottom < 0.5 * line.size;
}

/** A line closer than this (× font size) under the one above is wrapped text, not a new paragraph. */
const WRAP_GAP = 0.5;

/** A lone line narrower than this share of the table, starting at its left edge, is a row label. */
const LABEL_SHARE = 0.3;
/** More lone lines than this in a row end the table even when they look like labels. */
const MAX_LABEL_LINES = 5;

/**
 * The wrapped end of the last row's label: lines after a table's last line, set at the table's left edge at
 * the leading of wrapped text ("Cities in North America with" / "open data sites").
 */
function wrappedTail(
  lines: readonly Line[],
  current: readonly number[],
  pending: readonly number[],
  tabular: readonly boolean[],
  ruled: (j: number) => boolean,
): number[] {
  const left = Math.min(...current.filter((i) => tabular[i]).map((i) => lines[i]!.x0));
  const tail: number[] = [];
  let above = lines[current[current.length - 1]!]!;
  for (const j of pending) {
    const l = lines[j]!;
    const text = l.glyphs.map((g) => g.ch).join('');
    const wrapped = l.top - above.bottom < WRAP_GAP * l.size && Math.abs(l.x0 - left) <= l.size;
    if (!(wrapped || ruled(j)) || CAPTION_RE.test(text) || TITLE_RE.test(text) || NOTE_RE.test(text)) break;
    tail.push(j);
    above = l;
  }
  return tail;
}

/** Runs of consecutive lines that look tabular (≥ 2 chunks), allowing short interruptions. */
function regions(
  lines: readonly Line[],
  tabular: readonly boolean[],
  pageWidth: number,
  rules: readonly Segment[],
): number[][] {
  // Header lines above the first row: not captions, not full-width sentences, directly above.
  const headerLike = (i: number) => {
    const l = lines[i]!;
    const text = l.glyphs.map((g) => g.ch).join('');
    return !CAPTION_RE.test(text) && !TITLE_RE.test(text) && l.x1 - l.x0 < 0.6 * pageWidth;
  };
  const out: number[][] = [];
  let current: number[] = [];
  let pending: number[] = [];
  let lastTabular = -1;
  // A line in the ruled band of the last row (rules parting the rows) is the rest of that row.
  const ruled = (j: number) => {
    const rows = current.filter((i) => tabular[i]).map((i) => lines[i]!);
    if (rows.length === 0 || lastTabular < 0) return false;
    const x0 = Math.min(...rows.map((l) => l.x0));
    const x1 = Math.max(...rows.map((l) => l.x1));
    return inRuledBand(lines[current[0]!]!, lines[lastTabular]!, lines[j]!, x0, x1, rules);
  };
  const close = () => {
    if (current.filter((i) => tabular[i]).length >= 2)
      out.push([...current, ...wrappedTail(lines, current, pending, tabular, ruled)]);
    current = [];
    pending = [];
  };
  lines.forEach((line, i) => {
    // Within a table the gap is measured from the line above (a lone label line included), not the last row.
    const prev = lines[current.length > 0 && pending.length > 0 ? pending[pending.length - 1]! : lastTabular];
    const pitch = Math.max(line.size, prev?.size ?? 0) * 3;
    if (prev && line.top - prev.bottom > pitch) close();
    if (tabular[i]) {
      if (current.length === 0) {
        // Header lines just above the first tabular line belong to the table.
        const head: number[] = [];
        for (const j of pending.slice(-3).reverse()) {
          if (!headerLike(j)) {
            // A caption's wrapped lines hang under its text ("Table 10: Indicators …" / "education and …").
            const runs = splitRuns(lines[j]!.glyphs, CHUNK_GAP);
            const lead = runs[1]?.[0]?.x0;
            while (lead !== undefined && head.length && Math.abs(lines[head[0]!]!.x0 - lead) < 3) head.shift();
            // The short last line of a paragraph, set at its margin and leading, ends the paragraph.
            let above = lines[j]!;
            while (runs.length === 1 && head.length && paragraphTail(lines[head[0]!]!, above))
              above = lines[head.shift()!]!;
            break;
          }
          head.unshift(j);
        }
        current.push(...head);
      } else current.push(...pending);
      pending = [];
      current.push(i);
      lastTabular = i;
    } else if (current.length > 0 && NOTE_RE.test(line.glyphs.map((g) => g.ch).join(''))) {
      // A source or note line under the rows is the table's footnote: whatever follows is not the table.
      close();
    } else {
      pending.push(i);
      // Row labels on their own line (group names, a wrapped label's tail) sit in the first column: they do
      // not end the table, other lines do after three.
      const rows = current.filter((j) => tabular[j]).map((j) => lines[j]!);
      const left = Math.min(...rows.map((l) => l.x0));
      const width = Math.max(...rows.map((l) => l.x1)) - left;
      const label = (j: number) => {
        const l = lines[j]!;
        const text = l.glyphs.map((g) => g.ch).join('');
        const aligned = l.x0 >= left - l.size && l.x0 <= left + 3 * l.size && l.x1 - l.x0 < LABEL_SHARE * width;
        return aligned && !CAPTION_RE.test(text) && !TITLE_RE.test(text);
      };
      const loose = pending.filter((j) => !ruled(j));
      const others = loose.filter((j) => !label(j)).length;
      if (current.length > 0 && (others > 2 || loose.length > MAX_LABEL_LINES)) close();
      if (current.length === 0 && pending.length > 3) pending.shift();
    }
  });
  close();
  return out;
}

/** Lines above the first record (a line printing a value) when at least 3 records follow: the header. */
function headLines(chunks: readonly Chunk[][], isRow: readonly boolean[]): boolean[] {
  const record = chunks.map((l, i) => isRow[i]! && l.some((c) => isRecordValue(c.glyphs.map((g) => g.ch).join(''))));
  const first = record.indexOf(true);
  if (first <= 0 || record.filter(Boolean).length < 3) return chunks.map(() => false);
  return chunks.map((_, i) => i < first);
}

/**
 * Column separators: x ranges crossed by few chunks of tabular lines, between occupied ranges. Header chunks
 * count only where no body line prints (a column headed but empty); a header centred over two tight body
 * columns must not merge them.
 */
function columnEdges(chunks: readonly Chunk[][], isRow: readonly boolean[], box: Box): number[] {
  const head = headLines(chunks, isRow);
  const tabular = chunks.filter((_, i) => isRow[i] && !head[i]);
  const x0 = Math.floor(box.x0);
  const width = Math.ceil(box.x1) - x0 + 1;
  const count = new Int32Array(width);
  const occupied = new Uint8Array(width);
  const span = (c: Chunk) => ({ from: Math.ceil(c.x0) - x0, to: Math.floor(c.x1) - x0 });
  for (const line of tabular) {
    for (const c of line) {
      const { from, to } = span(c);
      for (let x = from; x <= to; x++) count[x]! += 1;
    }
  }
  const limit = Math.max(0, Math.floor(CROSSING_SHARE * tabular.length));
  const headChunks = chunks.filter((_, i) => isRow[i] && head[i]).flat();
  const inGap = headChunks.filter((c) => {
    const { from, to } = span(c);
    for (let x = from; x <= to; x++) if (count[x]! > limit) return false;
    return true;
  });
  for (const c of inGap) {
    const { from, to } = span(c);
    for (let x = from; x <= to; x++) count[x]! += limit + 1;
  }
  for (const line of chunks) {
    for (const c of line) for (let x = Math.ceil(c.x0) - x0; x <= Math.floor(c.x1) - x0; x++) occupied[x] = 1;
  }
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

interface LineCells {
  line: Line;
  byCol: Map<number, { glyphs: Glyph[]; span: number }>;
  spanning: boolean;
  record: boolean;
}

/** A printed number that makes a line a record (not a year or a 栏次-like label in parentheses). */
function isRecordValue(text: string): boolean {
  const t = text.trim();
  return /\d/.test(t) && /^[-+−–—(]?[$€£¥]?[\d.,\s%]+\)?$/.test(t) && !/^((19|20)\d\d|\(.*\))$/.test(t);
}

/** Place each chunk of a line in a column: spanning chunks in their leftmost column. */
function placeLine(line: Line, chunks: Chunk[], edges: number[]): LineCells {
  const byCol = new Map<number, { glyphs: Glyph[]; span: number }>();
  for (const c of chunks) {
    const last = columnAt(edges, c.x1 - 0.5);
    let first = columnAt(edges, c.x0 + 0.5);
    // A header centred over its column overhangs the edge on its left: it starts where most of it lies.
    if (last === first + 1 && edges[last]! - c.x0 < OVERHANG * (c.x1 - c.x0)) first++;
    const entry = byCol.get(first);
    if (entry) {
      entry.glyphs.push(...c.glyphs);
      entry.span = Math.max(entry.span, last - first + 1);
    } else byCol.set(first, { glyphs: [...c.glyphs], span: last - first + 1 });
  }
  const values = [...byCol.values()];
  return {
    line,
    byCol,
    spanning: values.some((v) => v.span > 1),
    record: values.some((v) => isRecordValue(v.glyphs.map((g) => g.ch).join(''))),
  };
}

/**
 * Lines → rows. Header lines (above the first record) stack into one row unless a group label spans
 * columns; a body line with no label in the first column and no number continues the row above.
 */
function groupRows(placed: LineCells[], rules: readonly Segment[]): LineCells[][] {
  const firstRecord = placed.findIndex((p) => p.record);
  const bands = ruledBands(
    placed.map((p) => p.line),
    placed.map((p) => p.record),
    rules,
  );
  const rows: LineCells[][] = [];
  placed.forEach((p, i) => {
    const prevRow = rows[rows.length - 1];
    const prev = prevRow?.[prevRow.length - 1];
    // Without records there is no telling a wrapped header from rows: every line stays a row.
    const inHeader = firstRecord > 0 && firstRecord <= 6 && i < firstRecord;
    const tight = prev !== undefined && p.line.top - prev.line.bottom < 0.8 * p.line.size;
    // Between rules that part the records, a line without values continues the record above it.
    const sameBand = bands !== undefined && i > 0 && bands[i] === bands[i - 1];
    let join = false;
    if (prevRow && prev && (tight || sameBand) && inHeader) join = !p.spanning && !prevRow.some((q) => q.spanning);
    else if (prevRow && prev && !p.record) {
      // With no values to tell, a line filling every column the row's first line fills is a row of its own.
      const partial = p.byCol.size < prevRow[0]!.byCol.size;
      const continues = bands
        ? sameBand && (firstRecord < 0 ? partial : prevRow.some((q) => q.record))
        : tight && !p.byCol.has(0) && prev.record;
      if (continues) join = [...p.byCol.keys()].every((c) => prevRow.some((q) => q.byCol.has(c)));
    }
    if (join && prevRow) prevRow.push(p);
    else rows.push([p]);
  });
  return rows;
}

/** Build one table from the lines of a region. */
function gridOf(
  lines: Line[],
  cellChunks: Chunk[][],
  tabular: boolean[],
  page: number,
  rules: readonly Segment[],
): StreamGrid | undefined {
  const box = unionBoxes(lines)!;
  const { edges, chunks } = splitTightColumns(cellChunks, tabular, columnEdges(cellChunks, tabular, box));
  const nCols = edges.length - 1;
  if (nCols < 2) return undefined;
  const rows = groupRows(
    lines.map((line, i) => placeLine(line, chunks[i]!, edges)),
    rules,
  );
  const cells: Cell[] = [];
  rows.forEach((parts, row) => {
    const top = Math.min(...parts.map((p) => p.line.top));
    const bottom = Math.max(...parts.map((p) => p.line.bottom));
    for (let col = 0; col < nCols; col++) {
      const glyphs = parts.flatMap((p) => p.byCol.get(col)?.glyphs ?? []);
      const span = Math.max(1, ...parts.map((p) => p.byCol.get(col)?.span ?? 1));
      const cellBox = glyphs.length ? unionBoxes(glyphs)! : { x0: edges[col]!, top, x1: edges[col + 1]!, bottom };
      cells.push({
        text: blockText(glyphs),
        row,
        col,
        rowspan: 1,
        colspan: 1,
        header: false,
        provenance: { page, box: roundBox(cellBox) },
        confidence: span > 1 ? 0.8 : 1,
        ...(span > 1 ? { notes: [`spans-${span}-columns`] } : {}),
      });
    }
  });
  return { box, cells, nRows: rows.length, nCols, columnEdges: edges, lines };
}

/**
 * Unruled tables among the given lines (lines already inside ruled tables excluded by the caller); `rules`
 * are the page's horizontal rulings.
 */
export function findStreamTables(
  lines: readonly Line[],
  page: number,
  pageWidth: number,
  rules: readonly Segment[] = [],
): StreamGrid[] {
  // Tables side by side, each ruled across its own width, are read apart.
  return sideBySideParts(lines, rules).flatMap((part) => tablesIn(part, page, pageWidth, rules));
}

function tablesIn(lines: readonly Line[], page: number, pageWidth: number, rules: readonly Segment[]): StreamGrid[] {
  // Lines drawn with characters (----, ====, ____) are rules, not rows.
  const sorted = [...lines]
    .filter((l) => !/^[-=_–—.·\s]+$/.test(l.glyphs.map((g) => g.ch).join('')))
    .sort((a, b) => a.top - b.top);
  const tabular = sorted.map((l) => isTabular(chunksOf(l, CHUNK_GAP), pageWidth));
  const chunks = sorted.map((l) => chunksOf(l, CELL_GAP));
  const out: StreamGrid[] = [];
  for (const region of regions(sorted, tabular, pageWidth, rules)) {
    const grid = gridOf(
      region.map((i) => sorted[i]!),
      region.map((i) => chunks[i]!),
      region.map((i) => tabular[i]!),
      page,
      rules,
    );
    if (grid) out.push(grid);
  }
  return out;
}
