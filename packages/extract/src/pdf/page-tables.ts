/**
 * One page → its tables and its text lines: dedupe fake bold, ruled grids first, unruled tables in the
 * remaining text, then header rows, side-by-side blocks, titles and captions. Pure: no I/O.
 */
import type { Cell, TextLine } from '../model.ts';
import { captionLines, pickTitle } from './captions.ts';
import { dedupeGlyphs } from './dedupe.ts';
import type { FurnitureDetector } from './furniture.ts';
import { roundBox } from './geometry.ts';
import { headerRowsOf, sideBySideWidth } from './header.ts';
import { findLattices } from './lattice.ts';
import { groupLines, lineText } from './lines.ts';
import { mergeSegments } from './rulings.ts';
import { findStreamTables } from './stream.ts';
import { hasUnruledInnerColumns } from './table-inner-columns.ts';
import type { Glyph, Line, PageContent, PageTable } from './types.ts';

/** Tables and reading-order text of one page. */
export interface PageResult {
  tables: PageTable[];
  /** All text lines of the page, top to bottom, numbered from `firstLineNo`. */
  text: TextLine[];
}

function finishTable(t: Omit<PageTable, 'headerRows' | 'caption'>): PageTable {
  const headerRows = headerRowsOf(t.cells, t.nRows);
  const cells: Cell[] = t.cells.map((c) => ({ ...c, header: c.row < headerRows }));
  const block = sideBySideWidth(cells, headerRows, t.nCols);
  return {
    ...t,
    cells,
    headerRows,
    caption: [],
    ...(block ? { layout: { kind: 'side-by-side' as const, blockWidth: block } } : {}),
  };
}

/** Drop columns and rows of a grid that hold no text at all, renumbering the rest. */
function dropEmpty(t: Omit<PageTable, 'headerRows' | 'caption'>): Omit<PageTable, 'headerRows' | 'caption'> {
  const usedCols = new Set<number>();
  const usedRows = new Set<number>();
  for (const c of t.cells) {
    if (c.text === '') continue;
    for (let k = 0; k < c.colspan; k++) usedCols.add(c.col + k);
    for (let k = 0; k < c.rowspan; k++) usedRows.add(c.row + k);
  }
  const colMap = new Map<number, number>();
  const rowMap = new Map<number, number>();
  for (const [i, c] of [...usedCols].sort((a, b) => a - b).entries()) colMap.set(c, i);
  for (const [i, r] of [...usedRows].sort((a, b) => a - b).entries()) rowMap.set(r, i);
  const remap = (start: number, span: number, map: Map<number, number>) => {
    let first: number | undefined;
    let last = 0;
    for (let k = 0; k < span; k++) {
      const v = map.get(start + k);
      if (v === undefined) continue;
      first ??= v;
      last = v;
    }
    return first === undefined ? undefined : { at: first, span: last - first + 1 };
  };
  const cells: Cell[] = [];
  for (const c of t.cells) {
    const col = remap(c.col, c.colspan, colMap);
    const row = remap(c.row, c.rowspan, rowMap);
    if (!col || !row) continue;
    cells.push({ ...c, row: row.at, col: col.at, rowspan: row.span, colspan: col.span });
  }
  const edges = t.columnEdges.filter((_, i) => i === t.columnEdges.length - 1 || usedCols.has(i));
  return { ...t, cells, nRows: usedRows.size, nCols: usedCols.size, columnEdges: edges };
}

/** Analyse one upright page; `firstLineNo` numbers its text lines within the document. */
export function analysePage(content: PageContent, furniture: FurnitureDetector, firstLineNo: number): PageResult {
  const glyphs = dedupeGlyphs(content.glyphs);
  const { h, v } = mergeSegments(content.segments);
  // A ruled frame whose inner columns were never drawn is read from whitespace like an unruled table.
  const grids = findLattices(h, v, glyphs, content.page).grids.filter((g) => !hasUnruledInnerColumns(g.xs, g.glyphs));
  const inGrid = new Set<Glyph>();
  for (const g of grids) for (const glyph of g.glyphs) inGrid.add(glyph);

  const allLines = groupLines(glyphs.filter((g) => g.upright || !inGrid.has(g)));
  const numbered = allLines.map((line, i) => ({ line, text: lineText(line.glyphs), lineNo: firstLineNo + i }));
  const body = numbered.filter(
    (l) => !furniture.isFurniture(l.text, l.line.top, l.line.bottom, content.height, content.page),
  );
  const freeLines: Line[] = body
    .map((l) => ({ ...l.line, glyphs: l.line.glyphs.filter((g) => !inGrid.has(g) && g.upright) }))
    .filter((l) => l.glyphs.length > 0);
  const streams = findStreamTables(groupLines(freeLines.flatMap((l) => l.glyphs)), content.page, content.width, h);

  const raw: Omit<PageTable, 'headerRows' | 'caption'>[] = [
    ...grids.map((g) => ({
      page: content.page,
      box: roundBox(g.box),
      nRows: g.nRows,
      nCols: g.nCols,
      cells: g.cells,
      method: 'pdf-lattice' as const,
      columnEdges: g.xs,
    })),
    ...streams.map((s) => ({
      page: content.page,
      box: roundBox(s.box),
      nRows: s.nRows,
      nCols: s.nCols,
      cells: s.cells,
      method: 'pdf-stream' as const,
      columnEdges: s.columnEdges,
    })),
  ];
  const tables = raw
    .map(dropEmpty)
    .filter((t) => t.nRows > 0 && t.nCols > 0)
    .map(finishTable)
    .sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);

  // Captions: free lines (not inside any table) above and below each table.
  const inTable = (l: { line: Line }) =>
    tables.some(
      (t) =>
        l.line.top >= t.box.top - 1 &&
        l.line.bottom <= t.box.bottom + 1 &&
        l.line.x0 >= t.box.x0 - 1 &&
        l.line.x1 <= t.box.x1 + 1,
    );
  const outside = body.filter((l) => !inTable(l));
  tables.forEach((t, i) => {
    const prev = tables[i - 1];
    const next = tables[i + 1];
    const { above, below } = captionLines(
      t.box.top,
      t.box.bottom,
      outside,
      prev ? prev.box.bottom : 0,
      next ? next.box.top : content.height,
    );
    const title = pickTitle(above);
    if (title) t.title = title;
    t.caption = [...above, ...below].map((l) => ({ lineNo: l.lineNo, page: content.page, text: l.text }));
  });
  const text = numbered.map((l) => ({ lineNo: l.lineNo, page: content.page, text: l.text }));
  return { tables, text };
}
