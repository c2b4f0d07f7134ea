/**
 * Indicator lines of a performance form (一级 / 二级 / 三级指标 …), already aligned under their header row.
 * 一级/二级 labels printed once for several rows are filled down (note 'filled-down'); template placeholders
 * (指标 1:) are skipped; a line that only continues the indicator above (a wrapped name, or labels cut by a line
 * break such as 效 | 益指标) is joined to it; a 二级 label printed on its group's 指标 2 line was centred on the
 * group and also labels the indicator just above (note 'filled-up').
 */
import { levelOf } from './align.ts';
import type { SourceRow } from './blocks.ts';
import { isFillerCell, squash } from './cells.ts';
import type { ColumnType } from './column-types.ts';
import type { PlacedCell } from './placed.ts';

/** One emitted form row: its cells by column and the lines it covers. */
export interface FormRow {
  cells: Map<number, PlacedCell>;
  first: number;
  last: number;
}

/** What the indicator block carries from line to line. */
export interface IndicatorState {
  last?: FormRow;
  level1?: PlacedCell;
  level2?: PlacedCell;
  /** True once a placeholder line was seen after the last emitted indicator. */
  placeholderSince: boolean;
}

const PLACEHOLDER_RE = /^指标\s*\d*\s*[:：]?$/;

/**
 * Join the two halves of an indicator label cut by a line break. Vertical labels are sometimes cut with a
 * character or two printed on both lines (满意度 | 意 度 指 标): when dropping that overlap is what makes a known
 * indicator name (满意度指标), the overlap is dropped; otherwise the halves are joined as printed.
 */
export function joinLabel(first: string, second: string): string {
  const a = squash(first);
  const b = squash(second);
  for (let k = 0; k <= Math.min(a.length, b.length); k++) {
    if (k > 0 && !a.endsWith(b.slice(0, k))) continue;
    const joined = `${a}${b.slice(k)}`;
    if (levelOf(joined) !== 'none') return joined;
  }
  return `${first}${second}`;
}

/** Join a continuation line's cells into the row above (labels via joinLabel, other text as printed). */
function joinInto(
  state: IndicatorState,
  last: FormRow,
  cells: readonly PlacedCell[],
  l1Col: number,
  l2Col: number,
): void {
  for (const cell of cells) {
    const prev = last.cells.get(cell.col);
    const label = cell.col === l1Col || cell.col === l2Col;
    const text = prev ? (label ? joinLabel(prev.text, cell.text) : `${prev.text}${cell.text}`) : cell.text;
    const joined = prev ? { ...prev, text, lines: [prev.lines[0], cell.lines[1]] as [number, number] } : cell;
    last.cells.set(cell.col, joined);
    if (cell.col === l1Col && !prev?.notes) state.level1 = joined;
    if (cell.col === l2Col && !prev?.notes) state.level2 = joined;
  }
  last.last = Math.max(last.last, ...cells.map((c) => c.lines[1]));
}

/**
 * Take one indicator line (cells aligned under the template); return the cells of a new row to emit, or
 * undefined when the line was a placeholder, a bare label line or a continuation joined to the row above.
 */
export function addIndicatorLine(
  state: IndicatorState,
  row: SourceRow,
  alignedCells: readonly PlacedCell[],
  template: readonly ColumnType[],
): PlacedCell[] | undefined {
  const aligned = alignedCells.map((c) => ({ ...c }));
  const l1Col = template.indexOf('l1');
  const l2Col = template.indexOf('l2');
  const nameCol = template.findIndex((t, j) => t === 'text' && j > Math.max(l1Col, l2Col));
  // A lone label in the 一级 column with values but no 二级/三级 beside it is the 三级 name printed left.
  const labels = aligned.filter((c) => c.col === l1Col || c.col === l2Col || c.col === nameCol);
  if (labels.length === 1 && labels[0]!.col === l1Col && aligned.length > 1 && nameCol >= 0) {
    labels[0]!.col = nameCol;
    labels[0]!.confidence = 0.6;
    labels[0]!.notes = [...(labels[0]!.notes ?? []), 'moved-to-name-column'];
  }
  const at = (col: number): PlacedCell | undefined => aligned.find((c) => c.col === col);
  const isPlaceholder = (c: PlacedCell): boolean => PLACEHOLDER_RE.test(squash(c.text));
  if (aligned.some(isPlaceholder)) {
    const l1 = at(l1Col);
    const l2 = at(l2Col);
    if (l1 && !isPlaceholder(l1)) [state.level1, state.level2] = [l1, undefined];
    if (l2 && !isPlaceholder(l2)) {
      state.level2 = l2;
      const above = state.last?.cells.get(l2Col);
      const second = aligned.some((c) => isPlaceholder(c) && /2/.test(c.text));
      if (!l1 && second && state.last && !state.placeholderSince && above?.notes?.includes('filled-down')) {
        state.last.cells.set(l2Col, { ...l2, notes: ['filled-up'] });
      }
    }
    state.placeholderSince = true;
    return undefined;
  }
  // Labels cut by a line break only make indicator names when joined: then the line continues the row above
  // in every printed column, numbers included (1 | 3 is the printed 13).
  const completes = (col: number): boolean => {
    const prev = state.last?.cells.get(col);
    const cur = row.cells[col] ?? '';
    return !!prev && !prev.notes && cur !== '' && levelOf(cur) === 'none' && levelOf(`${prev.text}${cur}`) !== 'none';
  };
  const last = state.last;
  if (last && (completes(l1Col) || completes(l2Col))) {
    const asPrinted: PlacedCell[] = row.cells.flatMap((text, i) =>
      text === '' || isFillerCell(text)
        ? []
        : [{ text, row: 0, col: i, header: false, lines: [row.lineNo, row.lastLineNo], page: row.page }],
    );
    joinInto(state, last, asPrinted, l1Col, l2Col);
    return undefined;
  }
  const labelCols = new Set([l1Col, l2Col, nameCol]);
  const onlyLabels = aligned.every((c) => labelCols.has(c.col));
  const name = at(nameCol);
  if (last && onlyLabels && name) {
    joinInto(state, last, aligned, l1Col, l2Col);
    return undefined;
  }
  if (at(l1Col)) [state.level1, state.level2] = [at(l1Col), undefined];
  if (at(l2Col)) state.level2 = at(l2Col);
  if (onlyLabels && !name) return undefined;
  const cells = [...aligned];
  if (l1Col >= 0 && !at(l1Col) && state.level1) cells.push({ ...state.level1, row: 0, notes: ['filled-down'] });
  if (l2Col >= 0 && !at(l2Col) && state.level2) cells.push({ ...state.level2, row: 0, notes: ['filled-down'] });
  state.placeholderSince = false;
  return cells;
}
