/**
 * Deciding which column a printed amount belongs to when blank cells are only runs of spaces: the positional
 * reading is checked against the identities the header implies (a 合计/小计 column = Σ its sibling columns;
 * 年末结转和结余 = 年初 + 本年收入 − 本年支出), and when it fails every order-preserving placement of the
 * printed values is tried. Printed numbers are never changed, only placed.
 */
import { parseAmount } from '../../common/amount.ts';
import { add, cmp, type Dec, dec, sub, sum } from '../../common/decimal.ts';

/** An identity over value-column indices: Σ plus − Σ minus = total. */
export interface Identity {
  total: number;
  plus: number[];
  minus: number[];
}

/** Identities implied by the value columns' label paths (columns of one side/segment). */
export function identitiesFromLeaves(leaves: readonly (readonly string[])[]): Identity[] {
  const out: Identity[] = [];
  const isTotal = (label: string | undefined) => /(合计|小计)$/.test(label ?? '');
  // Each group (a label path prefix) lists its members in column order: a leaf column, or a subgroup
  // represented by its own 合计/小计 column.
  const prefixes = new Set(leaves.flatMap((p) => p.slice(0, -1).map((_, i) => p.slice(0, i + 1).join('/'))));
  prefixes.add('');
  for (const prefix of prefixes) {
    const depth = prefix === '' ? 0 : prefix.split('/').length;
    const members: number[][] = [];
    const seen = new Map<string, number>();
    leaves.forEach((path, col) => {
      if (path.slice(0, depth).join('/') !== prefix || path.length <= depth) return;
      const key = path[depth] ?? '';
      const at = path.length === depth + 1 ? undefined : seen.get(key);
      if (at === undefined) {
        seen.set(key, members.length);
        members.push([col]);
      } else members[at]?.push(col);
    });
    const columns = members.map((cols) => cols.find((c) => isTotal(leaves[c]?.at(-1))) ?? cols[0] ?? -1);
    const [first, ...rest] = columns;
    if (first === undefined || rest.length < 2 || !isTotal(leaves[first]?.at(-1))) continue;
    if ((members[0]?.length ?? 0) > 1) continue;
    const parts = rest.filter((c) => c >= 0 && !/^其中/.test(leaves[c]?.at(-1) ?? ''));
    if (parts.length >= 1) out.push({ total: first, plus: parts, minus: [] });
  }
  const find = (re: RegExp) => leaves.findIndex((p) => re.test(p.join('/')));
  const begin = find(/年初结转和结余$/);
  const income = find(/^本年收入$/);
  const expense = leaves.findIndex((p) => p[0] === '本年支出' && /(小计|合计)$/.test(p.at(-1) ?? ''));
  const end = find(/年末结转和结余$/);
  if (begin >= 0 && income >= 0 && expense >= 0 && end >= 0)
    out.push({ total: end, plus: [begin, income], minus: [expense] });
  return out;
}

function amountOf(text: string | undefined): Dec {
  if (text === undefined) return dec('0');
  const parsed = parseAmount(text);
  return parsed.status === 'number' && parsed.value !== undefined ? dec(parsed.value) : dec('0');
}

/** True when every identity holds exactly for the given column texts (blank and ──── count as 0). */
export function identitiesHold(texts: readonly (string | undefined)[], identities: readonly Identity[]): boolean {
  return identities.every((id) => {
    const total = amountOf(texts[id.total]);
    const rhs = sub(sum(id.plus.map((c) => amountOf(texts[c]))), sum(id.minus.map((c) => amountOf(texts[c]))));
    return cmp(total, rhs) === 0;
  });
}

/** Outcome of placing one row's values. */
export interface Placement<T> {
  cells: (T | undefined)[];
  confidence: number;
  note?: string;
}

/**
 * Place a row's printed values into `k` columns. The positional reading wins when it satisfies the identities
 * (or none apply); otherwise the order-preserving placement that does, nearest to the positional one. Ties
 * are kept positional with a low confidence.
 */
export function placeValues<T>(
  positional: readonly (T | undefined)[],
  k: number,
  identities: readonly Identity[],
  textOf: (t: T) => string,
): Placement<T> {
  const cells = Array.from({ length: k }, (_, i) => positional[i]);
  const texts = (cs: readonly (T | undefined)[]) => cs.map((c) => (c === undefined ? undefined : textOf(c)));
  const printed = positional.filter((c): c is T => c !== undefined);
  const fits = positional.length <= k;
  const applicable = identities.length > 0 && printed.length > 0;
  if (fits && (!applicable || identitiesHold(texts(cells), identities)))
    return { cells, confidence: applicable ? 1 : 0.95 };
  if (printed.length > k) return { cells, confidence: 0.3, note: 'more values than columns' };
  const originalPos = positional.flatMap((c, i) => (c === undefined ? [] : [i]));
  let best: { cells: (T | undefined)[]; cost: number }[] = [];
  for (const combo of combinations(k, printed.length)) {
    const cand: (T | undefined)[] = new Array(k).fill(undefined);
    combo.forEach((col, j) => {
      cand[col] = printed[j];
    });
    if (!identitiesHold(texts(cand), identities)) continue;
    const cost = combo.reduce((acc, col, j) => acc + Math.abs(col - (originalPos[j] ?? col)), 0);
    if (best.length === 0 || cost < (best[0]?.cost ?? Infinity)) best = [{ cells: cand, cost }];
    else if (cost === best[0]?.cost) best.push({ cells: cand, cost });
  }
  const only = best.length === 1 ? best[0] : undefined;
  if (only) return { cells: only.cells, confidence: 0.8, note: 'placed-by-arithmetic' };
  const note = best.length > 1 ? 'ambiguous-placement' : 'identity-fails';
  return { cells, confidence: 0.5, note };
}

function* combinations(n: number, r: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === r) {
    yield [...acc];
    return;
  }
  for (let i = start; i <= n - (r - acc.length); i++) {
    acc.push(i);
    yield* combinations(n, r, i + 1, acc);
    acc.pop();
  }
}

/** Σ of printed amounts (blank and ──── as 0); exact. */
export function total(texts: readonly (string | undefined)[]): Dec {
  return texts.reduce<Dec>((acc, t) => add(acc, amountOf(t)), dec('0'));
}
