/**
 * Cutting a tab-separated document into table blocks: maximal runs of tab lines. Blank lines, markdown rules
 * and filler rows inside a run are page-break debris and do not end it; a line of running text does.
 */
import type { TextLine } from '../../model.ts';
import { isJunkRow, isRuleCell, splitCells } from './cells.ts';

/** One printed table row: its cells as printed (cleaned) and where it was printed. */
export interface SourceRow {
  lineNo: number;
  /** Last line of the row (greater than lineNo when wrapped lines were joined). */
  lastLineNo: number;
  page: number;
  cells: string[];
}

/** A run of table rows with the indices (into the document's lines) where it starts and ends. */
export interface Block {
  rows: SourceRow[];
  /** Index of the first and last line of the run in the input array. */
  start: number;
  end: number;
}

/** True when a line holds no text (or only a markdown rule), so it may sit inside a table run. */
function isGapLine(text: string): boolean {
  const t = text.trim();
  return t === '' || isRuleCell(t);
}

/** Find every run of tab-separated rows; rows that carry no content are dropped, their lines still bridge. */
export function findBlocks(lines: readonly TextLine[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((line, index) => {
    if (line.text.includes('\t')) {
      const cells = splitCells(line.text);
      current ??= { rows: [], start: index, end: index };
      current.end = index;
      if (!isJunkRow(cells)) {
        current.rows.push({ lineNo: line.lineNo, lastLineNo: line.lineNo, page: line.page ?? 1, cells });
      }
      return;
    }
    if (current && isGapLine(line.text)) return;
    if (current) blocks.push(current);
    current = undefined;
  });
  if (current) blocks.push(current);
  return blocks.filter((b) => b.rows.length > 0);
}
