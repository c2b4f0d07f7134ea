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
  const first = record.indexOf(true);
  if (!box || first < 0) return undefined;
  const width = box.x1 - box.x0;
  const ys = rules
    .filter((s) => s.orientation === 'h' && overlap(s.x0, s.x1, box.x0, box.x1) >= ACROSS * width)
    .map((s) => (s.top + s.bottom) / 2);
  const inner = ys.filter((y) => y > lines[first]!.top && y < box.bottom);
  if (inner.length < MIN_INNER) return undefined;
  const bands = lines.map((l) => ys.filter((y) => y < (l.top + l.bottom) / 2).length);
  const records = bands.filter((_, i) => record[i]);
  return new Set(records).size * 2 > records.length ? bands : undefined;
}
