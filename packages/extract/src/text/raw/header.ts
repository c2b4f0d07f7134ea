/**
 * Reading a fake-bold, wrapped table header back into labels and a column template: which stub (code + name,
 * or label + 行次), how many value columns per side or block, and each value column's label path.
 */
import type { TextLine } from '../../model.ts';
import { undoubleColumnNumbers, undoubleRuns } from './doubling.ts';
import { BLOCK_LABELS, GROUP_CHILDREN, HEADER_LABELS, SIDE_LABELS, STUB_LABELS, segmentLabels } from './lexicon.ts';

/** One side (summary tables) or one repeated block (06表) of a table: its stub and value columns. */
export interface Segment {
  /** Label path of each value column, top to bottom. */
  leaves: string[][];
  /** 栏次 printed for each value column, when printed. */
  numbers: (number | undefined)[];
  /** Group label printed above the whole side (收入 / 支出). */
  side?: string;
}

/** The column template read from a header. */
export interface HeaderTemplate {
  /** `none` for tables without a row stub (三公 prints one row of values). */
  stub: 'code-name' | 'label-line' | 'none';
  /** Stub labels as printed: [code label, name label] or [项目, 行次]. */
  stubLabels: [string, string];
  /** 项目 printed above the code and name columns. */
  itemAbove: boolean;
  segments: Segment[];
  /** Repeated blocks printed side by side on one line (06表); segments then hold one block. */
  blocks: number;
  /** Lines of the 栏次 row, when printed. */
  columnNumberLines?: [number, number];
  warnings: string[];
}

/** Undouble one header fragment: header glyphs are all fake-bold, so runs of copies collapse. */
export function undoubleHeaderText(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((piece) => undoubleRuns(piece) ?? piece)
    .join(' ');
}

/** True when a line is a 栏次 row (`栏次栏次 1 2 3`) or a bare column-number row (`1 2 3 … 12`). */
export function isColumnNumberLine(text: string): boolean {
  const t = text.trim();
  if (!t) return false;
  if (/^(栏次)+/.test(t)) return true;
  const nums = t.split(/\s+/);
  return nums.length >= 2 && undoubleColumnNumbers(nums).numbers.every((n, i, a) => n === (a[0] ?? 0) + i);
}

/** Column numbers of a 栏次 row, grouped by each printed `栏次` (one group per side). */
export function readColumnNumbers(text: string): { groups: number[][]; doubled: boolean } {
  const tokens = text.trim().split(/\s+/);
  const groups: string[][] = [];
  for (const tok of tokens) {
    if (/^(栏次)+$/.test(tok)) groups.push([]);
    else if (/^\d+(\.0+)?$/.test(tok)) {
      if (groups.length === 0) groups.push([]);
      groups.at(-1)?.push(tok);
    }
  }
  const flat = groups.flat();
  const { numbers, doubled } = undoubleColumnNumbers(flat);
  let at = 0;
  return { groups: groups.map((g) => g.map(() => numbers[at++] ?? 0)), doubled };
}

/** Group value labels into label paths: known groups take their children, 预算数/决算数 take halves. */
export function buildLeafPaths(labels: readonly string[]): string[][] {
  const items: string[][] = labels.map((l) => [l]);
  const claimed = new Set<number>();
  const out: string[][][] = items.map((p) => [p]);
  for (let i = 0; i < items.length; i++) {
    const label = items[i]?.[0] ?? '';
    const children = GROUP_CHILDREN.get(label);
    if (!children || claimed.has(i)) continue;
    for (let j = i + 1; j < items.length; j++) {
      if (claimed.has(j) || !children.has(items[j]?.[0] ?? '')) continue;
      let end = j;
      const seen = new Set<string>();
      // A run of children ends where a label repeats: that is the next group's copy of the same children.
      for (; end < items.length && !claimed.has(end); end++) {
        const child = items[end]?.[0] ?? '';
        if (!children.has(child) || seen.has(child)) break;
        seen.add(child);
      }
      if (end - j < 2) continue;
      out[i] = items.slice(j, end).map((c) => [label, ...c]);
      for (let k = j; k < end; k++) claimed.add(k);
      break;
    }
  }
  const flat = out.flatMap((group, i) => (claimed.has(i) ? [] : group));
  const budget = flat.findIndex((p) => p.length === 1 && p[0] === '预算数');
  const final = flat.findIndex((p) => p.length === 1 && p[0] === '决算数');
  if (budget >= 0 && final >= 0) {
    const rest = flat.filter((_, i) => i !== budget && i !== final);
    const half = rest.length / 2;
    const same =
      Number.isInteger(half) && rest.slice(0, half).every((p, i) => p.join('/') === rest[half + i]?.join('/'));
    if (same && half > 0)
      return rest.map((p, i) => [
        i < half ? (flat[Math.min(budget, final)]?.[0] ?? '') : (flat[Math.max(budget, final)]?.[0] ?? ''),
        ...p,
      ]);
  }
  return flat;
}

/** Read the header zone and the 栏次 row into a column template. */
export function readHeader(zone: readonly TextLine[], columnLine: TextLine | undefined): HeaderTemplate {
  const warnings: string[] = [];
  const text = zone.map((l) => undoubleHeaderText(l.text)).join('');
  const labels = segmentLabels(text, HEADER_LABELS);
  const hasStub = labels.some((l) => STUB_LABELS.has(l));
  const stub: HeaderTemplate['stub'] = labels.includes('行次') ? 'label-line' : hasStub ? 'code-name' : 'none';
  const codeLabel = labels.find((l) => /科目编码$/.test(l)) ?? '科目编码';
  const stubLabels: [string, string] = stub === 'label-line' ? ['项目', '行次'] : [codeLabel, '科目名称'];
  const sideLabels = labels.filter((l) => SIDE_LABELS.has(l));
  const valueLabels = labels.filter((l) => !STUB_LABELS.has(l) && !SIDE_LABELS.has(l) && !BLOCK_LABELS.has(l));
  const leaves = buildLeafPaths(valueLabels);
  const numbers = columnLine ? readColumnNumbers(columnLine.text) : undefined;
  const stubCount = labels.filter((l) => l === (stub === 'label-line' ? '行次' : '科目名称')).length;
  const groups = numbers?.groups.filter((g) => g.length > 0) ?? [];
  let segments: Segment[];
  let blocks = 1;
  if (stub === 'label-line' && (groups.length > 1 || stubCount > 1)) {
    const sizes = groups.length > 1 ? groups.map((g) => g.length) : splitEvenly(leaves.length, stubCount);
    let at = 0;
    segments = sizes.map((size, s) => {
      const seg: Segment = {
        leaves: leaves.slice(at, at + size),
        numbers: groups[s] ?? new Array(size).fill(undefined),
      };
      const side = sideLabels[s];
      if (side !== undefined) seg.side = side;
      at += size;
      return seg;
    });
  } else if (stub === 'code-name' && stubCount > 1 && leaves.length % stubCount === 0) {
    // 06表 prints the same code/name/amount columns several times side by side; one block describes them all.
    blocks = stubCount;
    const size = leaves.length / stubCount;
    segments = [{ leaves: leaves.slice(0, size), numbers: new Array(size).fill(undefined) }];
  } else {
    const flat = groups.flat();
    segments = [{ leaves, numbers: flat.length === leaves.length ? flat : new Array(leaves.length).fill(undefined) }];
    if (flat.length > 0 && flat.length !== leaves.length) {
      warnings.push(`header labels (${leaves.length}) do not match the ${flat.length} printed column numbers`);
      segments = [{ leaves: flat.map((n) => [`栏${n}`]), numbers: flat }];
    }
  }
  for (const seg of segments) {
    if (seg.leaves.length !== seg.numbers.length) warnings.push('header labels and column numbers disagree');
  }
  const known = labels.filter((l) => HEADER_LABELS.includes(l)).length;
  if (known < 2) warnings.push('no known header labels');
  const template: HeaderTemplate = {
    stub,
    stubLabels,
    itemAbove: stub === 'code-name' && labels.includes('项目'),
    segments,
    blocks,
    warnings,
  };
  if (columnLine) template.columnNumberLines = [columnLine.lineNo, columnLine.lineNo];
  return template;
}

function splitEvenly(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => (i === parts - 1 ? total - base * (parts - 1) : base));
}
