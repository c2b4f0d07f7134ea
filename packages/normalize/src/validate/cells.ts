/** Reading table cells as signed terms of an identity, with the provenance a check reports. */
import { type Dec, dec, isDecimal } from '@ledgerlift/extract';
import type { CheckCell, NormalizedRow, NormalizedTable, ValueStatus } from '../model.ts';

/** One cell taking part in an identity; `value` is undefined when nothing numeric was printed. */
export interface Term {
  cell?: CheckCell;
  value?: Dec;
  status: ValueStatus | 'missing';
  sign: 1 | -1;
}

/** How a row is named in check results: code and name, or side and name for unnumbered rows. */
export function rowLabel(row: NormalizedRow): string {
  const name = row.name || row.namePrinted;
  if (row.code) return `${row.code} ${name}`.trim();
  return row.side ? `${row.side}: ${name}` : name;
}

/** The term for one cell of a row (status 'missing' when the row has no such column). */
export function termOf(table: NormalizedTable, row: NormalizedRow | undefined, column: string, sign: 1 | -1 = 1): Term {
  const v = row?.values[column];
  if (!row || !v) return { status: 'missing', sign };
  const cell: CheckCell = {
    table_id: table.id,
    table_kind: table.kind,
    row: rowLabel(row),
    column,
    page: v.page === undefined ? '' : String(v.page),
    source: v.source,
    value: v.status === 'number' ? v.value : v.printed,
  };
  if (v.status !== 'number') return { cell, status: v.status, sign };
  // A number status with a value that is not a plain decimal is unreadable, never a crash.
  return isDecimal(v.value) ? { cell, value: dec(v.value), status: 'number', sign } : { cell, status: 'text', sign };
}

/** The terms of one column over several rows. */
export function columnTerms(table: NormalizedTable, rows: readonly NormalizedRow[], column: string): Term[] {
  return rows.map((row) => termOf(table, row, column));
}

/**
 * Value columns a table uses (any row printing a number or a blank there). Columns the normalizer could not
 * name (`col_<n>`) are left out: they may be 行次 or other non-amounts.
 */
export function moneyColumns(table: NormalizedTable): string[] {
  const keys = new Set<string>();
  for (const row of table.rows) {
    for (const [key, v] of Object.entries(row.values)) if (v.status !== 'text' && !/^col_\d+$/.test(key)) keys.add(key);
  }
  return [...keys];
}
