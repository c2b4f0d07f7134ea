/** Evaluating one identity (Σ left = Σ right) exactly, with its tolerance, into a ValidationResult. */
import { type Dec, dec, sub, sum, toDecimalString, within } from '@ledgerlift/extract';
import type { NormalizedTable, ValidationResult } from '../model.ts';
import type { Term } from './cells.ts';
import { type Tolerance, toleranceFor } from './tolerance.ts';

/** An identity to check: Σ left = Σ right over the given cells. */
export interface IdentitySpec {
  document: string;
  check: string;
  description: string;
  left: Term[];
  right: Term[];
  /** Tables whose printed unit sets the tolerance. */
  tables: readonly NormalizedTable[];
  /** Overrides the unit-based tolerance (e.g. scores, which are not money). */
  tolerance?: Tolerance;
  /** Unit named in messages (default 元). */
  unit?: string;
}

const ZERO = dec('0');

function signed(t: Term): Dec {
  const v = t.value ?? ZERO;
  return t.sign === 1 ? v : sub(ZERO, v);
}

function scale(d: Dec, n: number): Dec {
  return { units: d.units * BigInt(n), scale: d.scale };
}

/** A result that could not be evaluated, with the reason. */
export function skipped(document: string, check: string, description: string, message: string): ValidationResult {
  return {
    document,
    check,
    description,
    status: 'skipped',
    severity: 'info',
    expected: '',
    actual: '',
    difference: '',
    tolerance: '',
    tolerance_reason: '',
    cells: [],
    message,
  };
}

/**
 * Check Σ left = Σ right. Blank and not-applicable cells count as 0; a text cell makes the check skipped.
 * Returns undefined when no cell of the identity prints a number (nothing was claimed).
 */
export function checkIdentity(spec: IdentitySpec): ValidationResult | undefined {
  const terms = [...spec.left, ...spec.right];
  const cells = terms.flatMap((t) => (t.cell ? [t.cell] : []));
  const numbers = terms.filter((t) => t.status === 'number');
  if (numbers.length === 0) return undefined;
  const text = terms.find((t) => t.status === 'text');
  if (text) {
    const r = skipped(spec.document, spec.check, spec.description, `cell is not a number: ${text.cell?.value ?? ''}`);
    return { ...r, cells };
  }
  const actual = sum(spec.left.map(signed));
  const expected = sum(spec.right.map(signed));
  const difference = sub(actual, expected);
  const tol = spec.tolerance ?? toleranceFor(spec.tables);
  const summed = Math.max(1, numbers.length - 1);
  const tolerance = scale(tol.perTerm, summed);
  const ok = within(actual, expected, tolerance);
  const exact = difference.units === 0n;
  const diffText = toDecimalString(difference);
  const unit = spec.unit ?? '元';
  const message = ok
    ? exact
      ? 'holds exactly'
      : `differs by ${diffText} ${unit}, within rounding tolerance ${toDecimalString(tolerance)} ${unit} (${summed} summed terms)`
    : `differs by ${diffText} ${unit}, beyond tolerance ${toDecimalString(tolerance)} ${unit}`;
  return {
    document: spec.document,
    check: spec.check,
    description: spec.description,
    status: ok ? 'pass' : 'fail',
    severity: ok ? (exact ? 'info' : 'warning') : 'error',
    expected: toDecimalString(expected),
    actual: toDecimalString(actual),
    difference: diffText,
    tolerance: toDecimalString(tolerance),
    tolerance_reason: `${tol.reason}; ${summed} summed term${summed === 1 ? '' : 's'}`,
    cells,
    message,
  };
}
