/**
 * Ruled frames with unruled inner columns: a grid column whose lines print two or more values side by side,
 * separated by the same whitespace on row after row, holds columns nobody drew a line between. Such a grid
 * is better read by the unruled (stream) builder, which finds columns from whitespace.
 */
import { groupLines, splitRuns } from './lines.ts';
import type { Glyph } from './types.ts';
import { whitespaceBands } from './whitespace-bands.ts';

/** Gaps wider than this (× font size) between glyphs of a line separate values, not words. */
const VALUE_GAP = 1.0;
/** Share of a column's lines allowed to print across an inner gap (a header centred over two columns). */
const CROSSING_SHARE = 0.1;
/** Share of a column's lines that must print on both sides of the inner gap. */
const BOTH_SIDES = 0.6;
/** Fewest lines printing on both sides: two rows could be coincidence. */
const MIN_LINES = 3;

/** True when some column [xs[c], xs[c+1]) of a ruled grid holds an unruled inner column (see file doc). */
export function hasUnruledInnerColumns(xs: readonly number[], glyphs: Iterable<Glyph>): boolean {
  const upright = [...glyphs].filter((g) => g.upright);
  for (let c = 0; c + 1 < xs.length; c++) {
    const left = xs[c]!;
    const right = xs[c + 1]!;
    const inCol = upright.filter((g) => (g.x0 + g.x1) / 2 >= left && (g.x0 + g.x1) / 2 < right);
    const lines = groupLines(inCol).map((l) => splitRuns(l.glyphs, VALUE_GAP).map(runOf));
    if (innerGap(lines, left, right)) return true;
  }
  return false;
}

interface Run {
  x0: number;
  x1: number;
  /** Prints a letter or digit: a bullet or dash before an indented text is no column of its own. */
  value: boolean;
}

function runOf(run: readonly Glyph[]): Run {
  return {
    x0: Math.min(...run.map((g) => g.x0)),
    x1: Math.max(...run.map((g) => g.x1)),
    value: run.some((g) => /[\p{L}\p{N}]/u.test(g.ch)),
  };
}

/** A whitespace band inside [left, right) that few lines cross and most lines print on both sides of. */
function innerGap(lines: readonly Run[][], left: number, right: number): boolean {
  const split = lines.filter((l) => l.length >= 2);
  if (split.length < MIN_LINES) return false;
  for (const [a, b] of whitespaceBands(lines, left, right, CROSSING_SHARE)) {
    const both = lines.filter(
      (l) => l.some((r) => r.value && r.x1 <= a + 0.5) && l.some((r) => r.value && r.x0 >= b - 0.5),
    ).length;
    if (both >= MIN_LINES && both >= BOTH_SIDES * lines.length) return true;
  }
  return false;
}
