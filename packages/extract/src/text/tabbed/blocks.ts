/**
 * Cutting a tab-separated document into table blocks: maximal runs of tab lines. Blank lines, markdown rules
 * and filler rows inside a run are page-break debris and do not end it; a line of running text does.
 */
import type { TextLine } from '../../model.ts';
import { isJunkRow, isRuleCell, splitCells, squash, stripMarkdown } from './cells.ts';
import { rowSignature } from './header.ts';

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

/** Page-break debris: 续表 marks and page numbers (`- 12 -`, `第 3 页`). */
const PAGE_FURNITURE_RE =
  /^(?:续表|[（(]续表?[）)]|[-—–]?\s*\d{1,3}\s*[-—–]?|第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?)$/;

/** True when a line holds no text (or only a rule or page-break debris), so it may sit inside a table run. */
function isGapLine(text: string): boolean {
  const t = stripMarkdown(text);
  return t === '' || isRuleCell(t) || PAGE_FURNITURE_RE.test(t);
}

/**
 * Join a run to the one before it when the page break repeated the table's title/caption lines and its first
 * header row: only text already printed just above the first run (or blank/debris lines) separates them.
 */
function joinRepeatedPages(lines: readonly TextLine[], blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const prev = out.at(-1);
    if (prev && rowSignature(prev.rows[0]!.cells) === rowSignature(block.rows[0]!.cells)) {
      const above = new Set(
        lines.slice(Math.max(0, prev.start - 12), prev.start).map((l) => squash(stripMarkdown(l.text))),
      );
      const between = lines.slice(prev.end + 1, block.start).map((l) => squash(stripMarkdown(l.text)));
      if (between.every((t) => t === '' || above.has(t) || PAGE_FURNITURE_RE.test(t))) {
        out[out.length - 1] = { rows: [...prev.rows, ...block.rows], start: prev.start, end: block.end };
        continue;
      }
    }
    out.push(block);
  }
  return out;
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
  return joinRepeatedPages(
    lines,
    blocks.filter((b) => b.rows.length > 0),
  );
}
