/**
 * Tables built from OCR'd pages, finished: each cell gets the confidence of the words read inside it,
 * classification codes get their confusable letters mapped to digits, and amounts are repaired or flagged by
 * the table's own arithmetic (repair.ts).
 */
import { parseAmount } from '../common/amount.ts';
import type { Cell, ExtractedTable } from '../model.ts';
import { cleanAmountText, looksLikeAmount } from './amount-candidates.ts';
import type { OcrEngine } from './engine.ts';
import type { ScoredBox } from './ocr-page.ts';
import { repairAmounts } from './repair.ts';
import { type PageSource, type Reading, rereadCells } from './reread.ts';

const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;

/** Cells with the lowest confidence of the OCR words whose centre lies inside them. */
export function scoreCells(cells: readonly Cell[], wordsByPage: ReadonlyMap<number, readonly ScoredBox[]>): Cell[] {
  return cells.map((cell) => {
    const box = cell.provenance.box;
    const words = wordsByPage.get(cell.provenance.page ?? 0);
    if (!box || !words || cell.text.trim() === '') return cell;
    let confidence = 1;
    for (const w of words) {
      const x = (w.box.x0 + w.box.x1) / 2;
      const y = (w.box.top + w.box.bottom) / 2;
      if (x >= box.x0 && x <= box.x1 && y >= box.top && y <= box.bottom)
        confidence = Math.min(confidence, w.confidence);
    }
    return { ...cell, confidence: Math.min(cell.confidence, confidence) };
  });
}

const EDGE_JUNK = /^[\s|”“"'‘’_.,:;`~·]+(?=\p{Script=Han})|(?<=\p{Script=Han})[\s|”“"'‘’_,:;`~·]+$/gu;

/** Text cells without the specks OCR reads at their edges (`.城乡医疗救助` → `城乡医疗救助`); amounts are repair's job. */
export function trimEdgeJunk(cells: readonly Cell[]): Cell[] {
  return cells.map((c) => {
    const text = c.text.replace(EDGE_JUNK, '');
    return text === c.text ? c : { ...c, text, notes: [...(c.notes ?? []), `ocr-cleaned: ${c.text}`] };
  });
}

/** In columns that hold classification codes, map confusable letters (2o1 → 201) where that yields a code. */
export function repairCodes(cells: readonly Cell[], headerRows: number): Cell[] {
  const byCol = new Map<number, Cell[]>();
  for (const c of cells) {
    if (c.header || c.row < headerRows || c.text.trim() === '') continue;
    byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  }
  const fixes = new Map<Cell, string>();
  for (const column of byCol.values()) {
    const mapped = column.map((c) => ({ cell: c, code: cleanAmountText(c.text, 0) }));
    if (mapped.filter((m) => CODE_RE.test(m.code)).length < column.length * 0.6) continue;
    for (const m of mapped) if (CODE_RE.test(m.code) && m.code !== m.cell.text) fixes.set(m.cell, m.code);
  }
  return cells.map((c) => {
    const code = fixes.get(c);
    return code === undefined ? c : { ...c, text: code, notes: [...(c.notes ?? []), `ocr-cleaned: ${c.text}`] };
  });
}

/** How to look again at cells the arithmetic could not prove (see OcrOptions.reread). */
export interface Reread {
  mode: 'unproven' | 'all';
  pages: PageSource;
  engine(): Promise<OcrEngine>;
}

const key = (c: Cell) => `${c.row}:${c.col}`;

function isBodyAmount(c: Cell, headerRows: number): boolean {
  if (c.header || c.row < headerRows || CODE_RE.test(c.text.trim())) return false;
  return parseAmount(c.text).status === 'number' || looksLikeAmount(c.text);
}

function applyReadings(cells: readonly Cell[], readings: ReadonlyMap<string, Reading>): Cell[] {
  return cells.map((c) => {
    const reading = readings.get(key(c));
    if (!reading || reading.text === c.text) return c;
    return {
      ...c,
      text: reading.text,
      confidence: reading.confidence,
      notes: [...(c.notes ?? []), `ocr-reread: ${c.text}`],
    };
  });
}

/** Blank amount cells in rows that do not add up: the page may have held a number OCR did not see. */
function flagDoubtfulBlanks(cells: readonly Cell[], headerRows: number): Cell[] {
  const amountCols = new Set(cells.filter((c) => isBodyAmount(c, headerRows)).map((c) => c.col));
  const doubtRows = new Set(cells.filter((c) => (c.notes ?? []).includes('ocr-unverified')).map((c) => c.row));
  return cells.map((c) =>
    c.text.trim() === '' && !c.header && c.row >= headerRows && amountCols.has(c.col) && doubtRows.has(c.row)
      ? { ...c, confidence: Math.min(c.confidence, 0.5), notes: [...(c.notes ?? []), 'ocr-unverified'] }
      : c,
  );
}

/** Finish one table whose cells came (at least partly) from OCR'd pages. */
export async function finishOcrTable(
  table: ExtractedTable,
  wordsByPage: ReadonlyMap<number, readonly ScoredBox[]>,
  reread?: Reread,
): Promise<ExtractedTable> {
  let cells = repairCodes(trimEdgeJunk(scoreCells(table.cells, wordsByPage)), table.headerRows);
  let report = repairAmounts(cells, table.headerRows, table.nCols);
  const seen = new Set<string>();
  // Two rounds: a corrected cell can expose a partner that was consistently misread with it.
  for (let round = 0; reread && round < 2; round += 1) {
    const unproven = report.cells.filter((c) => (c.notes ?? []).includes('ocr-unverified'));
    const amountCols = new Set(report.cells.filter((c) => isBodyAmount(c, table.headerRows)).map((c) => c.col));
    const doubtRows = new Set(unproven.map((c) => c.row));
    // A blank in a row that does not add up may be a number the page reading missed: look at it too.
    const blank = (c: Cell) =>
      c.text.trim() === '' && !c.header && c.row >= table.headerRows && amountCols.has(c.col) && doubtRows.has(c.row);
    const wanted = reread.mode === 'all' ? report.cells.filter((c) => isBodyAmount(c, table.headerRows)) : unproven;
    const targets = [...wanted.filter((c) => isBodyAmount(c, table.headerRows)), ...report.cells.filter(blank)].filter(
      (c) => !seen.has(key(c)),
    );
    if (targets.length === 0) break;
    for (const c of targets) seen.add(key(c));
    cells = applyReadings(cells, await rereadCells(targets, reread.pages, await reread.engine()));
    report = repairAmounts(cells, table.headerRows, table.nCols);
  }
  const cellsOut = flagDoubtfulBlanks(report.cells, table.headerRows);
  const warnings = [...table.warnings];
  if (report.flagged > 0) warnings.push(`${report.flagged} OCR amounts not proven by the table's arithmetic`);
  const confidences = cellsOut.filter((c) => c.text.trim() !== '').map((c) => c.confidence);
  const mean = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0;
  return {
    ...table,
    cells: cellsOut,
    method: 'ocr',
    confidence: Math.min(table.confidence, Math.round(mean * 100) / 100),
    warnings,
  };
}
