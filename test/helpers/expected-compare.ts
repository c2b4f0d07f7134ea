/**
 * Comparing pipeline facts with expected values as multisets keyed by
 * (table_kind, project, side, row_code or row_name, row_path, column_key), and printing the difference.
 */
import type { ExpectedRow } from './expected-csv.ts';

/** The fact fields the comparison reads (a subset of normalize's Fact). */
export interface FactLike {
  table_kind: string;
  project: string;
  side: string;
  row_code: string;
  row_name: string;
  row_path: string;
  column_key: string;
  value: string;
  source: string;
}

/** One value on one side of the comparison, with where it came from. */
export interface Located {
  value: string;
  where: string;
}

export interface Mismatch {
  key: string;
  expected: Located;
  actual: Located;
}

export interface Comparison {
  matched: number;
  /** Matched values per table_kind, for the per-table summary. */
  matchedByKind: Record<string, number>;
  missing: { key: string; expected: Located }[];
  wrong: Mismatch[];
  extra: { key: string; actual: Located }[];
}

/** The multiset key of a row or fact: a code wins over a name, as in the contract. */
export function comparisonKey(r: Omit<FactLike, 'value' | 'source'>): string {
  const row = r.row_code !== '' ? r.row_code : r.row_name;
  return [r.table_kind, r.project, r.side, row, r.row_path, r.column_key].join(SEP);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Remove the first element equal to `value` (by .value) from `list`; true when one was removed. */
function takeEqual(list: Located[], value: string): boolean {
  const i = list.findIndex((l) => l.value === value);
  if (i < 0) return false;
  list.splice(i, 1);
  return true;
}

const SEP = ' | ';

function kindOf(key: string): string {
  return key.split(SEP)[0] ?? '';
}

/** The key without its empty parts, for people: `income / 210 / total`. */
function showKey(key: string): string {
  return key
    .split(SEP)
    .filter((part) => part !== '')
    .join(' / ');
}

/** Compare expected rows and facts key by key; equal values pair first, leftovers pair up as wrong. */
export function compareWithExpected(expected: readonly ExpectedRow[], facts: readonly FactLike[]): Comparison {
  const exp = groupBy(expected, comparisonKey);
  const act = groupBy(facts, comparisonKey);
  const result: Comparison = { matched: 0, matchedByKind: {}, missing: [], wrong: [], extra: [] };
  for (const key of new Set([...exp.keys(), ...act.keys()])) {
    const wanted: Located[] = (exp.get(key) ?? []).map((r) => ({ value: r.value, where: `line ${r.line}` }));
    const got: Located[] = (act.get(key) ?? []).map((f) => ({ value: f.value, where: f.source }));
    const kind = kindOf(key);
    const unmatched = wanted.filter((w) => {
      const found = takeEqual(got, w.value);
      if (found) {
        result.matched++;
        result.matchedByKind[kind] = (result.matchedByKind[kind] ?? 0) + 1;
      }
      return !found;
    });
    unmatched.forEach((w, i) => {
      const a = got[i];
      if (a) result.wrong.push({ key, expected: w, actual: a });
      else result.missing.push({ key, expected: w });
    });
    for (const a of got.slice(unmatched.length)) result.extra.push({ key, actual: a });
  }
  return result;
}

/** A readable report: counts overall and per table kind, then up to `limit` lines per category, sorted. */
export function formatComparison(name: string, c: Comparison, limit = 40): string {
  const section = (title: string, lines: string[]): string[] => {
    if (lines.length === 0) return [];
    const sorted = [...lines].sort();
    const more = sorted.length > limit ? [`    … and ${sorted.length - limit} more`] : [];
    return [`  ${title} (${lines.length}):`, ...sorted.slice(0, limit).map((l) => `    ${l}`), ...more];
  };
  const kinds = new Map<string, { ok: number; missing: number; wrong: number; extra: number }>();
  const tally = (key: string, field: 'missing' | 'wrong' | 'extra') => {
    const k = kindOf(key);
    const t = kinds.get(k) ?? { ok: c.matchedByKind[k] ?? 0, missing: 0, wrong: 0, extra: 0 };
    t[field]++;
    kinds.set(k, t);
  };
  for (const [k, ok] of Object.entries(c.matchedByKind)) kinds.set(k, { ok, missing: 0, wrong: 0, extra: 0 });
  for (const m of c.missing) tally(m.key, 'missing');
  for (const w of c.wrong) tally(w.key, 'wrong');
  for (const e of c.extra) tally(e.key, 'extra');
  const total = c.matched + c.missing.length + c.wrong.length;
  return [
    `${name}: ${c.matched}/${total} expected values found; ${c.missing.length} missing, ${c.wrong.length} wrong, ${c.extra.length} extra`,
    ...[...kinds.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, t]) => `  ${k}: ${t.ok} ok, ${t.missing} missing, ${t.wrong} wrong, ${t.extra} extra`),
    ...section(
      'wrong (key: expected @ line → actual @ source)',
      c.wrong.map(
        (w) => `${showKey(w.key)}: ${w.expected.value} @ ${w.expected.where} → ${w.actual.value} @ ${w.actual.where}`,
      ),
    ),
    ...section(
      'missing (key: expected @ line)',
      c.missing.map((m) => `${showKey(m.key)}: ${m.expected.value} @ ${m.expected.where}`),
    ),
    ...section(
      'extra (key: actual @ source)',
      c.extra.map((e) => `${showKey(e.key)}: ${e.actual.value} @ ${e.actual.where}`),
    ),
  ].join('\n');
}
