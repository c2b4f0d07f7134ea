/** The extractor's working cell: text placed at a grid position, with the lines it was printed on. */
import type { ExtractedTableInput } from '../../model.ts';

export interface PlacedCell {
  text: string;
  row: number;
  col: number;
  rowspan?: number;
  colspan?: number;
  header: boolean;
  lines: [number, number];
  page: number;
  confidence?: number;
  notes?: string[];
}

/** Table parts every builder (grid, side-by-side, key-value) fills in. */
export interface BuiltTable {
  cells: PlacedCell[];
  headerRows: number;
  layout: NonNullable<ExtractedTableInput['layout']>;
  confidence: number;
  warnings: string[];
  subject?: string;
}

/** Convert working cells to the model's cells (provenance = line range and page). */
export function toModelCells(cells: readonly PlacedCell[]): ExtractedTableInput['cells'] {
  return cells.map((c) => ({
    text: c.text,
    row: c.row,
    col: c.col,
    rowspan: c.rowspan ?? 1,
    colspan: c.colspan ?? 1,
    header: c.header,
    provenance: { page: c.page, lines: c.lines },
    confidence: c.confidence ?? 1,
    ...(c.notes && c.notes.length > 0 ? { notes: c.notes } : {}),
  }));
}

/** Join cells placed in the same row and column (a name cut in two by the converter), in printed order. */
export function joinSameColumn(cells: readonly PlacedCell[]): PlacedCell[] {
  const out: PlacedCell[] = [];
  for (const cell of cells) {
    const prev = out.find((c) => c.row === cell.row && c.col === cell.col && c.header === cell.header);
    if (!prev) {
      out.push({ ...cell });
      continue;
    }
    prev.text = `${prev.text}${cell.text}`;
    prev.lines = [Math.min(prev.lines[0], cell.lines[0]), Math.max(prev.lines[1], cell.lines[1])];
    prev.confidence = Math.min(prev.confidence ?? 1, cell.confidence ?? 1, 0.8);
    prev.notes = [...new Set([...(prev.notes ?? []), ...(cell.notes ?? []), 'joined-cells'])];
  }
  return out;
}
