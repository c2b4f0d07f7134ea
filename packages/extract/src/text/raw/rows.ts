/**
 * Reading printed rows out of the piece stream of a table body, following the column template: code + name
 * + N values, or label + 行次 + N values per side. Blank cells are positional; runs of extra blanks between
 * rows (page breaks add one leading space) are skipped, and a short row simply ends at the next row's start.
 */
import { parseAmount } from '../../common/amount.ts';
import { isCodeShape, undoubleCode } from './doubling.ts';
import { isTextPiece, type Piece } from './pieces.ts';

/** A value cell of a row: the piece, or undefined for a blank cell. */
export type ValueCell = Piece | undefined;

/** One side (or block) of a printed row. */
export interface RowPart {
  /** Code (code-name stub), undefined when not printed. */
  code?: Piece;
  /** Name or label. */
  label?: Piece;
  /** 行次 (label-line stub). */
  line?: Piece;
  values: ValueCell[];
}

/** A printed row: one part per side/block, or a section label / header line with no values. */
export interface ParsedRow {
  kind: 'data' | 'section';
  parts: RowPart[];
}

const LINE_NO_RE = /^\d{1,3}(\.0+)?$/;

/** Options for reading values: with 2-decimal amounts a bare integer is a code or 行次, not a value. */
export interface ValueRules {
  twoDecimal: boolean;
}

function isValuePiece(p: Piece, rules: ValueRules): boolean {
  if (p.text === '') return true;
  const parsed = parseAmount(p.text);
  if (parsed.status === 'not_applicable') return true;
  if (parsed.status !== 'number') return false;
  if (rules.twoDecimal && /^\d+$/.test(p.text) && p.text !== '0') return false;
  return true;
}

/** The code a piece prints, undoubling `301301` → `301`; undefined when it is not a code. */
export function codeOf(p: Piece): { code: string; doubled: boolean } | undefined {
  if (isCodeShape(p.text)) return { code: p.text, doubled: false };
  const half = undoubleCode(p.text);
  return half ? { code: half, doubled: true } : undefined;
}

/** Rows of a code + name table; `k` values per row. */
export function readCodeNameRows(pieces: readonly Piece[], k: number, rules: ValueRules): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let i = 0;
  while (i < pieces.length) {
    const p = pieces[i];
    if (!p) break;
    if (p.text === '' || parseAmount(p.text).status === 'not_applicable' || isValuePiece(p, rules)) {
      i++;
      continue;
    }
    const part: RowPart = { values: [] };
    const code = codeOf(p);
    if (code) {
      part.code = code.doubled ? { ...p, text: code.code, notes: [...p.notes, 'undoubled-code'] } : p;
      i++;
      const next = pieces[i];
      if (next && isTextPiece(next.text)) {
        part.label = next;
        i++;
      }
    } else {
      part.label = p;
      i++;
    }
    while (part.values.length < k && i < pieces.length) {
      const v = pieces[i];
      if (!v || !isValuePiece(v, rules)) break;
      part.values.push(v.text === '' ? undefined : v);
      i++;
    }
    rows.push({ kind: 'data', parts: [part] });
  }
  return rows;
}

/** Rows of a label + 行次 table with one entry of `sizes` per side. */
export function readLabelLineRows(pieces: readonly Piece[], sizes: readonly number[], rules: ValueRules): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let i = 0;
  const isLine = (p: Piece | undefined) => p !== undefined && LINE_NO_RE.test(p.text);
  while (i < pieces.length) {
    const parts: RowPart[] = [];
    const start = i;
    for (const [s, size] of sizes.entries()) {
      const part: RowPart = { values: [] };
      const p = pieces[i];
      if (!p) break;
      if (isTextPiece(p.text)) {
        part.label = p;
        i++;
      } else if (p.text === '') {
        i++;
      }
      // Extra blanks before the 行次 (a page break adds a leading space) are skipped, at most two.
      let skipped = 0;
      while (pieces[i]?.text === '' && skipped < 2) {
        i++;
        skipped++;
      }
      if (!isLine(pieces[i])) {
        if (s === 0 && part.label) rows.push({ kind: 'section', parts: [part] });
        else if (part.label) parts.push(part);
        break;
      }
      part.line = pieces[i];
      i++;
      while (part.values.length < size && i < pieces.length) {
        const v = pieces[i];
        if (!v || !isValuePiece(v, rules)) break;
        part.values.push(v.text === '' ? undefined : v);
        i++;
      }
      parts.push(part);
    }
    if (parts.length > 0) rows.push({ kind: 'data', parts });
    if (i === start) i++;
  }
  return rows;
}

/** Rows of a table without a stub: `k` values per row, a row ending early at a line end. */
export function readValueRows(pieces: readonly Piece[], k: number, rules: ValueRules): ParsedRow[] {
  const rows: ParsedRow[] = [];
  let part: RowPart = { values: [] };
  const flush = () => {
    if (part.values.some((v) => v !== undefined)) rows.push({ kind: 'data', parts: [part] });
    part = { values: [] };
  };
  for (const p of pieces) {
    if (!isValuePiece(p, rules)) {
      flush();
      continue;
    }
    part.values.push(p.text === '' ? undefined : p);
    if (part.values.length === k) flush();
  }
  flush();
  return rows;
}
