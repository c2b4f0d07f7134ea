/**
 * Cutting table body lines into printed cells. In this converter's output the cells of one printed row are
 * joined by single spaces, a blank cell is an empty string between two spaces (so `a  b` is a, blank, b),
 * a line whose last cell is blank carries one extra trailing space, and a cell wrapped over several lines
 * comes out as consecutive lines. Glued amounts are split and fake-bold text cells undoubled here.
 */

import { parseAmount } from '../../common/amount.ts';
import type { TextLine } from '../../model.ts';
import { halfIfDoubled, undoubleToken } from './doubling.ts';
import { splitGlued } from './glue.ts';

/** One printed cell as read from the text: '' for a blank cell. */
export interface Piece {
  text: string;
  /** First and last 1-based source line. */
  lines: [number, number];
  /** First piece on its source line / last piece on its source line. */
  first: boolean;
  last: boolean;
  notes: string[];
}

/** True for a piece that is neither blank, a number, a not-applicable dash nor a bare code. */
export function isTextPiece(text: string): boolean {
  if (text === '') return false;
  if (/^\d+$/.test(text)) return false;
  const status = parseAmount(text).status;
  return status === 'text';
}

/** Cut body lines into pieces; `glued` enables splitting of amounts glued to the next cell. */
export function toPieces(lines: readonly TextLine[], glued: boolean): Piece[] {
  const out: Piece[] = [];
  for (const line of lines) {
    if (line.text === '') continue;
    const parts = line.text.split(' ');
    // The converter ends a line whose last cell is blank with one extra space.
    if (parts.length > 1 && parts.at(-1) === '') parts.pop();
    const linePieces: Piece[] = [];
    for (const part of parts) {
      const split = glued && part ? splitGlued(part) : [part];
      for (const text of split) {
        const notes = split.length > 1 ? ['split-glued-number'] : [];
        linePieces.push({ text, lines: [line.lineNo, line.lineNo], first: false, last: false, notes });
      }
    }
    const head = linePieces[0];
    const tail = linePieces.at(-1);
    if (head) head.first = true;
    if (tail) tail.last = true;
    out.push(...linePieces);
  }
  return mergeWrapped(out);
}

/** Join a text cell wrapped over consecutive lines and undouble its fake-bold fragments. */
function mergeWrapped(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    if (!p) continue;
    if (!isTextPiece(p.text) || !p.last) {
      out.push(p.text && isTextPiece(p.text) ? undoubleFragments(p, [p.text]) : p);
      continue;
    }
    const fragments = [p.text];
    let lastLine = p.lines[1];
    let notes = [...p.notes];
    let j = i + 1;
    for (; j < pieces.length; j++) {
      const q = pieces[j];
      const prev = pieces[j - 1];
      if (!q || !prev || !q.first || !prev.last || !isTextPiece(q.text) || q.lines[0] <= lastLine) break;
      // A fake-bold line next to a plain one is a different cell (a section heading above a row label).
      if (boldness(q.text) * Math.max(...fragments.map(boldness)) < 0) break;
      if (boldness(q.text) * Math.min(...fragments.map(boldness)) < 0) break;
      fragments.push(q.text);
      lastLine = q.lines[1];
      notes = [...notes, ...q.notes];
      if (!q.last) {
        j++;
        break;
      }
    }
    const endPiece = pieces[j - 1];
    out.push(
      undoubleFragments(
        {
          text: fragments.join(''),
          lines: [p.lines[0], lastLine],
          first: p.first,
          last: endPiece?.last ?? true,
          notes,
        },
        fragments,
      ),
    );
    i = j - 1;
  }
  return out;
}

/**
 * 1 for a fragment that is surely fake bold (two copies of ≥ 2 characters), −1 for one that is not doubled at
 * all, 0 for a one-character double (`计计`, the tail of a bold cell, or a real 常常). A wrap never mixes 1 and −1.
 */
function boldness(text: string): number {
  if (undoubleToken(text) !== undefined) return 1;
  return halfIfDoubled(text) === undefined ? -1 : 0;
}

/**
 * A wrapped cell is fake-bold when one of its fragments is two copies of at least two characters; then its
 * one-character doubled fragments (`计计`) are copies too. A lone `常常` stays as printed.
 */
function undoubleFragments(piece: Piece, fragments: readonly string[]): Piece {
  const strong = fragments.some((f) => undoubleToken(f) !== undefined);
  if (!strong) return piece;
  const text = fragments.map((f) => halfIfDoubled(f) ?? f).join('');
  return { ...piece, text, notes: [...piece.notes, 'undoubled-fake-bold'] };
}
