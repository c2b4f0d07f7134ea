/** Mapping printed header paths to roles (code, name, 行次) and canonical column keys of a profile. */
import type { ColumnSpec } from '../profile/schema.ts';
import { matchKey } from '../text/clean.ts';
import type { HeaderColumn } from './grid.ts';

export type ColumnRole = 'code' | 'name' | 'line' | 'path' | 'value';

export interface MappedColumn {
  col: number;
  role: ColumnRole;
  side: '' | 'income' | 'expenditure';
  /** Canonical key for value columns (`col_<n>` when no spec matched). */
  key: string;
  spec: ColumnSpec | undefined;
  /** Printed header path joined with ` / `. */
  label: string;
  number: string;
}

// `编类`/`码款`: a vertical 编码 label interleaved with 类/款 by the extractor still marks a code column.
const CODE_LEVEL_RE = /编码|代码|^.?[类款项]$|^科目$|分类科目$|^(?:经济|功能)分类$/u;
const NAME_LEVEL_RE = /名称|^项目(?:按.*)?$/u;

/** Role of a column from its header levels; code and 行次 labels win over a 项目 group above them. */
export function roleOf(levels: readonly string[]): ColumnRole | undefined {
  const keys = levels.map((l) => matchKey(l));
  if (keys.some((k) => k === '行次')) return 'line';
  if (keys.some((k) => CODE_LEVEL_RE.test(k))) return 'code';
  if (keys.some((k) => NAME_LEVEL_RE.test(k))) return 'name';
  return undefined;
}

/**
 * Best spec for a header path: every `&`-pattern of a label must occur in a distinct level. The label whose
 * matched levels are deepest wins (compared deepest first, so `预算数 / 公务用车购置费` beats a label that only
 * matches the group above it), then the one matching more characters.
 */
export function matchSpec(levels: readonly string[], specs: readonly ColumnSpec[]): ColumnSpec | undefined {
  const keys = levels.map((l) => matchKey(l));
  let best: { spec: ColumnSpec; depth: number[]; chars: number } | undefined;
  for (const spec of specs) {
    for (const label of spec.labels) {
      const m = matchLabel(keys, label.split('&').map(matchKey));
      if (m && (!best || better(m, best))) best = { spec, ...m };
    }
  }
  return best?.spec;
}

function better(a: { depth: number[]; chars: number }, b: { depth: number[]; chars: number }): boolean {
  for (let i = 0; i < Math.max(a.depth.length, b.depth.length); i++) {
    const x = a.depth[i] ?? -1;
    const y = b.depth[i] ?? -1;
    if (x !== y) return x > y;
  }
  return a.chars > b.chars;
}

function matchLabel(
  keys: readonly string[],
  patterns: readonly string[],
): { depth: number[]; chars: number } | undefined {
  const used = new Set<number>();
  let chars = 0;
  for (const p of patterns) {
    // Prefer the deepest unused level containing the pattern.
    let found = -1;
    for (let i = keys.length - 1; i >= 0; i--) {
      if (!used.has(i) && (keys[i] ?? '').includes(p)) {
        found = i;
        break;
      }
    }
    if (found < 0) return undefined;
    used.add(found);
    chars += p.length;
  }
  return { depth: [...used].sort((x, y) => y - x), chars };
}

/** Side of a column in a two-sided table from its group label (收入 / 本年收入 | 支出 / 本年支出). */
export function sideOfLevels(levels: readonly string[]): '' | 'income' | 'expenditure' {
  const top = matchKey(levels[0] ?? '');
  if (/^(?:本年)?收入$/u.test(top)) return 'income';
  if (/^(?:本年)?支出$/u.test(top)) return 'expenditure';
  return '';
}

/** Map every column: roles, sides (two-sided tables: by group label, else from the second 项目 column on). */
export function mapColumns(
  header: readonly HeaderColumn[],
  specs: readonly ColumnSpec[],
  twoSided: boolean,
): MappedColumn[] {
  let sides = header.map((h) => (twoSided ? sideOfLevels(h.levels) : ''));
  if (twoSided && !sides.includes('expenditure')) {
    const names = header.map((h, c) => (roleOf(h.levels) === 'name' ? c : -1)).filter((c) => c >= 0);
    const split = names[1] ?? Math.ceil(header.length / 2);
    sides = header.map((_, c) => (c < split ? 'income' : 'expenditure'));
  }
  return header.map((h, col) => {
    const side = sides[col] ?? '';
    const label = h.levels.join(' / ');
    const role = roleOf(h.levels);
    if (role) return { col, role, side, key: '', spec: undefined, label, number: h.number };
    const spec = matchSpec(
      h.levels,
      specs.filter((s) => !twoSided || !s.side || s.side === side),
    );
    return { col, role: 'value', side, key: spec?.key ?? `col_${col + 1}`, spec, label, number: h.number };
  });
}
