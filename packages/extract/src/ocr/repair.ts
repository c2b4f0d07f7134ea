/**
 * OCR amounts checked by the table's own arithmetic. Identities are discovered from the table (a total column
 * that is the sum of some later columns; parent code = Σ child codes; 合计 row = Σ top-level rows), accepted only
 * when most rows obey them. Where a reading breaks an identity, the candidates of amount-candidates.ts are tried
 * and one is kept only if it makes every identity through that cell hold; otherwise the reading stays and is flagged.
 */
import { parseAmount } from '../common/amount.ts';
import { add, cmp, type Dec, dec, sub, toDecimalString } from '../common/decimal.ts';
import type { Cell } from '../model.ts';
import { amountCandidates, looksLikeAmount } from './amount-candidates.ts';

/** A cell whose notes list exists, so repairs can be recorded on it. */
type NotedCell = Cell & { notes: string[] };

interface Equation {
  total: NotedCell;
  parts: NotedCell[];
}

const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;
const TOTAL_LABEL = /合\s*计|总\s*计/;
const ZERO: Dec = { units: 0n, scale: 0 };

function amountOf(cell: Cell | undefined, override?: Map<Cell, string>): Dec {
  if (!cell) return ZERO;
  const text = override?.get(cell) ?? cell.text;
  const parsed = parseAmount(text);
  return parsed.status === 'number' ? dec(parsed.value!) : ZERO;
}

function holds(eq: Equation, override?: Map<Cell, string>): boolean {
  const parts = eq.parts.reduce((acc, c) => add(acc, amountOf(c, override)), ZERO);
  return cmp(amountOf(eq.total, override), parts) === 0;
}

function isAmountCell(cell: Cell): boolean {
  return parseAmount(cell.text).status === 'number' || looksLikeAmount(cell.text);
}

/** Body cells by row, indexed by column. */
function bodyRows(cells: readonly NotedCell[], headerRows: number): Map<number, Map<number, NotedCell>> {
  const rows = new Map<number, Map<number, NotedCell>>();
  for (const cell of cells) {
    if (cell.header || cell.row < headerRows) continue;
    if (!rows.has(cell.row)) rows.set(cell.row, new Map());
    rows.get(cell.row)!.set(cell.col, cell);
  }
  return rows;
}

/** Columns where most non-empty body cells read as amounts. */
function amountColumns(rows: Map<number, Map<number, NotedCell>>, nCols: number): number[] {
  const out: number[] = [];
  for (let col = 0; col < nCols; col += 1) {
    const texts = [...rows.values()].map((r) => r.get(col)).filter((c): c is NotedCell => !!c && c.text.trim() !== '');
    const codes = texts.filter((c) => CODE_RE.test(c.text.trim())).length;
    if (codes >= texts.length * 0.6) continue; // a classification-code column, not amounts
    if (texts.length >= 2 && texts.filter(isAmountCell).length >= texts.length * 0.6) out.push(col);
  }
  return out;
}

function subsets<T>(items: readonly T[], max: number): T[][] {
  const out: T[][] = [];
  const limit = Math.min(items.length, max);
  for (let mask = 1; mask < 1 << limit; mask += 1) out.push(items.slice(0, limit).filter((_, i) => mask & (1 << i)));
  return out;
}

/** Row identities: total column t = Σ some later amount columns, kept when it holds on ≥ 60% of rows with t ≠ 0. */
function rowEquations(rows: Map<number, Map<number, NotedCell>>, cols: number[]): Equation[] {
  const out: Equation[] = [];
  for (const [i, t] of cols.entries()) {
    const candidates = subsets(cols.slice(i + 1), 8).filter((s) => s.length >= 1);
    let best: { subset: number[]; score: number } | undefined;
    const considered = [...rows.values()].filter((r) => cmp(amountOf(r.get(t)), ZERO) !== 0);
    if (considered.length < 2) continue;
    for (const subset of candidates) {
      const score = considered.filter((r) =>
        holds({ total: r.get(t)!, parts: subset.map((c) => r.get(c)).filter((c): c is NotedCell => !!c) }),
      ).length;
      if (!best || score > best.score || (score === best.score && subset.length > best.subset.length)) {
        best = { subset, score };
      }
    }
    if (!best || best.score < considered.length * 0.6) continue;
    for (const r of rows.values()) {
      const total = r.get(t);
      if (!total) continue;
      out.push({ total, parts: best.subset.map((c) => r.get(c)).filter((c): c is NotedCell => !!c) });
    }
  }
  return out;
}

/** Code of a row: the first cell of its first two columns shaped like a 3/5/7-digit classification code. */
function rowCode(row: Map<number, NotedCell>): string | undefined {
  for (const col of [0, 1]) {
    const text = row.get(col)?.text.replace(/\s+/g, '') ?? '';
    if (CODE_RE.test(text)) return text;
  }
  return undefined;
}

/** Hierarchy identities per amount column: parent = Σ children (by code), 合计 = Σ 3-digit rows. */
function hierarchyEquations(rows: Map<number, Map<number, NotedCell>>, cols: number[]): Equation[] {
  const byCode = new Map<string, Map<number, NotedCell>>();
  for (const r of rows.values()) {
    const code = rowCode(r);
    if (code && !byCode.has(code)) byCode.set(code, r);
  }
  const families: Equation[][] = [];
  const parents = [...byCode.keys()].filter((code) => code.length < 7);
  const hierarchy: Equation[] = [];
  for (const parent of parents) {
    const children = [...byCode.entries()].filter(([c]) => c.length === parent.length + 2 && c.startsWith(parent));
    if (children.length === 0) continue;
    for (const col of cols) {
      const total = byCode.get(parent)!.get(col);
      if (total)
        hierarchy.push({ total, parts: children.map(([, r]) => r.get(col)).filter((c): c is NotedCell => !!c) });
    }
  }
  families.push(hierarchy);
  const top = [...byCode.entries()].filter(([c]) => c.length === 3).map(([, r]) => r);
  const totalEquations = (row: Map<number, NotedCell>) =>
    cols
      .map((col) => ({ total: row.get(col)!, parts: top.map((r) => r.get(col)).filter((c): c is NotedCell => !!c) }))
      .filter((eq) => eq.total);
  // The 合计 row by its label, or (label misread: 台计, 合汁) the code-less row whose amounts sum the 类 rows.
  const codeless = [...rows.values()].filter((r) => !rowCode(r));
  const labelled = codeless.find((r) => [...r.values()].some((c) => TOTAL_LABEL.test(c.text)));
  const totalRow =
    labelled ??
    codeless
      .map((r) => ({ r, held: totalEquations(r).filter((eq) => holds(eq)).length }))
      .filter((x) => x.held > 0)
      .sort((a, b) => b.held - a.held)[0]?.r;
  if (totalRow && top.length > 0) families.push(totalEquations(totalRow));
  return families.filter((eqs) => eqs.length > 0 && eqs.filter((eq) => holds(eq)).length >= eqs.length * 0.6).flat();
}

/** Values that would make each failing equation through `cell` hold, taking the other cells as read. */
function solvedValues(cell: NotedCell, eqs: readonly Equation[]): string[] {
  const out = new Set<string>();
  for (const eq of eqs) {
    if (holds(eq)) continue;
    const others = eq.parts.filter((c) => c !== cell).reduce((acc, c) => add(acc, amountOf(c)), ZERO);
    const value = eq.total === cell ? others : sub(amountOf(eq.total), others);
    if (value.units >= 0n) out.add(toDecimalString(value));
  }
  return [...out];
}

/** Levenshtein distance between the digit strings of two readings (the point ignored). */
function digitDistance(a: string, b: string): number {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= y.length; j += 1) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * A value the identities solve for, kept only when it is close to what was read: one digit off when a single
 * identity runs through the cell (it is then trivially satisfied), up to three when two or more agree.
 */
function solvedRepair(cell: NotedCell, raw: string, eqs: readonly Equation[]): string | undefined {
  for (const value of solvedValues(cell, eqs)) {
    const override = new Map([[cell as Cell, value]]);
    if (!eqs.every((eq) => holds(eq, override))) continue;
    const distance = digitDistance(raw, value);
    if (distance <= 1 || (eqs.length >= 2 && distance <= 3)) return value;
  }
  return undefined;
}

export interface RepairReport {
  cells: Cell[];
  repaired: number;
  flagged: number;
  equations: number;
}

/** Repair OCR'd amounts of one table where its identities single out one reading; flag what stays unproven. */
export function repairAmounts(cells: readonly Cell[], headerRows: number, nCols: number, decimals = 2): RepairReport {
  const copies: NotedCell[] = cells.map((c) => ({ ...c, notes: [...(c.notes ?? [])] }));
  const rows = bodyRows(copies, headerRows);
  const cols = amountColumns(rows, nCols);
  // Clean readings first (junk, confusable letters) so identity discovery sees real numbers.
  for (const r of rows.values()) {
    for (const col of cols) {
      const cell = r.get(col);
      if (!cell || parseAmount(cell.text).status === 'number' || !looksLikeAmount(cell.text)) continue;
      const first = amountCandidates(cell.text, decimals)[0];
      if (first !== undefined) {
        cell.notes.push(`ocr-cleaned: ${cell.text}`);
        cell.text = first;
      }
    }
  }
  const equations = [...rowEquations(rows, cols), ...hierarchyEquations(rows, cols)];
  const through = new Map<NotedCell, Equation[]>();
  for (const eq of equations) {
    for (const cell of [eq.total, ...eq.parts]) {
      if (!through.has(cell)) through.set(cell, []);
      through.get(cell)!.push(eq);
    }
  }
  let repaired = 0;
  for (let pass = 0; pass < 4; pass += 1) {
    const suspects = new Set<NotedCell>();
    for (const eq of equations) if (!holds(eq)) for (const c of [eq.total, ...eq.parts]) suspects.add(c);
    if (suspects.size === 0) break;
    let changed = false;
    const ordered = [...suspects].sort((a, b) => a.confidence - b.confidence);
    for (const cell of ordered) {
      const eqs = through.get(cell) ?? [];
      if (eqs.every((eq) => holds(eq))) continue;
      const raw = cell.notes.find((n) => n.startsWith('ocr-cleaned: '))?.slice(13) ?? cell.text;
      const current = parseAmount(cell.text).value;
      let fixed = false;
      for (const candidate of amountCandidates(raw, decimals)) {
        if (candidate === current) continue;
        const override = new Map([[cell, candidate]]);
        if (eqs.every((eq) => holds(eq, override))) {
          cell.notes.push(`ocr-repaired: ${cell.text} → ${candidate}`);
          cell.text = candidate;
          repaired += 1;
          changed = true;
          fixed = true;
          break;
        }
      }
      const solved = fixed ? undefined : solvedRepair(cell, raw, eqs);
      if (solved !== undefined) {
        cell.notes.push(`ocr-repaired: ${cell.text} → ${solved} (solved from ${eqs.length} identities)`);
        cell.text = solved;
        repaired += 1;
        changed = true;
      }
    }
    if (!changed) break;
  }
  let flagged = 0;
  for (const r of rows.values()) {
    for (const col of cols) {
      const cell = r.get(col);
      if (!cell || cell.text.trim() === '') continue;
      const eqs = through.get(cell) ?? [];
      const proven = eqs.length > 0 && eqs.every((eq) => holds(eq));
      if (proven) continue;
      // Unproven is flagged even when no identity reaches the cell: an OCR reading alone is never evidence.
      cell.notes.push('ocr-unverified');
      const doubtful = eqs.length > 0 || parseAmount(cell.text).status !== 'number' || cell.confidence < 0.9;
      if (doubtful) cell.confidence = Math.min(cell.confidence, 0.5);
      flagged += 1;
    }
  }
  return { cells: copies, repaired, flagged, equations: equations.length };
}
