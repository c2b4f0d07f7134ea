/**
 * Exact decimal arithmetic on strings via bigint. Money never touches a float here.
 * A decimal is kept as { units, scale }: value = units / 10^scale.
 */

export interface Dec {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^([+-])?(\d+)(?:\.(\d*))?$/;

/** Parse a plain decimal string ("-12.50", "3", "0.005") exactly; throws on anything else. */
export function dec(text: string): Dec {
  const m = DECIMAL_RE.exec(text.trim());
  if (!m) throw new Error(`not a plain decimal: ${JSON.stringify(text)}`);
  const frac = m[3] ?? '';
  const units = BigInt((m[2] ?? '0') + frac);
  return { units: m[1] === '-' ? -units : units, scale: frac.length };
}

/** True when `text` is a plain decimal string that `dec` accepts. */
export function isDecimal(text: string): boolean {
  return DECIMAL_RE.test(text.trim());
}

function rescale(a: Dec, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

/** a + b, exactly. */
export function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** a − b, exactly. */
export function sub(a: Dec, b: Dec): Dec {
  return add(a, { units: -b.units, scale: b.scale });
}

/** Σ values, exactly (0 for none). */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce(add, { units: 0n, scale: 0 });
}

/** a × 10^k for k ≥ 0 (万元 → 元 is k = 4), exactly. */
export function shift(a: Dec, k: number): Dec {
  if (k >= 0) {
    const drop = Math.min(k, a.scale);
    return { units: a.units * 10n ** BigInt(k - drop), scale: a.scale - drop };
  }
  return { units: a.units, scale: a.scale - k };
}

/** Compare: negative, zero or positive like a − b. */
export function cmp(a: Dec, b: Dec): number {
  const d = sub(a, b).units;
  return d === 0n ? 0 : d < 0n ? -1 : 1;
}

/** |a − b| ≤ tolerance. */
export function within(a: Dec, b: Dec, tolerance: Dec): boolean {
  const d = sub(a, b);
  const abs = { units: d.units < 0n ? -d.units : d.units, scale: d.scale };
  return cmp(abs, tolerance) <= 0;
}

/** Canonical string: no exponent, no trailing fractional zeros, "-0" becomes "0". */
export function toDecimalString(a: Dec): string {
  let { units, scale } = a;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  const neg = units < 0n;
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0');
  const body = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return neg ? `-${body}` : body;
}

/** Canonicalise a decimal string ("1,234.50" is not accepted here; see parseAmount). */
export function canonical(text: string): string {
  return toDecimalString(dec(text));
}
