/**
 * How far an identity may be off. Amounts are compared in 元; a table printed in 万元 rounds every cell to
 * 0.01 万元 (its note admits 尾差), so each summed term may carry up to 0.01 万元 = 100 元. 元 tables are exact.
 */
import { type Dec, dec } from '@ledgerlift/extract';
import type { NormalizedTable } from '../model.ts';

const WAN_STEP = dec('100');
const ZERO = dec('0');

/** True when the table prints its amounts in 万元. */
export function printsWan(table: Pick<NormalizedTable, 'unitPrinted' | 'unit'>): boolean {
  return /万/.test(table.unitPrinted);
}

/** The allowed difference of an identity and why. */
export interface Tolerance {
  /** Allowed difference per summed term, in 元. */
  perTerm: Dec;
  reason: string;
}

/** The per-term tolerance of an identity over these tables (the coarsest unit wins). */
export function toleranceFor(tables: readonly Pick<NormalizedTable, 'unitPrinted' | 'unit'>[]): Tolerance {
  if (tables.some(printsWan)) {
    return {
      perTerm: WAN_STEP,
      reason: '万元 table: each printed cell is rounded to 0.01 万元, so 0.01 万元 (100 元) per summed term',
    };
  }
  return { perTerm: ZERO, reason: '元 table: printed to the fen, must match exactly' };
}
