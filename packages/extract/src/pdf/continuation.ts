/**
 * Tables that run on over pages: the first table of a page continues the last table of the previous page
 * when it has the same column layout and either repeats the header (under no title or the same title) or
 * carries no title of its own (续表 counts as no title). The repeated header rows are dropped; every cell keeps its own page.
 */
import type { Cell } from '../model.ts';
import type { PageTable } from './types.ts';

/** A table spanning one or more pages. */
export interface MergedTable extends PageTable {
  lastPage: number;
  /** Pages whose repeated header rows were dropped. */
  repeatedHeaderPages: number[];
}

const CONTINUED_RE = /续表|续\s*[)）]|[(（]\s*续|continued/i;
/** Notes printed under a table (its caption lines below it). */
const NOTE_RE = /^\s*(注|说明|备注|资料来源|数据来源|note|notes|source|sources|\*)/i;
/** A caption line of this many words is running text, not a title. */
const PROSE_WORDS = 8;

function rowTexts(t: PageTable, row: number): string {
  return t.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => c.text.replace(/\s+/g, ''))
    .join('|');
}

/** Rows at the top of `next` that repeat the header rows of `prev`. */
function repeatedHeader(prev: PageTable, next: PageTable): number {
  let k = 0;
  while (k < prev.headerRows && k < next.nRows && rowTexts(prev, k) === rowTexts(next, k)) k++;
  return k === prev.headerRows ? k : 0;
}

function sameColumns(a: PageTable, b: PageTable): boolean {
  if (a.nCols !== b.nCols) return false;
  const wa = a.box.x1 - a.box.x0;
  const wb = b.box.x1 - b.box.x0;
  if (Math.abs(wa - wb) > 0.1 * Math.max(wa, wb)) return false;
  if (a.method !== 'pdf-lattice' || b.method !== 'pdf-lattice') return true;
  return (
    a.columnEdges.length === b.columnEdges.length && a.columnEdges.every((x, i) => Math.abs(x - b.columnEdges[i]!) <= 4)
  );
}

/** The title without whitespace when it names a table (`…表`), '' otherwise (a running header is no title). */
function tableTitleKey(t: PageTable): string {
  const key = t.title?.replace(/\s+/g, '') ?? '';
  return /表|table/i.test(key) ? key : '';
}

/** True when `next` (first table of its page) continues `prev` (last table of the page before). */
function continues(prev: MergedTable, next: PageTable): boolean {
  if (next.page !== prev.lastPage + 1 || !sameColumns(prev, next)) return false;
  const marked = next.caption.some((l) => CONTINUED_RE.test(l.text));
  if (marked) return true;
  // A table under its own, different table title is a new table even when its header repeats the one before
  // (e.g. 国有资本经营… right after 政府性基金…, both with no data rows).
  const a = tableTitleKey(prev);
  const b = tableTitleKey(next);
  if (a !== '' && b !== '' && a !== b) return false;
  // Running text just above it (a paragraph, not a note under it) introduces a new table.
  if (next.caption.some((l) => l.text.trim().split(/\s+/).length >= PROSE_WORDS && !NOTE_RE.test(l.text))) return false;
  if (prev.headerRows > 0 && repeatedHeader(prev, next) > 0) return true;
  return next.title === undefined && next.caption.length === 0 && next.headerRows <= prev.headerRows;
}

/** Merge per-page tables (in page order, each page's tables top to bottom) into document tables. */
export function mergeContinuations(perPage: readonly PageTable[][]): MergedTable[] {
  const out: MergedTable[] = [];
  for (const tables of perPage) {
    tables.forEach((t, i) => {
      const prev = out[out.length - 1];
      const isLastOfPrevPage =
        prev !== undefined && !out.some((o) => o !== prev && o.lastPage === prev.lastPage && o.box.top > prev.box.top);
      if (i === 0 && prev && isLastOfPrevPage && continues(prev, t)) {
        const skip = repeatedHeader(prev, t);
        const shift = prev.nRows - skip;
        const cells: Cell[] = t.cells
          .filter((c) => c.row >= skip)
          .map((c) => ({ ...c, row: c.row + shift, header: false }));
        prev.cells.push(...cells);
        prev.nRows += t.nRows - skip;
        prev.lastPage = t.page;
        if (skip > 0) prev.repeatedHeaderPages.push(t.page);
        prev.caption.push(...t.caption);
        return;
      }
      out.push({ ...t, cells: [...t.cells], caption: [...t.caption], lastPage: t.page, repeatedHeaderPages: [] });
    });
  }
  return out;
}
