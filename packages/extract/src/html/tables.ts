/** HTML <table> → ExtractedTable: spans expanded onto a grid, header rows detected, line provenance kept. */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { parseAmount } from '../common/amount.ts';
import type { Cell, ExtractedTableInput, TextLine } from '../model.ts';

const MAX_SPAN = 1000;

interface RawCell {
  text: string;
  rowspan: number;
  colspan: number;
  isTh: boolean;
  lines: [number, number];
}

function cellText($: CheerioAPI, el: Element): string {
  const clone = $(el).clone();
  clone.find('br').replaceWith('\n');
  return clone
    .text()
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

function spanOf(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

function linesOf(el: Element): [number, number] {
  const loc = el.sourceCodeLocation;
  return [loc?.startLine ?? 1, loc?.endLine ?? loc?.startLine ?? 1];
}

/** Rows of a table that belong to it (not to a nested table). */
function ownRows($: CheerioAPI, table: Element): Element[] {
  return $(table)
    .find('tr')
    .toArray()
    .filter((tr) => $(tr).closest('table').get(0) === table);
}

/** Place cells on a grid the way browsers do: each cell takes the first free column of its row. */
function layoutGrid(rows: RawCell[][]): { placed: { cell: RawCell; row: number; col: number }[]; nCols: number } {
  const taken = new Set<string>();
  const placed: { cell: RawCell; row: number; col: number }[] = [];
  let nCols = 0;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (taken.has(`${r},${c}`)) c += 1;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr += 1) {
        for (let dc = 0; dc < cell.colspan; dc += 1) taken.add(`${r + dr},${c + dc}`);
      }
      placed.push({ cell, row: r, col: c });
      c += cell.colspan;
      nCols = Math.max(nCols, c);
    }
  });
  return { placed, nCols };
}

/** Header rows: <thead>/all-<th> rows, else leading rows holding no amounts when later rows do. */
function countHeaderRows(rows: RawCell[][], theadRows: number): number {
  if (theadRows > 0) return theadRows;
  let n = 0;
  while (n < rows.length && rows[n]!.length > 0 && rows[n]!.every((c) => c.isTh)) n += 1;
  if (n > 0) return n;
  const hasAmount = (cells: RawCell[]) => cells.some((c) => parseAmount(c.text).status === 'number');
  const firstWithAmount = rows.findIndex(hasAmount);
  return firstWithAmount > 0 && firstWithAmount <= 4 ? firstWithAmount : 0;
}

/** Text of the nearest preceding block elements (title, 公开NN表, 单位：…), nearest last. */
function precedingCaption($: CheerioAPI, table: Element): TextLine[] {
  const out: TextLine[] = [];
  let node: Cheerio<Element> = $(table);
  for (let hops = 0; hops < 6 && out.length < 4; hops += 1) {
    const prev = node.prev();
    if (prev.length === 0) {
      node = node.parent();
      if (node.length === 0 || node.is('body')) break;
      continue;
    }
    node = prev;
    if (node.is('table') || node.find('table').length > 0) break;
    const text = node.text().replace(/\s+/g, ' ').trim();
    const el = node.get(0);
    if (text && el) out.unshift({ lineNo: linesOf(el)[0], text });
  }
  return out;
}

/** Every innermost <table> with at least one non-empty cell, as an extracted table. */
export function htmlTables($: CheerioAPI): ExtractedTableInput[] {
  const tables = $('table')
    .toArray()
    .filter((t) => $(t).find('table').length === 0);
  const out: ExtractedTableInput[] = [];
  for (const table of tables) {
    const trs = ownRows($, table);
    const rows: RawCell[][] = trs.map((tr) =>
      $(tr)
        .children('td,th')
        .toArray()
        .map((el) => ({
          text: cellText($, el),
          rowspan: spanOf($(el).attr('rowspan')),
          colspan: spanOf($(el).attr('colspan')),
          isTh: el.tagName === 'th',
          lines: linesOf(el),
        })),
    );
    if (!rows.some((cells) => cells.some((c) => c.text !== ''))) continue;
    const theadRows = trs.filter((tr) => $(tr).parent().is('thead')).length;
    const headerRows = countHeaderRows(rows, theadRows);
    const { placed, nCols } = layoutGrid(rows);
    const cells: Cell[] = placed.map(({ cell, row, col }) => ({
      text: cell.text,
      row,
      col,
      rowspan: Math.min(cell.rowspan, rows.length - row),
      colspan: cell.colspan,
      header: row < headerRows,
      provenance: { page: 1, lines: cell.lines },
      confidence: 1,
    }));
    const caption = precedingCaption($, table);
    const captionEl = $(table).children('caption').first();
    const title = captionEl.length ? captionEl.text().trim() : caption.find((l) => /表/.test(l.text))?.text;
    const lines = linesOf(table);
    out.push({
      id: `t${String(out.length + 1).padStart(2, '0')}`,
      pages: [1, 1],
      lines,
      title,
      caption,
      headerRows,
      nRows: rows.length,
      nCols,
      cells,
      method: 'html',
    });
  }
  return out;
}
