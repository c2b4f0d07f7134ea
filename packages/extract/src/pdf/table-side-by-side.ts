/**
 * Unruled-column tables printed side by side: each is ruled across its own width only, so the rules stop at
 * the gap between them. Text beside each other in that stretch of the page belongs to different tables and
 * is read apart, one part per table.
 */
import { groupLines } from './lines.ts';
import type { Line, Segment } from './types.ts';

/** Rules whose ends lie this close (pt) belong to one table. */
const SAME_END = 3;

interface RuleGroup {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
}

/** Horizontal rules grouped by their extent: two or more rules with the same ends. */
function ruleGroups(rules: readonly Segment[]): RuleGroup[] {
  const groups: { x0: number; x1: number; ys: number[] }[] = [];
  for (const s of rules) {
    if (s.orientation !== 'h') continue;
    const g = groups.find((x) => Math.abs(x.x0 - s.x0) <= SAME_END && Math.abs(x.x1 - s.x1) <= SAME_END);
    if (g) g.ys.push(s.top);
    else groups.push({ x0: s.x0, x1: s.x1, ys: [s.top] });
  }
  return groups
    .filter((g) => g.ys.length >= 2)
    .map((g) => ({ x0: g.x0, x1: g.x1, top: Math.min(...g.ys), bottom: Math.max(...g.ys) }));
}

/**
 * The lines split into parts to read separately: where two groups of rules stand side by side (disjoint in
 * x, overlapping in y), the lines over that stretch are cut at the middle of the gap between them.
 */
export function sideBySideParts(lines: readonly Line[], rules: readonly Segment[]): Line[][] {
  const groups = ruleGroups(rules).sort((a, b) => a.x0 - b.x0);
  for (let i = 0; i + 1 < groups.length; i++) {
    const a = groups[i]!;
    const b = groups.slice(i + 1).find((g) => g.x0 > a.x1 && g.top < a.bottom && a.top < g.bottom);
    if (!b) continue;
    const cut = (a.x1 + b.x0) / 2;
    const top = Math.min(a.top, b.top);
    const bottom = Math.max(a.bottom, b.bottom);
    // A rule across the gap in that stretch makes them parts of one table (rules under spanning headers).
    if (rules.some((s) => s.orientation === 'h' && s.top > top && s.top < bottom && s.x0 < a.x1 && s.x1 > b.x0))
      continue;
    const inside = (l: Line) => (l.top + l.bottom) / 2 >= top && (l.top + l.bottom) / 2 <= bottom;
    const glyphs = lines.filter(inside).flatMap((l) => l.glyphs);
    const left = glyphs.filter((g) => (g.x0 + g.x1) / 2 < cut);
    const right = glyphs.filter((g) => (g.x0 + g.x1) / 2 >= cut);
    if (left.length === 0 || right.length === 0) continue;
    return [lines.filter((l) => !inside(l)), groupLines(left), groupLines(right)];
  }
  return [[...lines]];
}
