/** Glyphs → text lines (shared baseline, left to right) and line → text with the right spaces. */
import { unionBoxes } from './geometry.ts';
import type { Glyph, Line } from './types.ts';

/** CJK ideographs, kana, hangul and full-width forms: no spaces are written between these. */
export function isCjk(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef)
  );
}

/** The middle value (upper middle for an even count) of font sizes. */
function medianSize(glyphs: readonly Glyph[]): number {
  if (glyphs.length === 0) return 0;
  const first = glyphs[0]!.size;
  // Most lines are set in one size: no copy and sort for them.
  if (glyphs.every((g) => g.size === first)) return first;
  const s = Float64Array.from(glyphs, (g) => g.size).sort();
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Stable sort by x0 in place. A line's glyphs arrive almost in order (sorted by baseline, then x0), where
 * insertion sort is linear; when they are far from it, the built-in sort takes over (equal keys never pass
 * each other in either, so the result is the same).
 */
function sortByX(gs: Glyph[]): void {
  let moves = 0;
  for (let i = 1; i < gs.length; i++) {
    const g = gs[i]!;
    let j = i - 1;
    while (j >= 0 && gs[j]!.x0 > g.x0) {
      gs[j + 1] = gs[j]!;
      j--;
    }
    gs[j + 1] = g;
    moves += i - 1 - j;
    if (moves > 8 * gs.length) {
      gs.sort((a, b) => a.x0 - b.x0);
      return;
    }
  }
}

/** A line of glyphs sharing a baseline: sorted left to right, with its box and median font size. */
function lineOf(gs: Glyph[]): Line {
  sortByX(gs);
  // Field by field, not `{ ...box, glyphs, size }`: see boxed() in geometry.ts.
  const b = unionBoxes(gs)!;
  return { x0: b.x0, top: b.top, x1: b.x1, bottom: b.bottom, glyphs: gs, size: medianSize(gs) };
}

/** Group upright glyphs into lines by baseline; each line sorted left to right. */
export function groupLines(glyphs: readonly Glyph[]): Line[] {
  const sorted = [...glyphs].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const lines: Line[] = [];
  let start = 0;
  let anchor = 0;
  for (let i = 0; i < sorted.length; i++) {
    const g = sorted[i]!;
    if (i > start && g.baseline - anchor <= 0.35 * Math.max(1, g.size)) continue;
    if (i > start) lines.push(lineOf(sorted.slice(start, i)));
    start = i;
    anchor = g.baseline;
  }
  if (sorted.length > start) lines.push(lineOf(sorted.slice(start)));
  return lines;
}

/** True when a space belongs between two neighbouring glyphs of one line. */
function spaceBetween(a: Glyph, b: Glyph): boolean {
  const gap = b.x0 - a.x1;
  const size = Math.min(a.size, b.size);
  // CJK text has no word spaces; only a wide gap (separate chunks on one line) is written as a space.
  if (isCjk(a.ch) && isCjk(b.ch)) return gap > 1.5 * size;
  return b.spaceBefore || gap > 0.25 * size;
}

/** The text of glyphs on one line, left to right. */
export function lineText(glyphs: readonly Glyph[]): string {
  let text = '';
  glyphs.forEach((g, i) => {
    const prev = glyphs[i - 1];
    if (prev && spaceBetween(prev, g)) text += ' ';
    text += g.ch;
  });
  return text;
}

/** Split a line's glyphs into runs wherever the gap is wider than `gap` × font size. */
export function splitRuns(glyphs: readonly Glyph[], gap: number): Glyph[][] {
  const runs: Glyph[][] = [];
  let run: Glyph[] = [];
  for (const g of glyphs) {
    const prev = run[run.length - 1];
    if (prev && g.x0 - prev.x1 > gap * Math.min(prev.size, g.size)) {
      runs.push(run);
      run = [];
    }
    run.push(g);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/** Text of glyphs that may span several lines (a cell): lines top to bottom, CJK joined without a space. */
export function blockText(glyphs: readonly Glyph[]): string {
  if (glyphs.length === 0) return '';
  const upright = glyphs.filter((g) => g.upright);
  if (upright.length * 2 < glyphs.length) {
    // Sideways text in a cell (vertical headers): read along the columns of characters.
    return [...glyphs]
      .sort((a, b) => a.x0 - b.x0 || a.top - b.top)
      .map((g) => g.ch)
      .join('');
  }
  // Inside a cell, letter-spaced CJK (项  目) is one word: drop spaces between CJK characters.
  const lines = groupLines(glyphs).map((l) => {
    const line = lineText(l.glyphs);
    return line.includes(' ') ? line.replace(/(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu, '') : line;
  });
  let text = '';
  for (const line of lines) {
    if (text === '') text = line;
    else text += isCjk(text.at(-1) ?? '') && isCjk(line[0] ?? '') ? line : ` ${line}`;
  }
  // Dot leaders after a label ("Robbery . . . . . .") are layout, not content.
  return (/[.·…]/.test(text) ? text.replace(/(\s*[.·…]\s*){4,}$/u, '') : text).trim();
}
