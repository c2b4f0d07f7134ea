/**
 * Reading amounts as printed in reports: thousands separators, full-width digits, parentheses or a
 * minus for negatives, and the markers that mean "not printed" or "not applicable" as distinct from 0.
 */
import { canonical } from './decimal.ts';

export type AmountStatus = 'number' | 'blank' | 'not_applicable' | 'text';

export interface ParsedAmount {
  status: AmountStatus;
  /** Canonical exact decimal string when status is 'number'. */
  value?: string;
  /** Decimal places as printed (for rounding tolerances). */
  decimals?: number;
  /** Printed text, trimmed. */
  printed: string;
}

/** Dashes and rules that print "not applicable" in these reports (──── , —, -, －). */
const NOT_APPLICABLE_RE = /^[-－—–─━_﹣‐‒―]+$/u;
const AMOUNT_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/** Fold full-width digits and punctuation to ASCII so amounts read the same however they were typed. */
export function foldWidth(text: string): string {
  return text.normalize('NFKC');
}

/** Parse one printed cell as an amount; never throws. */
export function parseAmount(raw: string): ParsedAmount {
  const printed = raw.trim();
  if (printed === '') return { status: 'blank', printed };
  if (NOT_APPLICABLE_RE.test(printed)) return { status: 'not_applicable', printed };
  let text = foldWidth(printed).replace(/\s+/g, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(text);
  if (paren?.[1] !== undefined) {
    negative = true;
    text = paren[1];
  }
  const m = AMOUNT_RE.exec(text);
  if (!m) return { status: 'text', printed };
  if (m[1] === '-') negative = !negative;
  const frac = m[3] ?? '';
  const body = `${(m[2] ?? '').replace(/,/g, '')}${frac ? `.${frac}` : ''}`;
  const value = canonical(negative ? `-${body}` : body);
  return { status: 'number', value, decimals: frac.length, printed };
}

/** True when the printed text reads as a number. */
export function isAmount(raw: string): boolean {
  return parseAmount(raw).status === 'number';
}
