/**
 * Splitting runs where a converter glued an amount to the next cell: `16156005.96一、一般公共服务支出`,
 * `950305.0030201` (= 950305.00 then code 30201), `2315122.76302302` (= 2315122.76 then doubled code 302).
 * In tables whose amounts are printed with exactly two decimals the split is decidable: the amount ends two
 * digits after its point, and digits that follow must have a classification code's shape (3/5/7 digits, or
 * such a code printed twice); anything else is left untouched.
 */
import { isCodeShape, undoubleCode } from './doubling.ts';

const GLUED_RE = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2})(.+)$/u;
const AMOUNT2_RE = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}$/;

/** True for an amount printed with exactly two decimals (`1711.00`, `1,234.50`). */
export function isAmount2(text: string): boolean {
  return AMOUNT2_RE.test(text);
}

/**
 * True when a table body prints its amounts with exactly two decimals (≥ 3 clean ones, and clean or glued
 * runs make ≥ 80 % of all decimal tokens): only then is splitting safe — among `0.58428`-style values it is not.
 */
export function usesTwoDecimals(texts: readonly string[]): boolean {
  const tokens = texts.flatMap((t) => t.split(/\s+/)).filter((t) => /^-?[\d,]*\d\.\d/.test(t));
  const clean = tokens.filter((t) => AMOUNT2_RE.test(t)).length;
  const glued = tokens.filter((t) => !AMOUNT2_RE.test(t) && splitGlued(t).length > 1).length;
  return clean >= 3 && clean + glued >= 0.8 * tokens.length;
}

/** Split one space-free run (use only where `usesTwoDecimals` holds) into the printed cells it glues together; a clean run comes back alone. */
export function splitGlued(run: string): string[] {
  const m = GLUED_RE.exec(run);
  if (!m?.[1] || !m[2]) return [run];
  const [amount, rest] = [m[1], m[2]];
  if (/^\d/.test(rest)) {
    if (/^\d+$/.test(rest)) return isCodeShape(rest) || undoubleCode(rest) ? [amount, rest] : [run];
    // Two amounts glued together (`100.00200.00`) split the same way, recursively.
    const tail = splitGlued(rest);
    return tail.length > 1 || isAmount2(rest) ? [amount, ...tail] : [run];
  }
  if (/^[.,%]/.test(rest)) return [run];
  return [amount, rest];
}
