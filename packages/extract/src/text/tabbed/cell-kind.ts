/** What a printed cell looks like: a classification code, an amount, a small integer, a percentage, text. */
import { parseAmount } from '../../common/amount.ts';

export type CellKind = 'blank' | 'code' | 'amount' | 'int' | 'percent' | 'na' | 'text';

/** 类/款/项 codes: 3, 5 or 7 digits (functional) or 3/5 digits (economic), printed without separators. */
const CODE_RE = /^\d{3}(?:\d{2}){0,2}$/;
const INT_RE = /^\d{1,2}$/;
const PERCENT_RE = /^[-+]?\d[\d,]*(?:\.\d+)?\s*%$/;

/** Classify one cleaned cell. A bare 3/5/7-digit integer is a 'code' (it may still be an amount). */
export function cellKind(cell: string): CellKind {
  const text = cell.trim();
  if (text === '') return 'blank';
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  if (CODE_RE.test(compact)) return 'code';
  if (INT_RE.test(compact)) return 'int';
  if (PERCENT_RE.test(compact)) return 'percent';
  const parsed = parseAmount(text);
  if (parsed.status === 'number') return 'amount';
  if (parsed.status === 'not_applicable') return 'na';
  return 'text';
}

/** True when the cell is an amount that cannot be a code or a row number (separators, decimals, zero). */
export function isClearAmount(cell: string): boolean {
  const kind = cellKind(cell);
  return kind === 'amount' || (kind === 'int' && /^0+$/.test(cell.trim()));
}
