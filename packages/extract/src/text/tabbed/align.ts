/**
 * Realigning a body row under its header columns. Converters drop or add empty cells, which shifts the
 * printed values against the header. A row is aligned by edit distance: each cell goes to a column whose
 * type accepts it (a name under 科目名称, an amount under an amount column), blank cells may be dropped and
 * columns skipped at a small cost, two adjacent text cells may share a name column (a name the converter cut
 * in two), and no printed cell is ever dropped. Ties are broken by the caller's
 * arithmetic (row total = sum of parts), then by the smallest displacement.
 */

import { type CellKind, cellKind } from './cell-kind.ts';
import { squash } from './cells.ts';
import type { ColumnType } from './column-types.ts';

const DROP_BLANK = 1;
const SKIP_COLUMN = 1;
/** Two adjacent text cells may be one name cut in two by the converter (成本控制 | 在预算内). */
const JOIN_TEXT = 2;
const OVERFLOW = 4;
const EXTRA_COLUMNS = 4;
const MAX_CANDIDATES = 24;
const MAX_STEPS = 4000;

/** 一级指标 names of the performance templates (产出/效益/满意度/成本 …). */
const LEVEL1_RE = /^(?:产出|效益|满意度|成本|投入(?:管理)?|过程|决策|效果|管理)指标$/;
/** 二级指标 names (数量/质量/时效/成本, 经济/社会/生态效益, 可持续影响, …满意度). */
const LEVEL2_RE =
  /^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|.+满意度|经济成本|社会成本|生态环境成本)指标$/;

/** Which indicator level a name belongs to: 1, 2, both (成本指标 is either) or neither. */
export function levelOf(text: string): 'l1' | 'l2' | 'both' | 'none' {
  const t = squash(text).replace(/[（(][^）)]*[）)]/g, '');
  const l1 = LEVEL1_RE.test(t);
  const l2 = LEVEL2_RE.test(t);
  if (l1 && l2) return 'both';
  return l1 ? 'l1' : l2 ? 'l2' : 'none';
}

/** Cost of each cell kind under each plain column type (0 = fits, 5 = does not belong there). */
const COSTS: Record<Exclude<ColumnType, 'any' | 'none' | 'l1' | 'l2'>, Record<Exclude<CellKind, 'blank'>, number>> = {
  code: { code: 0, int: 1, amount: 5, percent: 5, na: 3, text: 5 },
  text: { code: 3, int: 3, amount: 3, percent: 2, na: 1, text: 0 },
  line: { code: 1, int: 0, amount: 2, percent: 5, na: 1, text: 5 },
  value: { code: 0, int: 0, amount: 0, percent: 0, na: 0, text: 5 },
};

/** Cost of putting a cell of this kind (and text) under a column of this type. */
export function compat(kind: CellKind, text: string, type: ColumnType): number {
  if (kind === 'blank' || type === 'any') return 0;
  if (type === 'none') return 4;
  // An indicator name (质量指标) is out of place in a plain name column.
  if (type === 'text' && kind === 'text') return levelOf(text) === 'none' ? 0 : 1;
  if (type === 'l1' || type === 'l2') {
    if (kind !== 'text') return 4;
    // 成本指标 is a 二级 name under 产出指标 more often than a 一级 one.
    const level = levelOf(text);
    if (level === type || (level === 'both' && type === 'l2')) return 0;
    return level === 'both' ? 1 : level === 'none' ? 2 : 3;
  }
  return COSTS[type][kind];
}

export interface Alignment {
  /** Target column of each cell (blank cells may be -1). */
  cols: number[];
  cost: number;
  /** How many distinct optimal placements of the printed cells existed. */
  candidates: number;
  /** True when some printed cell left its printed column. */
  moved: boolean;
}

/** Align one row's cells to the column template; `prefer` scores a placement (higher wins ties). */
export function alignRow(
  cells: readonly string[],
  template: readonly ColumnType[],
  prefer: (cols: readonly number[]) => number = () => 0,
): Alignment {
  const n = cells.length;
  const m = template.length + EXTRA_COLUMNS;
  const kinds = cells.map(cellKind);
  const typeAt = (j: number): ColumnType | 'overflow' => (j < template.length ? template[j]! : 'overflow');
  // Match costs depend only on (cell, column): compute each once.
  const costs = cells.map((cell, i) =>
    Array.from({ length: m }, (_, j) => {
      const type = typeAt(j);
      if (type === 'overflow') return kinds[i] === 'blank' ? 0 : OVERFLOW;
      return compat(kinds[i]!, cell, type);
    }),
  );
  const matchCost = (i: number, j: number): number => costs[i]![j]!;
  const joinable = (i: number, j: number): boolean =>
    i + 1 < n && j < m && kinds[i] === 'text' && kinds[i + 1] === 'text' && typeAt(j) === 'text';
  // restBlank[i]: cells i.. are all blank, so the row may end there for free.
  const restBlank: boolean[] = Array(n + 1).fill(true);
  for (let i = n - 1; i >= 0; i--) restBlank[i] = restBlank[i + 1]! && kinds[i] === 'blank';
  // g[i][j]: least cost to place cells i.. using columns j..
  const g: number[][] = Array.from({ length: n + 1 }, () => Array(m + 1).fill(Number.POSITIVE_INFINITY));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (restBlank[i]) {
        g[i]![j] = 0;
        continue;
      }
      let best = Number.POSITIVE_INFINITY;
      if (j < m) best = Math.min(best, matchCost(i, j) + g[i + 1]![j + 1]!);
      if (kinds[i] === 'blank') best = Math.min(best, DROP_BLANK + g[i + 1]![j]!);
      if (j < m) best = Math.min(best, SKIP_COLUMN + g[i]![j + 1]!);
      if (joinable(i, j)) best = Math.min(best, JOIN_TEXT + matchCost(i, j) + g[i + 2]![j + 1]!);
      g[i]![j] = best;
    }
  }
  const optimum = g[0]![0]!;
  const found = new Map<string, number[]>();
  // Blank cells can be dropped or placed in many equivalent ways: bound the paths walked, not just those kept.
  let budget = MAX_STEPS;
  const path: number[] = [];
  const walk = (i: number, j: number): void => {
    if (found.size >= MAX_CANDIDATES || --budget < 0) return;
    if (restBlank[i]) {
      const full = [...path, ...Array(n - i).fill(-1)];
      const key = full.map((c, k) => (kinds[k] === 'blank' ? '' : c)).join(',');
      if (!found.has(key)) found.set(key, full);
      return;
    }
    const here = g[i]![j]!;
    if (j < m && matchCost(i, j) + g[i + 1]![j + 1]! === here) {
      path.push(j);
      walk(i + 1, j + 1);
      path.pop();
    }
    if (kinds[i] === 'blank' && DROP_BLANK + g[i + 1]![j]! === here) {
      path.push(-1);
      walk(i + 1, j);
      path.pop();
    }
    if (j < m && SKIP_COLUMN + g[i]![j + 1]! === here) walk(i, j + 1);
    if (joinable(i, j) && JOIN_TEXT + matchCost(i, j) + g[i + 2]![j + 1]! === here) {
      path.push(j, j);
      walk(i + 2, j + 1);
      path.pop();
      path.pop();
    }
  };
  walk(0, 0);
  const displacement = (cols: readonly number[]): number =>
    cols.reduce((sum, c, i) => sum + (kinds[i] === 'blank' ? 0 : Math.abs(c - i)), 0);
  const ranked = [...found.values()].sort((a, b) => prefer(b) - prefer(a) || displacement(a) - displacement(b));
  const cols = ranked[0] ?? cells.map((_, i) => i);
  const moved = cols.some((c, i) => kinds[i] !== 'blank' && c !== i);
  return { cols, cost: optimum, candidates: found.size, moved };
}
