/**
 * Tables from tab-separated converter output (seeds 000, 001, 003, 004): find the runs of tab lines, read
 * their titles and captions, and build each as a grid, an unpivoted side-by-side table or a key-value form.
 */
import type { ExtractedTableInput, TextLine } from '../../model.ts';
import { type Block, findBlocks, type SourceRow } from './blocks.ts';
import { findCaptions, findSubjectAbove, isCaptionLine, isTitleLine, NOTE_RE } from './captions.ts';
import { buildGrid } from './grid.ts';
import { filled } from './header.ts';
import { buildKeyValue, isKeyValueBlock } from './key-value.ts';
import { type BuiltTable, toModelCells } from './placed.ts';
import { buildSideBySide, sideBySideShape } from './side-by-side.ts';

/** A block is a table when at least two of its rows print two or more cells. */
function isTable(rows: readonly SourceRow[]): boolean {
  return rows.filter((r) => filled(r.cells) >= 2).length >= 2;
}

/** Build one block with the builder its shape calls for. */
function build(rows: readonly SourceRow[]): BuiltTable {
  if (isKeyValueBlock(rows)) return buildKeyValue(rows);
  const shape = sideBySideShape(rows);
  return shape ? buildSideBySide(rows, shape) : buildGrid(rows);
}

/** Title, caption and rows of a block, with a leading one-cell title row (自我评价评分附件表) moved to the caption. */
function framed(lines: readonly TextLine[], blocks: readonly Block[], k: number) {
  const block = blocks[k]!;
  const floor = k > 0 ? blocks[k - 1]!.end + 1 : 0;
  const ceiling = k + 1 < blocks.length ? blocks[k + 1]!.start - 1 : lines.length - 1;
  const found = findCaptions(lines, block.start, block.end, floor, ceiling);
  let title = found.title;
  const caption = [...found.caption];
  // Title, number, department and unit lines printed inside the tab run (a lone 自我评价评分附件表 cell, a
  // `部门：…\t单位：万元` row) and notes printed as a tab row belong to the caption, not to the grid.
  const lineOf = (row: SourceRow): TextLine | undefined => lines.find((l) => l.lineNo === row.lineNo);
  const isCaptionRow = (row: SourceRow, atTop: boolean): boolean => {
    const texts = row.cells.filter((c) => c !== '');
    if (texts.length === 0) return false;
    if (!atTop) return NOTE_RE.test(texts[0]!);
    if (texts.length === 1 && isTitleLine(texts[0]!)) return true;
    return texts.every((t) => isCaptionLine(t));
  };
  let rows = block.rows;
  while (rows.length > 0 && isCaptionRow(rows[0]!, true)) {
    const texts = rows[0]!.cells.filter((c) => c !== '');
    if (texts.length === 1 && isTitleLine(texts[0]!)) title ??= texts[0];
    const line = lineOf(rows[0]!);
    if (line) caption.push(line);
    rows = rows.slice(1);
  }
  while (rows.length > 0 && isCaptionRow(rows.at(-1)!, false)) {
    const line = lineOf(rows.at(-1)!);
    if (line) caption.push(line);
    rows = rows.slice(0, -1);
  }
  caption.sort((a, b) => a.lineNo - b.lineNo);
  return { block, title, caption, rows };
}

/** Find and parse every table in tab-separated text. */
export function extractTabbedTables(lines: readonly TextLine[]): ExtractedTableInput[] {
  const blocks = findBlocks(lines);
  const tables: ExtractedTableInput[] = [];
  blocks.forEach((_, k) => {
    const { block, title, caption, rows } = framed(lines, blocks, k);
    if (!isTable(rows)) return;
    const built = build(rows);
    const subject =
      built.layout.kind === 'key-value' ? (built.subject ?? findSubjectAbove(lines, block.start)) : undefined;
    const pages = rows.map((r) => r.page);
    const nRows = Math.max(0, ...built.cells.map((c) => c.row + (c.rowspan ?? 1)));
    const nCols = Math.max(0, ...built.cells.map((c) => c.col + (c.colspan ?? 1)));
    tables.push({
      id: `t${String(tables.length + 1).padStart(2, '0')}`,
      pages: [Math.min(...pages), Math.max(...pages)],
      lines: [rows[0]!.lineNo, rows.at(-1)!.lastLineNo],
      ...(title !== undefined ? { title } : {}),
      caption,
      headerRows: built.headerRows,
      nRows,
      nCols,
      cells: toModelCells(built.cells),
      layout: built.layout,
      ...(subject !== undefined ? { subject } : {}),
      confidence: built.confidence,
      method: 'text-tabbed',
      warnings: built.warnings,
    });
  });
  return tables;
}
