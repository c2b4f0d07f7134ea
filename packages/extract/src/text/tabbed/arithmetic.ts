/** Row arithmetic used to choose among alignments: the total column equals the sum of its part columns. */
import { parseAmount } from '../../common/amount.ts';
import { cmp, type Dec, dec, sum } from '../../common/decimal.ts';
import { squash } from './cells.ts';
import type { ColumnType } from './column-types.ts';

/** The total column and its part columns, from the leaf labels (合计/小计 first, 其中 columns excluded). */
export interface TotalRule {
  total: number;
  parts: number[];
}

/** Find the row rule of a table: the first 合计/小计 amount column and the amount columns after it. */
export function totalRule(types: readonly ColumnType[], labels: readonly string[]): TotalRule | undefined {
  const total = labels.findIndex((l, j) => types[j] === 'value' && /合计|小计|总计/.test(squash(l)));
  if (total < 0) return undefined;
  const parts: number[] = [];
  for (let j = total + 1; j < labels.length; j++) {
    const label = squash(labels[j] ?? '');
    if (types[j] !== 'value' || /合计|小计|总计/.test(label)) break;
    if (!label.startsWith('其中')) parts.push(j);
  }
  return parts.length > 0 ? { total, parts } : undefined;
}

function amountOf(text: string | undefined): Dec | undefined {
  if (text === undefined) return dec('0');
  const parsed = parseAmount(text);
  if (parsed.status === 'blank' || parsed.status === 'not_applicable') return dec('0');
  return parsed.status === 'number' && parsed.value !== undefined ? dec(parsed.value) : undefined;
}

/** 1 when the placed row balances (total = Σ parts, exactly as printed), 0 otherwise or when unreadable. */
export function balances(rule: TotalRule | undefined, byCol: ReadonlyMap<number, string>): number {
  if (!rule || !byCol.has(rule.total)) return 0;
  const total = amountOf(byCol.get(rule.total));
  const parts = rule.parts.map((j) => amountOf(byCol.get(j)));
  if (!total || parts.some((p) => p === undefined)) return 0;
  return cmp(total, sum(parts as Dec[])) === 0 ? 1 : 0;
}
