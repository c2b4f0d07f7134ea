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
import { LABEL_REREAD, type PageSource, type Reading, rereadCells } from './reread.ts';

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

/** Non-empty body cells by column. */
function bodyColumns(cells: readonly Cell[], headerRows: number): Map<number, Cell[]> {
  const byCol = new Map<number, Cell[]>();
  for (const c of cells) {
    if (c.header || c.row < headerRows || c.text.trim() === '') continue;
    byCol.set(c.col, [...(byCol.get(c.col) ?? []), c]);
  }
  return byCol;
}

/** The cells with the given codes put in, each noting what was read. */
function withCodes(cells: readonly Cell[], fixes: ReadonlyMap<Cell, string>): Cell[] {
  return cells.map((c) => {
    const code = fixes.get(c);
    return code === undefined ? c : { ...c, text: code, notes: [...(c.notes ?? []), `ocr-cleaned: ${c.text}`] };
  });
}

/** In columns that hold classification codes, map confusable letters (2o1 → 201) where that yields a code. */
export function repairCodes(cells: readonly Cell[], headerRows: number): Cell[] {
  const byCol = bodyColumns(cells, headerRows);
  const fixes = new Map<Cell, string>();
  for (const column of byCol.values()) {
    const mapped = column.map((c) => ({ cell: c, code: cleanAmountText(c.text, 0) }));
    if (mapped.filter((m) => CODE_RE.test(m.code)).length < column.length * 0.6) continue;
    for (const m of mapped) if (CODE_RE.test(m.code) && m.code !== m.cell.text) fixes.set(m.cell, m.code);
  }
  return withCodes(cells, fixes);
}

const HAN = /\p{Script=Han}/u;

/**
 * A 类 or 款 code that disagrees with the codes printed under it takes their prefix: its children (the rows down
 * to the next code as short or shorter) all start with one prefix of its length, and two or more readings outweigh
 * one (224 over 22102, 2210201 → 221). A reading that is no code at all (`eat`) is fixed the same way when a child
 * follows it. Only a reading one digit off is changed, so a real misprint in the document is not papered over.
 */
export function repairCodeHierarchy(cells: readonly Cell[], headerRows: number): Cell[] {
  const byCol = bodyColumns(cells, headerRows);
  const fixes = new Map<Cell, string>();
  for (const column of byCol.values()) {
    const codes = column.filter((c) => CODE_RE.test(c.text.trim()));
    if (codes.length < column.length * 0.6) continue;
    const list = [...column].sort((a, b) => a.row - b.row).map((c) => ({ cell: c, text: c.text.trim() }));
    const printedOn = (page: number | undefined) =>
      new Set(list.filter((e) => e.cell.provenance.page === page).map((e) => e.text));
    list.forEach(({ cell, text }, i) => {
      const isCode = CODE_RE.test(text);
      const next = list[i + 1]?.text ?? '';
      const length = isCode ? text.length : CODE_RE.test(next) && next.length > 3 ? next.length - 2 : 0;
      if (length === 0 || length === 7 || (!isCode && (HAN.test(text) || text.length < 2))) return;
      const children: string[] = [];
      for (const entry of list.slice(i + 1)) {
        if (!CODE_RE.test(entry.text) || entry.text.length <= length) break;
        children.push(entry.text);
      }
      const prefix = children[0]?.slice(0, length);
      // Codes are unique in a table: a prefix printed elsewhere means this row sits deeper than its neighbours say.
      // (Looked for on the row's page only: pages of like tables can be joined as one continued table.)
      if (!prefix || printedOn(cell.provenance.page).has(prefix) || children.some((c) => !c.startsWith(prefix))) return;
      if (isCode && (children.length < 2 || [...text].filter((ch, k) => ch !== prefix[k]).length > 1)) return;
      fixes.set(cell, prefix);
    });
  }
  return withCodes(cells, fixes);
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

const LATIN = /[A-Za-z]/;

/** Neighbouring label cells of one row read again as one: a spaced-out label (合　　计) straddles cells. */
interface LabelRun {
  cells: Cell[];
  /** The run as one cell (first cell's row and column, the union of the boxes), for re-reading. */
  probe: Cell;
}

/**
 * Label runs worth a second, Chinese-only reading: those holding Latin letters, in a table
 * whose labels are Chinese (tables labelled in other scripts are left to the page reading).
 */
function doubtfulLabelRuns(cells: readonly Cell[], headerRows: number): LabelRun[] {
  const body = cells.filter((c) => !c.header && c.row >= headerRows && c.text.trim() !== '');
  const amountCols = new Set<number>();
  for (const col of new Set(body.map((c) => c.col))) {
    const inCol = body.filter((c) => c.col === col);
    if (inCol.filter((c) => isBodyAmount(c, headerRows)).length >= inCol.length * 0.6) amountCols.add(col);
  }
  const labels = body.filter((c) => !amountCols.has(c.col) && !CODE_RE.test(c.text.trim()));
  if (labels.filter((c) => HAN.test(c.text)).length < labels.length * 0.6) return [];
  const runs: LabelRun[] = [];
  for (const row of new Set(labels.map((c) => c.row))) {
    const inRow = labels.filter((c) => c.row === row).sort((a, b) => a.col - b.col);
    let run: Cell[] = [];
    const flush = () => {
      const boxes = run.map((c) => c.provenance.box);
      // Latin letters only: re-reading every unsure Chinese label cost about 1.8 CPU s a page and changed no name
      // on the scanned fixtures (coded rows take the code list's name downstream anyway).
      const doubtful = run.some((c) => LATIN.test(c.text));
      if (
        doubtful &&
        boxes.every((b) => b !== undefined) &&
        run.every((c) => c.provenance.page === run[0]!.provenance.page)
      ) {
        const box = {
          x0: Math.min(...boxes.map((b) => b!.x0)),
          top: Math.min(...boxes.map((b) => b!.top)),
          x1: Math.max(...boxes.map((b) => b!.x1)),
          bottom: Math.max(...boxes.map((b) => b!.bottom)),
        };
        runs.push({ cells: run, probe: { ...run[0]!, provenance: { ...run[0]!.provenance, box } } });
      }
      run = [];
    };
    for (const c of inRow) {
      if (run.length > 0 && c.col !== run.at(-1)!.col + run.at(-1)!.colspan) flush();
      run.push(c);
    }
    flush();
  }
  return runs;
}

/**
 * Put re-read labels in place: the run's first cell gets the reading, the others are emptied (their text was part
 * of it). Only runs holding Latin letters are re-read, so an accepted Chinese reading always replaces them.
 */
function applyLabelReadings(cells: readonly Cell[], runs: readonly LabelRun[], readings: ReadonlyMap<string, Reading>) {
  const updates = new Map<Cell, Cell>();
  for (const run of runs) {
    const reading = readings.get(key(run.probe));
    const before = run.cells.map((c) => c.text).join('');
    if (!reading || reading.text === before) continue;
    run.cells.forEach((c, i) => {
      const notes = [...(c.notes ?? []), `ocr-reread: ${c.text}`];
      updates.set(
        c,
        i === 0 ? { ...c, text: reading.text, confidence: reading.confidence, notes } : { ...c, text: '', notes },
      );
    });
  }
  return cells.map((c) => updates.get(c) ?? c);
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
  let cells = repairCodeHierarchy(
    repairCodes(trimEdgeJunk(scoreCells(table.cells, wordsByPage)), table.headerRows),
    table.headerRows,
  );
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
  const runs = reread ? doubtfulLabelRuns(report.cells, table.headerRows) : [];
  if (reread && runs.length > 0) {
    const readings = await rereadCells(
      runs.map((r) => r.probe),
      reread.pages,
      await reread.engine(),
      LABEL_REREAD,
    );
    report = { ...report, cells: applyLabelReadings(report.cells, runs, readings) };
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
