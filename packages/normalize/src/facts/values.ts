/** Reading one printed cell as a value of a column type: money in 元, ratios as fractions, scores, text. */
import { dec, parseAmount, shift, toDecimalString } from '@ledgerlift/extract';
import type { ValueStatus } from '../model.ts';
import type { ValueType } from '../profile/schema.ts';
import { cleanText } from '../text/clean.ts';

export interface ReadValue {
  value: string;
  status: ValueStatus;
  printed: string;
  unit: string;
  /** Below 1 when the reading repaired the print (a stray % in a money column). */
  confidence?: number;
}

const PERCENT_RE = /^([+-]?\d+(?:\.\d+)?)\s*[%％]$/u;

/** Money unit multiplier: 万元 values are × 10^4 exactly. */
export function moneyShift(unitPrinted: string): number {
  return unitPrinted === '万元' ? 4 : 0;
}

/**
 * Read a printed cell. Money: 元 (万元 × 10000, exact). Ratio: `55.20%` → 0.552. Score/count: the number.
 * Text: whitespace inside CJK removed. Blank and dashes stay distinct from 0.
 */
export function readValue(printedRaw: string, type: ValueType, unitPrinted: string, countUnit = ''): ReadValue {
  const printed = printedRaw.trim();
  if (type === 'text') {
    const value = cleanText(printed).replace(/\s+/g, '');
    return { value, status: value === '' ? 'blank' : 'text', printed, unit: '' };
  }
  const unit = type === 'money' ? '元' : type === 'ratio' ? 'ratio' : type === 'score' ? '分' : countUnit;
  if (type === 'ratio') {
    const m = PERCENT_RE.exec(printed.normalize('NFKC').replace(/\s+/g, ''));
    if (m?.[1]) return { value: toDecimalString(shift(dec(m[1]), -2)), status: 'number', printed, unit };
  }
  // A money column cannot hold a percentage: `29.77%` under 全年执行数 is the amount with a stray sign.
  const stray = type === 'money' ? PERCENT_RE.exec(printed.normalize('NFKC').replace(/\s+/g, '')) : null;
  if (stray?.[1]) {
    const value = toDecimalString(shift(dec(stray[1]), moneyShift(unitPrinted)));
    return { value, status: 'number', printed, unit, confidence: 0.5 };
  }
  const parsed = parseAmount(printed);
  if (parsed.status !== 'number' || parsed.value === undefined) {
    return { value: parsed.status === 'text' ? printed : '', status: parsed.status, printed, unit };
  }
  const k = type === 'money' ? moneyShift(unitPrinted) : 0;
  return { value: toDecimalString(shift(dec(parsed.value), k)), status: 'number', printed, unit };
}
