/**
 * What an OCR'd amount might really have been: the known confusions (o/O→0, l/I/|→1, S→5, B→8, …), a
 * decimal point lost or read as a digit, a space where the point was, junk at the edges, and one-digit slips.
 * Candidates come cheapest first; only the table's arithmetic may choose one (see repair.ts).
 */
import { parseAmount } from '../common/amount.ts';

const CONFUSABLE: Record<string, string> = {
  o: '0',
  O: '0',
  D: '0',
  Q: '0',
  l: '1',
  I: '1',
  i: '1',
  '|': '1',
  '!': '1',
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  g: '9',
  q: '9',
  G: '6',
  b: '6',
};
/** Digits tesseract mistakes for one another in printed tables. */
const DIGIT_SLIPS: Record<string, string> = {
  '0': '689',
  '1': '74',
  '2': '7',
  '3': '85',
  '4': '1',
  '5': '63',
  '6': '580',
  '7': '12',
  '8': '3609',
  '9': '80',
};
const EDGE_JUNK = /^[\s|”“"'‘’_.,:;`~]+|[\s|”“"'‘’_,:;`~.]+$/g;

/** The OCR text with confusable letters mapped to digits, edge junk removed and a split point re-joined. */
export function cleanAmountText(raw: string, decimals = 2): string {
  let text = [...raw.trim().replace(EDGE_JUNK, '')].map((ch) => CONFUSABLE[ch] ?? ch).join('');
  text = text.replace(/\s*\.\s*/g, '.');
  const spaced = new RegExp(`^(\\d[\\d,]*)\\s+(\\d{${decimals}})$`).exec(text);
  if (spaced && decimals > 0) text = `${spaced[1]}.${spaced[2]}`;
  return text.replace(/\s+/g, '');
}

/** The longest run shaped like a number in cleaned text (junk letters read from specks or a seal dropped). */
function numericCore(cleaned: string): string | undefined {
  const runs = cleaned.match(/\d[\d,]*(?:\.\d+)?/g) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0];
}

/** True when the raw OCR text is plausibly an amount (mostly digits and confusables, or junk around a number). */
export function looksLikeAmount(raw: string): boolean {
  const t = raw.trim();
  if (t.length === 0) return false;
  const digits = [...t].filter((c) => /\d/.test(c)).length;
  const confusable = [...t].filter((c) => c in CONFUSABLE || /[.,\s]/.test(c)).length;
  if (digits >= 2 && digits + confusable >= t.length - 1) return true;
  const core = numericCore(cleanAmountText(t)) ?? '';
  return core.replace(/\D/g, '').length >= 3 && core.length >= t.replace(/\s/g, '').length * 0.6;
}

/** Canonical values the raw text may stand for, cheapest explanation first, without duplicates. */
export function amountCandidates(raw: string, decimals = 2): string[] {
  const out: string[] = [];
  const push = (text: string) => {
    const parsed = parseAmount(text);
    if (parsed.status === 'number' && !out.includes(parsed.value!)) out.push(parsed.value!);
  };
  let cleaned = cleanAmountText(raw, decimals);
  push(cleaned);
  const core = numericCore(cleaned);
  if (core && core !== cleaned) {
    push(core);
    if (parseAmount(cleaned).status !== 'number') cleaned = core;
  }
  const digits = cleaned.replace(/,/g, '');
  if (/^\d+$/.test(digits) && decimals > 0 && digits.length > decimals) {
    push(`${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`); // point lost
    if (digits.length > decimals + 1) {
      push(`${digits.slice(0, -decimals - 1)}.${digits.slice(-decimals)}`); // point read as a digit
    }
  }
  const base = parseAmount(cleaned).status === 'number' ? digits : '';
  for (let i = 0; i < base.length; i += 1) {
    for (const alt of DIGIT_SLIPS[base[i]!] ?? '') push(base.slice(0, i) + alt + base.slice(i + 1));
  }
  return out;
}
