/**
 * Rows of an unruled-column table parted by horizontal rules (lines or the edges of shaded bands between
 * records): the text lines between two rules are one record, however its cells wrap.
 */
import type { Box } from '../model.ts';
import { overlap, unionBoxes } from './geometry.ts';
import type { Segment } from './types.ts';

/** A rule must cross this share of the table's width to part its rows. */
const ACROSS = 0.8;
/** Fewest rules between the records: one rule above a total row does not part every row. */
const MIN_INNER = 2;

/**
 * For each line (top to bottom) the number of rules above its middle, or undefined when the rules do not
 * part the records (`record` flags the lines printing values): fewer than two rules between the first record
 * and the last line, or no more bands holding records than half the records (a rule above a total row).
 */
export function ruledBands(
  lines: readonly Box[],
  record: readonly boolean[],
  rules: readonly Segment[],
): number[] | undefined {
  const box = unionBoxes(lines);
  // Without values every line counts: rules are then the only sign of where a row ends.
  const first = Math.max(0, record.indexOf(true));
  if (!box) return undefined;
  const width = box.x1 - box.x0;
  const ys = rules
    .filter((s) => s.orientation === 'h' && overlap(s.x0, s.x1, box.x0, box.x1) >= ACROSS * width)
    .map((s) => (s.top + s.bottom) / 2);
  const inner = ys.filter((y) => y > lines[first]!.top && y < box.bottom);
  if (inner.length < MIN_INNER) return undefined;
  const bands = lines.map((l) => ys.filter((y) => y < (l.top + l.bottom) / 2).length);
  const records = bands.filter((_, i) => record[i]);
  return records.length === 0 || new Set(records).size * 2 > records.length ? bands : undefined;
}

/**
 * True when `line` lies in the ruled band of `last`, the table's last row so far: no rule across [x0, x1]
 * between their middles, one under `line`, and the table's rows are ruled (two or more rules between its
 * first line and `line`). Such a line is the rest of that row's cells, however it is set.
 */
export function inRuledBand(
  first: Box,
  last: Box,
  line: Box,
  x0: number,
  x1: number,
  rules: readonly Segment[],
): boolean {
  const mid = (b: Box) => (b.top + b.bottom) / 2;
  const ys = rules
    .filter((s) => s.orientation === 'h' && overlap(s.x0, s.x1, x0, x1) >= ACROSS * (x1 - x0))
    .map((s) => (s.top + s.bottom) / 2);
  if (ys.filter((y) => y > first.top && y < line.top).length < MIN_INNER) return false;
  return ys.some((y) => y >= line.bottom - 1) && !ys.some((y) => y > mid(last) && y < mid(line));
}
